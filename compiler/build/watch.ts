// Rebuild on save. fs.watch reports renames, touches and partial writes
// (editors save in several steps, and often by renaming a temporary file over
// the source), so an event only starts a quiet period; after it the sources
// are hashed and a build runs only if some content really changed. The
// directories that hold the sources are watched rather than the files, so a
// save by rename is seen, and so is a new file joining a directory input.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { hashFile } from '../../runtime/project';

export interface WatchedInputs {
  files: string[];
  /** Directories to watch besides those holding `files` (directory and glob inputs, where new files appear). */
  dirs: string[];
}

export interface WatchOptions {
  /** The sources now; asked again after every build. May throw (a named file was deleted): reported, then retried on the next event. */
  inputs: () => WatchedInputs;
  /** Runs one build at a time; `changed` are the sources whose content differs from the last build's (all of them, the first time). */
  rebuild: (changed: string[]) => Promise<void>;
  onError: (e: unknown) => void;
  debounceMs?: number;
}

export interface SourceWatcher {
  /** The number of sources watched now. */
  readonly count: number;
  close(): void;
}

function snapshot(files: readonly string[]): Map<string, string> {
  const hashes = new Map<string, string>();
  for (const f of files) {
    try {
      hashes.set(f, hashFile(f));
    } catch {
      // Deleted between listing and hashing: absent from this snapshot.
    }
  }
  return hashes;
}

function changedFiles(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): string[] {
  const changed = [...after].filter(([f, h]) => before.get(f) !== h).map(([f]) => f);
  const removed = [...before.keys()].filter((f) => !after.has(f));
  return [...changed, ...removed];
}

export function watchSources(opts: WatchOptions): SourceWatcher {
  const watchers = new Map<string, fs.FSWatcher>();
  let hashes = new Map<string, string>();
  let timer: NodeJS.Timeout | undefined;
  let building = false;
  let again = false;
  let closed = false;

  const current = (): WatchedInputs | undefined => {
    try {
      return opts.inputs();
    } catch (e) {
      opts.onError(e);
      return undefined;
    }
  };

  const watchDirs = (inputs: WatchedInputs): void => {
    const wanted = new Set([...inputs.files.map((f) => path.dirname(f)), ...inputs.dirs]);
    for (const [dir, w] of watchers) {
      if (!wanted.has(dir)) {
        w.close();
        watchers.delete(dir);
      }
    }
    for (const dir of wanted) {
      if (watchers.has(dir) || !fs.existsSync(dir)) continue;
      const w = fs.watch(dir, { persistent: true }, schedule);
      w.on('error', (e) => opts.onError(e));
      watchers.set(dir, w);
    }
  };

  const run = async (): Promise<void> => {
    timer = undefined;
    if (closed) return;
    if (building) {
      again = true;
      return;
    }
    const inputs = current();
    if (!inputs) return;
    const next = snapshot(inputs.files);
    const changed = changedFiles(hashes, next);
    // Taken before the build: a save during the build is a change for the next one.
    hashes = next;
    watchDirs(inputs);
    if (changed.length === 0) return;
    building = true;
    try {
      await opts.rebuild(changed);
    } catch (e) {
      opts.onError(e);
    } finally {
      building = false;
    }
    if (again) {
      again = false;
      schedule();
    }
  };

  function schedule(): void {
    if (closed) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void run(), opts.debounceMs ?? 150);
  }

  // The first build is the first change: every source is new.
  void run();
  return {
    get count() {
      return hashes.size;
    },
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      for (const w of watchers.values()) w.close();
      watchers.clear();
    },
  };
}
