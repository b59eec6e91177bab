// Everything the benchmark processes load, built before any timing starts:
// the TypeScript as tsc output (so plain JS runs in a process with no loader),
// the tsnative addons, and the hand-written C++ reference addon.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildFlags } from '../compiler/build/flags';
import { runNodeGyp } from '../compiler/build/node-gyp';
import { findNodeDir } from '../compiler/build/toolchain';
import { EXAMPLES } from '../examples/list';

export const ROOT = path.resolve(__dirname, '..');
export const OUT = path.join(ROOT, 'build', 'bench');
export const JS_OUT = path.join(OUT, 'js');
export const REFERENCE_OUT = path.join(OUT, 'reference', 'build', 'Release');

function step(what: string, cmd: string[]): void {
  const t0 = Date.now();
  const r = spawnSync(process.execPath, cmd, { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${what} failed:\n${r.stdout}${r.stderr}`);
  console.log(`  ${what} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
}

export function compileTypeScript(): void {
  step('tsc bench/ and examples/', [
    path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'),
    '-p',
    path.join(ROOT, 'bench', 'tsconfig.json'),
  ]);
}

export function buildNative(): void {
  const sources = [...EXAMPLES.map((e) => `examples/${e}/${e}.ts`), 'bench/kernels/saxpy.ts', 'bench/kernels/calls.ts'];
  step('tsnative build', [path.join(ROOT, 'bin', 'tsnative.js'), 'build', ...sources]);
}

/** The C++ flags of a tsnative addon without a prange: the reference gets the same ones (plus -fopenmp for its threaded build). */
export const REFERENCE_CFLAGS = buildFlags({ cflags: [] }, []).cflags;

/**
 * node-gyp in a copy of bench/reference under build/, against the running
 * node's headers; the copy's binding.gyp gets tsnative's current flags.
 */
export async function buildReference(): Promise<void> {
  const t0 = Date.now();
  const src = path.join(ROOT, 'bench', 'reference');
  const dir = path.join(OUT, 'reference');
  fs.mkdirSync(dir, { recursive: true });
  const gyp = JSON.parse(fs.readFileSync(path.join(src, 'binding.gyp'), 'utf8')) as { variables: Record<string, unknown> };
  gyp.variables.reference_cflags = REFERENCE_CFLAGS;
  const files: Record<string, string> = { 'binding.gyp': `${JSON.stringify(gyp, null, 2)}\n` };
  for (const f of fs.readdirSync(src).filter((f) => f.endsWith('.cc'))) files[f] = fs.readFileSync(path.join(src, f), 'utf8');
  const same = Object.entries(files).every(
    ([f, text]) => fs.existsSync(path.join(dir, f)) && fs.readFileSync(path.join(dir, f), 'utf8') === text,
  );
  if (same && ['reference.node', 'reference_omp.node'].every((f) => fs.existsSync(path.join(REFERENCE_OUT, f)))) {
    console.log('  node-gyp bench/reference (unchanged)');
    return;
  }
  for (const [f, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, f), text);
  const r = await runNodeGyp(['rebuild'], dir, { nodeDir: findNodeDir() });
  if (r.code !== 0) throw new Error(`node-gyp failed for the C++ reference:\n${r.output}`);
  console.log(`  node-gyp bench/reference, ${REFERENCE_CFLAGS.join(' ')} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
}
