// The manifest is the contract between `tsnative build` (which writes it) and
// the loader (which trusts an addon only when the manifest says it was built
// from exactly the source that is on disk now, for this Node).
import * as fs from 'node:fs';
import * as path from 'node:path';

export const MANIFEST_FILE = 'manifest.json';
export const MANIFEST_VERSION = 1;

/** A type as written in the source: 'f64' | 'i32' | 'u32' | 'boolean' | 'Float64Array' | … | 'void'. */
export type TypeName = string;

export interface ParamSignature {
  name: string;
  type: TypeName;
}

export interface FunctionSignature {
  name: string;
  params: ParamSignature[];
  returns: TypeName;
  /** 1-based line of the declaration in the source. */
  line: number;
  options: string[];
  exported: boolean;
}

/** The runtime a build targets; any difference makes the addon stale. */
export interface NodeTarget {
  version: string;
  modules: string;
  napi: string;
}

/** Another source module compiled into an addon (its @native functions are called). */
export interface ModuleDependency {
  /** Manifest key of the other module. */
  source: string;
  /** sha256 of the other module's source bytes that were compiled. */
  sourceHash: string;
}

export interface ManifestModule {
  /** Source path relative to the project root, '/'-separated (the key). */
  source: string;
  /** sha256 of the source file bytes that were compiled. */
  sourceHash: string;
  /** Addon file, relative to outDir; content-addressed so a loaded addon is never overwritten. */
  addon: string;
  /** Generated C++ file, relative to outDir. */
  cpp: string;
  node: NodeTarget;
  /** Other modules compiled in; the addon is stale when any of them changed. */
  dependencies?: ModuleDependency[];
  functions: FunctionSignature[];
  /** Everything the build depended on (compiler/build/up-to-date.ts): equal means a no-op build. */
  inputsKey?: string;
  builtAt: string;
}

export interface Manifest {
  version: number;
  tsnative: string;
  modules: Record<string, ManifestModule>;
}

export function currentNodeTarget(): NodeTarget {
  return {
    version: process.versions.node,
    modules: process.versions.modules,
    napi: process.versions.napi ?? '',
  };
}

export function manifestPath(outDir: string): string {
  return path.join(outDir, MANIFEST_FILE);
}

export function readManifest(outDir: string): Manifest | undefined {
  try {
    const m = JSON.parse(fs.readFileSync(manifestPath(outDir), 'utf8')) as Manifest;
    return m.version === MANIFEST_VERSION ? m : undefined;
  } catch {
    return undefined;
  }
}
