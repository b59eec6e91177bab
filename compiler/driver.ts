// The pipeline, one screen. Each stage is a value a test can print:
//   sources ─parse (ts-morph)→ SourceFile
//           ─lower (frontend discovery + typer)→ IR module + diagnostics
//           ─optimise (compiler/ir/opt: the passes, per target, verified after each)→ IR module
//           ─emit (each configured back end)→ files + line map + regions + costs, and a build recipe
// Building the addon (compiler/build) and loading it (runtime/) come after.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeDiagnostic, type Diagnostic } from './diag/diagnostic';
import { loadSources } from './frontend/project';
import { lowerInProgram } from './ir/lower/module';
import { Program } from './ir/lower/program';
import { optimiseFunction } from './ir/opt';
import type { IrFunction, IrModule } from './ir/nodes';
import { typeName } from './ir/types';
import { calledFunctions } from './ir/walk';
import type { Backend, BuildRecipe, Emitted, TargetName } from './backend/backend';
import { cpuBackend } from './backend/cpp';
import { cudaBackend } from './backend/cuda';
import { findProject, hashText, moduleKey, type ProjectConfig } from '../runtime/project';
import type { FunctionSignature, ModuleDependency } from '../runtime/manifest';

export { formatDiagnostic } from './diag/format';
export type { Diagnostic } from './diag/diagnostic';

/** The back ends, by target. */
export const BACKENDS: Record<TargetName, Backend> = { cpu: cpuBackend, cuda: cudaBackend };

export interface CompileOptions {
  /** Options applied to every function, in addition to the config's and the tag's. */
  options?: string[];
  /** Stop after diagnostics (tsnative check): no code is generated. */
  checkOnly?: boolean;
}

/** One target's code for a module, and how to build it. */
export interface Artefact {
  target: TargetName;
  /** The module after the passes for this target. */
  ir: IrModule;
  emitted: Emitted;
  recipe: BuildRecipe;
}

export interface CompileResult {
  sourceFile: string;
  project: ProjectConfig;
  key: string;
  sourceHash: string;
  /** Modules whose @native functions this module calls (their code is compiled into its addon). */
  dependencies: ModuleDependency[];
  functions: FunctionSignature[];
  /** The typed IR, before any pass. */
  ir: IrModule;
  /** One per target, when code was generated (not for `check`, nor for a module with nothing compiled). */
  artefacts: Artefact[];
  diagnostics: Diagnostic[];
}

/**
 * The module after the passes for `backend`. A function whose optimisation
 * fails (a compiler bug the verifier caught) is left out, with a diagnostic
 * at its name in `fileOf(its module)`, and so is every function that calls it.
 */
export function optimiseModule(ir: IrModule, backend: Backend, diagnostics: Diagnostic[], fileOf = (key: string) => key): IrModule {
  const failed = new Set<string>();
  const opt = (fn: IrFunction): IrFunction[] => {
    try {
      return [optimiseFunction(fn, backend.costs)];
    } catch (e) {
      failed.add(`${fn.module}#${fn.name}`);
      const where = { file: fileOf(fn.module), line: fn.loc.line, col: fn.loc.col, length: fn.name.length };
      diagnostics.push(makeDiagnostic('TSN9001', where, ir.texts[fn.module] ?? '', [(e as Error).message]));
      return [];
    }
  };
  let functions = ir.functions.flatMap(opt);
  let externals = ir.externals.flatMap(opt);
  // A caller of a function left out cannot be compiled either (nor its callers).
  for (let before = -1; failed.size !== before;) {
    before = failed.size;
    const keep = (fn: IrFunction): boolean => {
      const ok = !calledFunctions([fn]).some((c) => failed.has(c));
      if (!ok) failed.add(`${fn.module}#${fn.name}`);
      return ok;
    };
    functions = functions.filter(keep);
    externals = externals.filter(keep);
  }
  return { ...ir, functions, externals };
}

export function compileFiles(files: string[], opts: CompileOptions = {}): CompileResult[] {
  const absolute = files.map((f) => path.resolve(f));
  const [first] = loadSources(absolute);
  if (!first) return [];
  const keyOf = (file: string) => moduleKey(findProject(file), file);
  const optionsOf = (file: string) => [...findProject(file).options, ...(opts.options ?? [])];
  const program = new Program(first.getProject(), keyOf, optionsOf);
  return absolute.map((file) => {
    const project = findProject(file);
    const lowered = lowerInProgram(program, file);
    const diagnostics = [...lowered.diagnostics];
    const artefacts: Artefact[] = [];
    for (const backend of opts.checkOnly ? [] : targetsOf(project)) {
      const fileOf = (key: string) => (key === lowered.ir.source ? file : (program.fileOf(key) ?? key));
      // A GPU target has work only where the module has kernels.
      if (backend.target !== 'cpu' && !lowered.ir.functions.some((fn) => fn.kernel)) continue;
      const ir = optimiseModule(lowered.ir, backend, diagnostics, fileOf);
      if (ir.functions.length === 0) continue;
      const emitted = backend.emit(ir);
      artefacts.push({ target: backend.target, ir, emitted, recipe: backend.recipe(emitted, project) });
    }
    const compiled = artefacts[0]?.ir ?? lowered.ir;
    return {
      sourceFile: file,
      project,
      key: moduleKey(project, file),
      sourceHash: hashText(fs.readFileSync(file)),
      dependencies: dependenciesOf(lowered.ir, program),
      functions: compiled.functions.map((fn) => ({
        name: fn.name,
        params: fn.params.map((p) => ({ name: p.name, type: typeName(p.type) })),
        returns: typeName(fn.returns),
        line: fn.loc.line,
        options: [...fn.options],
        exported: fn.exported,
        ...(fn.kernel ? { kernel: true } : {}),
      })),
      ir: lowered.ir,
      artefacts,
      diagnostics: diagnostics.sort((a, b) => a.loc.line - b.loc.line || a.loc.col - b.loc.col),
    };
  });
}

/** The back ends a project builds for: the CPU always (every machine runs it), then the others it names that exist. */
function targetsOf(project: ProjectConfig): Backend[] {
  const others = project.targets.filter((t): t is TargetName => t !== 'cpu' && Object.prototype.hasOwnProperty.call(BACKENDS, t));
  return [BACKENDS.cpu, ...others.map((t) => BACKENDS[t])];
}

/** The other modules whose code is compiled into this one's addon, with the hash of what was compiled. */
function dependenciesOf(ir: IrModule, program: Program): ModuleDependency[] {
  const keys = [...new Set(ir.externals.map((f) => f.module))].sort();
  return keys.map((source) => {
    const file = program.fileOf(source);
    return { source, sourceHash: file ? hashText(fs.readFileSync(file)) : '' };
  });
}
