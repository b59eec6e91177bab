// Command-line paths (files, directories, globs) → the TypeScript files to
// compile. Named files are taken as they are; directories and globs keep
// only files that mention @native, so `tsnative build src` does not compile
// a whole program.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { globToRegExp, hasGlobChars, staticPrefix } from './glob';
import { UsageError } from './usage-error';

const TS_FILE = /\.(?:[cm]?ts|tsx)$/;
const DECLARATION = /\.d\.[cm]?ts$/;
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'build']);

export function isSourceFile(file: string): boolean {
  return TS_FILE.test(file) && !DECLARATION.test(file);
}

function mentionsNative(file: string): boolean {
  try {
    return fs.readFileSync(file, 'utf8').includes('@native');
  } catch {
    return false;
  }
}

function walk(dir: string, out: string[]): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (e.name.startsWith('.')) continue;
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIPPED_DIRS.has(e.name)) walk(full, out);
    } else if (e.isFile() && isSourceFile(e.name)) out.push(full);
  }
}

function expandGlob(pattern: string, base: string): string[] {
  const posix = pattern.split(path.sep).join('/');
  const root = path.resolve(base, staticPrefix(posix) || '.');
  const re = globToRegExp(path.resolve(base, posix).split(path.sep).join('/'));
  const found: string[] = [];
  walk(root, found);
  return found.filter((f) => re.test(f.split(path.sep).join('/')));
}

export interface Inputs {
  files: string[];
  /** Patterns and directories that held no file with @native functions. */
  empty: string[];
}

/** `base` resolves relative paths (the cwd for arguments, the project root for "include"). */
export function resolveInputs(paths: readonly string[], base: string, exclude: readonly string[] = []): Inputs {
  const files: string[] = [];
  const empty: string[] = [];
  const excluded = (f: string): boolean => exclude.some((dir) => f === dir || f.startsWith(dir + path.sep));
  for (const p of paths) {
    const abs = path.resolve(base, p);
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(abs);
    } catch {
      stat = undefined;
    }
    if (stat?.isFile()) {
      if (!isSourceFile(abs)) throw new UsageError(`${p} is not a TypeScript source file (.ts, .mts, .cts or .tsx)`);
      files.push(abs);
      continue;
    }
    let found: string[];
    if (stat?.isDirectory()) {
      found = [];
      walk(abs, found);
    } else if (hasGlobChars(p)) {
      found = expandGlob(p, base);
    } else {
      throw new UsageError(`no such file or directory: ${p}`);
    }
    found = found.filter((f) => !excluded(f) && mentionsNative(f));
    if (found.length === 0) empty.push(p);
    files.push(...found);
  }
  return { files: [...new Set(files)], empty };
}
