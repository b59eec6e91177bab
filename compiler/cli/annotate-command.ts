// tsnative annotate <file> [-o report.html]: the Cython `-a` page. Diagnostics
// are printed as `check` prints them and also drawn at their lines; the page
// is written either way, so a file that half compiles can still be read.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { renderReport } from '../annotate/html';
import { annotateResult } from '../annotate/report';
import { packageVersion } from '../build/package-root';
import { loadDriver, printDiagnostics } from './driver';
import { isSourceFile } from './inputs';
import type { Output } from './output';
import { EXIT_FAILED, EXIT_OK, UsageError } from './usage-error';

export interface AnnotateOptions {
  output?: string;
  quiet?: boolean;
}

/** As `cython -a` does: the page sits next to the source, named after it. */
export function defaultReportPath(file: string): string {
  return file.replace(/\.(?:[cm]?ts|tsx)$/, '') + '.html';
}

export function annotateCommand(file: string, opts: AnnotateOptions, io: Output): number {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new UsageError(`no such file: ${file}`);
  if (!isSourceFile(file)) throw new UsageError(`${file} is not a TypeScript source file (.ts, .mts, .cts or .tsx)`);
  const output = opts.output ?? defaultReportPath(file);
  const [result] = loadDriver().compileFiles([file]);
  const errors = printDiagnostics([result!], io.err, io.colorErr);
  const report = annotateResult(result!, fs.readFileSync(file, 'utf8'));
  fs.mkdirSync(path.dirname(path.resolve(output)), { recursive: true });
  fs.writeFileSync(output, renderReport(report, { version: packageVersion() }));
  if (!opts.quiet) {
    const working = report.lines.filter((l) => l.score > 0).length;
    const fns = report.functions.length;
    io.out(
      `wrote ${output}: ${fns} ${fns === 1 ? 'function' : 'functions'}, ${working} ${working === 1 ? 'line' : 'lines'} with run-time work`,
    );
  }
  return errors > 0 ? EXIT_FAILED : EXIT_OK;
}
