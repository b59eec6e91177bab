// Temporary files and build directories are named `<base>.<pid>-<random>`;
// those of a build that died (killed, power cut) are removed by the next one.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tmpDirOf } from './atomic';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function removeStaleTemps(outDir: string): void {
  const dir = tmpDirOf(outDir);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(/\.(\d+)-[0-9a-f]+$/.exec(name)?.[1]);
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && !alive(pid)) {
      fs.rmSync(path.join(dir, name), { recursive: true, force: true });
    }
  }
}
