import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { mergeManifest, orphanedAddons, updateManifest, withManifestLock } from '../../compiler/build/manifest-write';
import { currentNodeTarget, manifestPath, readManifest, type Manifest, type ManifestModule } from '../../runtime/manifest';

/** The entry a build writes for one target of `source` (built from `sourceHash`). */
function entry(source: string, addon: string, target = 'cpu', sourceHash = 'h-' + source): ManifestModule {
  return {
    source,
    sourceHash,
    targets: { [target]: { addon, source: `src/${addon.replace(/-.*/, '')}/x.cc` } },
    node: currentNodeTarget(),
    functions: [{ name: 'dot', params: [], returns: 'f64', line: 1, options: [], exported: true }],
    inputsKey: 'k-' + sourceHash,
    builtAt: new Date(0).toISOString(),
  };
}

const addonsOf = (m: Manifest, key: string): Record<string, string> =>
  Object.fromEntries(Object.entries(m.modules[key]!.targets).map(([t, b]) => [t, b.addon]));

let out: string;
beforeEach(() => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'tsn-manifest-'));
});
afterEach(() => fs.rmSync(out, { recursive: true, force: true }));

describe('mergeManifest', () => {
  it('starts a manifest when there is none', () => {
    const m = mergeManifest(undefined, [entry('src/a.ts', 'src_a-1.node')], '0.1.0');
    expect(m).toEqual({ version: 2, tsnative: '0.1.0', modules: { 'src/a.ts': entry('src/a.ts', 'src_a-1.node') } });
  });

  it('keeps other modules and replaces the rebuilt one, keys sorted', () => {
    const old = mergeManifest(undefined, [entry('src/b.ts', 'src_b-1.node'), entry('src/a.ts', 'src_a-1.node')], '0.0.9');
    const m = mergeManifest(old, [entry('src/a.ts', 'src_a-2.node')], '0.1.0');
    expect(Object.keys(m.modules)).toEqual(['src/a.ts', 'src/b.ts']);
    expect(addonsOf(m, 'src/a.ts')).toEqual({ cpu: 'src_a-2.node' });
    expect(addonsOf(m, 'src/b.ts')).toEqual({ cpu: 'src_b-1.node' });
    expect(m.tsnative).toBe('0.1.0');
  });

  it('adds a target to an entry of the same build, and a build of changed source replaces every target', () => {
    const cpu = mergeManifest(undefined, [entry('src/a.ts', 'src_a-1.node')], 'v');
    const both = mergeManifest(cpu, [entry('src/a.ts', 'src_a.gpu-1.node', 'gpu')], 'v');
    expect(addonsOf(both, 'src/a.ts')).toEqual({ cpu: 'src_a-1.node', gpu: 'src_a.gpu-1.node' });
    // The source changed: only the target built from the new source is left.
    const changed = mergeManifest(both, [entry('src/a.ts', 'src_a-2.node', 'cpu', 'h-new')], 'v');
    expect(addonsOf(changed, 'src/a.ts')).toEqual({ cpu: 'src_a-2.node' });
    expect(changed.modules['src/a.ts']!.sourceHash).toBe('h-new');
    // Two targets of the new build written in one update both stay.
    const rebuilt = mergeManifest(
      both,
      [entry('src/a.ts', 'src_a-2.node', 'cpu', 'h-new'), entry('src/a.ts', 'src_a.gpu-2.node', 'gpu', 'h-new')],
      'v',
    );
    expect(addonsOf(rebuilt, 'src/a.ts')).toEqual({ cpu: 'src_a-2.node', gpu: 'src_a.gpu-2.node' });
  });

  it('treats other callees, other inputs or another Node as another build', () => {
    const both = mergeManifest(undefined, [entry('src/a.ts', 'src_a-1.node'), entry('src/a.ts', 'src_a.gpu-1.node', 'gpu')], 'v');
    const other: Array<Partial<ManifestModule>> = [
      { dependencies: [{ source: 'src/b.ts', sourceHash: 'h-b' }] },
      { inputsKey: 'another' },
      { node: { ...currentNodeTarget(), modules: '1' } },
    ];
    for (const change of other) {
      const m = mergeManifest(both, [{ ...entry('src/a.ts', 'src_a-2.node'), ...change }], 'v');
      expect(addonsOf(m, 'src/a.ts')).toEqual({ cpu: 'src_a-2.node' });
    }
  });

  it('lists the addons no entry names any more', () => {
    const old = mergeManifest(undefined, [entry('src/a.ts', 'src_a-1.node'), entry('src/b.ts', 'src_b-1.node')], 'v');
    expect(orphanedAddons(old, mergeManifest(old, [entry('src/a.ts', 'src_a-2.node')], 'v'))).toEqual(['src_a-1.node']);
    expect(orphanedAddons(old, mergeManifest(old, [entry('src/a.ts', 'src_a-1.node')], 'v'))).toEqual([]);
    expect(orphanedAddons(undefined, old)).toEqual([]);
  });

  it('counts the addons of every target', () => {
    const old = mergeManifest(undefined, [entry('src/a.ts', 'src_a-1.node'), entry('src/a.ts', 'src_a.gpu-1.node', 'gpu')], 'v');
    // Still named by either target: nothing is orphaned.
    expect(orphanedAddons(old, mergeManifest(old, [entry('src/a.ts', 'src_a.gpu-1.node', 'gpu')], 'v'))).toEqual([]);
    const next = mergeManifest(
      old,
      [entry('src/a.ts', 'src_a-2.node', 'cpu', 'h-new'), entry('src/a.ts', 'src_a.gpu-1.node', 'gpu', 'h-new')],
      'v',
    );
    expect(orphanedAddons(old, next)).toEqual(['src_a-1.node']);
    expect(orphanedAddons(old, mergeManifest(old, [entry('src/a.ts', 'src_a-2.node', 'cpu', 'h-new')], 'v')).sort()).toEqual([
      'src_a-1.node',
      'src_a.gpu-1.node',
    ]);
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

  it('deletes the addons of every target a new build no longer names, and their .d.ts', () => {
    const files = ['src_a-1.node', 'src_a-1.d.ts', 'src_a.gpu-1.node', 'src_a.gpu-1.d.ts', 'src_a-2.node', 'src_a.gpu.node'];
    for (const f of files) fs.writeFileSync(path.join(out, f), f);
    updateManifest(out, [entry('src/a.ts', 'src_a-1.node')], 'v');
    updateManifest(out, [entry('src/a.ts', 'src_a.gpu-1.node', 'gpu')], 'v');
    expect(
      fs
        .readdirSync(out)
        .filter((f) => f.endsWith('.node'))
        .sort(),
    ).toEqual(['src_a-1.node', 'src_a-2.node', 'src_a.gpu-1.node', 'src_a.gpu.node']);
    updateManifest(out, [entry('src/a.ts', 'src_a-2.node', 'cpu', 'h-new')], 'v');
    expect(fs.readdirSync(out).sort()).toEqual(['.tmp', 'manifest.json', 'src_a-2.node', 'src_a.gpu.node']);
  });

  it('replaces a manifest of an older version instead of reading it', () => {
    fs.writeFileSync(
      manifestPath(out),
      JSON.stringify({ version: 1, tsnative: '0.0.1', modules: { 'src/b.ts': { source: 'src/b.ts', addon: 'src_b-1.node' } } }),
    );
    updateManifest(out, [entry('src/a.ts', 'src_a-1.node')], 'v');
    expect(readManifest(out)).toEqual({ version: 2, tsnative: 'v', modules: { 'src/a.ts': entry('src/a.ts', 'src_a-1.node') } });
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
    expect(() =>
      withManifestLock(out, () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(fs.existsSync(lock)).toBe(false);
  });

  it('writes what readManifest reads', () => {
    const m: Manifest = updateManifest(out, [entry('src/a.ts', 'src_a-1.node')], '0.1.0');
    expect(readManifest(out)).toEqual(m);
  });
});
