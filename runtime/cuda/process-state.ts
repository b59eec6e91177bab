// State that every copy of the runtime in a process must share (ESM and CJS
// entry points, a nested install): the loader of one copy installs the GPU
// probe and allocator that the launch() of another uses. Kept on globalThis
// under a registered symbol, as the registry is.
export function processState<T extends object>(name: string, init: () => T): T {
  const key = Symbol.for(`tsnative.cuda.${name}`);
  const holder = globalThis as unknown as Record<symbol, T | undefined>;
  let state = holder[key];
  if (!state) {
    state = init();
    Object.defineProperty(globalThis, key, { value: state, enumerable: false, configurable: true });
  }
  return state;
}
