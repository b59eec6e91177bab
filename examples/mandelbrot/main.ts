// Renders the Mandelbrot set; writes mandelbrot.pgm when OUT is set.
import * as fs from 'node:fs';
import { mandelbrot } from './mandelbrot';
import { report, timeIt } from '../timing';

const width = Number(process.env.WIDTH ?? 600);
const height = Math.round(width * 0.75);
const maxIter = 200;
const counts = new Int32Array(width * height);

report('mandelbrot', [timeIt('mandelbrot', mandelbrot, () => mandelbrot(counts, width, height, -2.2, -1.2, 1, 1.2, maxIter))]);

if (process.env.OUT) {
  const pixels = Buffer.from(counts.map((k) => (k === maxIter ? 0 : 255 - Math.min(255, k * 4))));
  fs.writeFileSync(process.env.OUT, Buffer.concat([Buffer.from(`P5\n${width} ${height}\n255\n`), pixels]));
}
