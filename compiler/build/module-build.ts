// One addon from generated code to a published file: the kept sources, the
// compile by the recipe's tool (tools.ts) in a private directory, publishing
// by rename, and the companions (.d.ts, stable alias) beside it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { publishAlias, publishNew, writeFileAtomic, writeIfChanged } from './atomic';
import { declarationFile } from './declarations';
import type { ModulePlan } from './module-plan';
import { declarationFileName } from './stem';
import { TOOLS, type ReadyTool } from './tools';

// The CLI stops builds on Ctrl-C through this module.
export { removeActiveTemps } from './work-dirs';

export type ModuleOutcome =
  | { status: 'built' | 'cached'; plan: ModulePlan; seconds: number; log?: string }
  | { status: 'failed'; reason: FailureReason; plan: ModulePlan; seconds: number; errorLines: string[]; log: string };

/** compile: the generated code did not compile; toolchain: nothing could be compiled; publish: the output could not be written. */
export type FailureReason = 'compile' | 'toolchain' | 'publish';

/** The generated files users read (and can rebuild by hand). */
export function writeSources(plan: ModulePlan): void {
  fs.mkdirSync(plan.srcDir, { recursive: true });
  writeIfChanged(plan.outDir, path.join(plan.outDir, plan.source), plan.code);
  for (const f of TOOLS[plan.recipe.tool].keptFiles(plan)) writeIfChanged(plan.outDir, path.join(plan.srcDir, f.name), f.text);
}

/** The .d.ts beside the addon, and the stable `<fileStem>.node` / `<fileStem>.d.ts` for direct requires. */
export function publishCompanions(plan: ModulePlan): void {
  const dts = declarationFile(plan.input.key, plan.input.functions);
  writeIfChanged(plan.outDir, path.join(plan.outDir, declarationFileName(plan.addon)), dts);
  publishAlias(plan.outDir, path.join(plan.outDir, plan.addon), path.join(plan.outDir, `${plan.fileStem}.node`));
  writeIfChanged(plan.outDir, path.join(plan.outDir, `${plan.fileStem}.d.ts`), dts);
}

/** Moves a built addon to its content-addressed name; with `force`, over an existing one (by rename, never in place). */
function publishAddon(plan: ModulePlan, built: string, force: boolean): void {
  const dest = path.join(plan.outDir, plan.addon);
  if (force && fs.existsSync(dest)) writeFileAtomic(plan.outDir, dest, fs.readFileSync(built));
  else publishNew(plan.outDir, built, dest);
}

/** Compiles the plan with its ready tool and publishes the addon. Never throws for a compile error. */
export async function compilePlan(plan: ModulePlan, tool: ReadyTool, force = false): Promise<ModuleOutcome> {
  const started = Date.now();
  const seconds = (): number => (Date.now() - started) / 1000;
  let publishError: Error | undefined;
  const run = await tool.compile(plan, (built) => {
    try {
      publishAddon(plan, built, force);
    } catch (e) {
      publishError = e instanceof Error ? e : new Error(String(e));
    }
  });
  if (!run.ok) return { status: 'failed', reason: 'compile', plan, seconds: seconds(), errorLines: run.errorLines, log: run.log };
  if (publishError)
    return { status: 'failed', reason: 'publish', plan, seconds: seconds(), errorLines: [publishError.message], log: run.log };
  return { status: 'built', plan, seconds: seconds(), log: run.log };
}
