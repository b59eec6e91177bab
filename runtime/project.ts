// Where a source file's project lives and where its build output goes.
// The compiler and the runtime must agree on this, so both use this file.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createHash } from 'node:crypto';

export const DEFAULT_OUT_DIR = 'build/tsnative';

export interface ProjectConfig {
  /** Absolute directory holding tsnative.config.json or package.json. */
  root: string;
  /** Absolute output directory for addons and the manifest. */
  outDir: string;
  include: string[];
  /** Default options applied to every @native function (e.g. "fastmath"). */
  options: string[];
  /** Extra C++ compiler flags. */
  cflags: string[];
  targets: string[];
  /** GPU architectures of cuda addons (compiler/build/cuda-flags.ts), e.g. ["86", "compute_90"]; undefined: the default list. */
  cudaArchitectures?: string[];
}

interface RawConfig {
  include?: string[];
  outDir?: string;
  options?: string[];
  cflags?: string[];
  targets?: string[];
  cudaArchitectures?: (string | number)[];
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function rawConfigAt(dir: string): RawConfig | undefined {
  const own = path.join(dir, 'tsnative.config.json');
  if (fs.existsSync(own)) return (readJson(own) as RawConfig | undefined) ?? {};
  const pkg = path.join(dir, 'package.json');
  if (fs.existsSync(pkg)) {
    const json = readJson(pkg) as { tsnative?: RawConfig } | undefined;
    return json?.tsnative ?? {};
  }
  return undefined;
}

/** The project of `start` (a file or directory): the nearest ancestor with
 * tsnative.config.json or package.json; `start`'s directory if none. */
export function findProject(start: string): ProjectConfig {
  const abs = path.resolve(start);
  let dir = fs.existsSync(abs) && fs.statSync(abs).isDirectory() ? abs : path.dirname(abs);
  const first = dir;
  for (;;) {
    const raw = rawConfigAt(dir);
    if (raw) return makeConfig(dir, raw);
    const parent = path.dirname(dir);
    if (parent === dir) return makeConfig(first, {});
    dir = parent;
  }
}

function makeConfig(root: string, raw: RawConfig): ProjectConfig {
  return {
    root,
    outDir: path.resolve(root, raw.outDir ?? process.env.TSNATIVE_OUT_DIR ?? DEFAULT_OUT_DIR),
    include: raw.include ?? [],
    options: raw.options ?? [],
    cflags: raw.cflags ?? [],
    targets: withExtraTargets(raw.targets ?? ['cpu']),
    cudaArchitectures: raw.cudaArchitectures?.map(String),
  };
}

/** `tsnative build --target cuda` (TSNATIVE_TARGETS=cuda): targets built beside the configured ones. */
function withExtraTargets(configured: string[]): string[] {
  const extra = (process.env.TSNATIVE_TARGETS ?? '').split(',').map((t) => t.trim());
  return [...new Set([...configured, ...extra.filter((t) => t.length > 0)])];
}

/** The manifest key of a source file: its path relative to the project root, with '/'. */
export function moduleKey(project: ProjectConfig, sourceFile: string): string {
  return path.relative(project.root, path.resolve(sourceFile)).split(path.sep).join('/');
}

export function hashText(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

export function hashFile(file: string): string {
  return hashText(fs.readFileSync(file));
}
