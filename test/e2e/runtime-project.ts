// A throwaway user project for the runtime e2e tests: sources, tsc output,
// and real addons built by `tsnative build`, run as a user would run them.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import * as fs from 'node:fs';
import { makeProject as makeCliProject, writeFiles } from './cli-project';
import * as os from 'node:os';
import * as path from 'node:path';

export const REPO = path.resolve(__dirname, '../..');
const CLI = path.join(REPO, 'bin', 'tsnative.js');
const TSC = path.join(REPO, 'node_modules', 'typescript', 'bin', 'tsc');
export const TSX_CLI = path.join(REPO, 'node_modules', 'tsx', 'dist', 'cli.mjs');

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function check(what: string, r: SpawnSyncReturns<string>): void {
  if (r.status !== 0) throw new Error(`${what} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
}

/** A temp project whose node_modules resolves `tsnative` (this repo) and `tsx`. */
export function makeProject(prefix: string, files: Record<string, string>): string {
  const dir = makeCliProject(prefix, files);
  fs.symlinkSync(path.join(REPO, 'node_modules', 'tsx'), path.join(dir, 'node_modules', 'tsx'), 'dir');
  return dir;
}

/** A copy of a project (symlinks kept as symlinks), to edit without touching the original. */
export function copyProject(dir: string, prefix: string): string {
  const copy = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  fs.cpSync(dir, copy, { recursive: true, verbatimSymlinks: true });
  return copy;
}

export function tsc(dir: string): void {
  check('tsc', spawnSync(process.execPath, [TSC, '-p', dir], { encoding: 'utf8' }));
}

export function node(dir: string, args: string[], env: Record<string, string | undefined> = {}): Run {
  const base = { ...process.env };
  delete base.TSNATIVE_STRICT;
  delete base.NODE_OPTIONS;
  const r = spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8', env: { ...base, ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Builds the addons for `sources` (project-relative) with the real CLI, from the project's directory. */
export function buildNative(dir: string, sources: string[]): void {
  check('tsnative build', spawnSync(process.execPath, [CLI, 'build', ...sources], { cwd: dir, encoding: 'utf8' }));
}

export { writeFiles };
