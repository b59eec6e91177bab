// The exact-value pass: double arithmetic on integers becomes one int64
// computation where bounds on its leaves make every step exact.
import { optimisedCpp as cpp } from '../support/emit';

const returned = (code: string): string => code.split('\n').find((l) => l.trim().startsWith('return') && l.includes('TSN_'))!.trim();

it('bounds i32 leaves by 2^25 for the spectral-norm denominator and scales by 1/2', () => {
  const line = returned(cpp(`/** @native */ export function f(i: i32, j: i32): f64 { return 1 / (((i + j) * (i + j + 1)) / 2 + i + 1); }`));
  expect(line).toContain('TSN_EXACT53((tsn::within(static_cast<int64_t>(i), 33554432) && tsn::within(static_cast<int64_t>(j), 33554432))');
  expect(line).toContain(', 0.5, ');
});

it('needs no bound when the leaf types keep every step exact', () => {
  const line = returned(cpp(`/** @native */ export function f(a: i16, b: i16, c: i16): f64 { return a * b * c + (a - b) * 2; }`));
  expect(line).toMatch(/^return TSN_EXACT53\(true,/);
});

it('takes a possible -0 from the double computation', () => {
  expect(returned(cpp(`/** @native */ export function f(i: i32, j: i32, k: i32): f64 { return (i * j) / 4 - k * 0.5 + j * k * 2; }`))).toContain('TSN_EXACT53_NONZERO(');
});

it('leaves short or non-integer arithmetic as doubles', () => {
  const code = cpp(`/** @native */ export function f(i: i32, j: i32, x: f64): f64 { return i * j + (i * x + j * 3) * 2; }`);
  expect(code).not.toContain('TSN_EXACT53');
});
