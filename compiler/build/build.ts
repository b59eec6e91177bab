// `tsnative build` after compilation: every module with generated C++ is
// cached, reused or compiled (in parallel), published and entered in its
// project's manifest, one at a time as each finishes.
import * as fs from 'node:fs';
import * as os from 'node:os';
import { readManifest, type Manifest } from '../../runtime/manifest';
import { hashText } from '../../runtime/project';
import { tmpDirOf } from './atomic';
import { updateManifest } from './manifest-write';
import {
  addonExists,
  compilePlan,
  isCached,
  manifestEntry,
  planModule,
  publishCompanions,
  writeSources,
  type ModuleInput,
  type ModuleOutcome,
  type ModulePlan,
} from './module-build';
import { runNodeGyp } from './node-gyp';
import { packageVersion } from './package-root';
import { runPool } from './pool';
import { removeStaleTemps } from './stale-temps';
import { assignStems } from './stem';
import { findNodeDir, findPython, headersProblem, toolProblems, type ToolchainProblem } from './toolchain';

export interface BuildOptions {
  /** Modules compiled at once (default: the number of cores). */
  jobs?: number;
  /** Compile even when the cache says the addon is current. */
  force?: boolean;
  /** Keep node-gyp's verbose log (with the compiler command lines) in each outcome. */
  verbose?: boolean;
  /** Called as each module finishes, in completion order. */
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

export function planModules(inputs: readonly ModuleInput[]): ModulePlan[] {
  const withCode = inputs.filter((i) => (i.artefacts ?? []).length > 0 && i.functions.length > 0);
  const byOutDir = new Map<string, string[]>();
  for (const i of withCode) byOutDir.set(i.project.outDir, [...(byOutDir.get(i.project.outDir) ?? []), i.key]);
  const stems = new Map<string, Map<string, string>>();
  for (const [outDir, keys] of byOutDir) stems.set(outDir, assignStems(keys, hashText));
  return withCode.map((i) => planModule(i, i.artefacts![0]!, stems.get(i.project.outDir)!.get(i.key)!));
}

/** node-gyp downloads headers only when told to, once, before builds run in parallel (racing downloads corrupt them). */
async function nodeDirOrInstall(cwd: string): Promise<string | undefined> {
  const found = findNodeDir();
  if (found) return found;
  fs.mkdirSync(cwd, { recursive: true });
  await runNodeGyp(['install'], cwd);
  return findNodeDir();
}

export async function buildModules(inputs: readonly ModuleInput[], opts: BuildOptions = {}): Promise<BuildSummary> {
  const started = Date.now();
  const version = packageVersion();
  const plans = planModules(inputs);
  const outcomes: ModuleOutcome[] = [];
  const finish = (o: ModuleOutcome): void => {
    outcomes.push(o);
    opts.onModule?.(o);
  };
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
      publishCompanions(plan);
      finish({ status: 'cached', plan, seconds: 0 });
    } else if (!opts.force && addonExists(plan)) {
      // Same C++, flags and Node as an addon already published (e.g. only a comment changed).
      publishCompanions(plan);
      updateManifest(plan.outDir, [manifestEntry(plan)], version);
      finish({ status: 'cached', plan, seconds: 0 });
    } else {
      toCompile.push(plan);
    }
  }

  const toolchain: ToolchainProblem[] = [];
  if (toCompile.length > 0) {
    toolchain.push(...toolProblems());
    const nodeDir = toolchain.length > 0 ? undefined : await nodeDirOrInstall(tmpDirOf(toCompile[0]!.outDir));
    if (toolchain.length === 0 && !nodeDir) toolchain.push(headersProblem());
    if (toolchain.length > 0) {
      for (const plan of toCompile) outcomes.push({ status: 'failed', reason: 'toolchain', plan, seconds: 0, errorLines: [], log: '' });
    } else {
      const gyp = { nodeDir, python: findPython(), force: opts.force, verbose: opts.verbose };
      await runPool(toCompile, opts.jobs ?? defaultJobs(), async (plan) => {
        let outcome = await compilePlan(plan, gyp);
        if (outcome.status === 'built') {
          try {
            publishCompanions(plan);
            updateManifest(plan.outDir, [manifestEntry(plan)], version);
          } catch (e) {
            outcome = { status: 'failed', reason: 'publish', plan, seconds: outcome.seconds, errorLines: [(e as Error).message], log: outcome.log ?? '' };
          }
        }
        finish(outcome);
        return outcome;
      });
    }
  }

  const count = (s: ModuleOutcome['status']): number => outcomes.filter((o) => o.status === s).length;
  return { outcomes, built: count('built'), cached: count('cached'), failed: count('failed'), seconds: (Date.now() - started) / 1000, toolchain };
}
