// Builds test modules with the real CLI (its content-hash cache makes a second
// build of an unchanged module free, so each module builds once per run) and
// loads the addon the manifest names.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { readManifest, type ManifestModule } from '../../runtime/manifest';
import { prepareForAddons } from '../../runtime/openmp';
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
  /** Absolute path of the addon loaded. */
  path: string;
  exports: Record<string, (...args: unknown[]) => unknown>;
}

/** The manifest entry of a built module and the absolute path of its addon for `target`. */
export function builtAddon(file: string, target = 'cpu'): { entry: ManifestModule; path: string } {
  const project = findProject(file);
  const entry = readManifest(project.outDir)?.modules[moduleKey(project, file)];
  if (!entry) throw new Error(`no manifest entry for ${file}`);
  const build = entry.targets[target];
  if (!build) throw new Error(`${file} was not built for ${target} (targets: ${Object.keys(entry.targets).join(', ')})`);
  return { entry, path: path.join(project.outDir, build.addon) };
}

export function loadAddon(file: string, target = 'cpu'): LoadedAddon {
  const built = builtAddon(file, target);
  // As the loader does: the addon attaches to the runtime's shared state.
  prepareForAddons();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const exports = require(built.path) as LoadedAddon['exports'];
  return { entry: built.entry, path: built.path, exports };
}
