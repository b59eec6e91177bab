// Adds entries to <outDir>/manifest.json. Builds may run at the same time
// (two terminals, parallel test workers): each update takes a lock, re-reads
// the manifest, merges and renames a new file into place.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MANIFEST_VERSION, manifestPath, readManifest, type Manifest, type ManifestModule } from '../../runtime/manifest';
import { writeFileAtomic } from './atomic';
import { declarationFileName } from './stem';

/** Same source, callees, inputs and Node: two entries describe one build, whose targets may be recorded one at a time. */
function sameBuild(a: ManifestModule, b: ManifestModule): boolean {
  return (
    a.sourceHash === b.sourceHash &&
    JSON.stringify(a.dependencies ?? []) === JSON.stringify(b.dependencies ?? []) &&
    a.inputsKey === b.inputsKey &&
    JSON.stringify(a.node) === JSON.stringify(b.node)
  );
}

/**
 * `entries` (in order) into `existing`: an entry of the same build as the
 * module's current one adds its targets to it; any other replaces it, so no
 * target of an older build survives beside a newer one.
 */
export function mergeManifest(existing: Manifest | undefined, entries: readonly ManifestModule[], tsnativeVersion: string): Manifest {
  const modules: Record<string, ManifestModule> = { ...(existing?.modules ?? {}) };
  for (const entry of entries) {
    const before = modules[entry.source];
    modules[entry.source] = before && sameBuild(before, entry) ? { ...entry, targets: { ...before.targets, ...entry.targets } } : entry;
  }
  const sorted: Record<string, ManifestModule> = {};
  for (const key of Object.keys(modules).sort()) sorted[key] = modules[key]!;
  return { version: MANIFEST_VERSION, tsnative: tsnativeVersion, modules: sorted };
}

function addonsOf(m: Manifest | undefined): Set<string> {
  return new Set(Object.values(m?.modules ?? {}).flatMap((entry) => Object.values(entry.targets ?? {}).map((t) => t.addon)));
}

/** Addon files (of any target) the manifest no longer names after `next` replaced `previous`. */
export function orphanedAddons(previous: Manifest | undefined, next: Manifest): string[] {
  const kept = addonsOf(next);
  return [...addonsOf(previous)].filter((a) => !kept.has(a));
}

const LOCK_STALE_MS = 30_000;
const LOCK_WAIT_MS = 60_000;

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function holderIsGone(lock: string): boolean {
  try {
    const pid = Number(fs.readFileSync(lock, 'utf8'));
    if (Number.isInteger(pid) && pid > 0) {
      try {
        process.kill(pid, 0);
      } catch (e) {
        return (e as NodeJS.ErrnoException).code === 'ESRCH';
      }
    }
    return Date.now() - fs.statSync(lock).mtimeMs > LOCK_STALE_MS;
  } catch {
    return false;
  }
}

/** Runs `fn` holding <outDir>/manifest.json.lock (held for milliseconds: a read, a merge, a rename). */
export function withManifestLock<T>(outDir: string, fn: () => T): T {
  fs.mkdirSync(outDir, { recursive: true });
  const lock = `${manifestPath(outDir)}.lock`;
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      if (holderIsGone(lock)) fs.rmSync(lock, { force: true });
      else if (Date.now() > deadline)
        throw new Error(`tsnative: ${lock} is held by another build; remove it if no build is running`, { cause: e });
      else sleep(20);
    }
  }
  try {
    return fn();
  } finally {
    fs.rmSync(lock, { force: true });
  }
}

/**
 * Records `entries` in the manifest and deletes the addons (and their .d.ts)
 * that no entry names any more. Deleting is safe for running processes: an
 * unlinked addon stays mapped in a process that loaded it.
 */
export function updateManifest(outDir: string, entries: readonly ManifestModule[], tsnativeVersion: string): Manifest {
  return withManifestLock(outDir, () => {
    const previous = readManifest(outDir);
    const next = mergeManifest(previous, entries, tsnativeVersion);
    writeFileAtomic(outDir, manifestPath(outDir), `${JSON.stringify(next, null, 2)}\n`);
    for (const addon of orphanedAddons(previous, next)) {
      fs.rmSync(path.join(outDir, addon), { force: true });
      fs.rmSync(path.join(outDir, declarationFileName(addon)), { force: true });
    }
    return next;
  });
}
