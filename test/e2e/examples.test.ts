// Every example program is also an end-to-end test: built once with the real
// CLI, then each main run at a small size as plain JS and with the native
// functions swapped in (strict, so a fallback to JS fails the test), and the
// printed results compared: bit-identical, or within the documented
// reassociation of a parallel float sum.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EXAMPLES, KERNEL_EXAMPLES } from '../../examples/list';
import { compareResults, type Timing } from '../../examples/timing';
import { CLI, REPO, requireDist, runMain as runProgram } from '../support/examples';

// Small sizes, with odd shapes where an off-by-one would show.
const SIZES: Record<string, Record<string, string>> = {
  stats: { N: '5001' },
  mandelbrot: { WIDTH: '61' },
  nbody: { STEPS: '100' },
  matmul: { N: '23' },
  'spectral-norm': { N: '37' },
  jacobi: { N: '19', STEPS: '7' },
  'monte-carlo-pi': { STREAMS: '5', SAMPLES: '1001' },
  histogram: { N: '1001' },
  'image-blur': { WIDTH: '21' },
};

function runMain(example: string, register: boolean, env: Record<string, string> = {}): Timing[] {
  return runProgram(example, register, { ...SIZES[example], ...env });
}

function expectSame(js: Timing[], native: Timing[], exactOnly: boolean): void {
  expect(native.map((t) => t.name)).toEqual(js.map((t) => t.name));
  for (const [i, t] of js.entries()) {
    const n = native[i]!;
    const what = `${t.name}: JS ${String(t.result)}, native ${String(n.result)}`;
    if (t.ms !== 0) expect(`${what}, ran native: ${n.native}`).toBe(`${what}, ran native: true`);
    expect(`${what}: ${compareResults(t, n)}`).toMatch(exactOnly ? /: exact$/ : /: (exact|close)$/);
  }
}

beforeAll(() => {
  requireDist();
  const sources = EXAMPLES.map((e) => `examples/${e}/${e}.ts`);
  const r = spawnSync(process.execPath, [CLI, 'build', ...sources], { cwd: REPO, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`tsnative build failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
});

test('every example folder is in a list the demo runs', () => {
  const folders = fs
    .readdirSync(path.join(REPO, 'examples'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(REPO, 'examples', d.name, 'main.ts')))
    .map((d) => d.name);
  expect([...EXAMPLES, ...KERNEL_EXAMPLES.map((e) => e.name)].sort()).toEqual(folders.sort());
  // The kernel programs have their own test (examples-cuda.test.ts).
  expect(Object.keys(SIZES).sort()).toEqual([...EXAMPLES].sort());
});

// Three threads on any machine, and parallel loops at every size, so the
// parallel paths (uneven shares, the combined partial sums) run even here.
test.each(EXAMPLES)('%s: native on three threads agrees with JS', (example) => {
  const js = runMain(example, false);
  const native = runMain(example, true, { TSNATIVE_NUM_THREADS: '3', TSNATIVE_PARALLEL_THRESHOLD: '1' });
  expectSame(js, native, false);
});

test('stats: native on one thread is bit-identical to JS, float sums included', () => {
  expectSame(runMain('stats', false), runMain('stats', true, { TSNATIVE_NUM_THREADS: '1' }), true);
});
