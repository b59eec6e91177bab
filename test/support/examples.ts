// Runs an example program the way the demo does, in its own process, and
// reads the one JSON line of timings it prints (examples/timing.ts).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Timing } from '../../examples/timing';

export const REPO = path.resolve(__dirname, '../..');
export const CLI = path.join(REPO, 'bin', 'tsnative.js');

/** The register hooks load dist/: a test of examples needs it built. */
export function requireDist(): void {
  if (!fs.existsSync(path.join(REPO, 'dist', 'runtime', 'register', 'esm.mjs'))) {
    throw new Error('dist/ is not built: run `npm run build:ts` first (npm test does)');
  }
}

/** `examples/<example>/main.ts` as plain JS, or with the register hook (strict, so a fallback to JS fails); `env` sizes it. */
export function runMain(example: string, register: boolean, env: Record<string, string> = {}): Timing[] {
  const base = { ...process.env };
  // The test's own environment must not choose targets, threads or strictness for the program.
  for (const k of Object.keys(base)) if (k.startsWith('TSNATIVE_') || k === 'NODE_OPTIONS') delete base[k];
  const args = ['--import', 'tsx', ...(register ? ['--import', 'tsnative/register'] : []), `examples/${example}/main.ts`];
  const r = spawnSync(process.execPath, args, {
    cwd: REPO,
    encoding: 'utf8',
    env: { ...base, REPEATS: '1', TSNATIVE_DEMO_JSON: '1', ...(register ? { TSNATIVE_STRICT: '1' } : {}), ...env },
  });
  const line = r.stdout.split('\n').find((l) => l.startsWith('{'));
  if (r.status !== 0 || !line) throw new Error(`${args.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return (JSON.parse(line) as { timings: Timing[] }).timings;
}
