// Loops whose iterations run side by side in SIMD lanes (compiler/ir/opt/lanes.ts):
// every lane must compute what its iteration computes alone, and the rest of
// each iteration must run in order.
import type { f32, f64, i32 } from 'tsnative';

/** Burning-ship escape times into `out`, and how many never escape; lengths not a multiple of the lanes leave a tail. @native */
export function escapeTimes(out: Int32Array, x0: f64, dx: f64, ci: f64, maxIter: i32): i32 {
  let stuck = 0;
  for (let px = 0; px < out.length; px++) {
    const cr = x0 + dx * px;
    let x = 0;
    let y = 0;
    let n = 0;
    while (x * x + y * y <= 4 && n < maxIter) {
      const nx = x * x - y * y + cr;
      y = Math.abs(2 * x * y) + ci;
      x = nx;
      n += 1;
    }
    if (n === maxIter) stuck++;
    out[px] = n;
  }
  return stuck;
}

/** Collatz steps from a start per iteration: integer lanes, a float sum in order after them. @native */
export function collatz(starts: Int32Array, limit: i32): f64 {
  let weighted = 0;
  for (let i = 0; i < starts.length; i++) {
    let n = starts[i];
    let steps = 0;
    while (n > 1 && steps < limit) {
      n = n % 2 === 0 ? n / 2 : 3 * n + 1;
      steps++;
    }
    weighted = weighted * 0.5 + steps / (i + 1);
  }
  return weighted;
}

/** The rest may change a lane's values, throw, or return early; f32 lanes. @native */
export function restEffects(xs: Float32Array, stop: i32): f64 {
  let total = 0;
  for (let i = 0; i < xs.length; i++) {
    let a: f32 = Math.fround(i * 0.25);
    let m = 0;
    while (m < 6 && a < 3) {
      a = Math.fround(a * 1.5 + 0.125);
      m++;
    }
    a = Math.fround(a - 1);
    xs[i] = a;
    total += a * m;
    if (i === stop) return total;
    if (a > 12 && i > stop + 30) throw new RangeError('too far');
  }
  return -total;
}

/** Bounds read from outer scalars and a zero-iteration inner loop. @native */
export function shortLoops(out: Float64Array, from: i32, to: i32, cap: f64): void {
  for (let i = from; i < to; i++) {
    let v = Math.abs(i) * 0.5;
    while (v < cap) v = v * 2 + 1;
    if (i >= 0 && i < out.length) out[i] = v;
  }
}
