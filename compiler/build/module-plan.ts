// What the build makes of one target of one source module: the names of its
// addon and generated source, its content hash, and whether the manifest
// already describes it (then nothing is compiled).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BuildRecipe } from '../backend/backend';
import {
  currentNodeTarget,
  type FunctionSignature,
  type Manifest,
  type ManifestModule,
  type ModuleDependency,
  type NodeTarget,
} from '../../runtime/manifest';
import type { ProjectConfig } from '../../runtime/project';
import { addonHash, defaultHashInputs, toolInputs } from './content-hash';
import { addonFileName, targetStem } from './stem';

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
  recipe: BuildRecipe;
}

/** One addon to build: a module's code for one target. */
export interface ModulePlan {
  input: ModuleInput;
  target: string;
  /** Every target the module has in this build (progress lines name the target when there are several). */
  moduleTargets: readonly string[];
  recipe: BuildRecipe;
  /** The generated main file's text. */
  code: string;
  outDir: string;
  stem: string;
  /** targetStem(stem, target): names the addon, its alias and .d.ts, and the generated source. */
  fileStem: string;
  hash: string;
  /** Addon file name, relative to outDir. */
  addon: string;
  /** Generated main file, relative to outDir: src/<stem>/<fileStem><extension>. */
  source: string;
  /** Absolute directory of the kept sources and build files. */
  srcDir: string;
}

export function planModule(input: ModuleInput, artefact: BuildArtefact, stem: string, moduleTargets: readonly string[]): ModulePlan {
  const outDir = input.project.outDir;
  // Only the main file is built: no back end emits a second one yet.
  const main = artefact.emitted.files[0]!;
  const hash = addonHash(defaultHashInputs(main.text, artefact.recipe.flags, toolInputs(artefact.recipe)));
  const fileStem = targetStem(stem, artefact.target);
  return {
    input,
    target: artefact.target,
    moduleTargets,
    recipe: artefact.recipe,
    code: main.text,
    outDir,
    stem,
    fileStem,
    hash,
    addon: addonFileName(fileStem, hash),
    source: ['src', stem, `${fileStem}${main.extension}`].join('/'),
    srcDir: path.join(outDir, 'src', stem),
  };
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function sameNode(a: NodeTarget | undefined, b: NodeTarget): boolean {
  return a?.version === b.version && a.modules === b.modules && a.napi === b.napi;
}

/** The manifest already describes exactly this build of the plan's target, and its addon is there. */
export function isCached(plan: ModulePlan, manifest: Manifest | undefined): boolean {
  const entry = manifest?.modules[plan.input.key];
  if (!entry) return false;
  return (
    entry.sourceHash === plan.input.sourceHash &&
    sameJson(entry.dependencies ?? [], plan.input.dependencies ?? []) &&
    entry.targets?.[plan.target]?.addon === plan.addon &&
    sameNode(entry.node, currentNodeTarget()) &&
    sameJson(entry.functions, plan.input.functions) &&
    entry.inputsKey === plan.input.inputsKey &&
    addonExists(plan)
  );
}

export function addonExists(plan: ModulePlan): boolean {
  return fs.existsSync(path.join(plan.outDir, plan.addon));
}

/**
 * The manifest entry saying the plan's target is built. `complete` is false
 * when another target of the module failed: the entry then has no inputsKey,
 * so the next build does not skip the module as unchanged.
 */
export function targetEntry(plan: ModulePlan, complete: boolean): ManifestModule {
  return {
    source: plan.input.key,
    sourceHash: plan.input.sourceHash,
    targets: { [plan.target]: { addon: plan.addon, source: plan.source } },
    node: currentNodeTarget(),
    dependencies: plan.input.dependencies ?? [],
    functions: plan.input.functions,
    inputsKey: complete ? plan.input.inputsKey : undefined,
    builtAt: new Date().toISOString(),
  };
}
