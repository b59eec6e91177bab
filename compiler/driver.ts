// The pipeline, one screen. Each stage is a value a test can print:
//   sources ─parse (ts-morph)→ SourceFile
//           ─lower (frontend discovery + typer)→ IR module + diagnostics
//           ─optimise (IR → IR: bounds checks that cannot fail)→ IR module
//           ─emit (C++ backend)→ translation unit + line map
// Building the addon (compiler/build) and loading it (runtime/) come after.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from './diag/diagnostic';
import { loadSources } from './frontend/project';
import { lowerModule } from './ir/lower/module';
import { removeProvenChecks } from './ir/opt/bounds';
import type { IrModule } from './ir/nodes';
import { typeName } from './ir/types';
import { emitModule } from './backend/cpp/module';
import { findProject, hashText, moduleKey, type ProjectConfig } from '../runtime/project';
import type { FunctionSignature } from '../runtime/manifest';

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
  functions: FunctionSignature[];
  ir: IrModule;
  cpp?: string;
  /** Generated C++ line → source line. */
  lineMap?: Map<number, number>;
  diagnostics: Diagnostic[];
}

function optimise(ir: IrModule): IrModule {
  return { ...ir, functions: ir.functions.map((fn) => ({ ...fn, body: removeProvenChecks(fn.body) })) };
}

export function compileFiles(files: string[], opts: CompileOptions = {}): CompileResult[] {
  const absolute = files.map((f) => path.resolve(f));
  return loadSources(absolute).map((sf, i) => {
    const file = absolute[i]!;
    const project = findProject(file);
    const key = moduleKey(project, file);
    const text = fs.readFileSync(file);
    const lowered = lowerModule(sf, key, [...project.options, ...(opts.options ?? [])]);
    const diagnostics = lowered.diagnostics;
    const ir = optimise(lowered.ir);
    const result: CompileResult = {
      sourceFile: file,
      project,
      key,
      sourceHash: hashText(text),
      functions: ir.functions.map((fn) => ({
        name: fn.name,
        params: fn.params.map((p) => ({ name: p.name, type: typeName(p.type) })),
        returns: typeName(fn.returns),
        line: fn.loc.line,
        options: [...fn.options],
        exported: fn.exported,
      })),
      ir,
      diagnostics,
    };
    if (!opts.checkOnly && ir.functions.length > 0) {
      const emitted = emitModule(ir, sf.getFullText());
      result.cpp = emitted.code;
      result.lineMap = emitted.lineMap;
    }
    return result;
  });
}
