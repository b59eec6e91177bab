// The thread count is process-wide state in the runtime addon: every
// generated addon, loaded before or after a change, in any worker_thread,
// and its loops on the libuv pool, read it. An addon required without the
// runtime reads the environment once instead.
//
// The probe: a float sum of 2^53 then ones. Sequentially each +1 rounds back
// to 2^53 (ties to even); split across threads, the other shares' ones are
// summed first and survive. So the result says whether the loop ran on one
// thread, on any machine (OpenMP starts the threads asked for, even more
// than there are cores).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { runtimeAddon } from '../../runtime/runtime-addon';
import { getNumThreads, setNumThreads, setParallelThreshold } from '../../runtime/threads';
import { REPO, buildModules, builtAddon, loadAddon } from '../support/native';
import * as js from './cases/threads';

const early = path.join(__dirname, 'cases', 'threads.ts');
const late = path.join(__dirname, 'cases', 'threads-late.ts');
const PUBLIC_API = path.join(REPO, 'dist', 'runtime', 'index.js');

type Sum = (xs: Float64Array) => number;

function probe(): Float64Array {
  const xs = new Float64Array(1000).fill(1);
  xs[0] = 2 ** 53;
  return xs;
}
const sequential = js.sum(probe());

/** Runs `script` in a fresh node with only `env` of the tsnative and OpenMP variables set; its stdout, parsed. */
function child(script: string, env: Record<string, string>, args: string[] = []): unknown {
  const base: NodeJS.ProcessEnv = { ...process.env };
  for (const k of ['NODE_OPTIONS', 'TSNATIVE_NUM_THREADS', 'TSNATIVE_PARALLEL_THRESHOLD', 'OMP_WAIT_POLICY', 'GOMP_SPINCOUNT'])
    delete base[k];
  const r = spawnSync(process.execPath, ['-e', script, ...args], { encoding: 'utf8', env: { ...base, ...env } });
  if (r.status !== 0) throw new Error(`child failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return JSON.parse(r.stdout) as unknown;
}

const PROBE_SRC = 'const xs = new Float64Array(1000).fill(1); xs[0] = 2 ** 53;';

let saved: number;
beforeAll(() => {
  if (!fs.existsSync(PUBLIC_API)) throw new Error('dist/ is not built: run `npm run build:ts` first (npm test does)');
  buildModules([early, late]);
  saved = runtimeAddon()!.getNumThreads(); // 0 (every core) included
  // The probe is small: every size must take the parallel path.
  expect(setParallelThreshold(1)).toBe(true);
});
afterAll(() => {
  runtimeAddon()?.setNumThreads(saved);
  setParallelThreshold(undefined);
});

it('the probe tells one thread from several', () => {
  expect(sequential).toBe(2 ** 53);
  // Four static shares, each summed alone, then combined in order (as parallel.h does).
  const xs = probe();
  const shares = [0, 1, 2, 3].map((t) => xs.subarray(t * 250, (t + 1) * 250).reduce((s, x) => s + x, 0));
  expect(shares.reduce((s, x) => s + x, 0)).toBe(2 ** 53 + 750);
});

it('setNumThreads(1) makes a prange float sum the sequential one, bit for bit, in addons loaded before and after the call', () => {
  const before = loadAddon(early).exports.sum as Sum;
  setNumThreads(4);
  expect(before(probe())).not.toBe(sequential);
  setNumThreads(1);
  expect(before(probe())).toBe(sequential);
  const after = loadAddon(late).exports.sumLate as Sum;
  expect(after(probe())).toBe(sequential);
  // Not a value read at load: the next change reaches it too.
  setNumThreads(4);
  expect(after(probe())).not.toBe(sequential);
  expect(after(probe())).toBe(before(probe()));
});

it('a worker_thread sees the count set on the main thread, and the main thread the count it sets', async () => {
  setNumThreads(1);
  const source = `
    const { parentPort, workerData } = require('node:worker_threads');
    const tsnative = require(workerData.api);
    const seen = tsnative.getNumThreads();  // loads the runtime addon in this context
    ${PROBE_SRC}
    const sum = require(workerData.addon).sum(xs);
    tsnative.setNumThreads(4);
    parentPort.postMessage({ seen, sum });`;
  const worker = new Worker(source, { eval: true, workerData: { api: PUBLIC_API, addon: builtAddon(early).path } });
  const got = await new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  await worker.terminate();
  expect(got).toEqual({ seen: 1, sum: sequential });
  expect(getNumThreads()).toBe(4);
  expect((loadAddon(early).exports.sum as Sum)(probe())).not.toBe(sequential);
});

it('setNumThreads while offloaded prange loops run does not crash them', async () => {
  const pooled = loadAddon(early).exports['offload:sum'] as (xs: Float64Array) => Promise<number>;
  const ones = new Float64Array(1_000_000).fill(1); // exact on any number of threads
  let left = 16;
  const results = Array.from({ length: left }, () =>
    pooled(ones).finally(() => {
      left--;
    }),
  );
  for (let k = 0; left > 0; k++) {
    setNumThreads(1 + (k % 4));
    setParallelThreshold(k % 3 === 0 ? undefined : 1);
    if (k % 16 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  setParallelThreshold(1);
  expect(await Promise.all(results)).toEqual(new Array(16).fill(1_000_000));
});

describe('in a fresh process', () => {
  const readThreads = `
    const tsnative = require(process.argv[1]);
    const runtime = require(process.argv[2]).runtimeAddon();
    const before = tsnative.getNumThreads();
    tsnative.setNumThreads(2);
    console.log(JSON.stringify({ before, threshold: runtime.getParallelThreshold(), env: process.env.TSNATIVE_NUM_THREADS ?? null, cores: require('node:os').availableParallelism() }));`;
  const args = [PUBLIC_API, path.join(REPO, 'dist', 'runtime', 'runtime-addon.js')];

  it('getNumThreads() and the threshold start from the environment; setNumThreads writes no environment variable', () => {
    expect(child(readThreads, { TSNATIVE_NUM_THREADS: '3', TSNATIVE_PARALLEL_THRESHOLD: '5' }, args)).toMatchObject({
      before: 3,
      threshold: 5,
      env: '3',
    });
    const unset = child(readThreads, {}, args) as { before: number; cores: number };
    expect(unset).toMatchObject({ threshold: -1, env: null });
    expect(unset.before).toBe(unset.cores);
    const junk = child(readThreads, { TSNATIVE_NUM_THREADS: 'two', TSNATIVE_PARALLEL_THRESHOLD: 'x' }, args) as {
      before: number;
      cores: number;
    };
    expect(junk).toMatchObject({ threshold: -1, env: 'two' });
    expect(junk.before).toBe(junk.cores);
  });

  it('an addon required directly, without the runtime, honours TSNATIVE_NUM_THREADS', () => {
    const script = `
      const addon = require(process.argv[1]);
      ${PROBE_SRC}
      console.log(JSON.stringify({ runtime: globalThis[Symbol.for('tsnative.runtime')] !== undefined, sum: addon.sum(xs) }));`;
    const addon = [builtAddon(early).path];
    expect(child(script, { TSNATIVE_NUM_THREADS: '1', TSNATIVE_PARALLEL_THRESHOLD: '1' }, addon)).toEqual({
      runtime: false,
      sum: sequential,
    });
    expect(child(script, { TSNATIVE_NUM_THREADS: '4', TSNATIVE_PARALLEL_THRESHOLD: '1' }, addon)).toMatchObject({ runtime: false });
    expect(child(script, { TSNATIVE_NUM_THREADS: '4', TSNATIVE_PARALLEL_THRESHOLD: '1' }, addon)).not.toMatchObject({ sum: sequential });
  });

  it('without the runtime addon (installed without a toolchain) the JS keeps the count and sets the environment, wait policy included', () => {
    // A copy of the package with no build/Release/tsnative_runtime.node.
    const pkg = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'tsn-noruntime-')));
    try {
      fs.cpSync(path.join(REPO, 'dist', 'runtime'), path.join(pkg, 'dist', 'runtime'), { recursive: true });
      fs.copyFileSync(path.join(REPO, 'package.json'), path.join(pkg, 'package.json'));
      fs.copyFileSync(path.join(REPO, 'binding.gyp'), path.join(pkg, 'binding.gyp'));
      const script = `
        const tsnative = require(process.argv[1]);
        const before = tsnative.getNumThreads();
        tsnative.setNumThreads(1);  // before the addon loads: it reads the environment then
        require(process.argv[3]).prepareForAddons();  // what the loader does first
        const addon = require(process.argv[2]);
        ${PROBE_SRC}
        console.log(JSON.stringify({ before, after: tsnative.getNumThreads(), env: process.env.TSNATIVE_NUM_THREADS, policy: process.env.OMP_WAIT_POLICY ?? null, sum: addon.sum(xs) }));`;
      const got = child(script, { TSNATIVE_NUM_THREADS: '3', TSNATIVE_PARALLEL_THRESHOLD: '1' }, [
        path.join(pkg, 'dist', 'runtime', 'index.js'),
        builtAddon(early).path,
        path.join(pkg, 'dist', 'runtime', 'openmp.js'),
      ]);
      expect(got).toEqual({ before: 3, after: 1, env: '1', policy: 'PASSIVE', sum: sequential });
    } finally {
      fs.rmSync(pkg, { recursive: true, force: true });
    }
  });
});
