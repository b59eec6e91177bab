// Integers proven from value ranges and guards: what the histogram kernel
// needs to compile like hand-written C++ (int64 loop bounds and counter, a
// guarded bin index, no checks in the fast copy of the loop).
import { optimisedCpp as cpp } from '../support/emit';

const HISTOGRAM = `/** @native */ export function h(xs: Float64Array, scale: f64, counts: Int32Array): void {
  const bins = counts.length;
  const per = Math.ceil(xs.length / 32);
  const rows = new Int32Array(32 * bins);
  for (const c of prange(32)) {
    const end = Math.min(xs.length, (c + 1) * per);
    for (let i = c * per; i < end; i++) {
      const b = Math.floor(xs[i] * scale);
      if (b >= 0 && b < bins) rows[c * bins + b]++;
    }
  }
}`;

it('types Math.ceil of a bounded length, and bounded products, as int64', () => {
  const code = cpp(HISTOGRAM);
  expect(code).toContain('int64_t per = static_cast<int64_t>(std::ceil(');
  expect(code).toContain('int64_t end = std::min<int64_t>(xs.length, ((c + 1) * per));');
  expect(code).toContain('for (int64_t i = c * per; i < end; i++)');
});

it('indexes by an int64 copy of a guarded double, unchecked in the fast loop', () => {
  const code = cpp(HISTOGRAM);
  expect(code).toMatch(/int64_t tsn_b_int\d+ = static_cast<int64_t>\(b\);\n\s+rows\[\(\(c \* bins\) \+ tsn_b_int\d+\)\]\+\+;/);
});

it('keeps doubles where the range allows NaN, -0 or more than 2^53', () => {
  const code = cpp(`/** @native */ export function f(n: i32, m: i32, x: f64): f64 {
    const a = Math.ceil(n / 8);
    const b = Math.floor(x);
    const p = n * m;
    const z = 0 * n;
    return a + b + p + z;
  }`);
  for (const name of ['a', 'b', 'p', 'z']) expect(code).toContain(`double ${name} =`);
});
