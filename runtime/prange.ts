// prange in plain JS: the sequential loop the native parallel loop must agree
// with. An iterable class rather than a generator because this is the hot loop
// of every unbuilt program, and generators are several times slower.

class RangeIterator implements IterableIterator<number> {
  private i: number;
  constructor(
    lo: number,
    private readonly hi: number,
    private readonly step: number,
  ) {
    this.i = lo;
  }

  next(): IteratorResult<number> {
    const i = this.i;
    if (this.step > 0 ? i < this.hi : i > this.hi) {
      this.i = i + this.step;
      return { value: i, done: false };
    }
    return { value: undefined, done: true };
  }

  [Symbol.iterator](): IterableIterator<number> {
    return this;
  }
}

/** The integers lo, lo+step, … up to (not including) hi, as
 * `for (let i = lo; step > 0 ? i < hi : i > hi; i += step)` would visit them. */
export class PRange implements Iterable<number> {
  constructor(
    readonly lo: number,
    readonly hi: number,
    readonly step: number,
  ) {}

  [Symbol.iterator](): IterableIterator<number> {
    return new RangeIterator(this.lo, this.hi, this.step);
  }
}

const MAX_BOUND = 2 ** 53;

// Compiled loops count in 64-bit integers and reject any other bound with a
// RangeError; the JS version must fail the same way, not loop over fractions.
function checkBound(what: string, v: unknown): number {
  if (typeof v !== 'number') throw new TypeError(`prange: ${what} must be a number, got ${typeof v}`);
  if (!Number.isInteger(v) || Math.abs(v) > MAX_BOUND) throw new RangeError(`prange: ${what} must be an integer, got ${v}`);
  return v;
}

/**
 * A loop range whose iterations may run in parallel once compiled (each
 * iteration must be independent, apart from recognised reductions). In JS it
 * is an ordinary iterable: `prange(n)` is 0..n-1, `prange(lo, hi, step?)`
 * counts from lo towards hi (step may be negative). Bounds and step must be
 * integers (else a RangeError, as in compiled code); step 0 is a RangeError.
 */
export function prange(n: number): PRange;
export function prange(lo: number, hi: number, step?: number): PRange;
export function prange(a: number, b?: number, c?: number): PRange {
  if (arguments.length === 0) throw new TypeError('prange: expected prange(n) or prange(lo, hi, step?)');
  const step = c === undefined ? 1 : checkBound('step', c);
  if (step === 0) throw new RangeError('prange: step must not be 0');
  if (b === undefined) return new PRange(0, checkBound('n', a), step);
  return new PRange(checkBound('lo', a), checkBound('hi', b), step);
}
