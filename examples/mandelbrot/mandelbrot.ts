// Escape-time Mandelbrot: rows run in parallel, each pixel is an f64 loop
// with an integer counter. Every pixel is computed as JS computes it, so the
// image is identical whatever the thread count.
import type { f64, i32 } from 'tsnative';
import { prange } from 'tsnative';

/** Iteration counts for a width×height grid over [x0,x1]×[y0,y1]; returns the pixels inside the set. @native */
export function mandelbrot(out: Int32Array, width: i32, height: i32, x0: f64, y0: f64, x1: f64, y1: f64, maxIter: i32): i32 {
  let inside = 0;
  for (const py of prange(height)) {
    const ci = y0 + ((y1 - y0) * py) / height;
    for (let px = 0; px < width; px++) {
      const cr = x0 + ((x1 - x0) * px) / width;
      let zr = 0;
      let zi = 0;
      let k = 0;
      while (k < maxIter && zr * zr + zi * zi <= 4) {
        const t = zr * zr - zi * zi + cr;
        zi = 2 * zr * zi + ci;
        zr = t;
        k++;
      }
      if (k === maxIter) inside++;
      out[py * width + px] = k;
    }
  }
  return inside;
}
