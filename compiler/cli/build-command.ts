// tsnative build [paths…]
import { findProject } from '../../runtime/project';
import { buildModules } from '../build/build';
import { inputsKey, upToDate } from '../build/up-to-date';
import { killRunning } from '../build/node-gyp';
import { removeActiveTemps } from '../build/module-build';
import { failureDetails, moduleLine, summaryLine, toolchainLine } from '../build/report';
import { loadDriver, printDiagnostics } from './driver';
import { resolveInputs, type Inputs } from './inputs';
import type { Output } from './output';
import { EXIT_FAILED, EXIT_OK, UsageError } from './usage-error';

export interface BuildCommandOptions {
  jobs?: number;
  force?: boolean;
  quiet?: boolean;
  verbose?: boolean;
}

/** The named paths, or the project's "include". */
export function buildInputs(paths: readonly string[], cwd = process.cwd()): Inputs {
  if (paths.length > 0) return resolveInputs(paths, cwd);
  const project = findProject(cwd);
  if (project.include.length === 0) {
    throw new UsageError('nothing to build: name the files (`tsnative build src/stats.ts`) or set "include" in tsnative.config.json');
  }
  return resolveInputs(project.include, project.root, [project.outDir]);
}

/** Ctrl-C stops the compilers and removes their temporary directories: no half-built addon survives. */
function onInterrupt(): () => void {
  const handler = (signal: NodeJS.Signals): void => {
    killRunning();
    removeActiveTemps();
    process.stderr.write(`\ntsnative: build interrupted (${signal}); nothing half-built was published\n`);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
  return () => {
    process.removeListener('SIGINT', handler);
    process.removeListener('SIGTERM', handler);
  };
}

export async function buildCommand(paths: readonly string[], opts: BuildCommandOptions, io: Output): Promise<number> {
  const started = Date.now();
  const inputs = buildInputs(paths);
  if (!opts.quiet) for (const p of inputs.empty) io.err(`note: no @native functions in ${p}`);
  if (inputs.files.length === 0) {
    if (!opts.quiet) io.out('nothing to build');
    return EXIT_OK;
  }
  // Modules whose inputs did not change are not even parsed (no TypeScript compiler).
  const fresh = opts.force ? [] : inputs.files.map((f) => ({ file: f, entry: upToDate(findProject(f), f) })).filter((x) => x.entry);
  if (!opts.quiet)
    for (const { entry } of fresh) io.out(`${io.c.dim('cached')} ${entry!.source}  (${entry!.functions.map((f) => f.name).join(', ')})`);
  const stale = inputs.files.filter((f) => !fresh.some((x) => x.file === f));
  if (stale.length === 0) {
    if (!opts.quiet)
      io.out(
        summaryLine(
          { built: 0, cached: fresh.length, failed: 0, toolchain: [], outcomes: [], seconds: (Date.now() - started) / 1000 },
          io.c,
        ),
      );
    return EXIT_OK;
  }
  const results = loadDriver()
    .compileFiles(stale)
    .map((r) => ({ ...r, inputsKey: inputsKey(r.project, r.sourceHash, r.dependencies) }));
  const errors = printDiagnostics(results, io.err, io.colorErr);
  if (!opts.quiet) {
    for (const r of results) if (r.functions.length === 0 && r.diagnostics.length === 0) io.err(`note: no @native functions in ${r.key}`);
  }
  const restore = onInterrupt();
  try {
    const summary = await buildModules(results, {
      jobs: opts.jobs,
      force: opts.force,
      verbose: opts.verbose,
      onModule: (o) => {
        if (!opts.quiet || o.status === 'failed') io.out(moduleLine(o, io.c));
        for (const line of failureDetails(o, io.ce)) io.err(line);
        if (opts.verbose && o.log) io.err(o.log.trimEnd());
      },
    });
    if (summary.toolchain.length > 0) io.err(toolchainLine(summary.toolchain, io.ce));
    if (!opts.quiet)
      io.out(summaryLine({ ...summary, cached: summary.cached + fresh.length, seconds: (Date.now() - started) / 1000 }, io.c, errors));
    return errors > 0 || summary.failed > 0 ? EXIT_FAILED : EXIT_OK;
  } finally {
    restore();
  }
}
