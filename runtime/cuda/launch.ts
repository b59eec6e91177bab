// launch/launchAsync: check the configuration and arguments, then run the
// kernel on the GPU, on the compiled CPU simulator, or in JS (lockstep.ts).
// TSNATIVE_CUDA=gpu|sim forces a choice; otherwise the GPU when a launcher is
// bound and the device probe says yes, else the compiled simulator (with one
// notice saying why), else JS.
import { registry, kernelBindingOf, type KernelBinding, type Launcher, type AsyncLauncher } from '../registry';
import type { DeviceArray } from './device-array';
import { gpuAvailability, gpuLimits } from './gpu';
import { checkArguments, gpuArguments, hostArguments } from './kernel-args';
import { kernelParams, type KernelParams } from './kernel-params';
import { DEFAULT_LIMITS, launchShape, type LaunchConfig, type LaunchLimits, type LaunchShape } from './launch-config';
import { runLockstep } from './lockstep';
import { describeValue, type TypedArray } from './typed-arrays';

/** A kernel's arguments as launch takes them: a DeviceArray wherever it takes a typed array of that kind. */
export type KernelArgs<P extends readonly unknown[]> = { [K in keyof P]: P[K] extends TypedArray ? P[K] | DeviceArray<P[K]> : P[K] };

/** Where a launch runs: see kernelTarget. */
export type KernelTarget = { target: 'gpu'; device: string } | { target: 'sim' | 'js'; why: string };

type Route = { kind: 'gpu' | 'sim'; run: Launcher; runAsync?: AsyncLauncher } | { kind: 'js' };

interface Prepared {
  kernel: Function;
  name: string;
  binding: KernelBinding | undefined;
  route: Route;
  shape: LaunchShape;
  limits: LaunchLimits;
  params: KernelParams;
  args: readonly unknown[];
}

function mode(): 'gpu' | 'sim' | undefined {
  const v = process.env.TSNATIVE_CUDA;
  if (v === undefined || v === '') return undefined;
  if (v === 'gpu' || v === 'sim') return v;
  throw new Error(`TSNATIVE_CUDA must be "gpu" or "sim" (or unset, to choose by what is built and present), got ${JSON.stringify(v)}`);
}

function whyNoGpuBuild(name: string, binding: KernelBinding | undefined): string {
  if (!binding) {
    return (
      `tsnative never loaded ${name} as a kernel: mark it /** @kernel */, run \`npx tsnative build --target cuda\`, ` +
      'and start node with `--import tsnative/register`'
    );
  }
  return binding.reason ?? `${name} was built without the cuda target; run \`npx tsnative build --target cuda\` where nvcc is installed`;
}

function notice(why: string, name: string): void {
  const reg = registry();
  if (reg.warned.has('cuda#sim')) return;
  reg.warned.add('cuda#sim');
  process.emitWarning(
    `kernels run on tsnative's CPU simulator, not on a GPU: ${why} (first launch: ${name}). Set TSNATIVE_CUDA=sim to choose the simulator.`,
    { code: 'TSNATIVE_CUDA_SIM' },
  );
}

/** `onSim` hears why a kernel that could run on a GPU runs on the simulator instead (by default, the notice). */
function chooseRoute(name: string, binding: KernelBinding | undefined, onSim = (why: string) => notice(why, name)): Route {
  const forced = mode();
  if (forced === 'gpu') {
    if (!binding?.gpu) throw new Error(`${name}: TSNATIVE_CUDA=gpu, but ${name} has no GPU build: ${whyNoGpuBuild(name, binding)}`);
    const gpu = gpuAvailability();
    if (!gpu.usable) throw new Error(`${name}: TSNATIVE_CUDA=gpu, but kernels cannot run on a GPU here: ${gpu.why}`);
    return { kind: 'gpu', run: binding.gpu, runAsync: binding.gpuAsync };
  }
  const sim: Route = binding?.sim ? { kind: 'sim', run: binding.sim, runAsync: binding.simAsync } : { kind: 'js' };
  if (forced === 'sim' || !binding) return sim;
  if (binding.gpu) {
    const gpu = gpuAvailability();
    if (gpu.usable) return { kind: 'gpu', run: binding.gpu, runAsync: binding.gpuAsync };
    onSim(gpu.why);
  } else if (binding.sim) onSim(whyNoGpuBuild(name, binding));
  return sim;
}

/**
 * Where `launch(kernel, …)` runs the kernel in this process: on a GPU (with
 * its name), on the compiled CPU simulator, or as JS in lock-step, with why
 * not on a GPU. It decides as launch does (the GPU is asked the first time),
 * without the simulator's notice; where launch would throw for the route
 * (TSNATIVE_CUDA=gpu and no GPU to run on) it throws the same Error.
 */
export function kernelTarget(kernel: Function): KernelTarget {
  if (typeof kernel !== 'function') throw new TypeError(`kernelTarget: expected a kernel function, got ${describeValue(kernel)}`);
  const binding = kernelBindingOf(kernel);
  const name = binding?.name ?? (kernel.name || 'kernel');
  let simWhy: string | undefined;
  const route = chooseRoute(name, binding, (why) => (simWhy = why));
  if (route.kind === 'gpu') {
    const gpu = gpuAvailability();
    return { target: 'gpu', device: (gpu.usable && gpu.device) || 'GPU' };
  }
  if (route.kind === 'js') return { target: 'js', why: binding?.reason ?? whyNoGpuBuild(name, binding) };
  return { target: 'sim', why: simWhy ?? (mode() === 'sim' ? 'TSNATIVE_CUDA=sim' : whyNoGpuBuild(name, binding)) };
}

function prepare(kernel: unknown, config: unknown, args: readonly unknown[]): Prepared {
  if (typeof kernel !== 'function') throw new TypeError(`launch: expected a kernel function, got ${describeValue(kernel)}`);
  const binding = kernelBindingOf(kernel);
  const name = binding?.name ?? (kernel.name || 'kernel');
  const route = chooseRoute(name, binding);
  const limits = route.kind === 'gpu' ? gpuLimits() : DEFAULT_LIMITS;
  const shape = launchShape(name, config, limits);
  const params: KernelParams = binding ? { names: binding.params, rest: false } : kernelParams(kernel);
  checkArguments(name, params, args);
  return { kernel, name, binding, route, shape, limits, params, args };
}

function dims(shape: LaunchShape): [number, number, number, number, number, number, number] {
  return [...shape.grid, ...shape.block, shape.sharedBytes];
}

/** The arguments as the chosen target takes them. */
function targetArguments(p: Prepared): unknown[] {
  return p.route.kind === 'gpu' ? gpuArguments(p.args) : hostArguments(p.name, p.params, p.args);
}

function runSync(p: Prepared): void {
  const { route } = p;
  if (route.kind === 'js') {
    runLockstep(p.kernel, p.shape, targetArguments(p), {
      kernel: p.name,
      maxSharedBytes: p.limits.maxSharedBytes,
      source: p.binding?.source,
    });
  } else route.run(...dims(p.shape), ...targetArguments(p));
}

/**
 * Runs `kernel` over a grid of `config.grid` blocks of `config.block` threads
 * and returns when it has finished and its arrays are back.
 */
export function launch<P extends unknown[]>(kernel: (...args: P) => unknown, config: LaunchConfig, ...args: NoInfer<KernelArgs<P>>): void {
  runSync(prepare(kernel, config, args));
}

/** launch, settling when the kernel has finished; every error (a bad configuration too) rejects. */
export async function launchAsync<P extends unknown[]>(
  kernel: (...args: P) => unknown,
  config: LaunchConfig,
  ...args: NoInfer<KernelArgs<P>>
): Promise<void> {
  const p = prepare(kernel, config, args);
  const { route } = p;
  if (route.kind !== 'js' && route.runAsync) {
    await route.runAsync(...dims(p.shape), ...targetArguments(p));
  } else runSync(p);
}
