// Runs unchanged as JS (`tsx examples/stats/main.ts`) or with the native
// functions swapped in (`tsx --import tsnative/register examples/stats/main.ts`).
import { dot, sumsq, variance } from './stats';
import { report, timeIt } from '../timing';

const n = Number(process.env.N ?? 2_000_000);
const a = new Float64Array(n);
const b = new Float64Array(n);
for (let i = 0; i < n; i++) {
  a[i] = Math.sin(i) * 3;
  b[i] = Math.cos(i * 0.5);
}

report('stats', [
  timeIt('dot', dot, () => dot(a, b)),
  timeIt('sumsq', sumsq, () => sumsq(a)),
  timeIt('variance', variance, () => variance(b)),
]);
