// Builds test modules with the real CLI (its content-hash cache makes a second
// build of an unchanged module free, so each module builds once per run) and
// loads the addon the manifest names.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { readManifest, type ManifestModule } from '../../runtime/manifest';
import { preferPassiveWait } from '../../runtime/openmp';
import { findProject, moduleKey } from '../../runtime/project';

export const REPO = path.resolve(__dirname, '../..');
export const CLI = path.join(REPO, 'bin', 'tsnative.js');

export function runCli(args: string[], cwd = REPO, env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, output: r.stdout + r.stderr };
}

export function buildModules(files: string[]): void {
  const r = runCli(['build', ...files]);
  if (r.status !== 0) throw new Error(`tsnative build failed (${r.status}):\n${r.output}`);
}

export interface LoadedAddon {
  entry: ManifestModule;
  exports: Record<string, (...args: unknown[]) => unknown>;
}

export function loadAddon(file: string): LoadedAddon {
  const project = findProject(file);
  const entry = readManifest(project.outDir)?.modules[moduleKey(project, file)];
  if (!entry) throw new Error(`no manifest entry for ${file}`);
  preferPassiveWait();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const exports = require(path.join(project.outDir, entry.addon)) as LoadedAddon['exports'];
  return { entry, exports };
}
