// Installs both hooks, whichever entry point (`-r` or `--import`) ran first:
// a program may mix CommonJS and ES modules, and users pick either flag.
import { register } from 'node:module';
import { pathToFileURL } from 'node:url';
import * as path from 'node:path';
import { isMainThread, parentPort } from 'node:worker_threads';
import { installCommonJsHook } from './compile-hook';

const ESM_INSTALLED = Symbol.for('tsnative.register.esm');

export function installEsmHooks(): void {
  const holder = globalThis as unknown as Record<symbol, boolean | undefined>;
  if (holder[ESM_INSTALLED]) return;
  holder[ESM_INSTALLED] = true;
  register(pathToFileURL(path.join(__dirname, 'hooks.mjs')).href);
}

/** Node's own module-hooks thread, which also runs `-r` preloads: hooks
 * installed there would only chain a second copy of ours. A user's Worker
 * has a parentPort; that thread does not. */
function onHooksThread(): boolean {
  return !isMainThread && parentPort === null;
}

export function installHooks(): void {
  if (onHooksThread()) return;
  installCommonJsHook();
  installEsmHooks();
}
