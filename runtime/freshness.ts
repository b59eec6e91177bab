// Decides whether a source module's addon may be used, by the loader rule in
// docs/internals.md. Manifests and source hashes are read once per process:
// the answer must not change under a running program, and the check runs on
// every module load.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findProject, hashFile, moduleKey, type ProjectConfig } from './project';
import {
  currentNodeTarget,
  manifestPath,
  readManifest,
  type Manifest,
  type ManifestModule,
  type NodeTarget,
} from './manifest';

export type StaleCode = 'TSNATIVE_MISSING' | 'TSNATIVE_STALE' | 'TSNATIVE_NODE_MISMATCH';

export type ModuleStatus =
  | { fresh: true; project: ProjectConfig; key: string; entry: ManifestModule; addonPath: string }
  | { fresh: false; project: ProjectConfig; key: string; entry?: ManifestModule; code: StaleCode; why: string };

const projects = new Map<string, ProjectConfig>();
const manifests = new Map<string, Manifest | undefined>();
const hashes = new Map<string, string | undefined>();
const statuses = new Map<string, ModuleStatus>();

/** Forget everything read so far (tests; a long-lived tool that rebuilds). */
export function clearFreshnessCaches(): void {
  projects.clear();
  manifests.clear();
  hashes.clear();
  statuses.clear();
}

/** `map`'s value for `key`, made once (undefined is a value too). */
function cached<V>(map: Map<string, V>, key: string, make: () => V): V {
  if (!map.has(key)) map.set(key, make());
  return map.get(key) as V;
}

export function projectOf(sourceFile: string): ProjectConfig {
  return cached(projects, path.dirname(sourceFile), () => findProject(sourceFile));
}

export function manifestOf(project: ProjectConfig): Manifest | undefined {
  return cached(manifests, project.outDir, () => readManifest(project.outDir));
}

function sourceHash(file: string): string | undefined {
  return cached(hashes, file, () => {
    try {
      return hashFile(file);
    } catch {
      return undefined;
    }
  });
}

function describeTarget(t: NodeTarget): string {
  return `Node ${t.version} (ABI ${t.modules}, N-API ${t.napi})`;
}

function sameTarget(a: NodeTarget, b: NodeTarget): boolean {
  return a.version === b.version && a.modules === b.modules && a.napi === b.napi;
}

function displayPath(file: string): string {
  return path.relative(process.cwd(), file) || file;
}

function decide(sourceFile: string): ModuleStatus {
  const project = projectOf(sourceFile);
  const key = moduleKey(project, sourceFile);
  const manifest = manifestOf(project);
  if (!manifest) {
    return { fresh: false, project, key, code: 'TSNATIVE_MISSING', why: `no build found (${displayPath(manifestPath(project.outDir))} does not exist)` };
  }
  const entry = manifest.modules[key];
  if (!entry) return { fresh: false, project, key, code: 'TSNATIVE_MISSING', why: `${key} has not been built` };
  if (entry.sourceHash !== sourceHash(sourceFile)) {
    return { fresh: false, project, key, entry, code: 'TSNATIVE_STALE', why: `${key} changed since it was built` };
  }
  for (const dep of entry.dependencies ?? []) {
    if (dep.sourceHash !== sourceHash(path.resolve(project.root, dep.source))) {
      return { fresh: false, project, key, entry, code: 'TSNATIVE_STALE', why: `it calls @native code of ${dep.source}, which changed since ${key} was built` };
    }
  }
  const here = currentNodeTarget();
  if (!entry.node || !sameTarget(entry.node, here)) {
    const built = entry.node ? describeTarget(entry.node) : 'an unknown Node';
    return { fresh: false, project, key, entry, code: 'TSNATIVE_NODE_MISMATCH', why: `its addon was built for ${built}, this is ${describeTarget(here)}` };
  }
  const addonPath = path.resolve(project.outDir, entry.addon);
  if (!fs.existsSync(addonPath)) {
    return { fresh: false, project, key, entry, code: 'TSNATIVE_MISSING', why: `its addon ${displayPath(addonPath)} is missing` };
  }
  return { fresh: true, project, key, entry, addonPath };
}

/** The loader rule for a whole source module (the per-function part is `lists`). */
export function moduleStatus(sourceFile: string): ModuleStatus {
  const abs = path.resolve(sourceFile);
  return cached(statuses, abs, () => decide(abs));
}

export function lists(entry: ManifestModule, name: string): boolean {
  return entry.functions.some((f) => f.name === name);
}
