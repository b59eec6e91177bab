import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { mergeManifest, orphanedAddons, updateManifest, withManifestLock } from '../../compiler/build/manifest-write';
import { currentNodeTarget, manifestPath, readManifest, type Manifest, type ManifestModule } from '../../runtime/manifest';

function entry(source: string, addon: string): ManifestModule {
  return {
    source,
    sourceHash: 'h-' + source,
    addon,
    cpp: `src/${addon.replace(/-.*/, '')}/x.cc`,
    node: currentNodeTarget(),
    functions: [{ name: 'dot', params: [], returns: 'f64', line: 1, options: [], exported: true }],
    builtAt: new Date(0).toISOString(),
  };
}

let out: string;
beforeEach(() => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'tsn-manifest-'));
});
afterEach(() => fs.rmSync(out, { recursive: true, force: true }));

describe('mergeManifest', () => {
  it('starts a manifest when there is none', () => {
    const m = mergeManifest(undefined, [entry('src/a.ts', 'src_a-1.node')], '0.1.0');
    expect(m).toEqual({ version: 1, tsnative: '0.1.0', modules: { 'src/a.ts': entry('src/a.ts', 'src_a-1.node') } });
  });

  it('keeps other modules and replaces the rebuilt one, keys sorted', () => {
    const old = mergeManifest(undefined, [entry('src/b.ts', 'src_b-1.node'), entry('src/a.ts', 'src_a-1.node')], '0.0.9');
    const m = mergeManifest(old, [entry('src/a.ts', 'src_a-2.node')], '0.1.0');
    expect(Object.keys(m.modules)).toEqual(['src/a.ts', 'src/b.ts']);
    expect(m.modules['src/a.ts']!.addon).toBe('src_a-2.node');
    expect(m.modules['src/b.ts']!.addon).toBe('src_b-1.node');
    expect(m.tsnative).toBe('0.1.0');
  });

  it('lists the addons no entry names any more', () => {
    const old = mergeManifest(undefined, [entry('src/a.ts', 'src_a-1.node'), entry('src/b.ts', 'src_b-1.node')], 'v');
    expect(orphanedAddons(old, mergeManifest(old, [entry('src/a.ts', 'src_a-2.node')], 'v'))).toEqual(['src_a-1.node']);
    expect(orphanedAddons(old, mergeManifest(old, [entry('src/a.ts', 'src_a-1.node')], 'v'))).toEqual([]);
    expect(orphanedAddons(undefined, old)).toEqual([]);
  });
});

describe('updateManifest', () => {
  it('re-reads the manifest on disk just before writing (another build may have added to it)', () => {
    updateManifest(out, [entry('src/a.ts', 'src_a-1.node')], 'v');
    // Another process writes its module in between.
    const theirs = readManifest(out)!;
    theirs.modules['src/b.ts'] = entry('src/b.ts', 'src_b-1.node');
    fs.writeFileSync(manifestPath(out), JSON.stringify(theirs));
    updateManifest(out, [entry('src/c.ts', 'src_c-1.node')], 'v');
    expect(Object.keys(readManifest(out)!.modules)).toEqual(['src/a.ts', 'src/b.ts', 'src/c.ts']);
  });

  it('leaves no temporary files or lock behind, and replaces a corrupt manifest', () => {
    fs.writeFileSync(manifestPath(out), '{"version": 1, "modu');
    updateManifest(out, [entry('src/a.ts', 'src_a-1.node')], 'v');
    expect(readManifest(out)!.modules['src/a.ts']).toBeDefined();
    expect(fs.readdirSync(out).filter((f) => f !== '.tmp')).toEqual(['manifest.json']);
    expect(fs.readdirSync(path.join(out, '.tmp'))).toEqual([]);
  });

  it('deletes the addon (and .d.ts) the rebuilt entry replaced, and no other file', () => {
    for (const f of ['src_a-1.node', 'src_a-1.d.ts', 'src_b-1.node', 'src_a-2.node', 'src_a.node']) fs.writeFileSync(path.join(out, f), f);
    updateManifest(out, [entry('src/a.ts', 'src_a-1.node'), entry('src/b.ts', 'src_b-1.node')], 'v');
    updateManifest(out, [entry('src/a.ts', 'src_a-2.node')], 'v');
    expect(fs.readdirSync(out).sort()).toEqual(['.tmp', 'manifest.json', 'src_a-2.node', 'src_a.node', 'src_b-1.node']);
  });

  it('takes over a lock whose holder has died', () => {
    fs.writeFileSync(manifestPath(out) + '.lock', '999999999');
    updateManifest(out, [entry('src/a.ts', 'src_a-1.node')], 'v');
    expect(fs.existsSync(manifestPath(out) + '.lock')).toBe(false);
  });

  it('holds the lock only while running the update', () => {
    const lock = manifestPath(out) + '.lock';
    const seen = withManifestLock(out, () => fs.readFileSync(lock, 'utf8'));
    expect(seen).toBe(String(process.pid));
    expect(fs.existsSync(lock)).toBe(false);
    expect(() => withManifestLock(out, () => { throw new Error('boom'); })).toThrow('boom');
    expect(fs.existsSync(lock)).toBe(false);
  });

  it('writes what readManifest reads', () => {
    const m: Manifest = updateManifest(out, [entry('src/a.ts', 'src_a-1.node')], '0.1.0');
    expect(readManifest(out)).toEqual(m);
  });
});
