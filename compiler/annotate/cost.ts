// The run-time work a generated line does, as its back end reported it
// (compiler/backend/backend.ts LineCost): how many checks, conversions and
// helper calls it makes beyond plain arithmetic, by kind.
import type { CostKind } from '../backend/backend';

export type { CostKind } from '../backend/backend';

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
