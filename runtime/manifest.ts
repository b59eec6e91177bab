// The manifest is the contract between `tsnative build` (which writes it) and
// the loader (which trusts an addon only when the manifest says it was built
// from exactly the source that is on disk now, for this Node).
import * as fs from 'node:fs';
import * as path from 'node:path';

export const MANIFEST_FILE = 'manifest.json';
// 2: an addon per target (`targets`) instead of one `addon` and `cpp`.
export const MANIFEST_VERSION = 2;

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
  /** A `@kernel`: its addons export launchers (runtime/kernel-names.ts), not the function. */
  kernel?: boolean;
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

/** One target's build of a module. */
export interface TargetBuild {
  /** Addon file, relative to outDir; content-addressed so a loaded addon is never overwritten. */
  addon: string;
  /** Generated main source file (C++, CUDA), relative to outDir. */
  source: string;
}

export interface ManifestModule {
  /** Source path relative to the project root, '/'-separated (the key). */
  source: string;
  /** sha256 of the source file bytes that were compiled. */
  sourceHash: string;
  /** The addon of each target (cpu, cuda) built from this source; the loader picks the best usable one. */
  targets: Record<string, TargetBuild>;
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

/**
 * What outDir holds: a manifest this tsnative reads, one in another format
 * (written by an older or newer tsnative: the loader says so rather than
 * guess at its fields), or none (absent or unreadable).
 */
export type ManifestOnDisk = { kind: 'current'; manifest: Manifest } | { kind: 'other-version'; version: number } | { kind: 'none' };

export function inspectManifest(outDir: string): ManifestOnDisk {
  let m: unknown;
  try {
    m = JSON.parse(fs.readFileSync(manifestPath(outDir), 'utf8'));
  } catch {
    return { kind: 'none' };
  }
  const version = (m as { version?: unknown } | null)?.version;
  if (typeof version !== 'number') return { kind: 'none' };
  return version === MANIFEST_VERSION ? { kind: 'current', manifest: m as Manifest } : { kind: 'other-version', version };
}

/** The manifest when this tsnative can read it; a build treats any other as absent and rebuilds. */
export function readManifest(outDir: string): Manifest | undefined {
  const found = inspectManifest(outDir);
  return found.kind === 'current' ? found.manifest : undefined;
}
