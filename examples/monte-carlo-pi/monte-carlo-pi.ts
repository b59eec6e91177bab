// π by throwing darts: independent xorshift32 streams, one per prange
// iteration, in u32 arithmetic (`>>> 0` keeps every state a u32 in JS too).
// Hits are an integer count, so the result is exact on any number of threads.
import type { i32, u32 } from 'tsnative';
import { prange } from 'tsnative';

/** The next state of a xorshift32 generator (state must not be 0). @native */
export function xorshift32(x: u32): u32 {
  x = (x ^ (x << 13)) >>> 0;
  x = (x ^ (x >>> 17)) >>> 0;
  return (x ^ (x << 5)) >>> 0;
}

/** Darts of `streams` streams × `samples` each that land inside the unit quarter circle. @native */
export function countInside(streams: i32, samples: i32, seed: u32): number {
  let inside = 0;
  for (const s of prange(streams)) {
    // Distinct, non-zero starting states per stream (Weyl sequence).
    let x: u32 = (seed + Math.imul(s + 1, 0x9e3779b9)) >>> 0;
    if (x === 0) x = 1;
    for (let k = 0; k < samples; k++) {
      x = xorshift32(x);
      const px = x / 4294967296;
      x = xorshift32(x);
      const py = x / 4294967296;
      if (px * px + py * py < 1) inside++;
    }
  }
  return inside;
}
