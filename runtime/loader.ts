// Swaps a marked JS function for its native version when the addon may be
// trusted, and otherwise keeps the JS function and says why, once.
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { lists, moduleStatus } from './freshness';
import { bindingOf, recordBinding, registry, type Binding } from './registry';
import { offloadExport } from './offload-name';
import { prepareForAddons } from './openmp';

export type FallbackCode =
  | 'TSNATIVE_MISSING'
  | 'TSNATIVE_STALE'
  | 'TSNATIVE_NODE_MISMATCH'
  | 'TSNATIVE_NOT_COMPILED'
  | 'TSNATIVE_LOAD_FAILED'
  | 'TSNATIVE_NO_SOURCE';

const requireAddon = createRequire(__filename);
const addons = new Map<string, Record<string, unknown> | Error>();

export function loadAddon(addonPath: string): Record<string, unknown> | Error {
  let loaded = addons.get(addonPath);
  if (!loaded) {
    prepareForAddons();
    try {
      loaded = requireAddon(addonPath) as Record<string, unknown>;
    } catch (e) {
      loaded = e instanceof Error ? e : new Error(String(e));
    }
    addons.set(addonPath, loaded);
  }
  return loaded;
}

function quoteArg(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** The command that rebuilds `sourceFile`, as the user would type it from here. */
export function buildCommand(sourceFile: string): string {
  const rel = path.relative(process.cwd(), sourceFile) || sourceFile;
  return `npx tsnative build ${quoteArg(rel.split(path.sep).join('/'))}`;
}

export function fallbackMessage(name: string, sourceFile: string, why: string): string {
  const rel = path.relative(process.cwd(), sourceFile) || sourceFile;
  return `${name} (${rel}) runs as JavaScript, not native: ${why}. Run \`${buildCommand(sourceFile)}\`.`;
}

/** Named errors so a caller can tell a strict-mode refusal from other failures. */
export class NativeUnavailableError extends Error {
  constructor(
    message: string,
    readonly code: FallbackCode,
  ) {
    super(message);
    this.name = 'NativeUnavailableError';
    // The message says what to run; frames inside the loader would only hide it.
    this.stack = `${this.name}: ${message}`;
  }
}

/** TSNATIVE_STRICT=1 (any value but empty, 0 or false) turns fallbacks into errors. */
function strict(): boolean {
  const v = process.env.TSNATIVE_STRICT;
  return v !== undefined && v !== '' && v !== '0' && v.toLowerCase() !== 'false';
}

/** Warns (or throws, when strict) once per `key` for the whole process. */
export function complain(key: string, message: string, code: FallbackCode): void {
  if (strict()) throw new NativeUnavailableError(message, code);
  const reg = registry();
  if (reg.warned.has(key)) return;
  reg.warned.add(key);
  process.emitWarning(message, { code });
}

function fallBack<F extends Function>(name: string, sourceFile: string, js: F, code: FallbackCode, why: string): F {
  const message = fallbackMessage(name, sourceFile, why);
  recordBinding({ name, source: sourceFile, js, reason: message, code });
  complain(`${sourceFile}#${name}`, message, code);
  return js;
}

/**
 * For JS that marks functions @native but whose TypeScript source cannot be
 * found (no source map, no .ts beside it): the build cannot be checked, so
 * the JS runs, and the user is told how to fix the mapping.
 */
export function warnUnmapped(jsFile: string, names: string[]): void {
  const rel = path.relative(process.cwd(), jsFile) || jsFile;
  const message =
    `${names.join(', ')} (${rel}) ${names.length === 1 ? 'runs' : 'run'} as JavaScript, not native: ` +
    'tsnative cannot find the TypeScript source of this file. Compile it with "sourceMap": true (or "inlineSourceMap"), ' +
    'or keep the .ts file next to the .js.';
  complain(`${jsFile}#unmapped`, message, 'TSNATIVE_NO_SOURCE');
}

function adopt(native: Function, js: Function): void {
  // N-API functions report length 0 and carry whatever name they were
  // exported with; give them the JS function's so the swap is invisible.
  // Redefining the properties keeps the call path free of any wrapper.
  if (native.name !== js.name) Object.defineProperty(native, 'name', { value: js.name, configurable: true });
  if (native.length !== js.length) Object.defineProperty(native, 'length', { value: js.length, configurable: true });
}

/**
 * The native version of `js` (function `name` of the TypeScript file
 * `sourceFile`) if a fresh addon provides it; otherwise `js` itself, after
 * one warning per function (an Error under TSNATIVE_STRICT=1).
 */
export function loadNative<F extends Function>(sourceFile: string, name: string, js: F): F {
  const source = path.resolve(sourceFile);
  const known: Binding | undefined = bindingOf(js);
  if (known && known.js === js && known.native) return known.native as F;

  const status = moduleStatus(source);
  if (!status.fresh) return fallBack(name, source, js, status.code, status.why);
  if (!lists(status.entry, name)) {
    return fallBack(
      name,
      source,
      js,
      'TSNATIVE_NOT_COMPILED',
      `${name} was not compiled in the last build of ${status.key} (the build reported why)`,
    );
  }
  const addon = loadAddon(status.addonPath);
  // Name the target only when there was a choice, so single-target messages read as before.
  const its = Object.keys(status.entry.targets).length > 1 ? `its ${status.target} addon` : 'its addon';
  if (addon instanceof Error) {
    return fallBack(name, source, js, 'TSNATIVE_LOAD_FAILED', `${its} failed to load (${addon.message.split('\n')[0]})`);
  }
  const native = addon[name];
  if (typeof native !== 'function') {
    return fallBack(name, source, js, 'TSNATIVE_LOAD_FAILED', `${its} does not export ${name}`);
  }
  adopt(native, js);
  const offload = addon[offloadExport(name)];
  recordBinding({ name, source, js, native, offload: typeof offload === 'function' ? offload : undefined });
  return native as F;
}
