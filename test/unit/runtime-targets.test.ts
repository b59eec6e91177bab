// The loader's choice among a module's per-target addons, with a table of
// two targets: a preferred `gpu` whose probe each test sets, then `cpu`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MANIFEST_VERSION, type Manifest, type TargetBuild } from '../../runtime/manifest';
import { clearFreshnessCaches, moduleStatus } from '../../runtime/freshness';
import { isNative } from '../../runtime/index';
import type { Probe } from '../../runtime/targets';
import { SOURCE, dotEntry, loadDot, useLoaderProject } from '../support/loader-project';

let mockGpu: () => Probe;
const mockProbed: string[] = [];
jest.mock('../../runtime/targets', () => ({
  RUNTIME_TARGETS: [
    { name: 'gpu', probe: () => (mockProbed.push('gpu'), mockGpu()) },
    { name: 'cpu', probe: () => (mockProbed.push('cpu'), { usable: true }) },
  ],
}));

// Each stands in for a .node addon and says which target ran.
const ADDONS: Record<string, string> = {
  'stats-cpu.js': 'exports.dot = function dot(a, b) { return 1000 + a * b; };\n',
  'stats.gpu-gpu.js': 'exports.dot = function dot(a, b) { return 2000 + a * b; };\n',
};
const CPU: TargetBuild = { addon: 'stats-cpu.js', source: 'src/src_stats/src_stats.cc' };
const GPU: TargetBuild = { addon: 'stats.gpu-gpu.js', source: 'src/src_stats/src_stats.gpu.cu' };

const project = useLoaderProject('tsn-targets-');
beforeEach(() => {
  mockProbed.length = 0;
  mockGpu = () => ({ usable: true });
});

/** A manifest naming `targets` for each of `keys` (all with the text SOURCE), and the addon files `present`. */
function writeBuild(targets: Record<string, TargetBuild>, present = Object.keys(ADDONS), keys = ['src/stats.ts']): void {
  const m: Manifest = { version: MANIFEST_VERSION, tsnative: '0.1.0', modules: {} };
  for (const key of keys) m.modules[key] = dotEntry(targets, key);
  fs.mkdirSync(project.outDir, { recursive: true });
  fs.writeFileSync(path.join(project.outDir, 'manifest.json'), JSON.stringify(m));
  for (const f of present) fs.writeFileSync(path.join(project.outDir, f), ADDONS[f]!);
}

const load = (): Function => loadDot(project.source);

describe('choosing among the targets a module was built for', () => {
  it('runs the preferred target when its probe says it can, whatever the manifest order', () => {
    writeBuild({ cpu: CPU, gpu: GPU });
    expect(load()(2, 3)).toBe(2006);
    expect(moduleStatus(project.source)).toMatchObject({ fresh: true, target: 'gpu', addonPath: path.join(project.outDir, GPU.addon) });
    expect(project.warnings).toEqual([]);
  });

  it('falls back to the next target when the preferred one cannot run here, without a warning', () => {
    mockGpu = () => ({ usable: false, why: 'no GPU here' });
    writeBuild({ gpu: GPU, cpu: CPU });
    const f = load();
    expect(f(2, 3)).toBe(1006);
    expect(isNative(f)).toBe(true);
    expect(moduleStatus(project.source)).toMatchObject({ fresh: true, target: 'cpu', addonPath: path.join(project.outDir, CPU.addon) });
    expect(project.warnings).toEqual([]);
  });

  it('falls back when the preferred target addon is missing', () => {
    writeBuild({ gpu: GPU, cpu: CPU }, ['stats-cpu.js']);
    expect(load()(2, 3)).toBe(1006);
    expect(moduleStatus(project.source)).toMatchObject({ fresh: true, target: 'cpu' });
  });

  it('asks a probe only for targets the module was built for, and once per process', () => {
    mockGpu = () => ({ usable: false, why: 'no GPU here' });
    writeBuild({ cpu: CPU });
    load();
    expect(mockProbed).toEqual(['cpu']);
    clearFreshnessCaches();
    mockProbed.length = 0;
    writeBuild({ gpu: GPU, cpu: CPU }, undefined, ['src/stats.ts', 'src/other.ts']);
    fs.writeFileSync(path.join(project.dir, 'src/other.ts'), SOURCE);
    load();
    expect(moduleStatus(path.join(project.dir, 'src/other.ts'))).toMatchObject({ fresh: true, target: 'cpu' });
    expect(mockProbed).toEqual(['gpu', 'cpu']);
  });

  it('treats a probe that throws as one that says no', () => {
    mockGpu = () => {
      throw new Error('libcuda.so.1: cannot open shared object file');
    };
    writeBuild({ gpu: GPU, cpu: CPU });
    expect(load()(2, 3)).toBe(1006);
  });

  it('when no target built can run: missing, one warning naming each target and why', () => {
    mockGpu = () => ({ usable: false, why: 'no GPU here' });
    writeBuild({ gpu: GPU, cpu: CPU }, ['stats.gpu-gpu.js']);
    const f = load();
    expect(f(2, 3)).toBe(6);
    load();
    expect(project.warnings).toHaveLength(1);
    expect(project.warnings[0]!.code).toBe('TSNATIVE_MISSING');
    expect(project.warnings[0]!.message).toMatch(
      /^dot \(.*src\/stats\.ts\) runs as JavaScript, not native: its gpu addon cannot run here \(no GPU here\); its cpu addon .*stats-cpu\.js is missing\. Run `npx tsnative build .*src\/stats\.ts`\.$/,
    );
  });

  it('a module built only for a target that cannot run here says so', () => {
    mockGpu = () => ({ usable: false, why: 'no GPU here' });
    writeBuild({ gpu: GPU });
    expect(load()(2, 3)).toBe(6);
    expect(project.warnings[0]!.message).toMatch(/not native: its addon cannot run here \(no GPU here\)\. Run/);
  });
});
