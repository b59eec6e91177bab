// Turns the workers' measurements into checked rows and markdown tables.
import type { CaseResult, Measured } from './worker';

export interface Row {
  name: string;
  unit: 'ms' | 'ns';
  /** Time per run (ms) or per call (ns), by variant. */
  time: Record<string, number>;
  check: string;
  ok: boolean;
}

// Variants that must give JS's result bit for bit; the others may reassociate float sums.
const EXACT = new Set(['jsPlain', 'jsDetached', 'jsDetachedPlain', 'tsnative1', 'cpp1', 'cppUsual']);

/** One row per case: the JS measurement (the oracle) merged with the other processes'. */
export function mergeRow(parts: CaseResult[]): Row {
  const variants: Record<string, Measured> = Object.assign({}, ...parts.map((p) => p.variants));
  const first = parts[0]!;
  const oracle = variants.js;
  const time: Record<string, number> = {};
  for (const [k, m] of Object.entries(variants)) time[k] = first.unit === 'ns' ? (m.ms * 1e6) / first.calls : m.ms;
  // The JS baseline: the plain-loop version where there is one (bench/kernels/plain.ts).
  time.base = time.jsPlain ?? time.js!;
  time.baseDetached = time.jsDetachedPlain ?? time.jsDetached!;
  if (!oracle) return { name: first.name, unit: first.unit, time, check: 'no JS run', ok: false };
  const bad: string[] = [];
  let reassociated = false;
  for (const [k, m] of Object.entries(variants)) {
    if (Object.is(m.result, oracle.result)) continue;
    const tol = first.tolerance;
    const close =
      !EXACT.has(k) && tol !== undefined && typeof m.result === 'number' && Math.abs(m.result - (oracle.result as number)) <= tol;
    if (close) reassociated = true;
    else bad.push(`${k}: ${String(m.result)} ≠ ${String(oracle.result)}`);
  }
  const check = bad.length ? `DIFFERS (${bad.join('; ')})` : reassociated ? '≈ (parallel sum)' : 'exact';
  return { name: first.name, unit: first.unit, time, check, ok: bad.length === 0 };
}

export function geomean(xs: number[]): number {
  return Math.exp(xs.reduce((s, x) => s + Math.log(x), 0) / xs.length);
}

const fmt = (v: number | undefined, unit: string) =>
  v === undefined ? '—' : `${v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2)} ${unit}`;
const ratio = (r: number | undefined) => (r === undefined || !Number.isFinite(r) ? '—' : `${r >= 10 ? r.toFixed(1) : r.toFixed(2)}×`);

export function markdown(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map((_, i) => (i === 0 ? '---' : '---:'))), ...rows.map(line)].join('\n');
}

/** A column: its header and its cell for a row. */
type Column = [header: string, cell: (r: Row) => string];

function table(rows: Row[], columns: Column[], footer: string[][] = []): string {
  return markdown(
    columns.map(([h]) => h),
    [...rows.map((r) => columns.map(([, cell]) => cell(r))), ...footer],
  );
}

/** Speed-up of `variant` over clean JS. */
export const speedup = (r: Row, variant: string) => (r.time[variant] === undefined ? undefined : r.time.base! / r.time[variant]!);

const time = (v: string) => (r: Row) => fmt(r.time[v], r.unit);
const timeAndSpeedup = (v: string) => (r: Row) => (r.time[v] === undefined ? '—' : `${fmt(r.time[v], r.unit)} · ${ratio(speedup(r, v))}`);
const versusCpp = (r: Row) => ratio(r.time.tsnative1! / r.time.cpp1!);
const check = (r: Row) => r.check;

export function kernelTable(rows: Row[], cores: number): string {
  const geo = (v: string) => {
    const xs = rows.map((r) => speedup(r, v)).filter((x): x is number => x !== undefined);
    return xs.length ? ratio(geomean(xs)) : '—';
  };
  const variants = ['baseDetached', 'tsnative1', 'tsnativeAll', 'cpp1', 'cppAll'];
  const footer = [
    ['**geomean speed-up**', '', ...variants.map(geo), ratio(geomean(rows.map((r) => r.time.tsnative1! / r.time.cpp1!))), ''],
  ];
  return table(
    rows,
    [
      ['kernel', (r) => r.name],
      ['JS (clean V8)', time('base')],
      ['JS after a detach', timeAndSpeedup('baseDetached')],
      ['tsnative 1 thread', timeAndSpeedup('tsnative1')],
      [`tsnative ${cores} threads`, timeAndSpeedup('tsnativeAll')],
      ['C++ 1 thread', timeAndSpeedup('cpp1')],
      [`C++ ${cores} threads`, timeAndSpeedup('cppAll')],
      ['tsnative ÷ C++ (1 thread)', versusCpp],
      ['results vs JS', check],
    ],
    footer,
  );
}

export function smallTable(rows: Row[], cores: number): string {
  return table(rows, [
    ['per call', (r) => r.name],
    ['JS', time('base')],
    ['tsnative 1 thread', timeAndSpeedup('tsnative1')],
    [`tsnative ${cores} threads`, timeAndSpeedup('tsnativeAll')],
    ['C++ 1 thread', timeAndSpeedup('cpp1')],
    ['tsnative ÷ C++ (1 thread)', versusCpp],
    ['results vs JS', check],
  ]);
}

/** What prange costs in a program run without a build: its JS iterator against a counted loop. */
export function prangeTable(rows: Row[]): string {
  return table(
    rows.filter((r) => r.time.jsPlain !== undefined),
    [
      ['kernel', (r) => r.name],
      ['JS `for (let i = 0; …)`', time('jsPlain')],
      ['JS `for (const i of prange(n))`', time('js')],
      ['slower by', (r) => ratio(r.time.js! / r.time.jsPlain!)],
    ],
  );
}

export function callTable(rows: Row[]): string {
  return table(rows, [
    ['call', (r) => r.name],
    ['JS (inlined)', time('js')],
    ['tsnative', time('tsnative1')],
    ['lean N-API (C++)', time('cpp1')],
    ['node-addon-api, usual checks', time('cppUsual')],
    ['tsnative ÷ lean (target ≤ 1.25×)', versusCpp],
    ['results vs JS', check],
  ]);
}
