// The compiler is loaded only by commands that compile: ts-morph takes a
// third of a second to load, and `--help` or `clean` should not wait for it.
import type * as Driver from '../driver';

let driver: typeof Driver | undefined;

export function loadDriver(): typeof Driver {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  driver ??= require('../driver') as typeof Driver;
  return driver;
}

/** Prints every diagnostic (errors and warnings) and returns how many are errors. */
export function printDiagnostics(results: readonly Driver.CompileResult[], err: (s: string) => void, color: boolean): number {
  const { formatDiagnostic } = loadDriver();
  let errors = 0;
  for (const r of results) {
    for (const d of r.diagnostics) {
      err(formatDiagnostic(d, { color }));
      if (d.severity === 'error') errors++;
    }
  }
  return errors;
}
