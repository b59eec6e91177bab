// tsnative clean: removes the project's outDir. Running programs that loaded
// an addon keep it (an unlinked file stays mapped); new runs fall back to JS.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findProject } from '../../runtime/project';
import type { Output } from './output';
import { EXIT_OK, UsageError } from './usage-error';

export function cleanCommand(opts: { quiet?: boolean }, io: Output): number {
  const project = findProject(process.cwd());
  const out = project.outDir;
  const rel = path.relative(project.root, out);
  // An outDir of "." or "..", by mistake, would otherwise delete the project.
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) {
    throw new UsageError(`refusing to remove outDir ${out}: it is not inside the project ${project.root}`);
  }
  const shown = path.relative(process.cwd(), out) || out;
  if (!fs.existsSync(out)) {
    if (!opts.quiet) io.out(`nothing to clean (${shown} does not exist)`);
    return EXIT_OK;
  }
  fs.rmSync(out, { recursive: true, force: true });
  if (!opts.quiet) io.out(`removed ${shown}`);
  return EXIT_OK;
}
