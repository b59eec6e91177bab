// tsnative emit <file> [--fn name]: the generated C++ on stdout.
import * as fs from 'node:fs';
import { emitModule } from '../backend/cpp/module';
import type { IrFunction, IrModule } from '../ir/nodes';
import { loadDriver, printDiagnostics } from './driver';
import { isSourceFile } from './inputs';
import type { Output } from './output';
import { EXIT_FAILED, EXIT_OK, UsageError } from './usage-error';

export interface EmitOptions {
  fn?: string;
  target?: string;
}

/** Names of the @native functions `fn` calls, directly or not (an IR walk that needs no knowledge of node shapes). */
function callees(fn: IrFunction): Set<string> {
  const names = new Set<string>();
  const seen = new Set<object>();
  const visit = (v: unknown): void => {
    if (typeof v !== 'object' || v === null || seen.has(v)) return;
    seen.add(v);
    const node = v as { k?: unknown; callee?: unknown };
    if (node.k === 'call' && typeof node.callee === 'string') names.add(node.callee);
    for (const child of Array.isArray(v) ? v : Object.values(v)) visit(child);
  };
  visit(fn.body);
  return names;
}

/** `name` and everything it calls, so the printed unit still compiles. */
export function selectFunction(ir: IrModule, name: string): IrModule | undefined {
  const byName = new Map(ir.functions.map((f) => [f.name, f]));
  if (!byName.has(name)) return undefined;
  const keep = new Set<string>([name]);
  const queue = [name];
  while (queue.length > 0) {
    for (const callee of callees(byName.get(queue.pop()!)!)) {
      if (byName.has(callee) && !keep.has(callee)) {
        keep.add(callee);
        queue.push(callee);
      }
    }
  }
  return { ...ir, functions: ir.functions.filter((f) => keep.has(f.name)) };
}

export function emitCommand(file: string, opts: EmitOptions, io: Output): number {
  const target = opts.target ?? 'cpu';
  if (target === 'cuda') {
    io.err('tsnative: --target cuda is not available yet; only cpu is');
    return EXIT_FAILED;
  }
  if (target !== 'cpu') throw new UsageError(`unknown target '${target}' (expected cpu or cuda)`);
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new UsageError(`no such file: ${file}`);
  if (!isSourceFile(file)) throw new UsageError(`${file} is not a TypeScript source file (.ts, .mts, .cts or .tsx)`);
  const [result] = loadDriver().compileFiles([file]);
  const errors = printDiagnostics([result!], io.err, io.colorErr);
  let cpp = result!.cpp;
  if (opts.fn !== undefined) {
    const selected = selectFunction(result!.ir, opts.fn);
    if (!selected) {
      if (errors > 0) return EXIT_FAILED;
      const known = result!.ir.functions.map((f) => f.name);
      throw new UsageError(`no @native function '${opts.fn}' in ${file}${known.length > 0 ? ` (there are: ${known.join(', ')})` : ''}`);
    }
    cpp = emitModule(selected).code;
  }
  if (cpp === undefined) {
    if (errors === 0) io.err(`tsnative: no @native functions in ${file}`);
    return EXIT_FAILED;
  }
  process.stdout.write(cpp.endsWith('\n') ? cpp : `${cpp}\n`);
  return errors > 0 ? EXIT_FAILED : EXIT_OK;
}
