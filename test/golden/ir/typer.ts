// after: typer
// What the typer makes of each construct, before any pass: conversions,
// double indices, clamped stores, prange bounds given as doubles, switch.
import type { f64, i32, u8 } from 'tsnative';
import { prange } from 'tsnative';

/** @native */
export function kinds(a: Float64Array, c: Uint8ClampedArray, x: f64, k: i32): u8 {
  const i = Math.floor(x);
  c[0] = a[i] * 2;
  let n = 0;
  for (const v of a) if (v > 0) n++;
  switch (k) {
    case 1:
      n += 2;
      break;
    default:
      n = n | 0;
  }
  for (const j of prange(0, Math.trunc(x))) a[j] = j;
  return c[0];
}
