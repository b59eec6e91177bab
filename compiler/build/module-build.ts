// One source module from generated C++ to a published addon:
// plan (names, flags, content hash) → cached? → node-gyp in a private
// temporary directory → publish by rename → manifest entry.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { currentNodeTarget, type FunctionSignature, type Manifest, type ManifestModule, type ModuleDependency } from '../../runtime/manifest';
import type { ProjectConfig } from '../../runtime/project';
import { publishAlias, publishNew, tmpDirOf, writeFileAtomic, writeIfChanged } from './atomic';
import { bindingGyp } from './binding-gyp';
import { firstErrorLines } from './compile-error';
import { addonHash, defaultHashInputs } from './content-hash';
import { declarationFile } from './declarations';
import type { BuildFlags } from './flags';
import { GYP_SOURCE, GYP_TARGET, ensureTemplate, prepareWork } from './gyp-template';
import { runMake, runNodeGyp, type GypOptions } from './node-gyp';
import { addonFileName, declarationFileName, targetNameOf } from './stem';

/** What the build needs of a compile result (compiler/driver.ts CompileResult). */
export interface ModuleInput {
  sourceFile: string;
  project: ProjectConfig;
  key: string;
  sourceHash: string;
  /** Other modules compiled into the addon (compiler/driver.ts). */
  dependencies?: ModuleDependency[];
  functions: FunctionSignature[];
  /** The generated code per target (compiler/driver.ts Artefact); none for a module with nothing compiled. */
  artefacts?: readonly BuildArtefact[];
  /** See up-to-date.ts; recorded so the next build can skip compiling. */
  inputsKey?: string;
}

/** What the build needs of one target's generated code. */
export interface BuildArtefact {
  target: string;
  emitted: { files: readonly { extension: string; text: string }[] };
  recipe: { flags: BuildFlags };
}

export interface ModulePlan {
  input: ModuleInput;
  /** The generated C++. */
  code: string;
  outDir: string;
  stem: string;
  targetName: string;
  flags: BuildFlags;
  hash: string;
  /** Addon file name, relative to outDir. */
  addon: string;
  /** Generated C++ file, relative to outDir. */
  cpp: string;
  /** Absolute directory of the kept C++ and binding.gyp. */
  srcDir: string;
  bindingGyp: string;
}

export type ModuleOutcome =
  | { status: 'built' | 'cached'; plan: ModulePlan; seconds: number; log?: string }
  | { status: 'failed'; reason: FailureReason; plan: ModulePlan; seconds: number; errorLines: string[]; log: string };

/** compile: the generated C++ did not compile; toolchain: nothing could be compiled; publish: the output could not be written. */
export type FailureReason = 'compile' | 'toolchain' | 'publish';

export function planModule(input: ModuleInput, artefact: BuildArtefact, stem: string): ModulePlan {
  const outDir = input.project.outDir;
  const { flags } = artefact.recipe;
  const code = artefact.emitted.files[0]!.text;
  const hash = addonHash(defaultHashInputs(code, flags));
  const targetName = targetNameOf(stem);
  const ccName = `${stem}.cc`;
  return {
    input,
    code,
    outDir,
    stem,
    targetName,
    flags,
    hash,
    addon: addonFileName(stem, hash),
    cpp: ['src', stem, ccName].join('/'),
    srcDir: path.join(outDir, 'src', stem),
    bindingGyp: bindingGyp(targetName, ccName, flags),
  };
}

function sameFunctions(a: readonly FunctionSignature[], b: readonly FunctionSignature[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The manifest already describes exactly this build, and its addon is there. */
export function isCached(plan: ModulePlan, manifest: Manifest | undefined): boolean {
  const entry = manifest?.modules[plan.input.key];
  if (!entry) return false;
  const node = currentNodeTarget();
  return (
    entry.sourceHash === plan.input.sourceHash &&
    JSON.stringify(entry.dependencies ?? []) === JSON.stringify(plan.input.dependencies ?? []) &&
    entry.addon === plan.addon &&
    entry.node?.version === node.version &&
    entry.node?.modules === node.modules &&
    entry.node?.napi === node.napi &&
    sameFunctions(entry.functions, plan.input.functions) &&
    entry.inputsKey === plan.input.inputsKey &&
    fs.existsSync(path.join(plan.outDir, plan.addon))
  );
}

export function addonExists(plan: ModulePlan): boolean {
  return fs.existsSync(path.join(plan.outDir, plan.addon));
}

/** The generated files users read (and can rebuild by hand with node-gyp). */
export function writeSources(plan: ModulePlan): void {
  fs.mkdirSync(plan.srcDir, { recursive: true });
  writeIfChanged(plan.outDir, path.join(plan.outDir, plan.cpp), plan.code);
  writeIfChanged(plan.outDir, path.join(plan.srcDir, 'binding.gyp'), plan.bindingGyp);
}

export function manifestEntry(plan: ModulePlan): ManifestModule {
  return {
    source: plan.input.key,
    sourceHash: plan.input.sourceHash,
    addon: plan.addon,
    cpp: plan.cpp,
    node: currentNodeTarget(),
    dependencies: plan.input.dependencies ?? [],
    functions: plan.input.functions,
    inputsKey: plan.input.inputsKey,
    builtAt: new Date().toISOString(),
  };
}

/** The .d.ts beside the addon, and the stable `<stem>.node` / `<stem>.d.ts` for direct requires. */
export function publishCompanions(plan: ModulePlan): void {
  const dts = declarationFile(plan.input.key, plan.input.functions);
  writeIfChanged(plan.outDir, path.join(plan.outDir, declarationFileName(plan.addon)), dts);
  publishAlias(plan.outDir, path.join(plan.outDir, plan.addon), path.join(plan.outDir, `${plan.stem}.node`));
  writeIfChanged(plan.outDir, path.join(plan.outDir, `${plan.stem}.d.ts`), dts);
}

const activeTemps = new Set<string>();

/** Removes the build directories of builds still running (on Ctrl-C). */
export function removeActiveTemps(): void {
  for (const dir of activeTemps) fs.rmSync(dir, { recursive: true, force: true });
  activeTemps.clear();
}

export interface CompilePlanOptions extends GypOptions {
  /** Replace an existing addon of the same name (a rename, never a write in place). */
  force?: boolean;
}

/** Compiles the plan with node-gyp in <outDir>/.tmp and publishes the addon. Never throws for a compile error. */
export async function compilePlan(plan: ModulePlan, opts: CompilePlanOptions = {}): Promise<ModuleOutcome> {
  const started = Date.now();
  const seconds = (): number => (Date.now() - started) / 1000;
  // Normally: a configured template for these flags (gyp-template.ts), then make
  // in a directory beside it (its Makefile's relative paths then still hold).
  const template = await ensureTemplate(plan.flags, opts);
  const tmpRoot = template ? path.dirname(template) : tmpDirOf(plan.outDir);
  fs.mkdirSync(tmpRoot, { recursive: true });
  const unique = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const work = template ? `${template}.work-${unique}` : path.join(tmpRoot, `${plan.stem}.${unique}`);
  activeTemps.add(work);
  try {
    fs.mkdirSync(work);
    let ccName = path.basename(plan.cpp);
    let built = path.join(work, 'build', 'Release', `${plan.targetName}.node`);
    let run;
    if (template) {
      prepareWork(template, work, plan.code);
      ccName = GYP_SOURCE;
      built = path.join(work, 'build', 'Release', `${GYP_TARGET}.node`);
      run = await runMake(work);
    } else {
      fs.writeFileSync(path.join(work, ccName), plan.code);
      fs.writeFileSync(path.join(work, 'binding.gyp'), plan.bindingGyp);
      run = await runNodeGyp(['rebuild'], work, opts);
    }
    if (run.code !== 0 || !fs.existsSync(built)) {
      const kept = path.relative(process.cwd(), path.join(plan.outDir, plan.cpp)) || plan.cpp;
      const errorLines = firstErrorLines(run.output, [
        [path.join(work, ccName), kept],
        [`../${ccName}`, kept],
        [work, path.relative(process.cwd(), plan.srcDir)],
      ]);
      return { status: 'failed', reason: 'compile', plan, seconds: seconds(), errorLines: run.signal ? [`node-gyp was stopped by ${run.signal}`] : errorLines, log: run.output };
    }
    const dest = path.join(plan.outDir, plan.addon);
    if (opts.force && fs.existsSync(dest)) {
      writeFileAtomic(plan.outDir, dest, fs.readFileSync(built));
    } else {
      publishNew(plan.outDir, built, dest);
    }
    return { status: 'built', plan, seconds: seconds(), log: run.output };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
    activeTemps.delete(work);
  }
}
