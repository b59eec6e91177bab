// The package's own addon (native/runtime/runtime.cc, built by `npm install`
// into build/Release/tsnative_runtime.node). It holds the process-wide state
// every generated addon reads (thread count, parallel threshold) and sets the
// OpenMP wait policy, so it must load before the first generated addon.
// Installed without a C++ toolchain it is missing: callers fall back to JS.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';

export interface RuntimeAddon {
  readonly version: string;
  readonly abi: number;
  hardwareConcurrency(): number;
  /** 0 when no count was chosen (every core). */
  getNumThreads(): number;
  /** 0 goes back to every core. */
  setNumThreads(n: number): void;
  /** -1 when each loop keeps its own minimum trip count. */
  getParallelThreshold(): number;
  setParallelThreshold(n?: number): void;
}

const ADDON = path.join('build', 'Release', 'tsnative_runtime.node');
const requireAddon = createRequire(__filename);
let loaded: RuntimeAddon | null | undefined;

/** The package root above this file (from runtime/ under ts-jest, from dist/runtime/ when installed). */
export function packageDir(): string | undefined {
  for (let dir = __dirname; ;) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'binding.gyp'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The runtime addon, loaded once per JS context (it publishes the state on each one); undefined if absent or broken. */
export function runtimeAddon(): RuntimeAddon | undefined {
  if (loaded === undefined) {
    const root = packageDir();
    const file = root === undefined ? undefined : path.join(root, ADDON);
    try {
      loaded = file !== undefined && fs.existsSync(file) ? (requireAddon(file) as RuntimeAddon) : null;
    } catch {
      loaded = null;
    }
  }
  return loaded ?? undefined;
}
