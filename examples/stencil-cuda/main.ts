// Heat spreading into an N×N plate (default 512) from its top edge, held at
// 100°: STEPS sweeps in 16×16 blocks. The two buffers stay on the device
// (cuda.toDevice) across the sweeps, which swap them; only the result comes back.
import { cuda, kernelTarget, launch } from 'tsnative';
import { jacobiStep } from './stencil';
import { digest, report, timeKernel } from '../timing';

const n = Number(process.env.N ?? 512);
const steps = Number(process.env.STEPS ?? 20);
const start = new Float32Array(n * n);
start.fill(100, 0, n);
const tile = 16;
const config = { grid: [Math.ceil(n / tile), Math.ceil(n / tile)], block: [tile, tile] } as const;

report('stencil-cuda', [
  timeKernel('jacobiStep', kernelTarget(jacobiStep), () => {
    let src = cuda.toDevice(start);
    let dst = cuda.toDevice(start);
    for (let s = 0; s < steps; s++) {
      launch(jacobiStep, config, src, dst, n);
      [src, dst] = [dst, src];
    }
    const u = src.copyToHost();
    src.free();
    dst.free();
    return `${u[4 * n + (n >> 1)]}° four cells below the hot edge, grid #${digest(u)}`;
  }),
]);
