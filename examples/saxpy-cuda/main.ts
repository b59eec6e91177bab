// SAXPY over N floats (default 1M), ROUNDS times over the same y, in blocks of 256 threads.
import { kernelTarget, launch } from 'tsnative';
import { saxpy } from './saxpy';
import { digest, report, timeKernel } from '../timing';

const n = Number(process.env.N ?? 1 << 20);
const rounds = Number(process.env.ROUNDS ?? 4);
const block = 256;
const x = new Float32Array(n);
const y0 = new Float32Array(n);
for (let i = 0; i < n; i++) {
  x[i] = Math.fround(Math.sin(i) * 100);
  y0[i] = Math.fround((i % 1000) / 7);
}

report('saxpy-cuda', [
  timeKernel('saxpy', kernelTarget(saxpy), () => {
    const y = y0.slice();
    for (let r = 0; r < rounds; r++) launch(saxpy, { grid: Math.ceil(n / block), block }, Math.fround(0.5 + r), x, y);
    return `y[${n - 1}] = ${y[n - 1]}, y #${digest(y)}`;
  }),
]);
