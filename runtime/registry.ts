// Process-wide record of every function the loader has bound, keyed by both
// the JS function and the native one, so nativeOf/isNative answer for either.
// Kept on globalThis under a registered symbol: a program may reach the
// runtime through two copies of the package (ESM and CJS entry points, or a
// nested install), and all of them must see the same bindings.

export interface Binding {
  name: string;
  /** Absolute path of the TypeScript source. */
  source: string;
  js: Function;
  native?: Function;
  /** The addon's version of `native` that runs on the libuv pool and returns a Promise. */
  offload?: Function;
  /** Why the JS runs instead, when `native` is undefined. */
  reason?: string;
  code?: string;
}

interface Registry {
  byFunction: WeakMap<Function, Binding>;
  /** `source#name` of functions already warned about (one warning each). */
  warned: Set<string>;
}

const KEY = Symbol.for('tsnative.registry.v1');

export function registry(): Registry {
  const holder = globalThis as unknown as Record<symbol, Registry | undefined>;
  let reg = holder[KEY];
  if (!reg) {
    reg = { byFunction: new WeakMap(), warned: new Set() };
    Object.defineProperty(globalThis, KEY, { value: reg, enumerable: false, configurable: true });
  }
  return reg;
}

export function recordBinding(binding: Binding): void {
  const reg = registry();
  reg.byFunction.set(binding.js, binding);
  if (binding.native) reg.byFunction.set(binding.native, binding);
}

export function bindingOf(fn: Function): Binding | undefined {
  return registry().byFunction.get(fn);
}
