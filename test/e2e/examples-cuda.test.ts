// The kernel example programs end to end: built with the real CLI, then each
// main run at a small size (partial blocks, grids of odd sizes) as plain JS —
// launch() has no compiled kernel there and simulates the threads in
// lock-step — and with the compiled kernels swapped in (strict), and the
// printed results compared bit for bit. Built for the cpu target, whose addon
// holds the compiled simulator (the CUDA build is tested in
// test/unit/build-cuda.test.ts and test/kernels/cuda-build.test.ts).
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { KERNEL_EXAMPLES, kernelSources } from '../../examples/list';
import { compareResults } from '../../examples/timing';
import { CLI, REPO, requireDist, runMain } from '../support/examples';

const SIZES: Record<(typeof KERNEL_EXAMPLES)[number]['name'], Record<string, string>> = {
  'saxpy-cuda': { N: '1001', ROUNDS: '2' },
  'reduce-cuda': { N: '5001', BLOCKS: '3' },
  'stencil-cuda': { N: '37', STEPS: '5' },
};

// Built into an output directory of its own, kept between runs (the content
// hash makes a rebuild free): in the repository's build/tsnative, this
// cpu-only build would replace the demo's CUDA builds of the same modules, and
// the next demo would run nvcc again.
const OUT = { TSNATIVE_OUT_DIR: path.join(REPO, 'test', '.cache', 'examples-cuda') };

beforeAll(() => {
  requireDist();
  const r = spawnSync(process.execPath, [CLI, 'build', ...kernelSources()], {
    cwd: REPO,
    encoding: 'utf8',
    env: { ...process.env, ...OUT },
  });
  if (r.status !== 0) throw new Error(`tsnative build failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
});

// Three threads, so the simulator's blocks run on several cores even here.
test.each(KERNEL_EXAMPLES.map((e) => e.name))('%s: the compiled simulator prints what the JS lock-step simulation prints', (name) => {
  const js = runMain(name, false, SIZES[name]);
  const compiled = runMain(name, true, { ...SIZES[name], ...OUT, TSNATIVE_NUM_THREADS: '3' });
  expect(js.length).toBeGreaterThan(0);
  expect(compiled.map((t) => t.name)).toEqual(js.map((t) => t.name));
  for (const [i, t] of js.entries()) {
    const c = compiled[i]!;
    expect([t.where, c.where]).toEqual(['JS lock-step', 'CPU simulator']);
    expect(`${t.name}: ${String(c.result)}`).toBe(`${t.name}: ${String(t.result)}`);
    expect(compareResults(t, c)).toBe('exact');
  }
});
