// Estimates π from STREAMS independent random streams of SAMPLES darts each.
import { countInside } from './monte-carlo-pi';
import { report, timeIt } from '../timing';

const streams = Number(process.env.STREAMS ?? 64);
const samples = Number(process.env.SAMPLES ?? 500_000);

report('monte-carlo-pi', [timeIt('countInside', countInside, () => (4 * countInside(streams, samples, 2463534242)) / (streams * samples))]);
