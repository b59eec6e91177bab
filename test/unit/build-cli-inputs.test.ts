import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { globToRegExp, staticPrefix } from '../../compiler/cli/glob';
import { resolveInputs } from '../../compiler/cli/inputs';
import { UsageError } from '../../compiler/cli/usage-error';

describe('glob', () => {
  it.each([
    ['src/**/*.ts', ['src/a.ts', 'src/x/y/b.ts'], ['src/a.js', 'lib/a.ts', 'srca.ts']],
    ['src/*.{ts,mts}', ['src/a.ts', 'src/b.mts'], ['src/x/a.ts', 'src/a.cts']],
    ['**/k?.ts', ['k1.ts', 'a/b/k2.ts'], ['k12.ts']],
  ])('%s', (pattern, yes, no) => {
    const re = globToRegExp(pattern);
    for (const p of yes) expect(re.test(p)).toBe(true);
    for (const p of no) expect(re.test(p)).toBe(false);
  });

  it('walks from the part before the first wildcard', () => {
    expect(staticPrefix('src/lib/**/*.ts')).toBe('src/lib');
    expect(staticPrefix('*.ts')).toBe('');
  });
});

describe('resolveInputs', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'tsn-inputs-')));
    const files: Record<string, string> = {
      'src/a.ts': '/** @native */ export function a() {}',
      'src/plain.ts': 'export const x = 1;',
      'src/deep/b.mts': '/** @native */ export function b() {}',
      'src/types.d.ts': '/** @native */',
      'src/node_modules/c.ts': '/** @native */',
      'build/tsnative/d.ts': '/** @native */',
      'readme.md': '@native',
    };
    for (const [rel, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), text);
    }
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const rel = (files: string[]): string[] => files.map((f) => path.relative(dir, f).split(path.sep).join('/'));

  it('takes named files as they are, even without @native', () => {
    expect(rel(resolveInputs(['src/plain.ts', 'src/a.ts'], dir).files)).toEqual(['src/plain.ts', 'src/a.ts']);
  });

  it('keeps only files with @native from directories, skipping declarations, node_modules and build output', () => {
    expect(rel(resolveInputs(['src', '.'], dir).files)).toEqual(['src/a.ts', 'src/deep/b.mts']);
  });

  it('expands globs and reports patterns that found nothing', () => {
    const r = resolveInputs(['src/**/*.mts', 'lib/*.ts'], dir);
    expect(rel(r.files)).toEqual(['src/deep/b.mts']);
    expect(r.empty).toEqual(['lib/*.ts']);
  });

  it('is a usage error for a missing path or a non-TypeScript file', () => {
    expect(() => resolveInputs(['src/missing.ts'], dir)).toThrow(UsageError);
    expect(() => resolveInputs(['readme.md'], dir)).toThrow(/not a TypeScript source file/);
  });
});
