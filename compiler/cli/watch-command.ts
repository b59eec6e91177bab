// tsnative build --watch: the usual build, then the same build again each time
// a source is saved, until Ctrl-C (exit 0: stopping is how a watch ends).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findProject } from '../../runtime/project';
import { watchSources, type SourceWatcher } from '../build/watch';
import { killRunning } from '../build/node-gyp';
import { removeActiveTemps } from '../build/module-build';
import { buildCommand, buildInputs, type BuildCommandOptions } from './build-command';
import { hasGlobChars, staticPrefix } from './glob';
import type { Output } from './output';
import { EXIT_OK, UsageError } from './usage-error';

/** Where new sources may appear: the directories named, and the fixed part of each glob. */
function inputDirs(paths: readonly string[], cwd: string): string[] {
  const project = paths.length > 0 ? undefined : findProject(cwd);
  const base = project?.root ?? cwd;
  const dirs: string[] = [];
  for (const p of project?.include ?? paths) {
    const abs = path.resolve(base, p);
    if (fs.existsSync(abs) && fs.statSync(abs).isDirectory()) dirs.push(abs);
    else if (hasGlobChars(p)) dirs.push(path.resolve(base, staticPrefix(p.split(path.sep).join('/')) || '.'));
  }
  return dirs;
}

export function watchCommand(paths: readonly string[], opts: BuildCommandOptions, io: Output): Promise<number> {
  const cwd = process.cwd();
  // A command line that cannot build is a usage error now, not a watch that waits forever.
  buildInputs(paths, cwd);
  let watcher: SourceWatcher | undefined;
  let first = true;
  const rel = (f: string): string => path.relative(cwd, f) || f;

  return new Promise<number>(() => {
    // Registered before any build's own handler, so it runs first and its exit wins.
    const stop = (): void => {
      watcher?.close();
      killRunning();
      removeActiveTemps();
      if (!opts.quiet) io.out('stopped watching');
      process.exit(EXIT_OK);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    watcher = watchSources({
      inputs: () => {
        const { files } = buildInputs(paths, cwd);
        return { files, dirs: inputDirs(paths, cwd) };
      },
      rebuild: async (changed) => {
        if (!first && !opts.quiet) io.out(`\nchanged: ${changed.map(rel).join(', ')}`);
        first = false;
        await buildCommand(paths, opts, io);
        const n = watcher?.count ?? changed.length;
        if (!opts.quiet) io.out(`watching ${n} ${n === 1 ? 'file' : 'files'} for changes (Ctrl-C to stop)`);
      },
      onError: (e) => io.err(`tsnative: ${e instanceof UsageError ? e.message : e instanceof Error ? (e.stack ?? e.message) : String(e)}`),
    });
  });
}
