// Loop versioning (compiler/ir/opt/bounds.ts, affine.ts): a fast copy without
// the checks one test proves, the loop otherwise; never a copy that buys
// nothing, and never 2^depth copies of a nested body.
import type { IrFunction, Stmt } from '../../compiler/ir/nodes';
import { expressions, statements } from '../../compiler/ir/walk';
import { optimisedFunction } from '../support/ir';

const fn = (body: string): IrFunction =>
  optimisedFunction(`/** @native */ export function f(a: Float64Array, b: Float64Array, n: i32): f64 { let s = 0; ${body} return s; }`);
const versions = (f: IrFunction) => [...statements(f.body)].filter((s): s is Stmt & { k: 'if' } => s.k === 'if' && s.versioned === true);
const checks = (stmts: Stmt[]) => [...expressions(stmts)].filter((e) => e.k === 'element' && e.checked).length;
/** How many times the statement `s += …` of the innermost loop was written. */
const copies = (f: IrFunction) =>
  [...statements(f.body)].filter(
    (s) => s.k === 'expr' && s.expr.k === 'assign' && s.expr.target.k === 'local' && s.expr.target.local.name === 's',
  ).length;

it('copies a body nested d deep d + 1 times', () => {
  for (let depth = 1; depth <= 4; depth++) {
    const names = ['i', 'j', 'k', 'l'].slice(0, depth);
    const loops = names.map((v) => `for (let ${v} = 0; ${v} < a.length; ${v}++) {`).join('\n');
    const f = optimisedFunction(
      `/** @native */ export function f(a: Float64Array, b: Float64Array): f64 { let s = 0;\n${loops}\ns += ${names.map((v) => `a[${v}] * b[${v}]`).join(' + ')};\n${'}'.repeat(depth)} return s; }`,
    );
    expect(copies(f)).toBe(depth + 1);
  }
});

it('leaves no check in a fast copy that its test proves, and keeps every check that can fail', () => {
  const dot = fn('for (let i = 0; i < a.length; i++) s += a[i] * b[i];');
  const [v] = versions(dot);
  expect(checks(v!.then)).toBe(0);
  // The fallback keeps b's check; a[i] can never fail.
  expect(checks(v!.else!)).toBe(1);
  expect(checks(fn('for (let i = 0; i < a.length; i++) { s += a[i]; i += 2; }').body)).toBe(1);
});

it('does not copy when nothing needs a test, nor under noboundscheck, nor a labelled loop', () => {
  expect(versions(fn('for (let i = 0; i < a.length; i++) s += a[i];'))).toEqual([]);
  const unchecked = optimisedFunction(
    '/** @native noboundscheck */ export function f(a: Float64Array, b: Float64Array): f64 { let s = 0; for (let i = 0; i < a.length; i++) s += a[i] * b[i]; return s; }',
  );
  expect(versions(unchecked)).toEqual([]);
  expect(versions(fn('outer: for (let i = 0; i < a.length; i++) { if (b[i] < 0) break outer; s += a[i]; }'))).toEqual([]);
});

it('does not copy a loop beyond the size budget', () => {
  const big = Array.from({ length: 500 }, (_, k) => `s += b[i] * ${k};`).join(' ');
  expect(versions(fn(`for (let i = 0; i < a.length; i++) { ${big} }`))).toEqual([]);
  expect(versions(fn('for (let i = 0; i < a.length; i++) { s += b[i]; }'))).toHaveLength(1);
});
