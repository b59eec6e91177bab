import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { hashText } from '../../runtime/project';
import { currentNodeTarget, type Manifest, type ManifestModule } from '../../runtime/manifest';
import { clearFreshnessCaches } from '../../runtime/freshness';
import { loadNative, warnUnmapped } from '../../runtime/loader';
import { isNative, nativeOf } from '../../runtime/index';

const SOURCE = '/** @native */\nexport function dot(a: number, b: number): number { return a * b; }\n';
// Stands in for a .node addon: the loader only needs something require() loads.
const FAKE_ADDON = 'exports.dot = function nativeDot(a, b) { return a * b + 1000; };\n';

let dir: string;
let source: string;
let warnings: Array<{ message: string; code?: string }>;
let emitWarning: jest.SpyInstance;

function entry(over: Partial<ManifestModule> = {}): ManifestModule {
  return {
    source: 'src/stats.ts',
    sourceHash: hashText(SOURCE),
    addon: 'stats-0123456789ab.js',
    cpp: 'src/src_stats/src_stats.cc',
    node: currentNodeTarget(),
    functions: [{ name: 'dot', params: [{ name: 'a', type: 'f64' }, { name: 'b', type: 'f64' }], returns: 'f64', line: 2, options: [], exported: true }],
    builtAt: new Date(0).toISOString(),
    ...over,
  };
}

function writeManifest(modules: Record<string, ManifestModule>): void {
  const m: Manifest = { version: 1, tsnative: '0.1.0', modules };
  fs.mkdirSync(path.join(dir, 'build/tsnative'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'build/tsnative/manifest.json'), JSON.stringify(m));
  fs.writeFileSync(path.join(dir, 'build/tsnative/stats-0123456789ab.js'), FAKE_ADDON);
}

function jsDot(a: number, b: number): number {
  return a * b;
}

beforeEach(() => {
  dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'tsn-loader-')));
  fs.writeFileSync(path.join(dir, 'package.json'), '{"name":"p"}');
  fs.mkdirSync(path.join(dir, 'src'));
  source = path.join(dir, 'src/stats.ts');
  fs.writeFileSync(source, SOURCE);
  clearFreshnessCaches();
  warnings = [];
  emitWarning = jest.spyOn(process, 'emitWarning').mockImplementation(((message: string, opts?: { code?: string }) => {
    warnings.push({ message, code: opts?.code });
  }) as typeof process.emitWarning);
});

afterEach(() => {
  emitWarning.mockRestore();
  delete process.env.TSNATIVE_STRICT;
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Loads a fresh copy of the JS function (as a module evaluated again would). */
function load(): Function {
  const js = (a: number, b: number) => jsDot(a, b);
  Object.defineProperty(js, 'name', { value: 'dot' });
  return loadNative(source, 'dot', js);
}

function expectFallback(code: string, why: RegExp): void {
  const f = load();
  expect(f(2, 3)).toBe(6);
  expect(isNative(f)).toBe(false);
  load();
  expect(warnings).toHaveLength(1);
  expect(warnings[0].code).toBe(code);
  expect(warnings[0].message).toMatch(why);
  expect(warnings[0].message).toMatch(/^dot \(.*src\/stats\.ts\) runs as JavaScript, not native: .*Run `npx tsnative build .*src\/stats\.ts`\.$/);
  expect(() => nativeOf(f)).toThrow(warnings[0].message);
}

describe('the loader rule', () => {
  it('uses a fresh addon: same name and length, known to isNative/nativeOf both ways', () => {
    writeManifest({ 'src/stats.ts': entry() });
    const js = jsDot;
    const native = loadNative(source, 'dot', js as Function);
    expect(warnings).toEqual([]);
    expect(native).not.toBe(js);
    expect(native(2, 3)).toBe(1006);
    expect(native.name).toBe('jsDot');
    expect(native.length).toBe(2);
    expect(isNative(native)).toBe(true);
    expect(isNative(js)).toBe(true);
    expect(nativeOf(js)).toBe(native);
    expect(nativeOf(native)).toBe(native);
  });

  it('without a manifest: missing', () => expectFallback('TSNATIVE_MISSING', /no build found/));

  it('without an entry for the source: missing', () => {
    writeManifest({ 'src/other.ts': entry({ source: 'src/other.ts' }) });
    expectFallback('TSNATIVE_MISSING', /src\/stats\.ts has not been built/);
  });

  it('when the source changed: stale', () => {
    writeManifest({ 'src/stats.ts': entry() });
    fs.appendFileSync(source, '// edited\n');
    expectFallback('TSNATIVE_STALE', /src\/stats\.ts changed since it was built/);
  });

  it('when built for another Node: node mismatch', () => {
    writeManifest({ 'src/stats.ts': entry({ node: { version: '18.0.0', modules: '108', napi: '8' } }) });
    expectFallback('TSNATIVE_NODE_MISMATCH', /built for Node 18\.0\.0 \(ABI 108, N-API 8\), this is Node /);
  });

  it('when the addon file is gone: missing', () => {
    writeManifest({ 'src/stats.ts': entry({ addon: 'gone.node' }) });
    expectFallback('TSNATIVE_MISSING', /its addon .*gone\.node is missing/);
  });

  it('when the function did not compile: not compiled', () => {
    writeManifest({ 'src/stats.ts': entry({ functions: [] }) });
    expectFallback('TSNATIVE_NOT_COMPILED', /dot was not compiled in the last build/);
  });

  it('when the addon does not load or lacks the function: load failed', () => {
    writeManifest({ 'src/stats.ts': entry() });
    fs.writeFileSync(path.join(dir, 'build/tsnative/stats-0123456789ab.js'), 'exports.other = () => 0;');
    expectFallback('TSNATIVE_LOAD_FAILED', /does not export dot/);
  });

  it('TSNATIVE_STRICT=1 turns the warning into an error', () => {
    process.env.TSNATIVE_STRICT = '1';
    fs.appendFileSync(source, '// edited\n');
    writeManifest({ 'src/stats.ts': { ...entry(), sourceHash: hashText(SOURCE) } });
    expect(load).toThrow(expect.objectContaining({ code: 'TSNATIVE_STALE', message: expect.stringMatching(/changed since it was built/) }));
    expect(warnings).toEqual([]);
  });

  it('honours the project outDir from tsnative.config.json', () => {
    fs.writeFileSync(path.join(dir, 'tsnative.config.json'), '{"outDir":"out/native"}');
    writeManifest({ 'src/stats.ts': entry() });
    fs.renameSync(path.join(dir, 'build/tsnative'), path.join(dir, 'out-native'));
    fs.mkdirSync(path.join(dir, 'out'));
    fs.renameSync(path.join(dir, 'out-native'), path.join(dir, 'out/native'));
    expect(isNative(load())).toBe(true);
  });
});

describe('nativeOf on a function the loader never saw', () => {
  it('throws saying how to get a native version', () => {
    expect(isNative(function unseen() {})).toBe(false);
    expect(() => nativeOf(function plain() {})).toThrow(/plain is not native: tsnative never loaded it.*@native.*tsnative\/register/);
    expect(() => nativeOf(42 as unknown as Function)).toThrow(TypeError);
  });
});

describe('JS with marked functions but no TypeScript source', () => {
  it('warns once per file, or throws when strict', () => {
    const js = path.join(dir, 'dist/stats.js');
    warnUnmapped(js, ['dot', 'sumsq']);
    warnUnmapped(js, ['dot', 'sumsq']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0].code).toBe('TSNATIVE_NO_SOURCE');
    expect(warnings[0].message).toMatch(/^dot, sumsq \(.*dist\/stats\.js\) run as JavaScript, not native: tsnative cannot find the TypeScript source .*"sourceMap": true/);
    process.env.TSNATIVE_STRICT = '1';
    expect(() => warnUnmapped(path.join(dir, 'dist/other.js'), ['f'])).toThrow(/cannot find the TypeScript source/);
  });
});
