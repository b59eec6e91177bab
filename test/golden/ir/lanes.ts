// Lane batching (compiler/ir/opt/lanes.ts): the escape-time loop of each
// pixel runs beside three others.
import type { f64, i32 } from 'tsnative';

/** @native */
export function mandelbrot(out: Int32Array, width: i32, height: i32, maxIter: i32): void {
  for (let py = 0; py < height; py++) {
    for (let px = 0; px < width; px++) {
      const cr = (px / width) * 3.5 - 2.5;
      const ci = (py / height) * 2 - 1;
      let zr = 0;
      let zi = 0;
      let k = 0;
      while (k < maxIter && zr * zr + zi * zi <= 4) {
        const t = zr * zr - zi * zi + cr;
        zi = 2 * zr * zi + ci;
        zr = t;
        k++;
      }
      out[py * width + px] = k;
    }
  }
}
