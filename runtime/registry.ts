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

/**
 * A compiled kernel's launcher: the grid and block dimensions (each already
 * checked, x/y/z), the dynamic shared memory in bytes, then the kernel's arguments.
 */
type LaunchArguments = [gx: number, gy: number, gz: number, bx: number, by: number, bz: number, sharedBytes: number, ...args: unknown[]];
export type Launcher = (...a: LaunchArguments) => void;
/** The same, settling when the kernel has finished and its arrays are back. */
export type AsyncLauncher = (...a: LaunchArguments) => Promise<void>;

/** What the loader found for a `@kernel` function; `launch` dispatches on it. */
export interface KernelBinding {
  name: string;
  /** Absolute path of the TypeScript source. */
  source: string;
  js: Function;
  /** The compiled CPU simulator. */
  sim?: Launcher;
  simAsync?: AsyncLauncher;
  gpu?: Launcher;
  gpuAsync?: AsyncLauncher;
  /** Parameter names, in order (argument errors name them). */
  params: string[];
  /** Why no compiled launcher is bound, when none is. */
  reason?: string;
}

interface Registry {
  byFunction: WeakMap<Function, Binding>;
  /** Absent in a registry made by an older copy of the runtime; see kernels(). */
  kernels?: WeakMap<Function, KernelBinding>;
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

function kernels(): WeakMap<Function, KernelBinding> {
  const reg = registry();
  reg.kernels ??= new WeakMap();
  return reg.kernels;
}

export function recordKernel(binding: KernelBinding): void {
  kernels().set(binding.js, binding);
}

export function kernelBindingOf(fn: Function): KernelBinding | undefined {
  return kernels().get(fn);
}
