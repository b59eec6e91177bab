// The typer decides every type in one place; these cases pin its rules.
import { parseSource } from '../../compiler/frontend/project';
import { lowerModule } from '../../compiler/ir/lower/module';
import type { IrFunction, Stmt } from '../../compiler/ir/nodes';

function lower(body: string) {
  const sf = parseSource('/virtual/m.ts', `import type { f64, i32, u32, f32 } from 'tsnative';\n${body}`);
  return lowerModule(sf, 'm.ts');
}

function fn(body: string): IrFunction {
  const { ir, diagnostics } = lower(body);
  expect(diagnostics.map((d) => d.message)).toEqual([]);
  return ir.functions[0]!;
}

function localTypes(stmts: Stmt[], out: Record<string, string> = {}): Record<string, string> {
  for (const s of stmts) {
    if (s.k === 'let') out[s.local.name] = s.local.type.tag === 'scalar' ? s.local.type.kind : s.local.type.tag;
    if (s.k === 'for') localTypes([...s.init, ...s.body], out);
    if (s.k === 'while' || s.k === 'do' || s.k === 'block') localTypes(s.body, out);
    if (s.k === 'if') localTypes([...s.then, ...(s.else ?? [])], out);
  }
  return out;
}

describe('un-annotated locals', () => {
  it('keeps loop counters and counts as machine integers', () => {
    const f = fn(`/** @native */ export function f(a: Float64Array): f64 {
      let n = 0; let s = 0;
      for (let i = 0; i < a.length; i++) { s += a[i]; n++; }
      return s + n; }`);
    expect(localTypes(f.body)).toEqual({ n: 'i53', s: 'f64', i: 'i53' });
  });

  it('demotes a local to f64 when any store may hold a fraction', () => {
    const f = fn(`/** @native */ export function f(x: f64): f64 {
      let k = 1; let j = 2; k *= 3; j += 1; if (x > 0) { j = x; } return k + j; }`);
    expect(localTypes(f.body)).toEqual({ k: 'f64', j: 'f64' });
  });

  it('types a local from its initializer: booleans, arrays, and f32 values stay f32', () => {
    const f = fn(`/** @native */ export function f(a: Float32Array, b: Int32Array): f64 {
      const ok = a.length > 0; const v = a[0]; const w = b[0]; const arr = a; return ok ? v + w + arr.length : 0; }`);
    expect(localTypes(f.body)).toEqual({ ok: 'bool', v: 'f32', w: 'i53', arr: 'array' });
  });
});

describe('integer slots', () => {
  it('accepts integer-valued expressions into i32 with a wrapping conversion', () => {
    const f = fn(`/** @native */ export function f(x: f64, n: i32): i32 { const m: i32 = Math.floor(x); return m + n * 2; }`);
    const ret = f.body[1]!;
    expect(ret.k === 'return' && ret.value?.k).toBe('convert');
  });

  it('rejects a fraction with the fix in the hint', () => {
    const { diagnostics } = lower(`/** @native */ export function f(x: f64): i32 { return x / 2; }`);
    expect(diagnostics.map((d) => d.code)).toEqual(['TSN1301']);
  });

  it('keeps i32 + i32 exact (int64) and i32 * i32 a double product, as JS does', () => {
    const f = fn(`/** @native */ export function f(a: i32, b: i32): f64 { return (a + b) + a * b; }`);
    const ret = f.body[0]!;
    if (ret.k !== 'return' || ret.value?.k !== 'arith') throw new Error('expected arith');
    expect(ret.value.left.k === 'convert' && ret.value.left.operand.type).toEqual({ tag: 'scalar', kind: 'i53' });
    expect(ret.value.right.type).toEqual({ tag: 'scalar', kind: 'f64' });
  });
});

describe('return types', () => {
  it('infers boolean, number and void when not annotated', () => {
    const { ir } = lower(`/** @native */ export function a(x: f64) { return x > 1; }
      /** @native */ export function b(x: f64) { return x * 2; }
      /** @native */ export function c(xs: Float64Array) { xs[0] = 1; }`);
    expect(ir.functions.map((f) => f.returns)).toEqual([{ tag: 'scalar', kind: 'bool' }, { tag: 'scalar', kind: 'f64' }, { tag: 'void' }]);
  });
});
