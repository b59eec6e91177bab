// The bounds-check pass: checks that cannot fail disappear, the rest stay.
import { optimisedCpp as cpp } from '../support/emit';

const checks = (code: string) => (code.match(/TSN_AT\(/g) ?? []).length;

it('drops the check of A[i] in for (let i = 0; i < A.length; i++)', () => {
  expect(checks(cpp(`/** @native */ export function f(a: Float64Array): f64 { let s = 0; for (let i = 0; i < a.length; i++) s += a[i]; return s; }`))).toBe(0);
});

it('versions the loop on one length test for another array indexed by i', () => {
  const code = cpp(`/** @native */ export function f(a: Float64Array, b: Float64Array): f64 { let s = 0; for (let i = 0; i < a.length; i++) s += a[i] * b[i]; return s; }`);
  expect(code).toContain('if (b.length >= a.length)');
  expect(checks(code)).toBe(2); // the fallback copy keeps both checks
});

it('does the same for prange(A.length)', () => {
  expect(checks(cpp(`/** @native */ export function f(a: Float64Array): f64 { let s = 0; for (const i of prange(a.length)) s += a[i]; return s; }`))).toBe(0);
});

it('keeps checks when the body may move the index or the array', () => {
  expect(checks(cpp(`/** @native */ export function f(a: Float64Array): f64 { let s = 0; for (let i = 0; i < a.length; i++) { s += a[i]; i += 2; } return s; }`))).toBe(1);
  expect(checks(cpp(`/** @native */ export function f(a: Float64Array, b: Float64Array): f64 { let s = 0; for (let i = 0; i < a.length; i++) { s += a[i]; a = b; } return s; }`))).toBe(1);
  expect(checks(cpp(`/** @native */ export function f(a: Float64Array): f64 { let s = 0; for (let i = 0; i < a.length; i++) s += a[i + 1]; return s; }`))).toBe(1);
});

it('versions a loop over an affine index on one range test', () => {
  const code = cpp(`/** @native */ export function f(a: Float64Array, c: Float64Array, n: i32): void { for (let i = 0; i < n; i++) { for (let j = 0; j < n; j++) c[i * n + j] = a[j]; } }`);
  expect(code).toContain('TSN_EXACT53_OR_FAIL');
  const fast = code.slice(code.indexOf('TSN_EXACT53_OR_FAIL'));
  expect(fast.slice(0, fast.indexOf('else')).includes('TSN_AT(')).toBe(false);
});

it('versions <= loops and indices with a literal factor on the counter', () => {
  const code = cpp(`/** @native */ export function f(a: Float64Array, w: i32, lo: i32, hi: i32): f64 { let s = 0; for (let x = lo; x <= hi; x++) s += a[x * 4 + 3]; return s; }`);
  const test = 'if ((static_cast<int64_t>(hi) < static_cast<int64_t>(lo)) ||';
  expect(code).toContain(test);
  const fast = code.slice(code.indexOf(test));
  expect(fast.slice(0, fast.indexOf('else')).includes('TSN_AT(')).toBe(false);
});
