// `npm run demo`: compiles the examples, runs each program twice — as plain
// JS and with `--import tsnative/register` — and prints the times side by side.
// Each run is its own process, so the JS numbers come from a clean V8.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import pc from 'picocolors';
import { EXAMPLES as examples } from './list';
import { compareResults, type Timing } from './timing';

const root = path.resolve(__dirname, '..');
const sources = examples.map((e) => `examples/${e}/${e}.ts`);

function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  return spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } });
}

console.log(pc.bold('1. Compile the @native functions'));
const build = spawnSync(process.execPath, [path.join(root, 'bin/tsnative.js'), 'build', ...sources], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

console.log(pc.bold('\n2. Run each program as JS, then with the native functions swapped in'));
const rows: string[][] = [['program / kernel', 'JS ms', 'native ms', 'speed-up', 'same result']];
let allSame = true;
for (const example of examples) {
  const main = `examples/${example}/main.ts`;
  const measure = (register: string[]): Timing[] => {
    const r = run(['--import', 'tsx', ...register, main], { TSNATIVE_DEMO_JSON: '1', TSNATIVE_STRICT: register.length ? '1' : '' });
    const line = r.stdout.split('\n').find((l) => l.startsWith('{'));
    if (r.status !== 0 || !line) {
      console.error(r.stdout + r.stderr);
      process.exit(1);
    }
    return (JSON.parse(line) as { timings: Timing[] }).timings;
  };
  const js = measure([]);
  const native = measure(['--import', 'tsnative/register']);
  js.forEach((t, i) => {
    const n = native[i]!;
    if (t.ms === 0) return;
    const same = compareResults(t, n);
    allSame &&= same !== 'differs' && n.native;
    const verdict = { exact: 'yes', close: '≈ (sum reordered)', differs: pc.red(`no (${t.result} vs ${n.result})`) }[same];
    rows.push([`${example} / ${t.name}`, t.ms.toFixed(2), n.ms.toFixed(2), `${(t.ms / n.ms).toFixed(2)}×`, verdict]);
  });
}

// eslint-disable-next-line no-control-regex -- ANSI colour codes take no width
const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.replace(/\x1b\[[0-9;]*m/g, '').length)));
for (const [i, r] of rows.entries()) {
  const line = r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  console.log(i === 0 ? pc.bold(line) : line);
}
console.log(`\nMedian of ${process.env.REPEATS ?? 5} runs after a warm-up; one process per program and mode; native uses every core.`);
console.log(
  '≈: a float sum in a prange loop adds per-thread partial sums, so it may differ from JS in the last digits (on one thread it is identical).',
);
console.log(
  'In JS, prange is an iterator: where it is the innermost loop (stats) a plain `for` runs faster in V8. `npm run bench` compares against that.',
);
if (!allSame) {
  console.error(pc.red('A native result differed from JS, or a function did not run natively.'));
  process.exit(1);
}
