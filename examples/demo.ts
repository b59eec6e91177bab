// `npm run demo`: compiles the examples, runs each program twice — as plain
// JS and with `--import tsnative/register` — and prints the times side by side.
// Each run is its own process, so the JS numbers come from a clean V8.
// Kernel programs run the same way: without the register hook `launch` has no
// compiled kernel and simulates the threads in JS, in lock-step; with it the
// kernel runs on the GPU, or on the compiled CPU simulator where there is none.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import pc from 'picocolors';
import { findNvcc } from '../compiler/build/cuda-toolkit';
import { EXAMPLES as examples, KERNEL_EXAMPLES, kernelSources } from './list';
import { compareResults, type Timing } from './timing';

const root = path.resolve(__dirname, '..');
const sources = examples.map((e) => `examples/${e}/${e}.ts`);

function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  return spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } });
}

function build(args: string[]): number {
  return spawnSync(process.execPath, [path.join(root, 'bin/tsnative.js'), 'build', ...args], { cwd: root, stdio: 'inherit' }).status ?? 1;
}

function measure(main: string, register: boolean): Timing[] {
  const hook = register ? ['--import', 'tsnative/register'] : [];
  const r = run(['--import', 'tsx', ...hook, main], { TSNATIVE_DEMO_JSON: '1', TSNATIVE_STRICT: register ? '1' : '' });
  const line = r.stdout.split('\n').find((l) => l.startsWith('{'));
  if (r.status !== 0 || !line) {
    console.error(r.stdout + r.stderr);
    process.exit(1);
  }
  return (JSON.parse(line) as { timings: Timing[] }).timings;
}

function printTable(rows: string[][]): void {
  // eslint-disable-next-line no-control-regex -- ANSI colour codes take no width
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.replace(/\x1b\[[0-9;]*m/g, '').length)));
  for (const [i, r] of rows.entries()) {
    const line = r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
    console.log(i === 0 ? pc.bold(line) : line);
  }
}

console.log(pc.bold('1. Compile the @native functions and the @kernel functions'));
let status = build(sources);
if (status !== 0) process.exit(status);
// A CUDA build needs nvcc, not a GPU: where there is none, the CUDA addon's kernels run on its CPU simulator.
const nvcc = findNvcc();
console.log(
  nvcc
    ? 'Kernels for CUDA too (nvcc found; the first CUDA build takes a while, later ones are cached):'
    : 'Kernels for the CPU simulator only (no nvcc: install the CUDA toolkit to build them for a GPU):',
);
status = build([...(nvcc ? ['--target', 'cuda'] : []), ...kernelSources()]);
if (status !== 0) {
  if (!nvcc) process.exit(status);
  console.log(pc.yellow('The CUDA build failed (above): the kernels run on the CPU simulator.'));
  status = build(kernelSources());
  if (status !== 0) process.exit(status);
}

console.log(pc.bold('\n2. Run each program as JS, then with the native functions swapped in'));
const rows: string[][] = [['program / function', 'JS ms', 'native ms', 'speed-up', 'same result']];
let allSame = true;
for (const example of examples) {
  const main = `examples/${example}/main.ts`;
  const js = measure(main, false);
  const native = measure(main, true);
  js.forEach((t, i) => {
    const n = native[i]!;
    if (t.ms === 0) return;
    const same = compareResults(t, n);
    allSame &&= same !== 'differs' && n.native;
    const verdict = { exact: 'yes', close: '≈ (sum reordered)', differs: pc.red(`no (${t.result} vs ${n.result})`) }[same];
    rows.push([`${example} / ${t.name}`, t.ms.toFixed(2), n.ms.toFixed(2), `${(t.ms / n.ms).toFixed(2)}×`, verdict]);
  });
}
printTable(rows);
console.log(`\nMedian of ${process.env.REPEATS ?? 5} runs after a warm-up; one process per program and mode; native uses every core.`);
console.log(
  '≈: a float sum in a prange loop adds per-thread partial sums, so it may differ from JS in the last digits (on one thread it is identical).',
);
console.log(
  'In JS, prange is an iterator: where it is the innermost loop (stats) a plain `for` runs faster in V8. `npm run bench` compares against that.',
);

console.log(pc.bold('\n3. Run each kernel program as JS (launch simulates the threads in lock-step), then compiled'));
const kernelRows: string[][] = [['program / kernel', 'JS lock-step ms', 'compiled ms', 'speed-up', 'ran on', 'same result']];
const whyNotGpu = new Set<string>();
for (const { name } of KERNEL_EXAMPLES) {
  const main = `examples/${name}/main.ts`;
  const js = measure(main, false);
  const compiled = measure(main, true);
  js.forEach((t, i) => {
    const c = compiled[i]!;
    // Kernels have no reassociated sums: every result must be bit-identical.
    const same = compareResults({ ...t, tolerance: undefined }, c) === 'exact';
    allSame &&= same && c.native;
    if (c.why) whyNotGpu.add(c.why);
    const verdict = same ? 'yes, bit for bit' : pc.red(`no (${t.result} vs ${c.result})`);
    kernelRows.push([`${name} / ${t.name}`, t.ms.toFixed(2), c.ms.toFixed(2), `${(t.ms / c.ms).toFixed(2)}×`, c.where ?? '?', verdict]);
  });
}
printTable(kernelRows);
console.log('\nEach time includes the copies to and from the device, as `launch` makes them (stencil-cuda keeps its grids on the device).');
for (const why of whyNotGpu) console.log(`Not on a GPU: ${why}.`);

if (!allSame) {
  console.error(pc.red('A native result differed from JS, or a function or kernel did not run compiled.'));
  process.exit(1);
}
