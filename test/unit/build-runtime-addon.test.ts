// The package's own addon (top-level binding.gyp), which `npm install` builds.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { findNodeDir } from '../../compiler/build/toolchain';

const REPO = path.resolve(__dirname, '../..');
const ADDON = path.join(REPO, 'build', 'Release', 'tsnative_runtime.node');

type RuntimeAddon = import('../../runtime/runtime-addon').RuntimeAddon;

/** `script` run by a fresh node with ADDON as process.argv[1] and `env` for the OpenMP and tsnative variables; its stdout, parsed. */
function child(script: string, env: Record<string, string> = {}): unknown {
  const base: NodeJS.ProcessEnv = { ...process.env };
  for (const k of ['NODE_OPTIONS', 'OMP_WAIT_POLICY', 'GOMP_SPINCOUNT', 'TSNATIVE_NUM_THREADS', 'TSNATIVE_PARALLEL_THRESHOLD'])
    delete base[k];
  const r = spawnSync(process.execPath, ['-e', script, ADDON], { encoding: 'utf8', env: { ...base, ...env } });
  if (r.status !== 0) throw new Error(`child failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return JSON.parse(r.stdout) as unknown;
}

beforeAll(() => {
  if (fs.existsSync(ADDON)) return;
  // What the install script runs (`configure build`: `rebuild` would delete build/tsnative).
  const nodeDir = findNodeDir();
  const gyp = require.resolve('node-gyp/bin/node-gyp.js');
  const r = spawnSync(process.execPath, [gyp, 'configure', 'build', ...(nodeDir ? [`--nodedir=${nodeDir}`] : [])], {
    cwd: REPO,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`node-gyp failed:\n${r.stdout}\n${r.stderr}`);
});

it('exports the package version, its state ABI and the hardware concurrency', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const addon = require(ADDON) as RuntimeAddon;
  const { version } = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string };
  expect(addon.version).toBe(version);
  expect(addon.abi).toBe(1);
  const n = addon.hardwareConcurrency();
  expect(Number.isInteger(n) && n >= 0).toBe(true);
});

it('loads in a worker thread (context-aware)', async () => {
  const worker = new Worker(
    `const { parentPort } = require('node:worker_threads'); parentPort.postMessage(require(${JSON.stringify(ADDON)}).version);`,
    { eval: true },
  );
  const version = await new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  await worker.terminate();
  expect(typeof version).toBe('string');
});

/** The name of the error `f` throws (the addon's errors come from another realm than jest's, so no instanceof). */
function thrown(f: () => void): string | undefined {
  try {
    f();
  } catch (e) {
    return (e as Error).name;
  }
  return undefined;
}

it('holds the thread count and parallel threshold, and checks what it is given', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const addon = require(ADDON) as RuntimeAddon;
  const saved = { n: addon.getNumThreads(), t: addon.getParallelThreshold() };
  try {
    addon.setNumThreads(3);
    expect(addon.getNumThreads()).toBe(3);
    for (const bad of [-1, 1.5, NaN, 2 ** 31]) expect(thrown(() => addon.setNumThreads(bad))).toBe('RangeError');
    expect(thrown(() => addon.setNumThreads('2' as unknown as number))).toBe('TypeError');
    expect(addon.getNumThreads()).toBe(3);
    addon.setNumThreads(0);
    expect(addon.getNumThreads()).toBe(0);
    addon.setParallelThreshold(0);
    expect(addon.getParallelThreshold()).toBe(0);
    expect(thrown(() => addon.setParallelThreshold(-1))).toBe('RangeError');
    addon.setParallelThreshold(undefined);
    expect(addon.getParallelThreshold()).toBe(-1);
  } finally {
    addon.setNumThreads(saved.n);
    addon.setParallelThreshold(saved.t < 0 ? undefined : saved.t);
  }
});

it('publishes one state per process on the global, read-only, under Symbol.for("tsnative.runtime")', () => {
  const script = `
    const key = Symbol.for('tsnative.runtime');
    const first = require(process.argv[1]);
    const d = Object.getOwnPropertyDescriptor(globalThis, key);
    first.setNumThreads(6);
    delete require.cache[process.argv[1]];
    const again = require(process.argv[1]);  // a second load must not republish or reset
    console.log(JSON.stringify({ type: typeof d.value, writable: d.writable, enumerable: d.enumerable, same: globalThis[key] === d.value, threads: again.getNumThreads(), fresh: again !== first }));`;
  expect(child(script, { TSNATIVE_NUM_THREADS: '2' })).toEqual({
    type: 'object',
    writable: false,
    enumerable: false,
    same: true,
    threads: 6,
    fresh: true,
  });
});

describe('the OpenMP wait policy, set at its first load', () => {
  const script = `require(process.argv[1]); console.log(JSON.stringify([process.env.OMP_WAIT_POLICY ?? null, process.env.GOMP_SPINCOUNT ?? null]));`;

  it('sleeps after a short spin when the user chose nothing', () => {
    expect(child(script)).toEqual(['PASSIVE', '3000']);
  });

  it("leaves the user's choice alone", () => {
    expect(child(script, { OMP_WAIT_POLICY: 'ACTIVE' })).toEqual(['ACTIVE', null]);
    expect(child(script, { GOMP_SPINCOUNT: '100' })).toEqual([null, '100']);
  });
});

it('shares its state with worker threads, both ways', async () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const addon = require(ADDON) as RuntimeAddon;
  const saved = addon.getNumThreads();
  addon.setNumThreads(5);
  const worker = new Worker(
    `const { parentPort } = require('node:worker_threads');
     const addon = require(${JSON.stringify(ADDON)});
     const seen = addon.getNumThreads();
     addon.setNumThreads(7);
     parentPort.postMessage(seen);`,
    { eval: true },
  );
  const seen = await new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  await worker.terminate();
  const after = addon.getNumThreads();
  addon.setNumThreads(saved);
  expect([seen, after]).toEqual([5, 7]);
});
