// A histogram of N normally distributed samples (default 4 million) in 256 bins over [-4, 4).
import { histogram } from './histogram';
import { normalSamples } from './samples';
import { digest, report, timeIt } from '../timing';

const xs = normalSamples(Number(process.env.N ?? 4_000_000));
const counts = new Int32Array(256);

report('histogram', [
  timeIt('histogram', histogram, () => {
    histogram(xs, -4, 4, counts);
    return `${counts[128]} in the bin at 0, counts #${digest(counts)}`;
  }),
]);
