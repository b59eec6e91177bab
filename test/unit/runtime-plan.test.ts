import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { writeFile } from '../support/files';
import { emitWithTsc } from '../support/tsc';
import { currentNodeTarget, MANIFEST_VERSION, type Manifest } from '../../runtime/manifest';
import { hashText } from '../../runtime/project';
import { clearFreshnessCaches } from '../../runtime/freshness';
import { planBindings } from '../../runtime/register/plan';

const SOURCE = [
  "import type { f64 } from 'tsnative';",
  '/** @native */',
  'export function dot(a: Float64Array, b: Float64Array): f64 { return a[0] * b[0]; }',
  '/**',
  '  * @native */',
  'function local(x: number): number { return x; }',
  'export function plain(): number { return local(1); }',
  '',
].join('\n');

let dir: string;

const write = (rel: string, text: string): string => writeFile(dir, rel, text);

const emitTsc = (src: string): string => emitWithTsc(src, dir);

beforeEach(() => {
  dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'tsn-plan-')));
  write('package.json', '{"name":"p"}');
  clearFreshnessCaches();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('which functions a module binds', () => {
  it('binds the @native functions of tsc output, found through its source map', () => {
    const src = write('src/stats.ts', SOURCE);
    const out = emitTsc(src);
    expect(planBindings(out, fs.readFileSync(out, 'utf8'))).toEqual({ source: src, names: ['dot', 'local'] });
  });

  it('reads the TypeScript from disk when the module is the source (tsx strips comments)', () => {
    const src = write('src/stats.ts', SOURCE);
    const transpiled = 'function dot(a,b){return a[0]*b[0]}function local(x){return x}';
    expect(planBindings(src, transpiled)).toEqual({ source: src, names: ['dot', 'local'] });
  });

  it('adds the functions a fresh build lists, and drops names the JS does not declare', () => {
    const text = SOURCE + 'export function\n  extra(): number { return 2; } // @native in an odd spot\n';
    const src = write('src/stats.ts', text);
    const m: Manifest = {
      version: MANIFEST_VERSION,
      tsnative: '0.1.0',
      modules: {
        'src/stats.ts': {
          source: 'src/stats.ts',
          sourceHash: hashText(text),
          targets: { cpu: { addon: 'x.node', source: 'x.cc' } },
          node: currentNodeTarget(),
          functions: ['dot', 'extra'].map((name) => ({ name, params: [], returns: 'f64', line: 1, options: [], exported: true })),
          builtAt: '',
        },
      },
    };
    write('build/tsnative/manifest.json', JSON.stringify(m));
    write('build/tsnative/x.node', '');
    const js = 'function dot(a,b){}function local(x){}function extra(){}';
    expect(planBindings(src, js)).toEqual({ source: src, names: ['dot', 'local', 'extra'] });
    expect(planBindings(src, 'function dot(a,b){}')).toEqual({ source: src, names: ['dot'] });
  });

  it('reports marked functions in JS whose source cannot be found', () => {
    const out = emitTsc(write('src/stats.ts', SOURCE));
    fs.rmSync(out + '.map');
    const js = fs.readFileSync(out, 'utf8');
    expect(planBindings(out, js)).toEqual({ unmapped: out, names: ['dot', 'local'] });
  });

  it('leaves unmarked modules, unmapped unmarked JS and node_modules alone', () => {
    const src = write('src/plain.ts', 'export function f() { return 1; }\n');
    expect(planBindings(emitTsc(src), 'function f() {}')).toBeUndefined();
    expect(planBindings(path.join(dir, 'lib/x.js'), 'function dot() {}')).toBeUndefined();
    const dep = write('node_modules/dep/index.ts', SOURCE);
    expect(planBindings(dep, 'function dot(a,b){}')).toBeUndefined();
  });
});
