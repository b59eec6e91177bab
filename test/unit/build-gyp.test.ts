import * as path from 'node:path';
import { bindingGyp } from '../../compiler/build/binding-gyp';
import type { Need } from '../../compiler/backend/backend';
import { buildFlags } from '../../compiler/build/flags';

const REPO = path.resolve(__dirname, '../..');

interface Target {
  target_name: string;
  sources: string[];
  include_dirs: string[];
  defines: string[];
  cflags_cc: string[];
  'cflags!': string[];
  'cflags_cc!': string[];
  ldflags: string[];
}

function target(needs: Need[] = [], cflags: string[] = []): Target {
  const gyp = JSON.parse(bindingGyp('src_stats', 'src_stats.cc', buildFlags({ cflags }, needs))) as { targets: Target[] };
  expect(gyp.targets).toHaveLength(1);
  return gyp.targets[0]!;
}

describe('generated binding.gyp', () => {
  it('names the target and lists the source relative to the gyp file', () => {
    const t = target();
    expect(t.target_name).toBe('src_stats');
    expect(t.sources).toEqual(['src_stats.cc']);
  });

  it("includes the package's native/ (absolute), and no node-addon-api: generated code uses node_api.h", () => {
    const t = target();
    expect(t.include_dirs).toEqual([path.join(REPO, 'native')]);
    for (const dir of t.include_dirs) expect(path.isAbsolute(dir)).toBe(true);
  });

  it('compiles C++17 with JS-exact floating point and exceptions on', () => {
    const t = target();
    expect(t.cflags_cc).toEqual([
      '-std=c++17',
      '-O3',
      '-fwrapv',
      '-ffp-contract=off',
      '-fno-strict-aliasing',
      '-fno-trapping-math',
      '-falign-loops=64',
    ]);
    expect(t.defines).toEqual(['NAPI_VERSION=8']);
    expect(t['cflags!']).toContain('-fno-exceptions');
    expect(t['cflags_cc!']).toContain('-fno-exceptions');
    expect(t['cflags_cc!']).toContain('-std=gnu++17');
  });

  it("appends the project's cflags last, so they win", () => {
    expect(target([], ['-march=native', '-O2']).cflags_cc.slice(-2)).toEqual(['-march=native', '-O2']);
  });

  it('links OpenMP only for code that needs it', () => {
    expect(target(['openmp']).cflags_cc).toContain('-fopenmp');
    expect(target(['openmp']).ldflags).toEqual(['-fopenmp']);
    expect(target().ldflags).toEqual([]);
  });

  it('is valid JSON (gyp reads JSON as a Python literal)', () => {
    expect(() => JSON.parse(bindingGyp('x', 'x.cc', buildFlags({ cflags: ['-DNAME="a b"'] }, [])))).not.toThrow();
  });
});
