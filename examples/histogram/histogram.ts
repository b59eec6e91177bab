// A histogram without races: the data is cut into CHUNKS parts counted in
// parallel, each into its own row of counters; the rows are then added up.
// Counts are integers, so the result is exact on any number of threads.
import type { f64 } from 'tsnative';
import { prange } from 'tsnative';

const CHUNKS = 32;

/** Counts xs into counts.length equal bins over [lo, hi); values outside (and NaN) are skipped. @native */
export function histogram(xs: Float64Array, lo: f64, hi: f64, counts: Int32Array): void {
  const bins = counts.length;
  const scale = bins / (hi - lo);
  const per = Math.ceil(xs.length / CHUNKS);
  const rows = new Int32Array(CHUNKS * bins);
  for (const c of prange(CHUNKS)) {
    const end = Math.min(xs.length, (c + 1) * per);
    for (let i = c * per; i < end; i++) {
      const b = Math.floor((xs[i] - lo) * scale);
      if (b >= 0 && b < bins) rows[c * bins + b]++;
    }
  }
  counts.fill(0);
  for (let c = 0; c < CHUNKS; c++) {
    for (let b = 0; b < bins; b++) counts[b] += rows[c * bins + b];
  }
}
