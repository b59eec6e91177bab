// Asking whether a function runs native, and getting the native function.
import { bindingOf } from './registry';

function describe(fn: Function): string {
  return fn.name ? fn.name : 'this function';
}

/** True when `fn` is a native function bound by tsnative, or a JS function that was swapped for one. */
export function isNative(fn: Function): boolean {
  return bindingOf(fn)?.native !== undefined;
}

/** The native version of `fn` (or `fn` itself if it is native); throws an Error saying why there is none. */
export function nativeOf<F extends Function>(fn: F): F {
  if (typeof fn !== 'function') throw new TypeError(`nativeOf: expected a function, got ${fn === null ? 'null' : typeof fn}`);
  const binding = bindingOf(fn);
  if (binding?.native) return binding.native as F;
  if (binding?.reason) throw new Error(binding.reason);
  throw new Error(
    `${describe(fn)} is not native: tsnative never loaded it. Mark it with /** @native */, ` +
      'run `npx tsnative build <file>`, and start node with `--import tsnative/register` (or `-r tsnative/register`).',
  );
}
