// Multiplies two n×n matrices (N, default 300) and fingerprints the product.
import { matmul } from './matmul';
import { digest, report, timeIt } from '../timing';

const n = Number(process.env.N ?? 300);
const a = new Float64Array(n * n);
const b = new Float64Array(n * n);
for (let i = 0; i < n * n; i++) {
  a[i] = Math.sin(i) + 0.5;
  b[i] = Math.cos(i * 0.7);
}
const c = new Float64Array(n * n);

report('matmul', [
  timeIt('matmul', matmul, () => {
    matmul(a, b, c, n);
    return `c[0] = ${c[0]}, product #${digest(c)}`;
  }),
]);
