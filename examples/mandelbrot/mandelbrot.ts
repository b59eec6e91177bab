// Escape-time Mandelbrot: nested loops, f64 arithmetic, integer counters.
import type { f64, i32 } from 'tsnative';

/** Iteration counts for a width×height grid over [x0,x1]×[y0,y1]. @native */
export function mandelbrot(out: Int32Array, width: i32, height: i32, x0: f64, y0: f64, x1: f64, y1: f64, maxIter: i32): i32 {
  let inside = 0;
  for (let py = 0; py < height; py++) {
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
