// A square plate (N×N cells, default 512) held at 100° along its top edge and
// 0° along the others; STEPS Jacobi sweeps spread the heat inwards.
import { jacobi } from './jacobi';
import { digest, report, timeIt } from '../timing';

const n = Number(process.env.N ?? 512);
const steps = Number(process.env.STEPS ?? 200);
const start = new Float64Array(n * n);
start.fill(100, 0, n);

report('jacobi', [
  timeIt('jacobi', jacobi, () => {
    const u = start.slice();
    jacobi(u, start.slice(), n, steps);
    const below = u[4 * n + (n >> 1)];
    return `${below}° four cells below the hot edge, grid #${digest(u)}`;
  }),
]);
