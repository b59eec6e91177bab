// The sum of N doubles (default 4M) by a grid of BLOCKS blocks, then the block partials on the host.
import { kernelTarget, launch } from 'tsnative';
import { BLOCK, blockSums } from './reduce';
import { report, timeKernel } from '../timing';

const n = Number(process.env.N ?? 1 << 22);
const blocks = Number(process.env.BLOCKS ?? 64);
const xs = new Float64Array(n);
for (let i = 0; i < n; i++) xs[i] = Math.cos(i) / (1 + (i % 97));
const partials = new Float64Array(blocks);

report('reduce-cuda', [
  timeKernel('blockSums', kernelTarget(blockSums), () => {
    launch(blockSums, { grid: blocks, block: BLOCK }, xs, partials);
    let total = 0;
    for (let b = 0; b < blocks; b++) total += partials[b]!;
    return total;
  }),
]);
