// One benchmark process: `node worker.js <suite> <mode>` prints one JSON line.
//   js           the TypeScript as plain JS, in a process that never detached an ArrayBuffer
//   js-detached  the same after one detach (V8 then re-checks detachment in typed-array loops)
//   native       under -r tsnative/register: tsnative on 1 and on all threads, then the
//                hand-written C++ (BENCH_REFERENCE: the folder with reference*.node)
//   threads      mandelbrot on 1 and 2 threads, then again with a busy loop on one core
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { getNumThreads, isNative, setNumThreads } from 'tsnative';
import { plainKernels, SUITES, typescriptKernels, type Case, type Kernels } from './cases';

export interface Measured {
  ms: number;
  min: number;
  result: unknown;
}

export interface CaseResult {
  name: string;
  unit: 'ms' | 'ns';
  calls: number;
  parallel: boolean;
  tolerance?: number;
  variants: Record<string, Measured>;
}

export interface WorkerOutput {
  suite: string;
  mode: string;
  threads: number;
  ompWaitPolicy: string | null;
  ompSpinCount: string | null;
  cases: CaseResult[];
}

const WARMUP = 3;
const RUNS = Math.max(5, Number(process.env.BENCH_RUNS ?? 7));

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * Times every variant of one case, taking turns run by run, so that a change
 * in the machine's load while the process runs hits all variants alike.
 */
function measure(c: Case, variants: Record<string, () => Kernels>): Record<string, Measured> {
  const once = (pick: () => Kernels): [number, unknown] => {
    const k = pick();
    c.reset?.();
    const t0 = process.hrtime.bigint();
    const ret = c.run(k);
    return [Number(process.hrtime.bigint() - t0) / 1e6, ret];
  };
  const entries = Object.entries(variants);
  for (const [, pick] of entries) for (let i = 0; i < WARMUP; i++) once(pick);
  const times = new Map<string, number[]>(entries.map(([label]) => [label, []]));
  for (let r = 0; r < RUNS; r++) {
    for (const [label, pick] of entries) {
      times.get(label)!.push(once(pick)[0]);
    }
  }
  const out: Record<string, Measured> = {};
  for (const [label, pick] of entries) {
    // The result is taken from a run of its own: interleaving may have changed shared inputs.
    const [, ret] = once(pick);
    const t = times.get(label)!;
    out[label] = { ms: median(t), min: Math.min(...t), result: c.result ? c.result(ret) : ret };
  }
  return out;
}

function reference(file: string): Kernels {
  const dir = process.env.BENCH_REFERENCE;
  if (!dir) throw new Error('BENCH_REFERENCE is not set');
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- an addon, loaded by its path
  return require(path.join(dir, file)) as Kernels;
}

function timeCases(cases: Case[], variants: (c: Case) => Record<string, () => Kernels>): CaseResult[] {
  return cases.map((c) => ({
    name: c.name,
    unit: c.unit,
    calls: c.calls,
    parallel: c.parallel,
    tolerance: c.tolerance,
    variants: measure(c, variants(c)),
  }));
}

function withThreads(n: number, k: Kernels): () => Kernels {
  return () => {
    setNumThreads(n);
    return k;
  };
}

function nativeVariants(suite: string, cores: number): (c: Case) => Record<string, () => Kernels> {
  const serial = reference('reference.node') as Kernels & { addUsual: Kernels['add']; headUsual: Kernels['head'] };
  const omp = reference('reference_omp.node');
  return (c) => ({
    tsnative1: withThreads(1, typescriptKernels),
    ...(c.parallel ? { tsnativeAll: withThreads(cores, typescriptKernels) } : {}),
    cpp1: () => serial,
    ...(c.parallel ? { cppAll: () => omp } : {}),
    ...(suite === 'calls' ? { cppUsual: () => ({ ...serial, add: serial.addUsual, head: serial.headUsual }) } : {}),
  });
}

function jsVariants(label: string): (c: Case) => Record<string, () => Kernels> {
  return (c) => ({ [label]: () => typescriptKernels, ...(c.plainLoop ? { [`${label}Plain`]: () => plainKernels } : {}) });
}

/** A process spinning on one core (pinned with taskset when there is one) until stopped. */
async function busyLoop(): Promise<() => void> {
  const cpu = String(os.availableParallelism() - 1);
  const spin = [process.execPath, '-e', 'for(;;){}'];
  const taskset = fs.existsSync('/usr/bin/taskset') ? ['/usr/bin/taskset', '-c', cpu] : [];
  const [cmd, ...args] = [...taskset, ...spin];
  const child = spawn(cmd!, args, { stdio: 'ignore' });
  await new Promise((r) => setTimeout(r, 300));
  return () => child.kill('SIGKILL');
}

async function threadsSuite(): Promise<CaseResult[]> {
  const [c] = SUITES.mandelbrot!();
  const threads = { threads1: withThreads(1, typescriptKernels), threads2: withThreads(2, typescriptKernels) };
  const idle = measure(c!, threads);
  const stop = await busyLoop();
  let loaded: Record<string, Measured>;
  try {
    loaded = measure(c!, threads);
  } finally {
    stop();
  }
  const variants = { ...idle, loaded1: loaded.threads1!, loaded2: loaded.threads2! };
  return [{ name: c!.name, unit: 'ms', calls: 1, parallel: true, variants }];
}

function detachOneBuffer(): void {
  const b = new ArrayBuffer(8);
  structuredClone(b, { transfer: [b] });
}

async function main(): Promise<void> {
  const [suite, mode] = process.argv.slice(2);
  const make = suite && SUITES[suite];
  if (!make || !mode) throw new Error(`usage: worker <${Object.keys(SUITES).join('|')}> <js|js-detached|native|threads>`);
  const native = isNative(typescriptKernels.sumsq);
  if (native !== (mode === 'native' || mode === 'threads'))
    throw new Error(`mode ${mode}, but the kernels ${native ? 'are' : 'are not'} native`);
  const cores = os.availableParallelism();
  let cases: CaseResult[];
  if (mode === 'threads') cases = await threadsSuite();
  else {
    if (mode === 'js-detached') detachOneBuffer();
    const all = make();
    cases = timeCases(all, mode === 'native' ? nativeVariants(suite, cores) : jsVariants(mode === 'js' ? 'js' : 'jsDetached'));
  }
  const out: WorkerOutput = {
    suite,
    mode,
    threads: getNumThreads(),
    ompWaitPolicy: process.env.OMP_WAIT_POLICY ?? null,
    ompSpinCount: process.env.GOMP_SPINCOUNT ?? null,
    cases,
  };
  console.log(JSON.stringify(out));
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
