// Decides whether a source module's addon may be used, by the loader rule in
// docs/internals.md. Manifests and source hashes are read once per process:
// the answer must not change under a running program, and the check runs on
// every module load.
import * as path from 'node:path';
import { findProject, hashFile, moduleKey, type ProjectConfig } from './project';
import { displayPath } from './display-path';
import {
  currentNodeTarget,
  inspectManifest,
  manifestPath,
  MANIFEST_VERSION,
  type ManifestModule,
  type ManifestOnDisk,
  type NodeTarget,
} from './manifest';
import { chooseTarget, clearProbes } from './target-choice';

export type StaleCode = 'TSNATIVE_MISSING' | 'TSNATIVE_STALE' | 'TSNATIVE_NODE_MISMATCH';

export type ModuleStatus =
  /** `target` is the one chosen among those built (target-choice.ts); `addonPath` is its addon. */
  | { fresh: true; project: ProjectConfig; key: string; entry: ManifestModule; target: string; addonPath: string }
  | { fresh: false; project: ProjectConfig; key: string; entry?: ManifestModule; code: StaleCode; why: string };

const projects = new Map<string, ProjectConfig>();
const manifests = new Map<string, ManifestOnDisk>();
const hashes = new Map<string, string | undefined>();
const statuses = new Map<string, ModuleStatus>();

/** Forget everything read so far (tests; a long-lived tool that rebuilds). */
export function clearFreshnessCaches(): void {
  projects.clear();
  manifests.clear();
  hashes.clear();
  statuses.clear();
  clearProbes();
}

/** `map`'s value for `key`, made once (undefined is a value too). */
function cached<V>(map: Map<string, V>, key: string, make: () => V): V {
  if (!map.has(key)) map.set(key, make());
  return map.get(key) as V;
}

export function projectOf(sourceFile: string): ProjectConfig {
  return cached(projects, path.dirname(sourceFile), () => findProject(sourceFile));
}

export function manifestOf(project: ProjectConfig): ManifestOnDisk {
  return cached(manifests, project.outDir, () => inspectManifest(project.outDir));
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

function decide(sourceFile: string): ModuleStatus {
  const project = projectOf(sourceFile);
  const key = moduleKey(project, sourceFile);
  const found = manifestOf(project);
  if (found.kind === 'none') {
    return {
      fresh: false,
      project,
      key,
      code: 'TSNATIVE_MISSING',
      why: `no build found (${displayPath(manifestPath(project.outDir))} does not exist)`,
    };
  }
  if (found.kind === 'other-version') {
    // Its fields mean something else (version 1 had one addon per module): rebuilding rewrites it.
    const by = found.version < MANIFEST_VERSION ? 'an older' : 'a newer';
    return {
      fresh: false,
      project,
      key,
      code: 'TSNATIVE_STALE',
      why: `the build in ${displayPath(project.outDir)} was made by ${by} version of tsnative`,
    };
  }
  const entry = found.manifest.modules[key];
  if (!entry) return { fresh: false, project, key, code: 'TSNATIVE_MISSING', why: `${key} has not been built` };
  if (entry.sourceHash !== sourceHash(sourceFile)) {
    return { fresh: false, project, key, entry, code: 'TSNATIVE_STALE', why: `${key} changed since it was built` };
  }
  for (const dep of entry.dependencies ?? []) {
    if (dep.sourceHash !== sourceHash(path.resolve(project.root, dep.source))) {
      return {
        fresh: false,
        project,
        key,
        entry,
        code: 'TSNATIVE_STALE',
        why: `it calls @native code of ${dep.source}, which changed since ${key} was built`,
      };
    }
  }
  const here = currentNodeTarget();
  if (!entry.node || !sameTarget(entry.node, here)) {
    const built = entry.node ? describeTarget(entry.node) : 'an unknown Node';
    return {
      fresh: false,
      project,
      key,
      entry,
      code: 'TSNATIVE_NODE_MISMATCH',
      why: `its addon was built for ${built}, this is ${describeTarget(here)}`,
    };
  }
  const choice = chooseTarget(entry.targets ?? {}, project.outDir);
  if (!choice.ok) return { fresh: false, project, key, entry, code: 'TSNATIVE_MISSING', why: choice.why };
  return { fresh: true, project, key, entry, target: choice.target, addonPath: choice.addonPath };
}

/** The loader rule for a whole source module (the per-function part is `lists`). */
export function moduleStatus(sourceFile: string): ModuleStatus {
  const abs = path.resolve(sourceFile);
  return cached(statuses, abs, () => decide(abs));
}

export function lists(entry: ManifestModule, name: string): boolean {
  return entry.functions.some((f) => f.name === name);
}
