// sumsq, dot and saxpy as a JS programmer writes them without tsnative: a
// plain `for` loop. Their only loop is a prange, and prange in JS is an
// iterator that V8 runs several times slower than a counted loop, so the
// JS baseline for these three is this version (both are reported).
export function sumsq(xs: Float64Array): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i]! * xs[i]!;
  return s;
}

export function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

export function saxpy(a: number, x: Float32Array, y: Float32Array): void {
  for (let i = 0; i < x.length; i++) y[i] = a * x[i]! + y[i]!;
}
