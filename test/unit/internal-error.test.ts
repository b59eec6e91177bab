// A bug of the compiler while lowering one function (any throw that is not a
// diagnostic) becomes TSN9001 at that function's name; the rest still compile.
import { formatDiagnostic } from '../../compiler/diag/format';
import { parseSource } from '../../compiler/frontend/project';
import { lowerModule } from '../../compiler/ir/lower/module';
import * as statements from '../../compiler/ir/lower/statements';
import * as typenodes from '../../compiler/ir/lower/typenodes';

const FIRST = '/** @native */ export function first(x: f64): f64 { return x; }';
const SOURCE = `import type { f64 } from 'tsnative';
${FIRST}
/** @native */ export function second(x: f64): f64 { return x * 2; }
`;

function lower() {
  return lowerModule(parseSource('/virtual/bug.ts', SOURCE), 'bug.ts');
}

function expectOneInternalError(diagnostics: ReturnType<typeof lower>['diagnostics'], message: string) {
  expect(diagnostics.map((d) => [d.code, d.message, d.loc.line, d.loc.col])).toEqual([
    ['TSN9001', `internal compiler error: ${message}`, 2, FIRST.indexOf('first') + 1],
  ]);
  const text = formatDiagnostic(diagnostics[0]!, { cwd: '/virtual' });
  expect(text).toContain('bug.ts:2:');
  expect(text).toMatch(/\^{5}/);
}

afterEach(() => jest.restoreAllMocks());

it('turns a throw while lowering a body into TSN9001 and compiles the other functions', () => {
  jest.spyOn(statements, 'lowerBlock').mockImplementationOnce(() => {
    throw new TypeError('cannot read the body');
  });
  const { ir, diagnostics } = lower();
  expectOneInternalError(diagnostics, 'cannot read the body');
  expect(ir.functions.map((f) => f.name)).toEqual(['second']);
});

it('turns a throw while reading a signature into TSN9001 and compiles the other functions', () => {
  jest.spyOn(typenodes, 'readType').mockImplementationOnce(() => {
    throw new Error('cannot read the parameter');
  });
  const { ir, diagnostics } = lower();
  expectOneInternalError(diagnostics, 'cannot read the parameter');
  expect(ir.functions.map((f) => f.name)).toEqual(['second']);
});

it('compiles both functions without the provoked bug', () => {
  const { ir, diagnostics } = lower();
  expect(diagnostics).toEqual([]);
  expect(ir.functions.map((f) => f.name)).toEqual(['first', 'second']);
});
