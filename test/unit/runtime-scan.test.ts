import { scanNativeNames } from '../../runtime/register/scan';

describe('scanning a TypeScript source for @native functions', () => {
  it('finds marked module-level declarations in order', () => {
    const src = [
      "import type { f64 } from 'tsnative';",
      '/** @native */',
      'export function dot(a: Float64Array, b: Float64Array): f64 { return 0; }',
      '/**',
      ' * Sum of squares.',
      ' * @native fastmath noboundscheck',
      ' */',
      'function sumsq(xs: Float64Array): f64 { return 0; }',
      '/** Plain helper. */',
      'export function helper(): number { return 1; }',
      '/** @native */ export default function $weird_1() {}',
    ].join('\n');
    expect(scanNativeNames(src)).toEqual(['dot', 'sumsq', '$weird_1']);
  });

  it('ignores other tags, indented functions and non-JSDoc comments', () => {
    const src = [
      '/** @nativeish */',
      'function a() {}',
      '/* @native */',
      'function b() {}',
      'class C {',
      '  /** @native */',
      '  m() {}',
      '}',
      '// @native',
      'function d() {}',
      '/** @native */',
      'const e = () => 0;',
      '/** @internal */',
      'function f() {}',
    ].join('\n');
    expect(scanNativeNames(src)).toEqual([]);
  });

  it('does not let one comment reach a later function', () => {
    expect(scanNativeNames('/** @native */\nconst x = 1;\n/** other */\nfunction g() {}\n')).toEqual([]);
  });
});
