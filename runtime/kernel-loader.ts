// Binds a @kernel to its compiled launchers: the CPU simulator from the
// module's CPU addon and, where the module was built for CUDA, the GPU
// launcher from its CUDA addon. The kernel itself stays the JS function:
// launch() finds the launchers here, and simulates the JS where there are none
// (after one warning that says why, as for a @native function).
import * as path from 'node:path';
import { lists, moduleStatus } from './freshness';
import { complain, fallbackMessage, loadAddon } from './loader';
import { attachCudaAddon } from './cuda/gpu-binding';
import { kernelParams } from './cuda/kernel-params';
import { gpuExport, simExport } from './kernel-names';
import { offloadExport } from './offload-name';
import { kernelBindingOf, recordKernel, type AsyncLauncher, type KernelBinding, type Launcher } from './registry';

const fn = (addon: Record<string, unknown> | Error | undefined, name: string): Function | undefined =>
  addon && !(addon instanceof Error) && typeof addon[name] === 'function' ? (addon[name] as Function) : undefined;

/** Records what `js` (kernel `name` of the TypeScript file `sourceFile`) can be launched with; returns `js`. */
export function loadKernel<F extends Function>(sourceFile: string, name: string, js: F): F {
  const source = path.resolve(sourceFile);
  if (kernelBindingOf(js)?.js === js) return js;
  const params = kernelParams(js).names;
  const status = moduleStatus(source);
  const missing = (why: string, code: Parameters<typeof complain>[2]) => {
    const reason = fallbackMessage(name, source, why);
    recordKernel({ name, source, js, params, reason });
    complain(`${source}#${name}`, reason, code);
    return js;
  };
  if (!status.fresh) return missing(status.why, status.code);
  if (!lists(status.entry, name))
    return missing(`${name} was not compiled in the last build of ${status.key} (the build reported why)`, 'TSNATIVE_NOT_COMPILED');
  const cpu = loadAddon(status.addonPath);
  if (cpu instanceof Error) return missing(`its addon failed to load (${cpu.message.split('\n')[0]})`, 'TSNATIVE_LOAD_FAILED');
  const cudaBuild = status.entry.targets.cuda;
  const gpuAddon = cudaBuild ? loadAddon(path.resolve(status.project.outDir, cudaBuild.addon)) : undefined;
  if (gpuAddon) attachCudaAddon(gpuAddon);
  const binding: KernelBinding = {
    name,
    source,
    js,
    params,
    sim: fn(cpu, simExport(name)) as Launcher | undefined,
    simAsync: fn(cpu, offloadExport(simExport(name))) as AsyncLauncher | undefined,
    gpu: fn(gpuAddon, gpuExport(name)) as Launcher | undefined,
    gpuAsync: fn(gpuAddon, offloadExport(gpuExport(name))) as AsyncLauncher | undefined,
  };
  if (!binding.sim) return missing(`its addon does not export the simulator of ${name}`, 'TSNATIVE_LOAD_FAILED');
  recordKernel(binding);
  return js;
}
