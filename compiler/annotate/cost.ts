// The run-time work a generated C++ line does, found by counting the tsnative
// helpers it calls. Every helper the back end emits is spelled `tsn::name`,
// `TSN_NAME(`, `tsn_fn_name(` (another compiled function), `args.reader(`
// (an argument check) or `tsn_object.method(`, so a token scan finds them all
// without parsing C++; plain arithmetic calls none and costs nothing here.

export type CostKind = 'boundary' | 'bounds' | 'convert' | 'throw' | 'call' | 'alloc' | 'parallel';

/** In the order the report lists them: `label` for the legend, `short` for counts. */
export const COST_KINDS: readonly { kind: CostKind; label: string; short: string }[] = [
  { kind: 'boundary', label: 'argument checks and conversions at the JS boundary', short: 'JS boundary' },
  { kind: 'bounds', label: 'bounds checks', short: 'bounds checks' },
  { kind: 'convert', label: 'number conversions', short: 'conversions' },
  { kind: 'throw', label: 'exceptions', short: 'exceptions' },
  { kind: 'call', label: 'calls (compiled functions, JS-exact helpers)', short: 'calls' },
  { kind: 'alloc', label: 'typed-array allocations', short: 'allocations' },
  { kind: 'parallel', label: 'parallel loop set-up', short: 'parallel set-up' },
];

export type Costs = Partial<Record<CostKind, number>>;

/** One helper call found in a line; `start`/`end` locate it for highlighting. */
export interface Helper {
  kind: CostKind;
  name: string;
  start: number;
  end: number;
}

const KIND_OF: Record<string, CostKind> = {
  entry: 'boundary',
  offload_entry: 'boundary',
  AT: 'bounds',
  checked_store: 'convert',
  int32_of: 'convert',
  truthy: 'convert',
  throw_error: 'throw',
  skip: 'throw',
  record: 'throw',
  rethrow: 'throw',
  alloc: 'alloc',
  subarray: 'alloc',
  trip_count: 'parallel',
  threads_for: 'parallel',
  requested_threads: 'parallel',
  omp: 'parallel',
};

function kindOf(name: string): CostKind {
  const known = KIND_OF[name];
  if (known) return known;
  if (name.startsWith('ret_')) return 'boundary';
  if (name.startsWith('to_')) return 'convert';
  return 'call';
}

// String literals come first so a helper's name inside a message is not counted.
// Upper-case `tsn::Name`s are types (View, Args, ErrorKind), not calls.
const TOKEN =
  /"(?:[^"\\]|\\.)*"|#\s*pragma\s+omp\s+parallel\b|\btsn::([a-z_]\w*)|\bTSN_([A-Z][A-Z0-9_]*)\s*\(|\btsn_fn_(\w+)\s*\(|\bargs\.([a-z_]\w*)\s*[<(]|\btsn_\w+\.([a-z_]\w*)\s*\(/g;

/**
 * The helpers called on one line. `ownCall`: a `tsn_fn_` here is not extra
 * work: the definition of a body, or the entry that exists to call it.
 */
export function findHelpers(line: string, opts: { ownCall?: boolean } = {}): Helper[] {
  const found: Helper[] = [];
  for (const m of line.matchAll(TOKEN)) {
    const [text, helper, macro, callee, reader, method] = m;
    const start = m.index;
    let name: string;
    let kind: CostKind;
    if (text.startsWith('"')) continue;
    if (text.startsWith('#')) [name, kind] = ['omp', 'parallel'];
    else if (helper !== undefined) [name, kind] = [helper, kindOf(helper)];
    else if (macro !== undefined) [name, kind] = [macro, kindOf(macro)];
    else if (callee !== undefined) {
      if (opts.ownCall) continue;
      [name, kind] = [callee, 'call'];
    } else if (reader !== undefined) [name, kind] = [reader, 'boundary'];
    else [name, kind] = [method!, kindOf(method!)];
    found.push({ kind, name, start, end: start + text.replace(/\s*[<(]$/, '').length });
  }
  return found;
}

export function addCosts(into: Costs, helpers: readonly Helper[]): Costs {
  for (const h of helpers) into[h.kind] = (into[h.kind] ?? 0) + 1;
  return into;
}

export function mergeCosts(into: Costs, from: Costs): Costs {
  for (const [k, n] of Object.entries(from) as [CostKind, number][]) into[k] = (into[k] ?? 0) + n;
  return into;
}

export function totalCost(costs: Costs): number {
  return Object.values(costs).reduce((a, b) => a + b, 0);
}

/** 0 (no helper) to 5, in steps a reader can tell apart: 1, 2, 3–4, 5–8, 9 and more. */
export function heatLevel(score: number): number {
  if (score <= 0) return 0;
  if (score <= 2) return score;
  if (score <= 4) return 3;
  return score <= 8 ? 4 : 5;
}

/** "bounds checks 2, conversions 1" */
export function describeCosts(costs: Costs): string {
  return COST_KINDS.filter(({ kind }) => costs[kind])
    .map(({ kind, short }) => `${short} ${costs[kind]}`)
    .join(', ');
}
