// Files other processes may read at any moment (addons, the manifest) are
// written under a temporary name and renamed into place: a reader sees the
// old file or the new one, never half of one. Temporary names live in
// <outDir>/.tmp so nothing half-written ever looks like an addon.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';

export const TMP_DIR = '.tmp';

export function tmpDirOf(outDir: string): string {
  return path.join(outDir, TMP_DIR);
}

export function tempName(outDir: string, base: string): string {
  const dir = tmpDirOf(outDir);
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, `${base}.${process.pid}-${randomBytes(4).toString('hex')}`);
}

/** Writes `file` (inside `outDir`) atomically. */
export function writeFileAtomic(outDir: string, file: string, data: string | Buffer): void {
  const tmp = tempName(outDir, path.basename(file));
  try {
    fs.writeFileSync(tmp, data);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.renameSync(tmp, file);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

/** Writes only when the content differs, so unchanged files keep their mtime. */
export function writeIfChanged(outDir: string, file: string, data: string): void {
  try {
    if (fs.readFileSync(file, 'utf8') === data) return;
  } catch {
    // absent: write it
  }
  writeFileAtomic(outDir, file, data);
}

/**
 * Publishes `built` as `dest` by rename, unless `dest` exists: an existing
 * content-addressed file already has this content, and replacing a file that
 * a running process has loaded is what must never happen. Returns whether
 * `dest` was created by this call.
 */
export function publishNew(outDir: string, built: string, dest: string): boolean {
  if (fs.existsSync(dest)) return false;
  const tmp = tempName(outDir, path.basename(dest));
  try {
    fs.copyFileSync(built, tmp);
    if (fs.existsSync(dest)) return false;
    fs.renameSync(tmp, dest);
    return true;
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

/**
 * Points the stable name `alias` at `target`'s content: a hard link (or copy)
 * made under a temporary name, then renamed over the alias. A process that
 * loaded the old alias keeps its own (unlinked) file.
 */
export function publishAlias(outDir: string, target: string, alias: string): void {
  try {
    const a = fs.statSync(alias);
    const t = fs.statSync(target);
    if (a.ino === t.ino && a.dev === t.dev) return;
  } catch {
    // no alias yet
  }
  const tmp = tempName(outDir, path.basename(alias));
  try {
    try {
      fs.linkSync(target, tmp);
    } catch {
      fs.copyFileSync(target, tmp);
    }
    fs.renameSync(tmp, alias);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}
