// A throwaway user project for the CLI tests, with node_modules/tsnative
// linked to this repository, and a way to run bin/tsnative.js in it.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { writeFile } from '../support/files';

export const REPO = path.resolve(__dirname, '../..');
export const CLI = path.join(REPO, 'bin', 'tsnative.js');

/** A user's module with two @native functions, one calling the other. */
export const STATS = `import type { f64 } from 'tsnative';

/** Dot product. @native */
export function dot(a: Float64Array, b: Float64Array): f64 {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** @native */
export function sumsq(xs: Float64Array): f64 {
  return dot(xs, xs);
}
`;

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) writeFile(dir, rel, text);
}

export function makeProject(prefix: string, files: Record<string, string>): string {
  if (!fs.existsSync(path.join(REPO, 'dist', 'compiler', 'cli', 'main.js'))) {
    throw new Error('dist/ is not built: run `npm run build:ts` first (npm test does)');
  }
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  writeFiles(dir, files);
  fs.mkdirSync(path.join(dir, 'node_modules'));
  fs.symlinkSync(REPO, path.join(dir, 'node_modules', 'tsnative'), 'dir');
  return dir;
}

export function copyProject(dir: string, prefix: string): string {
  const copy = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  fs.cpSync(dir, copy, { recursive: true, verbatimSymlinks: true });
  return copy;
}

function cleanEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const k of ['FORCE_COLOR', 'NO_COLOR', 'TSNATIVE_OUT_DIR', 'NODE_OPTIONS']) delete env[k];
  return { ...env, ...extra };
}

/** Runs the CLI as a user would: `node node_modules/tsnative/bin/tsnative.js …` (what npx runs). */
export function tsnative(dir: string, args: string[], env: NodeJS.ProcessEnv = {}): CliRun {
  const started = Date.now();
  const r = spawnSync(process.execPath, [path.join(dir, 'node_modules', 'tsnative', 'bin', 'tsnative.js'), ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: cleanEnv(env),
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - started };
}

/** Starts the CLI and returns the child, for tests that interrupt it. */
export function startTsnative(dir: string, args: string[]) {
  return spawn(process.execPath, [path.join(dir, 'node_modules', 'tsnative', 'bin', 'tsnative.js'), ...args], {
    cwd: dir,
    env: cleanEnv({}),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** A PATH with node only: a build that tried to compile would fail. */
export function pathWithoutCompilers(dir: string): string {
  const bin = path.join(dir, '.bin-node-only');
  fs.mkdirSync(bin, { recursive: true });
  return bin;
}

export function runNode(dir: string, code: string): CliRun {
  const started = Date.now();
  const r = spawnSync(process.execPath, ['-e', code], { cwd: dir, encoding: 'utf8', env: cleanEnv({}) });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - started };
}
