// One process of the GPU section. `js`: no loader, so launch() simulates the
// kernels in JS (lock-step). `native`: under tsnative/register, launch() runs
// them on the GPU where there is one, else on the compiled simulator; the
// @native prange versions run on every core. Prints one JSON line.
import { cuda, isNative, launch } from 'tsnative';
import { gpuAvailability } from '../../runtime/cuda/gpu';
import { matmulCpu, matmulKernel, saxpyCpu, saxpyKernel, sumsqCpu, sumsqKernel } from './kernels';

const mode = process.argv[2] === 'native' ? 'native' : 'js';
const small = process.argv[3] === 'small';

function median(run: () => void, reps: number): number {
  run();
  const times: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

const out: Record<string, number | string | boolean> = { mode };
const reps = mode === 'js' ? 3 : 7;

// The reduction both simulators run: JS lock-step against the compiled simulator (issue: at least 20×).
{
  const n = small ? 1 << 16 : 1 << 20;
  const xs = Float64Array.from({ length: n }, (_, i) => (i % 1000) / 7);
  const blocks = Math.ceil(n / 256);
  const partial = new Float64Array(blocks);
  out.reduceMs = median(() => launch(sumsqKernel, { grid: blocks, block: 256 }, xs, partial), reps);
  out.reduceSum = partial.reduce((a, b) => a + b, 0);
}

if (mode === 'native') {
  const gpu = gpuAvailability();
  out.where = gpu.usable && process.env.TSNATIVE_CUDA !== 'sim' ? 'gpu' : 'simulator';
  out.why = gpu.usable ? '' : gpu.why;
  out.native = isNative(saxpyCpu) && isNative(sumsqCpu) && isNative(matmulCpu);
  if (out.where === 'gpu') {
    // GPU against every core, at sizes where a GPU is worth its copies, with the copies and without (DeviceArrays).
    const n = 1 << 24;
    const x = Float32Array.from({ length: n }, (_, i) => Math.fround(i / n));
    const y = new Float32Array(n).fill(1);
    const a = Math.fround(1.5);
    out.saxpyGpu = median(() => launch(saxpyKernel, { grid: Math.ceil(n / 256), block: 256 }, a, x, y), reps);
    const dx = cuda.toDevice(x);
    const dy = cuda.toDevice(y);
    out.saxpyGpuResident = median(() => launch(saxpyKernel, { grid: Math.ceil(n / 256), block: 256 }, a, dx, dy), reps);
    out.saxpyCpu = median(() => saxpyCpu(a, x, y), reps);

    const xs = Float64Array.from({ length: n }, (_, i) => (i % 1000) / 7);
    const partial = new Float64Array(1024);
    out.sumsqGpu = median(() => launch(sumsqKernel, { grid: 1024, block: 256 }, xs, partial), reps);
    const dxs = cuda.toDevice(xs);
    out.sumsqGpuResident = median(() => launch(sumsqKernel, { grid: 1024, block: 256 }, dxs, partial), reps);
    out.sumsqCpu = median(() => sumsqCpu(xs), reps);

    const m = 1024;
    const A = Float64Array.from({ length: m * m }, (_, i) => (i % 17) / 16);
    const B = Float64Array.from({ length: m * m }, (_, i) => (i % 13) / 12);
    const C = new Float64Array(m * m);
    const grid = [Math.ceil(m / 16), Math.ceil(m / 16)] as const;
    out.matmulGpu = median(() => launch(matmulKernel, { grid, block: [16, 16] }, A, B, C, m), 3);
    const [dA, dB, dC] = [cuda.toDevice(A), cuda.toDevice(B), cuda.toDevice(C)];
    out.matmulGpuResident = median(() => launch(matmulKernel, { grid, block: [16, 16] }, dA, dB, dC, m), 3);
    out.matmulCpu = median(() => matmulCpu(A, B, C, m), 3);
  }
}
console.log(JSON.stringify(out));
