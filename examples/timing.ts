// Timing shared by the examples: warm up, then the median of repeated runs.
// Each example prints one JSON line that examples/demo.ts (and the e2e test) reads.
import { isNative, type KernelTarget } from 'tsnative';

export interface Timing {
  name: string;
  native: boolean;
  ms: number;
  result: unknown;
  /** A float sum in a prange loop adds in another order than JS: results within this distance count as the same. */
  tolerance?: number;
  /** For a kernel: where its launches ran (a GPU's name, the CPU simulator, or JS in lock-step)… */
  where?: string;
  /** …and, when not on a GPU, why not. */
  why?: string;
}

export interface TimeOptions {
  repeats?: number;
  tolerance?: number;
}

export function timeIt(name: string, fn: Function, run: () => unknown, opts: TimeOptions = {}): Timing {
  return measure(name, isNative(fn), run, opts);
}

/** timeIt for a program that launches a kernel: `target` is kernelTarget(kernel), taken before the runs. */
export function timeKernel(name: string, target: KernelTarget, run: () => unknown, opts: TimeOptions = {}): Timing {
  const where = target.target === 'gpu' ? `GPU (${target.device})` : target.target === 'sim' ? 'CPU simulator' : 'JS lock-step';
  return { ...measure(name, target.target !== 'js', run, opts), where, why: target.target === 'gpu' ? undefined : target.why };
}

function measure(name: string, native: boolean, run: () => unknown, opts: TimeOptions): Timing {
  const repeats = opts.repeats ?? Number(process.env.REPEATS ?? 5);
  let result = run();
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = process.hrtime.bigint();
    result = run();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  const ms = times.length ? times[Math.floor(times.length / 2)]! : 0;
  return { name, native, ms, result, tolerance: opts.tolerance };
}

/**
 * How far two sums of n terms whose magnitudes add up to `absSum` may be
 * apart when added in different orders: each order is within (n-1)·ε/2·absSum
 * of the exact sum (ε = Number.EPSILON), so two orders are within n·ε·absSum.
 */
export function reassociationBound(n: number, absSum: number): number {
  return n * Number.EPSILON * absSum;
}

/** 'exact' when bit-identical, 'close' when within the tolerance of a reassociated sum, else 'differs'. */
export function compareResults(js: Timing, native: Timing): 'exact' | 'close' | 'differs' {
  if (Object.is(js.result, native.result)) return 'exact';
  const tol = js.tolerance;
  if (tol !== undefined && typeof js.result === 'number' && typeof native.result === 'number') {
    if (Math.abs(js.result - native.result) <= tol) return 'close';
  }
  return 'differs';
}

/** FNV-1a over the bytes of a typed array, as hex: two arrays with the same digest are (almost surely) bit-identical. */
export function digest(view: ArrayBufferView): string {
  const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

export function report(example: string, timings: Timing[]): void {
  if (process.env.TSNATIVE_DEMO_JSON) {
    console.log(JSON.stringify({ example, timings }));
    return;
  }
  for (const t of timings) {
    const where = t.where ?? (t.native ? 'native' : 'JS');
    console.log(`${example}/${t.name}: ${t.result} in ${t.ms.toFixed(2)} ms (${where})`);
  }
}
