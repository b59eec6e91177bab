// The GPU section of `npm run bench`: the compiled simulator against the JS
// lock-step simulation, and, where a GPU is present, the GPU against
// tsnative on every core (with and without the copies to the device).
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { findNvcc } from '../../compiler/build/cuda-toolkit';
import { markdown } from '../report';

const ROOT = path.resolve(__dirname, '..', '..');

type Output = Record<string, number | string | boolean>;

function run(mode: 'js' | 'native', size: string): Output {
  const register = mode === 'native' ? ['--import', 'tsnative/register'] : [];
  const args = ['--import', 'tsx', ...register, path.join(ROOT, 'bench', 'gpu', 'worker.ts'), mode, size];
  const env: NodeJS.ProcessEnv = { ...process.env, TSNATIVE_STRICT: '1' };
  delete env.NODE_OPTIONS;
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', env });
  const line = r.stdout.split('\n').find((l) => l.startsWith('{'));
  if (r.status !== 0 || !line) throw new Error(`GPU bench worker (${mode}) failed (${r.status}):\n${r.stdout}${r.stderr}`);
  return JSON.parse(line) as Output;
}

const ms = (v: unknown): string => (typeof v === 'number' ? v.toFixed(2) : '–');
const ratio = (a: unknown, b: unknown): string => (typeof a === 'number' && typeof b === 'number' ? `${(a / b).toFixed(1)}×` : '–');

export function gpuSection(build: () => void): string {
  build();
  const size = process.env.BENCH_GPU_SIZE ?? 'large';
  const js = run('js', size);
  const native = run('native', size);
  if (js.reduceSum !== native.reduceSum) throw new Error(`the reduction differs: JS ${js.reduceSum}, native ${native.reduceSum}`);
  const where = native.where === 'gpu' ? 'GPU' : 'compiled CPU simulator';
  const lines = [
    markdown(
      ['block tree reduction (sum of squares)', 'ms', 'speed-up over the JS simulation'],
      [
        [`JS lock-step simulation (no build)`, ms(js.reduceMs), '1×'],
        [`launch(): ${where}`, ms(native.reduceMs), ratio(js.reduceMs, native.reduceMs)],
      ],
    ),
  ];
  if (native.where === 'gpu') {
    lines.push(
      markdown(
        ['kernel', 'tsnative, every core (ms)', 'GPU with copies (ms)', 'GPU, arrays on the device (ms)', 'speed-up (copies / on device)'],
        [
          [
            'SAXPY, 2^24 floats',
            ms(native.saxpyCpu),
            ms(native.saxpyGpu),
            ms(native.saxpyGpuResident),
            `${ratio(native.saxpyCpu, native.saxpyGpu)} / ${ratio(native.saxpyCpu, native.saxpyGpuResident)}`,
          ],
          [
            'sum of squares, 2^24 doubles',
            ms(native.sumsqCpu),
            ms(native.sumsqGpu),
            ms(native.sumsqGpuResident),
            `${ratio(native.sumsqCpu, native.sumsqGpu)} / ${ratio(native.sumsqCpu, native.sumsqGpuResident)}`,
          ],
          [
            'matmul 1024², doubles',
            ms(native.matmulCpu),
            ms(native.matmulGpu),
            ms(native.matmulGpuResident),
            `${ratio(native.matmulCpu, native.matmulGpu)} / ${ratio(native.matmulCpu, native.matmulGpuResident)}`,
          ],
        ],
      ),
    );
  } else {
    lines.push(`No GPU here (${String(native.why)}): the GPU against the CPU comparison needs one.`);
  }
  return lines.join('\n\n');
}

/** Builds the kernels, for the GPU too where nvcc is installed (the simulator either way). */
export function buildGpuKernels(): void {
  const target = findNvcc() ? ['--target', 'cuda'] : [];
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'tsnative.js'), 'build', ...target, 'bench/gpu/kernels.ts'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`tsnative build of bench/gpu/kernels.ts failed:\n${r.stdout}${r.stderr}`);
  console.log(`  tsnative build ${target.join(' ')} bench/gpu/kernels.ts (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
}

/** `npx tsx bench/gpu/section.ts`: the section alone. */
if (require.main === module) console.log(gpuSection(buildGpuKernels));
