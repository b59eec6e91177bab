// The pipeline, one screen. Each stage is a value a test can print:
//   sources ─parse (ts-morph)→ SourceFile
//           ─lower (frontend discovery + typer)→ IR module + diagnostics
//           ─optimise (IR → IR: integer index arithmetic, bounds checks that cannot fail)→ IR module
//           ─emit (C++ backend)→ translation unit + line map
// Building the addon (compiler/build) and loading it (runtime/) come after.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from './diag/diagnostic';
import { loadSources } from './frontend/project';
import { lowerInProgram } from './ir/lower/module';
import { Program } from './ir/lower/program';
import { optimiseBody } from './ir/opt';
import type { IrFunction, IrModule } from './ir/nodes';
import { typeName } from './ir/types';
import { emitModule } from './backend/cpp/module';
import { findProject, hashText, moduleKey, type ProjectConfig } from '../runtime/project';
import type { FunctionSignature, ModuleDependency } from '../runtime/manifest';

export { formatDiagnostic } from './diag/format';
export type { Diagnostic } from './diag/diagnostic';

export interface CompileOptions {
  /** Options applied to every function, in addition to the config's and the tag's. */
  options?: string[];
  /** Stop after diagnostics (tsnative check): no C++ is generated. */
  checkOnly?: boolean;
}

export interface CompileResult {
  sourceFile: string;
  project: ProjectConfig;
  key: string;
  sourceHash: string;
  /** Modules whose @native functions this module calls (their code is compiled into its addon). */
  dependencies: ModuleDependency[];
  functions: FunctionSignature[];
  ir: IrModule;
  cpp?: string;
  /** Generated C++ line → source line. */
  lineMap?: Map<number, number>;
  diagnostics: Diagnostic[];
}

function optimise(ir: IrModule): IrModule {
  const opt = (fn: IrFunction) => ({ ...fn, body: optimiseBody(fn.body) });
  return { ...ir, functions: ir.functions.map(opt), externals: ir.externals.map(opt) };
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
    const key = moduleKey(project, file);
    const lowered = lowerInProgram(program, file);
    const ir = optimise(lowered.ir);
    const result: CompileResult = {
      sourceFile: file,
      project,
      key,
      sourceHash: hashText(fs.readFileSync(file)),
      dependencies: dependenciesOf(ir, program),
      functions: ir.functions.map((fn) => ({
        name: fn.name,
        params: fn.params.map((p) => ({ name: p.name, type: typeName(p.type) })),
        returns: typeName(fn.returns),
        line: fn.loc.line,
        options: [...fn.options],
        exported: fn.exported,
      })),
      ir,
      diagnostics: lowered.diagnostics,
    };
    if (!opts.checkOnly && ir.functions.length > 0) {
      const emitted = emitModule(ir);
      result.cpp = emitted.code;
      result.lineMap = emitted.lineMap;
    }
    return result;
  });
}

/** The other modules whose code is compiled into this one's addon, with the hash of what was compiled. */
function dependenciesOf(ir: IrModule, program: Program): ModuleDependency[] {
  const keys = [...new Set(ir.externals.map((f) => f.module))].sort();
  return keys.map((source) => {
    const file = program.fileOf(source);
    return { source, sourceHash: file ? hashText(fs.readFileSync(file)) : '' };
  });
}
