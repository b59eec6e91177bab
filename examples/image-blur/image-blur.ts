// A 3×3 box blur of an RGBA image in a Uint8ClampedArray. The store into the
// clamped array rounds half to even and clamps, exactly as JS does; rows run
// in parallel and the alpha channel is copied.
import type { i32 } from 'tsnative';
import { prange } from 'tsnative';

/** Blurs `src` (width×height RGBA) into `dst`; edge pixels average the neighbours that exist. @native */
export function boxBlur(src: Uint8ClampedArray, dst: Uint8ClampedArray, width: i32, height: i32): void {
  for (const y of prange(height)) {
    const y0 = Math.max(0, y - 1);
    const y1 = Math.min(height - 1, y + 1);
    for (let x = 0; x < width; x++) {
      const x0 = Math.max(0, x - 1);
      const x1 = Math.min(width - 1, x + 1);
      const n = (y1 - y0 + 1) * (x1 - x0 + 1);
      for (let ch = 0; ch < 3; ch++) {
        let s = 0;
        for (let yy = y0; yy <= y1; yy++) {
          for (let xx = x0; xx <= x1; xx++) s += src[(yy * width + xx) * 4 + ch];
        }
        dst[(y * width + x) * 4 + ch] = s / n;
      }
      dst[(y * width + x) * 4 + 3] = src[(y * width + x) * 4 + 3];
    }
  }
}
