// Every unsupported construct gets a diagnostic at the right line with a code,
// a message and a hint; the other functions of the file still compile.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DIAGNOSTICS } from '../../compiler/diag/codes';
import { compileFiles, formatDiagnostic } from '../../compiler/driver';

const casesDir = path.join(__dirname, 'cases');
const caseFiles = fs.readdirSync(casesDir).filter((f) => f.endsWith('.ts'));

function expectations(file: string): { line: number; code: string }[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((text, i) => {
      const m = /\/\/ expect: (TSN\d+)/.exec(text);
      return m ? [{ line: i + 1, code: m[1]! }] : [];
    });
}

describe.each(caseFiles)('%s', (name) => {
  const file = path.join(casesDir, name);
  const [result] = compileFiles([file], { checkOnly: true });

  it('reports exactly the expected codes, in order, at the expected lines', () => {
    const got = result!.diagnostics.map((d) => ({ line: d.loc.line, code: d.code }));
    expect(got).toEqual(expectations(file));
  });

  it('gives every diagnostic a position, a code frame and a hint', () => {
    for (const d of result!.diagnostics) {
      const text = formatDiagnostic(d, { cwd: casesDir });
      expect(text).toContain(`${name}:${d.loc.line}:${d.loc.col}`);
      expect(text).toMatch(new RegExp(`> +${d.loc.line} \\|`));
      expect(text).toMatch(/\^+/);
      expect(d.hint.length).toBeGreaterThan(10);
      expect(text).toContain(`hint: ${d.hint}`);
    }
  });

  it('still compiles the functions without mistakes', () => {
    expect(result!.functions.map((f) => f.name)).toContain('stillCompiles');
  });
});

describe('the cases', () => {
  // TSN9001 is a compiler bug, which no input should produce: test/unit/internal-error provokes it.
  it('give every code of the table at least once', () => {
    const covered = new Set(caseFiles.flatMap((f) => expectations(path.join(casesDir, f)).map((e) => e.code)));
    const missing = Object.keys(DIAGNOSTICS).filter((code) => code !== 'TSN9001' && !covered.has(code));
    expect(missing).toEqual([]);
  });
});

describe('messages users act on', () => {
  const [result] = compileFiles([path.join(casesDir, 'unsupported.ts')], { checkOnly: true });
  const byCode = (code: string) => result!.diagnostics.find((d) => d.code === code)!;

  it('says how to store a fraction into an integer', () => {
    expect(byCode('TSN1301').hint).toContain('Math.trunc(x)');
    expect(byCode('TSN1301').hint).toContain('x | 0');
  });
  it('names the unmarked callee and says to mark it', () => {
    expect(byCode('TSN1203').message).toContain('plain');
    expect(byCode('TSN1203').hint).toContain('@native');
  });
  it('names the unknown option', () => {
    expect(byCode('TSN1001').message).toContain('sloppy');
  });
  it('tells f32 accumulators to use Math.fround', () => {
    expect(byCode('TSN1306').hint).toContain('Math.fround');
  });
  it('names a function used as a value once, in backticks', () => {
    const [stmts] = compileFiles([path.join(casesDir, 'statements.ts')], { checkOnly: true });
    expect(stmts!.diagnostics.find((d) => d.code === 'TSN1210')!.message).toBe(
      'a compiled function cannot use the function `twice` as a value',
    );
  });
  it('tells a look-alike of an alias to import the real one', () => {
    const [types] = compileFiles([path.join(casesDir, 'types.ts')], { checkOnly: true });
    const lookalike = types!.diagnostics.find((d) => d.code === 'TSN1107')!;
    expect(lookalike.message).toBe("`f32` here is not tsnative's `f32`");
    expect(lookalike.hint).toContain("import type { f32 } from 'tsnative'");
  });
});
