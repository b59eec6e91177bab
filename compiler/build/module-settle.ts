// A module's targets build separately, but its manifest entry changes once,
// when the last of them has finished. Then one update names every target
// that is now built, so replacing the entry of an older build never deletes
// an addon another target of the same module is about to claim, and the
// entry records its inputsKey only when every target built: otherwise the
// next build would skip the module as unchanged and never retry the one that
// failed. A failed target is never named.
import { updateManifest } from './manifest-write';
import { publishCompanions, type ModuleOutcome } from './module-build';
import { targetEntry, type ModulePlan } from './module-plan';

export interface PlanResult {
  outcome: ModuleOutcome;
  /** The manifest already names this exact build of the target (isCached). */
  recorded: boolean;
}

/** Publishes a finished module: companions of each target that built, and its manifest entry. Returns the final outcomes. */
export function settleModule(results: readonly PlanResult[], tsnativeVersion: string): ModuleOutcome[] {
  const complete = results.every((r) => r.outcome.status !== 'failed');
  const ok = results.filter((r) => r.outcome.status !== 'failed');
  // When complete, targets already recorded stay as they are (the merge keeps them);
  // otherwise every target that built is restated in an entry without the inputsKey.
  const entries = ok.filter((r) => !complete || !r.recorded).map((r) => targetEntry(r.outcome.plan, complete));
  try {
    for (const r of ok) publishCompanions(r.outcome.plan);
    if (entries.length > 0) updateManifest(ok[0]!.outcome.plan.outDir, entries, tsnativeVersion);
    return results.map((r) => r.outcome);
  } catch (e) {
    const errorLines = [(e as Error).message];
    return results.map(({ outcome: o }) =>
      o.status === 'failed' ? o : { status: 'failed', reason: 'publish', plan: o.plan, seconds: o.seconds, errorLines, log: o.log ?? '' },
    );
  }
}

/** Collects plan results per module and hands over each module's when its last target finishes. */
export class ModuleTracker {
  private readonly expected = new Map<string, number>();
  private readonly results = new Map<string, PlanResult[]>();

  constructor(
    plans: readonly ModulePlan[],
    private readonly onSettled: (results: PlanResult[]) => void,
  ) {
    for (const p of plans) this.expected.set(moduleId(p), (this.expected.get(moduleId(p)) ?? 0) + 1);
  }

  add(result: PlanResult): void {
    const id = moduleId(result.outcome.plan);
    const got = [...(this.results.get(id) ?? []), result];
    this.results.set(id, got);
    if (got.length === this.expected.get(id)) this.onSettled(got);
  }
}

function moduleId(plan: ModulePlan): string {
  return `${plan.outDir}\0${plan.input.key}`;
}
