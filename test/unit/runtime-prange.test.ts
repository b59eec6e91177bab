import { prange, PRange } from '../../runtime/index';

describe('prange in JS', () => {
  it('counts 0..n-1', () => {
    expect([...prange(5)]).toEqual([0, 1, 2, 3, 4]);
    expect([...prange(0)]).toEqual([]);
    expect([...prange(-3)]).toEqual([]);
  });

  it('counts lo..hi with a step, up or down', () => {
    expect([...prange(2, 6)]).toEqual([2, 3, 4, 5]);
    expect([...prange(0, 10, 3)]).toEqual([0, 3, 6, 9]);
    expect([...prange(5, 0, -2)]).toEqual([5, 3, 1]);
    expect([...prange(5, 5)]).toEqual([]);
    expect([...prange(0, 5, -1)]).toEqual([]);
  });

  it('visits what the equivalent for loop visits', () => {
    const cases: Array<[number, number, number]> = [
      [0, 7, 2],
      [10, -1, -4],
      [-3, 3, 1],
      [2 ** 53 - 2, 2 ** 53, 1],
      [-0, 2, 1],
    ];
    for (const [lo, hi, step] of cases) {
      const expected: number[] = [];
      for (let i = lo; step > 0 ? i < hi : i > hi; i += step) expected.push(i);
      expect([...prange(lo, hi, step)]).toEqual(expected);
    }
  });

  it('rejects step 0, non-integers and non-numbers, as compiled loops do', () => {
    expect(() => prange(0, 10, 0)).toThrow(/step must not be 0/);
    for (const bad of [2.5, NaN, Infinity, -Infinity, 2 ** 53 + 2]) {
      expect(() => prange(bad)).toThrow(RangeError);
      expect(() => prange(0, bad)).toThrow(RangeError);
      expect(() => prange(0, 10, bad)).toThrow(RangeError);
    }
    expect(() => prange(2.5)).toThrow('prange: n must be an integer, got 2.5');
    expect(() => prange('3' as unknown as number)).toThrow(TypeError);
    expect(() => (prange as unknown as () => PRange)()).toThrow(TypeError);
  });

  it('is re-iterable and works in for..of', () => {
    const r = prange(3);
    let s = 0;
    for (const i of r) s += i;
    for (const i of r) s += i;
    expect(s).toBe(6);
    expect(r).toBeInstanceOf(PRange);
  });
});
