// Renders the Mandelbrot set; writes the image as a PGM file when OUT is set
// (`OUT=mandelbrot.pgm tsx --import tsnative/register examples/mandelbrot/main.ts`).
import * as fs from 'node:fs';
import { mandelbrot } from './mandelbrot';
import { digest, report, timeIt } from '../timing';

const width = Number(process.env.WIDTH ?? 800);
const height = Math.round(width * 0.75);
const maxIter = 200;
const counts = new Int32Array(width * height);

report('mandelbrot', [
  timeIt('mandelbrot', mandelbrot, () => {
    const inside = mandelbrot(counts, width, height, -2.2, -1.2, 1, 1.2, maxIter);
    return `${inside} pixels inside, image #${digest(counts)}`;
  }),
]);

if (process.env.OUT) {
  const pixels = Buffer.from(counts.map((k) => (k === maxIter ? 0 : 255 - Math.min(255, k * 4))));
  fs.writeFileSync(process.env.OUT, Buffer.concat([Buffer.from(`P5\n${width} ${height}\n255\n`), pixels]));
}
