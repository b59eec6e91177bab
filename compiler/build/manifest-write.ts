// Adds entries to <outDir>/manifest.json. Builds may run at the same time
// (two terminals, parallel test workers): each update takes a lock, re-reads
// the manifest, merges and renames a new file into place.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MANIFEST_VERSION, manifestPath, readManifest, type Manifest, type ManifestModule } from '../../runtime/manifest';
import { writeFileAtomic } from './atomic';
import { declarationFileName } from './stem';

export function mergeManifest(existing: Manifest | undefined, entries: readonly ManifestModule[], tsnativeVersion: string): Manifest {
  const modules: Record<string, ManifestModule> = { ...(existing?.modules ?? {}) };
  for (const entry of entries) modules[entry.source] = entry;
  const sorted: Record<string, ManifestModule> = {};
  for (const key of Object.keys(modules).sort()) sorted[key] = modules[key]!;
  return { version: MANIFEST_VERSION, tsnative: tsnativeVersion, modules: sorted };
}

/** Addon files the manifest no longer names after `next` replaced `previous`. */
export function orphanedAddons(previous: Manifest | undefined, next: Manifest): string[] {
  const kept = new Set(Object.values(next.modules).map((m) => m.addon));
  const before = new Set(Object.values(previous?.modules ?? {}).map((m) => m.addon));
  return [...before].filter((a) => !kept.has(a));
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
      else if (Date.now() > deadline) throw new Error(`tsnative: ${lock} is held by another build; remove it if no build is running`);
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
