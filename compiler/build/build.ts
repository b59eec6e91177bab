// `tsnative build` after compilation: each target of every module with
// generated code is cached, reused or compiled (in parallel, by its recipe's
// tool); a module's addons are published and entered in its project's
// manifest as soon as its last target finishes (module-settle.ts).
import * as os from 'node:os';
import { readManifest, type Manifest } from '../../runtime/manifest';
import { hashText } from '../../runtime/project';
import type { BuildRecipe } from '../backend/backend';
import { compilePlan, writeSources, type ModuleOutcome } from './module-build';
import { addonExists, isCached, planModule, type ModuleInput, type ModulePlan } from './module-plan';
import { ModuleTracker, settleModule } from './module-settle';
import { packageVersion } from './package-root';
import { runPool } from './pool';
import { removeStaleTemps } from './stale-temps';
import { assignStems } from './stem';
import type { ToolchainProblem } from './toolchain';
import { TOOLS, type ReadyTool } from './tools';

export interface BuildOptions {
  /** Modules compiled at once (default: the number of cores). */
  jobs?: number;
  /** Compile even when the cache says the addon is current. */
  force?: boolean;
  /** Keep node-gyp's verbose log (with the compiler command lines) in each outcome. */
  verbose?: boolean;
  /** Called for each target of a module once the module finishes (all its targets), in completion order. */
  onModule?: (outcome: ModuleOutcome) => void;
}

export interface BuildSummary {
  outcomes: ModuleOutcome[];
  built: number;
  cached: number;
  failed: number;
  seconds: number;
  /** Missing tools or headers: nothing was compiled. */
  toolchain: ToolchainProblem[];
}

export function defaultJobs(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length || 1;
}

/** One plan per (module, target artefact); a module's targets share its stem. */
export function planModules(inputs: readonly ModuleInput[]): ModulePlan[] {
  const withCode = inputs.filter((i) => (i.artefacts ?? []).length > 0 && i.functions.length > 0);
  const byOutDir = new Map<string, string[]>();
  for (const i of withCode) byOutDir.set(i.project.outDir, [...(byOutDir.get(i.project.outDir) ?? []), i.key]);
  const stems = new Map<string, Map<string, string>>();
  for (const [outDir, keys] of byOutDir) stems.set(outDir, assignStems(keys, hashText));
  return withCode.flatMap((i) => {
    const artefacts = i.artefacts!;
    const stem = stems.get(i.project.outDir)!.get(i.key)!;
    return artefacts.map((a) =>
      planModule(
        i,
        a,
        stem,
        artefacts.map((t) => t.target),
      ),
    );
  });
}

/** Each tool the plans compile with, made ready once (none when nothing compiles: no tool is even looked for). */
async function prepareTools(
  plans: readonly ModulePlan[],
  verbose: boolean | undefined,
): Promise<{ ready: Map<BuildRecipe['tool'], ReadyTool>; problems: ToolchainProblem[] }> {
  const ready = new Map<BuildRecipe['tool'], ReadyTool>();
  const problems: ToolchainProblem[] = [];
  for (const tool of new Set(plans.map((p) => p.recipe.tool))) {
    const own = plans.filter((p) => p.recipe.tool === tool);
    const prepared = await TOOLS[tool].prepare(own[0]!.outDir, { verbose, plans: own });
    // Tools share some needs (a C++ compiler, Node's headers): each missing one is said once.
    if (Array.isArray(prepared)) problems.push(...prepared.filter((p) => !problems.some((q) => q.message === p.message)));
    else ready.set(tool, prepared);
  }
  return { ready, problems };
}

export async function buildModules(inputs: readonly ModuleInput[], opts: BuildOptions = {}): Promise<BuildSummary> {
  const started = Date.now();
  const version = packageVersion();
  const plans = planModules(inputs);
  const outcomes: ModuleOutcome[] = [];
  const tracker = new ModuleTracker(plans, (results) => {
    for (const o of settleModule(results, version)) {
      outcomes.push(o);
      // A toolchain failure is reported once for the whole build (summary.toolchain), not per module.
      if (o.status !== 'failed' || o.reason !== 'toolchain') opts.onModule?.(o);
    }
  });
  const manifests = new Map<string, Manifest | undefined>();
  for (const plan of plans) {
    if (!manifests.has(plan.outDir)) {
      removeStaleTemps(plan.outDir);
      manifests.set(plan.outDir, readManifest(plan.outDir));
    }
  }

  const toCompile: ModulePlan[] = [];
  for (const plan of plans) {
    writeSources(plan);
    if (!opts.force && isCached(plan, manifests.get(plan.outDir))) {
      tracker.add({ outcome: { status: 'cached', plan, seconds: 0 }, recorded: true });
    } else if (!opts.force && addonExists(plan)) {
      // Same code, flags and Node as an addon already published (e.g. only a comment changed).
      tracker.add({ outcome: { status: 'cached', plan, seconds: 0 }, recorded: false });
    } else {
      toCompile.push(plan);
    }
  }

  const { ready, problems: toolchain } = await prepareTools(toCompile, opts.verbose);
  const runnable = toCompile.filter((plan) => {
    if (ready.has(plan.recipe.tool)) return true;
    tracker.add({ outcome: { status: 'failed', reason: 'toolchain', plan, seconds: 0, errorLines: [], log: '' }, recorded: false });
    return false;
  });
  await runPool(runnable, opts.jobs ?? defaultJobs(), async (plan) => {
    tracker.add({ outcome: await compilePlan(plan, ready.get(plan.recipe.tool)!, opts.force), recorded: false });
  });

  const count = (s: ModuleOutcome['status']): number => outcomes.filter((o) => o.status === s).length;
  return {
    outcomes,
    built: count('built'),
    cached: count('cached'),
    failed: count('failed'),
    seconds: (Date.now() - started) / 1000,
    toolchain,
  };
}
