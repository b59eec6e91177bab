// tsnative check <paths…>: diagnostics only; never runs a C++ compiler.
import { loadDriver, printDiagnostics } from './driver';
import { resolveInputs } from './inputs';
import type { Output } from './output';
import { EXIT_FAILED, EXIT_OK } from './usage-error';

export function checkCommand(paths: readonly string[], opts: { quiet?: boolean }, io: Output): number {
  const inputs = resolveInputs(paths, process.cwd());
  if (!opts.quiet) for (const p of inputs.empty) io.err(`note: no @native functions in ${p}`);
  const results = loadDriver().compileFiles(inputs.files, { checkOnly: true });
  const errors = printDiagnostics(results, io.err, io.colorErr);
  if (!opts.quiet) {
    const fns = results.reduce((n, r) => n + r.functions.length, 0);
    const files = `${results.length} ${results.length === 1 ? 'file' : 'files'}`;
    const ok = `${fns} ${fns === 1 ? 'function compiles' : 'functions compile'}`;
    const bad = errors > 0 ? io.c.red(`${errors} ${errors === 1 ? 'error' : 'errors'}`) : 'no errors';
    io.out(`checked ${files}: ${ok}, ${bad}`);
  }
  return errors > 0 ? EXIT_FAILED : EXIT_OK;
}
