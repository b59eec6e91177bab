import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { writeFile } from '../support/files';
import { emitWithTsc } from '../support/tsc';
import { sourceMappingUrl, typeScriptSourceOf } from '../../runtime/register/source-map';

let dir: string;

const write = (rel: string, text: string): string => writeFile(dir, rel, text);

function map(sources: string[], sourceRoot?: string): string {
  return JSON.stringify({ version: 3, file: 'x.js', sources, sourceRoot, names: [], mappings: '' });
}

beforeEach(() => {
  dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'tsn-srcmap-')));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('sourceMappingURL', () => {
  it('takes the last comment that starts a line', () => {
    expect(sourceMappingUrl('x\n//# sourceMappingURL=a.js.map\n')).toBe('a.js.map');
    expect(sourceMappingUrl('//# sourceMappingURL=old.map\ny\n//@ sourceMappingURL=new.map')).toBe('new.map');
    expect(sourceMappingUrl('/*# sourceMappingURL=c.map */')).toBe('c.map');
    expect(sourceMappingUrl('const s = "//# sourceMappingURL=no.map";')).toBeUndefined();
    expect(sourceMappingUrl('plain')).toBeUndefined();
  });
});

describe('from JS back to its TypeScript source', () => {
  it('a TypeScript file is its own source', () => {
    expect(typeScriptSourceOf('/p/src/a.ts', '')).toBe('/p/src/a.ts');
    expect(typeScriptSourceOf('/p/src/a.mts', '')).toBe('/p/src/a.mts');
    expect(typeScriptSourceOf('/p/src/a.cts', '')).toBe('/p/src/a.cts');
  });

  it('follows a map file', () => {
    const src = write('src/a.ts', 'export {}');
    write('dist/a.js.map', map(['../src/a.ts']));
    expect(typeScriptSourceOf(path.join(dir, 'dist/a.js'), 'x\n//# sourceMappingURL=a.js.map')).toBe(src);
  });

  it('honours sourceRoot and a map in another folder', () => {
    const src = write('src/lib/a.ts', 'export {}');
    write('maps/a.js.map', map(['a.ts'], '../src/lib/'));
    expect(typeScriptSourceOf(path.join(dir, 'dist/a.js'), '//# sourceMappingURL=../maps/a.js.map')).toBe(src);
  });

  it('reads an inline data URL', () => {
    const src = write('src/a.ts', 'export {}');
    const data = Buffer.from(map(['../src/a.ts'])).toString('base64');
    const js = `x\n//# sourceMappingURL=data:application/json;charset=utf-8;base64,${data}`;
    expect(typeScriptSourceOf(path.join(dir, 'dist/a.js'), js)).toBe(src);
  });

  it('in a bundle, only trusts the source of the same name', () => {
    const a = write('src/a.ts', '');
    write('src/b.ts', '');
    write('dist/a.js.map', map(['../src/b.ts', '../src/a.ts']));
    write('dist/c.js.map', map(['../src/b.ts', '../src/a.ts']));
    expect(typeScriptSourceOf(path.join(dir, 'dist/a.js'), '//# sourceMappingURL=a.js.map')).toBe(a);
    expect(typeScriptSourceOf(path.join(dir, 'dist/c.js'), '//# sourceMappingURL=c.js.map')).toBeUndefined();
  });

  it('falls back to a sibling .ts, else gives up', () => {
    const sib = write('lib/a.ts', '');
    write('lib/a.js.map', map(['../gone/a.ts']));
    expect(typeScriptSourceOf(path.join(dir, 'lib/a.js'), '//# sourceMappingURL=a.js.map')).toBe(sib);
    expect(typeScriptSourceOf(path.join(dir, 'lib/a.js'), '')).toBe(sib);
    const mts = write('lib/m.mts', '');
    expect(typeScriptSourceOf(path.join(dir, 'lib/m.mjs'), '')).toBe(mts);
    expect(typeScriptSourceOf(path.join(dir, 'lib/none.js'), '')).toBeUndefined();
    expect(typeScriptSourceOf(path.join(dir, 'lib/bad.js'), '//# sourceMappingURL=missing.map')).toBeUndefined();
  });

  it('maps real tsc output (outDir, source maps) back to its source', () => {
    const src = write('src/stats.ts', '/** @native */\nexport function dot(a: number): number { return a; }\n');
    const out = emitWithTsc(src, dir);
    expect(typeScriptSourceOf(out, fs.readFileSync(out, 'utf8'))).toBe(src);
  });
});
