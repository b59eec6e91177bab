// Runs unchanged as JS (`tsx examples/stats/main.ts`) or with the native
// functions swapped in (`tsx --import tsnative/register examples/stats/main.ts`).
import { dot, spread, sumsq, variance } from './stats';
import { reassociationBound, report, timeIt } from '../timing';

const n = Number(process.env.N ?? 2_000_000);
const a = new Float64Array(n);
const b = new Float64Array(n);
let absDot = 0;
for (let i = 0; i < n; i++) {
  a[i] = Math.sin(i) * 3;
  b[i] = Math.cos(i * 0.5);
  absDot += Math.abs(a[i]! * b[i]!);
}
const sq = sumsq(b);

report('stats', [
  timeIt('dot', dot, () => dot(a, b), { tolerance: reassociationBound(n, absDot) }),
  timeIt('sumsq', sumsq, () => sumsq(b), { tolerance: reassociationBound(n, sq) }),
  timeIt('spread', spread, () => spread(a)),
  timeIt('variance', variance, () => variance(b), { tolerance: reassociationBound(n, sq) / n }),
]);
