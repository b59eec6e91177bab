// The number aliases count only where the name resolves to tsnative's export:
// a look-alike of the user's own must never compile as a double.
import { parseSource } from '../../compiler/frontend/project';
import { lowerModule } from '../../compiler/ir/lower/module';
import { typeName } from '../../compiler/ir/types';

function lower(text: string) {
  return lowerModule(parseSource('/virtual/aliases.ts', text), 'aliases.ts');
}

/** The signature `f` compiles to, or the codes it got instead. */
function signature(text: string): string {
  const { ir, diagnostics } = lower(text);
  if (diagnostics.length > 0) return diagnostics.map((d) => d.code).join(' ');
  const f = ir.functions.find((fn) => fn.name === 'f')!;
  return `(${f.params.map((p) => typeName(p.type)).join(', ')}) => ${typeName(f.returns)}`;
}

describe('aliases imported from tsnative', () => {
  it.each([
    ['a type-only import', `import type { f64, i32 } from 'tsnative';`, 'x: f64, n: i32', 'f64', '(f64, i32) => f64'],
    ['an inline type import', `import { type u8, prange } from 'tsnative';`, 'x: u8', 'u8', '(u8) => u8'],
    ['a renamed import', `import type { f64 as real, i16 as short } from 'tsnative';`, 'x: real, y: short', 'real', '(f64, i16) => f64'],
    ['a namespace import', `import type * as t from 'tsnative';`, 'x: t.f32, n: t.u16', 't.f32', '(f32, u16) => f32'],
    ['an import type', ``, `x: import('tsnative').i8`, `import('tsnative').u32`, '(i8) => u32'],
    [
      'number, boolean and typed arrays',
      ``,
      'x: number, b: boolean, a: Float64Array, c: Uint8ClampedArray<ArrayBufferLike>',
      'number',
      '(f64, boolean, Float64Array, Uint8ClampedArray) => f64',
    ],
  ])('accepts %s', (_, imports, params, ret, expected) => {
    expect(signature(`${imports}\n/** @native */ export function f(${params}): ${ret} { return 0; }`)).toBe(expected);
  });
});

describe('look-alikes', () => {
  it.each([
    ['no import at all', ``, 'f64'],
    ['a type alias of the module', `type f64 = string;`, 'f64'],
    ['a type alias next to the real import', `import type { f64 } from 'tsnative';\ntype f64 = number;`, 'f64'],
    ['an interface', `interface i32 { x: number }`, 'i32'],
    ['a class', `class u8 {}`, 'u8'],
    ['an enum', `enum u16 { A }`, 'u16'],
    ['an import from another module', `import type { f32 } from './types';`, 'f32'],
    ['a default import', `import f64 from 'tsnative';`, 'f64'],
    ['an import of another tsnative name under an alias name', `import type { i64 as f64 } from 'tsnative';`, 'f64'],
    ['a namespace of another module', `import type * as t from './types';`, 't.f64'],
    ['an import type of another module', ``, `import('./types').f64`],
  ])('refuses %s', (_, decls, type) => {
    const { ir, diagnostics } = lower(`${decls}\n/** @native */ export function f(x: ${type}): number { return 0; }`);
    expect(ir.functions).toEqual([]);
    expect(diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['TSN1107', `\`${type}\` here is not tsnative's \`${type.replace(/.*\./, '')}\``],
    ]);
    expect(diagnostics[0]!.hint).toContain(`import type { ${type.replace(/.*\./, '')} } from 'tsnative'`);
  });

  it('refuses a type parameter that shadows the import', () => {
    const { diagnostics } = lower(`import type { f64 } from 'tsnative';
      /** @native */ export function f<f64>(x: f64): number { return 0; }`);
    expect(diagnostics.map((d) => d.code)).toEqual(['TSN1107']);
  });

  it('refuses a local annotation shadowed by a type of the block', () => {
    const line = `/** @native */ export function f(x: number): number { const y: i32 = 1; type i32 = string; return y; }`;
    const { diagnostics } = lower(`import type { i32 } from 'tsnative';\n${line}`);
    expect(diagnostics.map((d) => [d.code, d.loc.line, d.loc.col])).toEqual([['TSN1107', 2, line.indexOf('i32') + 1]]);
  });

  it('refuses the return type of a shadowed alias, and still compiles the rest', () => {
    const { ir, diagnostics } = lower(`import type { f64 } from 'tsnative';
      import type { i32 } from './elsewhere';
      /** @native */ export function bad(x: f64): i32 { return 0; }
      /** @native */ export function good(x: f64): f64 { return x; }`);
    expect(diagnostics.map((d) => [d.code, d.loc.line])).toEqual([['TSN1107', 3]]);
    expect(ir.functions.map((f) => f.name)).toEqual(['good']);
  });

  it("refuses a typed array of the user's own", () => {
    const { diagnostics } = lower(`type Float64Array = number[];
      /** @native */ export function f(x: Float64Array): number { return 0; }`);
    expect(diagnostics.map((d) => [d.code, d.message])).toEqual([['TSN1107', '`Float64Array` here is not the built-in `Float64Array`']]);
  });

  it('keeps other unsupported types with their own code', () => {
    expect(signature(`import type * as t from 'tsnative';\n/** @native */ export function f(x: t.i64): number { return 0; }`)).toBe(
      'TSN1102',
    );
    expect(signature(`/** @native */ export function f(x: constructor): number { return 0; }`)).toBe('TSN1102');
    expect(signature(`/** @native */ export function f(x: number): string { return 0; }`)).toBe('TSN1103');
  });
});

describe('prange', () => {
  const parallel = (text: string): boolean => {
    const { ir } = lower(text);
    const f = ir.functions.find((fn) => fn.name === 'f');
    return f !== undefined && f.body.some((s) => s.k === 'prange');
  };
  const loop = (callee: string) =>
    `/** @native */ export function f(a: Float64Array): void { for (const i of ${callee}(a.length)) a[i] = i; }`;

  it('is tsnative’s prange when imported, renamed, or through a namespace', () => {
    expect(parallel(`import { prange } from 'tsnative';\n${loop('prange')}`)).toBe(true);
    expect(parallel(`import { prange as par } from 'tsnative';\n${loop('par')}`)).toBe(true);
    expect(parallel(`import * as tsn from 'tsnative';\n${loop('tsn.prange')}`)).toBe(true);
  });

  it('is not a function of the user’s own that is called prange', () => {
    expect(parallel(`function* prange(n: number) { for (let i = 0; i < n; i++) yield i; }\n${loop('prange')}`)).toBe(false);
    expect(parallel(`import { prange } from './mine';\n${loop('prange')}`)).toBe(false);
  });
});
