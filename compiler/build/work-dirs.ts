// Each compile runs in a private directory named `<prefix><pid>-<random>`,
// removed when it ends, and on Ctrl-C by removeActiveTemps (stale-temps.ts
// removes those of a build that was killed).
import * as fs from 'node:fs';
import { randomBytes } from 'node:crypto';

const activeTemps = new Set<string>();

/** Removes the build directories of builds still running (on Ctrl-C). */
export function removeActiveTemps(): void {
  for (const dir of activeTemps) fs.rmSync(dir, { recursive: true, force: true });
  activeTemps.clear();
}

/** Runs `fn` in a new directory `<prefix><pid>-<random>`, removed afterwards whatever happens. */
export async function withWorkDir<T>(prefix: string, fn: (work: string) => Promise<T>): Promise<T> {
  const work = `${prefix}${process.pid}-${randomBytes(4).toString('hex')}`;
  activeTemps.add(work);
  try {
    fs.mkdirSync(work, { recursive: true });
    return await fn(work);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
    activeTemps.delete(work);
  }
}
