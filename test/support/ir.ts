// The IR of a snippet after the optimisation passes (or after one of them),
// for tests of what the passes do: printed for golden files, or as data.
import * as path from 'node:path';
import { cpuBackend } from '../../compiler/backend/cpp';
import { parseSource } from '../../compiler/frontend/project';
import { lowerModule } from '../../compiler/ir/lower/module';
import type { IrFunction, IrModule } from '../../compiler/ir/nodes';
import { optimiseFunction } from '../../compiler/ir/opt';
import { PRELUDE } from './emit';

/** The module of `text` (a whole file) after the passes up to `after` (all by default). */
export function optimisedModule(text: string, after?: string, file = '/virtual/m.ts'): IrModule {
  const { ir, diagnostics } = lowerModule(parseSource(file, text), path.basename(file));
  expect(diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([]);
  const opt = (fn: IrFunction) => (after === 'typer' ? fn : optimiseFunction(fn, cpuBackend.costs, { after }));
  return { ...ir, functions: ir.functions.map(opt) };
}

/** The first function of `body` (after the tsnative imports) after all passes. */
export function optimisedFunction(body: string): IrFunction {
  return optimisedModule(PRELUDE + body).functions[0]!;
}
