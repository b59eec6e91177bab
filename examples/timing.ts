// Timing shared by the examples: warm up, then the median of repeated runs.
// Each example prints one JSON line that examples/demo.ts reads.
import { isNative } from 'tsnative';

export interface Timing {
  name: string;
  native: boolean;
  ms: number;
  result: unknown;
}

export function timeIt(name: string, fn: Function, run: () => unknown, repeats = Number(process.env.REPEATS ?? 5)): Timing {
  let result = run();
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = process.hrtime.bigint();
    result = run();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { name, native: isNative(fn), ms: times[Math.floor(times.length / 2)]!, result };
}

export function report(example: string, timings: Timing[]): void {
  if (process.env.TSNATIVE_DEMO_JSON) console.log(JSON.stringify({ example, timings }));
  else for (const t of timings) console.log(`${example}/${t.name}: ${t.result} in ${t.ms.toFixed(2)} ms (${t.native ? 'native' : 'JS'})`);
}
