// Blurs a synthetic WIDTH×(WIDTH·3/4) RGBA image (default 1600 wide) with a 3×3 box filter.
import { boxBlur } from './image-blur';
import { digest, report, timeIt } from '../timing';

const width = Number(process.env.WIDTH ?? 1600);
const height = Math.round(width * 0.75);
const src = new Uint8ClampedArray(width * height * 4);
for (let y = 0; y < height; y++) {
  for (let x = 0; x < width; x++) {
    const p = (y * width + x) * 4;
    src[p] = (x * 3 + ((x * y) >> 4)) & 255;
    src[p + 1] = (y * 5) & 255;
    src[p + 2] = (x ^ y) & 255;
    src[p + 3] = 255;
  }
}
const dst = new Uint8ClampedArray(src.length);

report('image-blur', [
  timeIt('boxBlur', boxBlur, () => {
    boxBlur(src, dst, width, height);
    return `blurred image #${digest(dst)}`;
  }),
]);
