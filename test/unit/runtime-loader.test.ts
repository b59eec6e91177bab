import * as fs from 'node:fs';
import * as path from 'node:path';
import { hashText } from '../../runtime/project';
import { MANIFEST_VERSION, type Manifest, type ManifestModule } from '../../runtime/manifest';
import { loadNative, warnUnmapped } from '../../runtime/loader';
import { isNative, nativeOf } from '../../runtime/index';
import { SOURCE, dotEntry, loadDot, useLoaderProject } from '../support/loader-project';

// Stands in for a .node addon: the loader only needs something require() loads.
const FAKE_ADDON = 'exports.dot = function nativeDot(a, b) { return a * b + 1000; };\n';

const project = useLoaderProject('tsn-loader-');

function entry(over: Partial<ManifestModule> = {}): ManifestModule {
  return { ...dotEntry({ cpu: { addon: 'stats-0123456789ab.js', source: 'src/src_stats/src_stats.cc' } }), ...over };
}

function writeManifest(modules: Record<string, ManifestModule>): void {
  const m: Manifest = { version: MANIFEST_VERSION, tsnative: '0.1.0', modules };
  fs.mkdirSync(project.outDir, { recursive: true });
  fs.writeFileSync(path.join(project.outDir, 'manifest.json'), JSON.stringify(m));
  fs.writeFileSync(path.join(project.outDir, 'stats-0123456789ab.js'), FAKE_ADDON);
}

function jsDot(a: number, b: number): number {
  return a * b;
}

const load = (): Function => loadDot(project.source);

function expectFallback(code: string, why: RegExp): void {
  const f = load();
  expect(f(2, 3)).toBe(6);
  expect(isNative(f)).toBe(false);
  load();
  expect(project.warnings).toHaveLength(1);
  expect(project.warnings[0].code).toBe(code);
  expect(project.warnings[0].message).toMatch(why);
  expect(project.warnings[0].message).toMatch(
    /^dot \(.*src\/stats\.ts\) runs as JavaScript, not native: .*Run `npx tsnative build .*src\/stats\.ts`\.$/,
  );
  expect(() => nativeOf(f)).toThrow(project.warnings[0].message);
}

describe('the loader rule', () => {
  it('uses a fresh addon: same name and length, known to isNative/nativeOf both ways', () => {
    writeManifest({ 'src/stats.ts': entry() });
    const js = jsDot;
    const native = loadNative(project.source, 'dot', js as Function);
    expect(project.warnings).toEqual([]);
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
    fs.appendFileSync(project.source, '// edited\n');
    expectFallback('TSNATIVE_STALE', /src\/stats\.ts changed since it was built/);
  });

  it('when built for another Node: node mismatch', () => {
    writeManifest({ 'src/stats.ts': entry({ node: { version: '18.0.0', modules: '108', napi: '8' } }) });
    expectFallback('TSNATIVE_NODE_MISMATCH', /built for Node 18\.0\.0 \(ABI 108, N-API 8\), this is Node /);
  });

  it('when the addon file is gone: missing', () => {
    writeManifest({ 'src/stats.ts': entry({ targets: { cpu: { addon: 'gone.node', source: 'x.cc' } } }) });
    expectFallback('TSNATIVE_MISSING', /its addon .*gone\.node is missing/);
  });

  it('when built only for a target this tsnative cannot run: missing, naming the target', () => {
    writeManifest({ 'src/stats.ts': entry({ targets: { quantum: { addon: 'stats-0123456789ab.js', source: 'x.q' } } }) });
    expectFallback('TSNATIVE_MISSING', /its quantum addon is for a target this version of tsnative cannot run/);
  });

  it('when the build was made by an older tsnative (manifest version 1): stale, rebuild', () => {
    // What version 1 wrote: one addon per module.
    const v1 = {
      version: 1,
      tsnative: '0.0.1',
      modules: { 'src/stats.ts': { ...entry(), targets: undefined, addon: 'stats-0123456789ab.js', cpp: 'x.cc' } },
    };
    writeManifest({});
    fs.writeFileSync(path.join(project.dir, 'build/tsnative/manifest.json'), JSON.stringify(v1));
    expectFallback('TSNATIVE_STALE', /the build in .*build\/tsnative was made by an older version of tsnative/);
  });

  it('when the function did not compile: not compiled', () => {
    writeManifest({ 'src/stats.ts': entry({ functions: [] }) });
    expectFallback('TSNATIVE_NOT_COMPILED', /dot was not compiled in the last build/);
  });

  it('when the addon does not load or lacks the function: load failed', () => {
    writeManifest({ 'src/stats.ts': entry() });
    fs.writeFileSync(path.join(project.dir, 'build/tsnative/stats-0123456789ab.js'), 'exports.other = () => 0;');
    expectFallback('TSNATIVE_LOAD_FAILED', /does not export dot/);
  });

  it('TSNATIVE_STRICT=1 turns the warning into an error', () => {
    process.env.TSNATIVE_STRICT = '1';
    fs.appendFileSync(project.source, '// edited\n');
    writeManifest({ 'src/stats.ts': { ...entry(), sourceHash: hashText(SOURCE) } });
    expect(load).toThrow(expect.objectContaining({ code: 'TSNATIVE_STALE', message: expect.stringMatching(/changed since it was built/) }));
    expect(project.warnings).toEqual([]);
  });

  it('honours the project outDir from tsnative.config.json', () => {
    fs.writeFileSync(path.join(project.dir, 'tsnative.config.json'), '{"outDir":"out/native"}');
    writeManifest({ 'src/stats.ts': entry() });
    fs.renameSync(path.join(project.dir, 'build/tsnative'), path.join(project.dir, 'out-native'));
    fs.mkdirSync(path.join(project.dir, 'out'));
    fs.renameSync(path.join(project.dir, 'out-native'), path.join(project.dir, 'out/native'));
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
    const js = path.join(project.dir, 'dist/stats.js');
    warnUnmapped(js, ['dot', 'sumsq']);
    warnUnmapped(js, ['dot', 'sumsq']);
    expect(project.warnings).toHaveLength(1);
    expect(project.warnings[0].code).toBe('TSNATIVE_NO_SOURCE');
    expect(project.warnings[0].message).toMatch(
      /^dot, sumsq \(.*dist\/stats\.js\) run as JavaScript, not native: tsnative cannot find the TypeScript source .*"sourceMap": true/,
    );
    process.env.TSNATIVE_STRICT = '1';
    expect(() => warnUnmapped(path.join(project.dir, 'dist/other.js'), ['f'])).toThrow(/cannot find the TypeScript source/);
  });
});
