// tsnative emit <file> [--fn name] [--target cpu] [--ir [--after PASS]]: the
// generated code, or the IR the back end reads, on stdout.
import * as fs from 'node:fs';
import type { IrModule } from '../ir/nodes';
import type * as Opt from '../ir/opt';
import type * as Print from '../ir/print';
import { calledFunctions } from '../ir/walk';
import { loadDriver, printDiagnostics } from './driver';
import { isSourceFile } from './inputs';
import type { Output } from './output';
import { EXIT_FAILED, EXIT_OK, UsageError } from './usage-error';

export interface EmitOptions {
  fn?: string;
  target?: string;
  /** Print the IR instead of the generated code. */
  ir?: boolean;
  /** With `ir`: stop after this pass (`typer`: before any). */
  after?: string;
}

/** `name` and everything it calls, so the printed unit still compiles. */
export function selectFunction(ir: IrModule, name: string): IrModule | undefined {
  const byId = new Map(ir.functions.map((f) => [`${f.module}#${f.name}`, f]));
  const root = ir.functions.find((f) => f.name === name);
  if (!root) return undefined;
  const keep = new Set([`${root.module}#${root.name}`]);
  const queue = [root];
  while (queue.length > 0) {
    for (const id of calledFunctions([queue.pop()!])) {
      const callee = byId.get(id);
      if (callee && !keep.has(id)) {
        keep.add(id);
        queue.push(callee);
      }
    }
  }
  return { ...ir, functions: ir.functions.filter((f) => keep.has(`${f.module}#${f.name}`)) };
}

export function emitCommand(file: string, opts: EmitOptions, io: Output): number {
  const target = opts.target ?? 'cpu';
  if (target !== 'cpu' && target !== 'cuda') throw new UsageError(`unknown target '${target}' (expected cpu or cuda)`);
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new UsageError(`no such file: ${file}`);
  if (!isSourceFile(file)) throw new UsageError(`${file} is not a TypeScript source file (.ts, .mts, .cts or .tsx)`);
  if (opts.after !== undefined && !opts.ir) throw new UsageError('--after goes with --ir');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { PASSES, optimiseFunction } = require('../ir/opt') as typeof Opt;
  const passNames = ['typer', ...PASSES.map((p) => p.name)];
  if (opts.after !== undefined && !passNames.includes(opts.after))
    throw new UsageError(`unknown pass '${opts.after}' (the passes, in order: ${passNames.join(', ')})`);
  const driver = loadDriver();
  const [result] = driver.compileFiles([file], { checkOnly: opts.ir });
  const errors = printDiagnostics([result!], io.err, io.colorErr);
  const backend = driver.BACKENDS[target];
  // The IR to print is the typer's (the passes run below); the code is the module's, already optimised.
  // A project that does not build for the target still has its code printed: optimised for it here.
  const optimised = (): IrModule | undefined =>
    result!.artefacts.find((a) => a.target === target)?.ir ??
    (result!.artefacts.length > 0 && (target === 'cpu' || result!.ir.functions.some((f) => f.kernel))
      ? driver.optimiseModule(result!.ir, backend, [])
      : undefined);
  let ir: IrModule | undefined = opts.ir ? result!.ir : optimised();
  if (opts.fn !== undefined && ir) {
    const selected = selectFunction(ir, opts.fn);
    if (!selected) {
      if (errors > 0) return EXIT_FAILED;
      const known = ir.functions.map((f) => f.name);
      throw new UsageError(
        `no @native or @kernel function '${opts.fn}' in ${file}${known.length > 0 ? ` (there are: ${known.join(', ')})` : ''}`,
      );
    }
    ir = selected;
  }
  if (target === 'cuda' && !(ir ?? result!.ir).functions.some((f) => f.kernel)) {
    if (errors === 0) io.err(`tsnative: no @kernel functions in ${file}: only kernels have CUDA code`);
    return EXIT_FAILED;
  }
  if (!ir || ir.functions.length === 0) {
    if (errors === 0) io.err(`tsnative: no @native functions in ${file}`);
    return EXIT_FAILED;
  }
  let text: string;
  if (opts.ir) {
    const after = opts.after === 'typer' ? undefined : opts.after;
    const optimise = (f: IrModule['functions'][number]) => (opts.after === 'typer' ? f : optimiseFunction(f, backend.costs, { after }));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { printModule } = require('../ir/print') as typeof Print;
    text = printModule({ ...ir, functions: ir.functions.map(optimise), externals: ir.externals.map(optimise) });
  } else {
    text = backend.emit(ir).files[0]!.text;
  }
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  return errors > 0 ? EXIT_FAILED : EXIT_OK;
}
