// Which functions of a module to bind, decided from its JS text and file
// name before it runs. Shared by the CommonJS hook and the ESM load hook.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { moduleStatus } from '../freshness';
import { typeScriptSourceOf } from './source-map';
import { mentionsNative, scanKernelNames, scanNativeNames } from './scan';

export type BindPlan =
  /** Bind `names` to the natives built from `source` (absolute TypeScript path), and `kernels` to its kernel launchers. */
  | { source: string; names: string[]; kernels?: string[] }
  /** The JS marks `names` @native but its TypeScript source cannot be found: say so once at run time. */
  | { unmapped: string; names: string[] };

/** This package's root: the same walk works from dist/runtime/register and from runtime/register. */
function packageRoot(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    try {
      if ((JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string }).name === 'tsnative') return dir;
    } catch {
      // no package.json here: keep walking
    }
    if (path.dirname(dir) === dir) return path.resolve(__dirname, '..', '..');
  }
}

// This package's own files (compiled or not) are never rewritten.
const PACKAGE_ROOT = packageRoot();
const OWN_DIRS = ['dist', 'runtime', 'compiler'].map((d) => path.join(PACKAGE_ROOT, d) + path.sep);

export function isUserModule(file: string): boolean {
  if (!path.isAbsolute(file)) return false;
  if (file.split(path.sep).includes('node_modules')) return false;
  return !OWN_DIRS.some((d) => file.startsWith(d));
}

function escapeRegExp(s: string): string {
  return s.replace(/[$]/g, '\\$');
}

/** True when the JS still declares `function name` (a bundler may have renamed it). */
function declares(jsText: string, name: string): boolean {
  return new RegExp(`\\bfunction\\s*\\*?\\s*${escapeRegExp(name)}\\s*\\(`).test(jsText);
}

/**
 * The bindings for the module at `file` with text `jsText`, or undefined if it
 * has none. Names come from a fresh manifest entry plus a scan of the source
 * for @native, so a function without a usable build is still bound, and the
 * loader warns about it.
 */
export function planBindings(file: string, jsText: string): BindPlan | undefined {
  if (!isUserModule(file)) return undefined;
  const source = typeScriptSourceOf(file, jsText);
  if (!source) {
    // tsc keeps JSDoc, so marked functions in unmapped output are still
    // visible: better a warning than a silent JS run.
    const names = scanNativeNames(jsText).filter((n) => declares(jsText, n));
    return names.length > 0 ? { unmapped: file, names } : undefined;
  }
  let tsText: string;
  try {
    // From disk even when `file` is the source: the text a hook sees may
    // already be transpiled, with the JSDoc stripped.
    tsText = fs.readFileSync(source, 'utf8');
  } catch {
    return undefined;
  }
  // A fresh build implies the source has @native in it, so an unmarked
  // module (the common case) needs no manifest lookup.
  if (!mentionsNative(tsText)) return undefined;
  const names = scanNativeNames(tsText);
  const kernels = scanKernelNames(tsText);
  const status = moduleStatus(source);
  if (status.fresh) {
    for (const f of status.entry.functions) {
      const list = f.kernel ? kernels : names;
      if (!list.includes(f.name)) list.push(f.name);
    }
  }
  const bound = names.filter((n) => declares(jsText, n));
  const launched = kernels.filter((n) => declares(jsText, n));
  if (bound.length === 0 && launched.length === 0) return undefined;
  return launched.length > 0 ? { source, names: bound, kernels: launched } : { source, names: bound };
}
