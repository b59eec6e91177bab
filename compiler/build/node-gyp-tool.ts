// The node-gyp build tool (C++ with node-addon-api). Normally each addon
// builds with plain make in a copy of a configured template for its flags
// (gyp-template.ts); without one, with `node-gyp rebuild` in <outDir>/.tmp.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tmpDirOf } from './atomic';
import { bindingGyp } from './binding-gyp';
import { firstErrorLines } from './compile-error';
import { GYP_SOURCE, GYP_TARGET, ensureTemplate, prepareWork } from './gyp-template';
import type { ModulePlan } from './module-plan';
import { runMake, runNodeGyp, type GypOptions, type GypRun } from './node-gyp';
import { targetNameOf } from './stem';
import { findNodeDir, findPython, headersProblem, toolProblems, type ToolchainProblem } from './toolchain';
import type { BuildTool, KeptFile, ReadyTool, ToolRun } from './tools';
import { withWorkDir } from './work-dirs';

/** node-gyp reads binding.gyp: the cpu target keeps that name, another target's sits beside it as binding.<target>.gyp. */
function gypFileName(plan: ModulePlan): string {
  return plan.target === 'cpu' ? 'binding.gyp' : `binding.${plan.target}.gyp`;
}

/** The gyp target becomes a C identifier (NODE_GYP_MODULE_NAME): `<stem>.<target>` → `<stem>_<target>`. */
function gypTarget(plan: ModulePlan): string {
  return targetNameOf(plan.fileStem.replace(/\./g, '_'));
}

/** The plan's binding.gyp, its source named relative to it (src/<stem>/ and the work directory alike). */
function planGyp(plan: ModulePlan): string {
  return bindingGyp(gypTarget(plan), path.basename(plan.source), plan.recipe.flags);
}

/** node-gyp downloads headers only when told to, once, before builds run in parallel (racing downloads corrupt them). */
async function nodeDirOrInstall(cwd: string): Promise<string | undefined> {
  const found = findNodeDir();
  if (found) return found;
  fs.mkdirSync(cwd, { recursive: true });
  await runNodeGyp(['install'], cwd);
  return findNodeDir();
}

async function compile(plan: ModulePlan, gyp: GypOptions, publish: (built: string) => void): Promise<ToolRun> {
  const template = await ensureTemplate(plan.recipe.flags, gyp);
  // Beside the template, its Makefile's relative paths still hold.
  const prefix = template ? `${template}.work-` : path.join(tmpDirOf(plan.outDir), `${plan.fileStem}.`);
  fs.mkdirSync(path.dirname(prefix), { recursive: true });
  return withWorkDir(prefix, async (work) => {
    let sourceName: string;
    let built: string;
    let run: GypRun;
    if (template) {
      prepareWork(template, work, plan.code);
      sourceName = GYP_SOURCE;
      built = path.join(work, 'build', 'Release', `${GYP_TARGET}.node`);
      run = await runMake(work);
    } else {
      sourceName = path.basename(plan.source);
      fs.writeFileSync(path.join(work, sourceName), plan.code);
      fs.writeFileSync(path.join(work, 'binding.gyp'), planGyp(plan));
      built = path.join(work, 'build', 'Release', `${gypTarget(plan)}.node`);
      run = await runNodeGyp(['rebuild'], work, gyp);
    }
    if (run.code !== 0 || !fs.existsSync(built)) {
      const kept = path.relative(process.cwd(), path.join(plan.outDir, plan.source)) || plan.source;
      const errorLines = run.signal
        ? [`node-gyp was stopped by ${run.signal}`]
        : firstErrorLines(run.output, [
            [path.join(work, sourceName), kept],
            [`../${sourceName}`, kept],
            [work, path.relative(process.cwd(), plan.srcDir)],
          ]);
      return { ok: false, errorLines, log: run.output };
    }
    publish(built);
    return { ok: true, errorLines: [], log: run.output };
  });
}

export const nodeGypTool: BuildTool = {
  keptFiles: (plan): KeptFile[] => [{ name: gypFileName(plan), text: planGyp(plan) }],
  async prepare(outDir, session): Promise<ReadyTool | ToolchainProblem[]> {
    const problems = toolProblems();
    if (problems.length > 0) return problems;
    const nodeDir = await nodeDirOrInstall(tmpDirOf(outDir));
    if (!nodeDir) return [headersProblem()];
    const gyp: GypOptions = { nodeDir, python: findPython(), verbose: session.verbose };
    return { compile: (plan, publish) => compile(plan, gyp, publish) };
  },
};
