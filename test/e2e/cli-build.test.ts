// `tsnative build` end to end in a user project: one shared native build,
// then the cache, a direct require of the addon, a failing C++ compile and an
// interrupted build, each checked for what it leaves on disk.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  copyProject,
  makeProject,
  pathWithoutCompilers,
  runNode,
  startTsnative,
  STATS,
  tsnative,
  writeFiles,
  type CliRun,
} from './cli-project';

// One function compiles, one is a diagnostic: the first is still built.
const MIXED = `import type { i32 } from 'tsnative';

/** @native */
export function scale(xs: Int32Array, k: i32): void {
  for (let i = 0; i < xs.length; i++) xs[i] = xs[i] * k;
}

/** @native */
export function noisy(): number {
  return Math.random();
}
`;

let dir: string;
let first: CliRun;
const out = (d = dir): string => path.join(d, 'build', 'tsnative');
const addons = (d = dir): string[] =>
  fs
    .readdirSync(out(d))
    .filter((f) => f.endsWith('.node'))
    .sort();
const manifestText = (d = dir): string => fs.readFileSync(path.join(out(d), 'manifest.json'), 'utf8');
interface Entry {
  targets: Record<string, { addon: string; source: string }>;
  sourceHash: string;
  functions: { name: string }[];
}
const entry = (key: string, d = dir): Entry => (JSON.parse(manifestText(d)) as { modules: Record<string, Entry> }).modules[key]!;
/** The CPU build of a module (the only target these projects have). */
const cpu = (key: string, d = dir): { addon: string; source: string } => entry(key, d).targets.cpu!;

beforeAll(() => {
  dir = makeProject('tsn-cli-build-', {
    'package.json': '{"name":"app","private":true}',
    'tsnative.config.json': '{"include": ["src"]}',
    'src/stats.ts': STATS,
    'src/mixed.ts': MIXED,
    'src/plain.ts': 'export const nothingNative = 1;\n',
  });
  first = tsnative(dir, ['build', '--jobs', '2']);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the first build of the config\'s "include"', () => {
  it('prints a line per module and a summary, and exits 1 for the diagnostic', () => {
    expect(first.stdout).toMatch(/^built src\/stats\.ts {2}\(dot, sumsq\) {2}\d+\.\ds$/m);
    expect(first.stdout).toMatch(/^built src\/mixed\.ts {2}\(scale\) {2}\d+\.\ds$/m);
    expect(first.stdout).toMatch(/^2 built, 0 cached, 0 failed, 1 diagnostic in \d+\.\ds$/m);
    expect(first.stderr).toMatch(/^src\/mixed\.ts:10:10 - error TSN\d+: `Math\.random`/m);
    // eslint-disable-next-line no-control-regex -- no colour codes without a terminal
    expect(first.stdout + first.stderr).not.toMatch(/\x1b\[/);
    expect(first.status).toBe(1);
  });

  it('publishes content-addressed addons, their .d.ts, and stable aliases', () => {
    const stats = cpu('src/stats.ts');
    const mixed = cpu('src/mixed.ts');
    expect(Object.keys(entry('src/stats.ts').targets)).toEqual(['cpu']);
    expect(stats.addon).toMatch(/^src_stats-[0-9a-f]{12}\.node$/);
    expect(mixed.addon).toMatch(/^src_mixed-[0-9a-f]{12}\.node$/);
    expect(addons()).toEqual([stats.addon, mixed.addon, 'src_mixed.node', 'src_stats.node'].sort());
    expect(entry('src/mixed.ts').functions.map((f) => f.name)).toEqual(['scale']);
    expect(stats.source).toBe('src/src_stats/src_stats.cc');
    expect(fs.readFileSync(path.join(out(), stats.source), 'utf8')).toContain('// src/stats.ts:4');
    expect(fs.readFileSync(path.join(out(), 'src_stats.d.ts'), 'utf8')).toContain(
      'export declare function dot(a: Float64Array, b: Float64Array): number;',
    );
    expect(fs.readFileSync(path.join(out(), 'src_mixed.d.ts'), 'utf8')).toContain(
      'export declare function scale(xs: Int32Array, k: number): void;',
    );
  });

  it('builds addons a program can require directly', () => {
    const stats = cpu('src/stats.ts').addon;
    const r = runNode(
      dir,
      `const s = require('./build/tsnative/${stats}');
       const alias = require('./build/tsnative/src_stats.node');
       const m = require('./build/tsnative/src_mixed.node');
       const a = new Float64Array([1, 2, 3]), b = new Float64Array([4, 5, 6]);
       const xs = new Int32Array([1, -2, 3]);
       m.scale(xs, 3);
       let err = '';
       try { s.dot(new Int32Array(3), b); } catch (e) { err = e.constructor.name + ': ' + e.message; }
       console.log(JSON.stringify([s.dot(a, b), alias.sumsq(a), Array.from(xs), err]));`,
    );
    expect(r.stderr).toBe('');
    const [dot, sumsq, xs, err] = JSON.parse(r.stdout) as [number, number, number[], string];
    expect(dot).toBe(32);
    expect(sumsq).toBe(14);
    expect(xs).toEqual([3, -6, 9]);
    expect(err).toMatch(/^TypeError: .*dot.*a/);
  });
});

describe('a second build', () => {
  it('is cached: node-gyp does not run (no compiler on PATH), addons are untouched', () => {
    const before = addons().map((f) => fs.statSync(path.join(out(), f)).mtimeMs);
    const r = tsnative(dir, ['build', 'src/stats.ts'], { PATH: pathWithoutCompilers(dir) });
    expect(r.stdout).toMatch(/^cached src\/stats\.ts {2}\(dot, sumsq\)$/m);
    expect(r.stdout).toMatch(/^0 built, 1 cached, 0 failed in \d+\.\ds$/m);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(addons().map((f) => fs.statSync(path.join(out(), f)).mtimeMs)).toEqual(before);
  });

  it('--quiet prints nothing when all is well', () => {
    const r = tsnative(dir, ['build', '--quiet', 'src/stats.ts']);
    expect(r.stdout).toBe('');
    expect(r.status).toBe(0);
  });
});

describe('a C++ compile error', () => {
  let copy: string;
  let r: CliRun;
  let addonsBefore: string[];
  let manifestBefore: string;
  beforeAll(() => {
    copy = copyProject(dir, 'tsn-cli-fail-');
    // Generated code that fails to compile stands in for a compiler bug.
    writeFiles(copy, {
      'broken.h': '#error "tsnative test: deliberately broken"\n',
      'tsnative.config.json': JSON.stringify({ include: ['src'], cflags: ['-include', path.join(copy, 'broken.h')] }),
    });
    addonsBefore = addons(copy);
    manifestBefore = manifestText(copy);
    r = tsnative(copy, ['build', 'src/stats.ts']);
  });
  afterAll(() => fs.rmSync(copy, { recursive: true, force: true }));

  it('is an internal compiler error naming the module, the generated file and the compiler error', () => {
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^failed src\/stats\.ts {2}\(dot, sumsq\) {2}\d+\.\ds$/m);
    expect(r.stdout).toMatch(/^0 built, 0 cached, 1 failed in /m);
    expect(r.stderr).toContain('internal compiler error: the C++ generated for src/stats.ts did not compile.');
    expect(r.stderr).toContain('generated file: build/tsnative/src/src_stats/src_stats.cc');
    expect(r.stderr).toMatch(/broken\.h:1:2: error: #error "tsnative test: deliberately broken"/);
    expect(r.stderr).not.toContain('gyp ERR!');
  });

  it('leaves no new addon, no manifest change and no temporary files', () => {
    expect(addons(copy)).toEqual(addonsBefore);
    expect(manifestText(copy)).toBe(manifestBefore);
    expect(fs.readdirSync(path.join(out(copy), '.tmp'))).toEqual([]);
  });
});

describe('an interrupted build', () => {
  it('stops the compiler and leaves the previous addon and manifest as they were', async () => {
    const copy = copyProject(dir, 'tsn-cli-int-');
    fs.appendFileSync(
      path.join(copy, 'src', 'stats.ts'),
      '\n/** @native */\nexport function triple(x: number): number { return 3 * x; }\n',
    );
    const addonsBefore = addons(copy);
    const manifestBefore = manifestText(copy);
    // A cache of its own, to see the compile start there (compiler/build/gyp-template.ts).
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'tsn-cli-int-cache-'));
    process.env.TSNATIVE_CACHE_DIR = cache;
    const child = startTsnative(copy, ['build', 'src/stats.ts']);
    delete process.env.TSNATIVE_CACHE_DIR;
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const gyp = path.join(cache, 'gyp');
    const compiling = () => (fs.existsSync(gyp) ? fs.readdirSync(gyp).filter((d) => d.includes('.work-')) : []);
    const deadline = Date.now() + 30_000;
    // Interrupt once make is at work in its build directory.
    while (Date.now() < deadline && compiling().length === 0) await new Promise((res) => setTimeout(res, 10));
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(addons(copy)).toEqual(addonsBefore);
    expect(manifestText(copy)).toBe(manifestBefore);
    expect(compiling()).toEqual([]);
    const tmp = path.join(out(copy), '.tmp');
    expect(fs.existsSync(tmp) ? fs.readdirSync(tmp) : []).toEqual([]);
    fs.rmSync(copy, { recursive: true, force: true });
    fs.rmSync(cache, { recursive: true, force: true });
  });
});
