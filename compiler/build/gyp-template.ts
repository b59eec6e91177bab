// A configured node-gyp build, made once per set of flags and reused by every
// addon built with them. Every addon has the same gyp target and source file
// name, so their binding.gyp files are identical for identical flags, and the
// configure step (python gyp, about 0.5 s) need not run again. The template
// also holds the precompiled tsnative.h: most of an addon's compile time is
// its headers (node-addon-api's napi.h alone is 0.9 s here), the same for
// every addon. GCC uses the .gch only when its flags match and otherwise reads
// the header itself, so the cache can make a build faster, never different.
// It lives outside the project (like node-gyp's own header cache).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { currentNodeTarget } from '../../runtime/manifest';
import { hashText } from '../../runtime/project';
import { bindingGyp } from './binding-gyp';
import { headersDigest } from './content-hash';
import type { BuildFlags } from './flags';
import { runNodeGyp, type GypOptions } from './node-gyp';
import { cxxVersion } from './toolchain';
import { nativeIncludeDir } from './package-root';

/** The gyp target (also NODE_GYP_MODULE_NAME, which napi.h reads) and source of every addon build. */
export const GYP_TARGET = 'tsnative_addon';
export const GYP_SOURCE = 'tsnative_addon.cc';

function cacheRoot(): string {
  return process.env.TSNATIVE_CACHE_DIR ?? path.join(os.homedir(), '.cache', 'tsnative');
}

function templateDir(flags: BuildFlags, opts: GypOptions): string {
  const key = hashText(
    // The binding.gyp text too: a template configured by another version of it is another template.
    JSON.stringify({
      gyp: bindingGyp(GYP_TARGET, GYP_SOURCE, flags),
      node: currentNodeTarget(),
      nodeDir: opts.nodeDir,
      headers: headersDigest(),
      cxx: cxxVersion(),
    }),
  );
  return path.join(cacheRoot(), 'gyp', key.slice(0, 16));
}

/** The binding.gyp of a template: the precompiled header's directory first in the include path. */
function templateGyp(dir: string, flags: BuildFlags): string {
  return bindingGyp(GYP_TARGET, GYP_SOURCE, { ...flags, includeDirs: [path.join(dir, 'pch'), ...flags.includeDirs] });
}

/** Builds tsnative.h.gch with the exact command make would compile an addon with (`make -n`). */
function precompileHeader(tmp: string): void {
  const dry = spawnSync('make', ['-n', 'V=1', '-C', path.join(tmp, 'build')], { encoding: 'utf8' });
  const line = (dry.stdout ?? '')
    .split('\n')
    .find((l) => l.includes(`../${GYP_SOURCE}`) && / -c\s*$/.test(l) && !l.trimStart().startsWith('printf'));
  if (!line) return;
  const out = path.join(tmp, 'pch', 'tsnative', 'tsnative.h.gch');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const header = path.join(nativeIncludeDir(), 'tsnative', 'tsnative.h');
  const command = line
    .trim()
    .replace(/-o \S+ \.\.\/\S+/, `-x c++-header '${header}' -o '${out}'`)
    .replace(/-MMD -MF \S+/, '')
    .replace(/\s-c\s*$/, '');
  const r = spawnSync('sh', ['-c', command], { cwd: path.join(tmp, 'build'), encoding: 'utf8' });
  if (r.status !== 0) fs.rmSync(out, { force: true });
}

const pending = new Map<string, Promise<string | undefined>>();

/** The configured template for these flags, made on first use; undefined when it cannot be (then builds configure as before). */
export function ensureTemplate(flags: BuildFlags, opts: GypOptions): Promise<string | undefined> {
  const dir = templateDir(flags, opts);
  let p = pending.get(dir);
  if (!p) {
    p = makeTemplate(dir, flags, opts);
    pending.set(dir, p);
  }
  return p;
}

async function makeTemplate(dir: string, flags: BuildFlags, opts: GypOptions): Promise<string | undefined> {
  if (fs.existsSync(path.join(dir, '.ready'))) return dir;
  const tmp = `${dir}.${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    fs.mkdirSync(tmp, { recursive: true });
    fs.writeFileSync(path.join(tmp, 'binding.gyp'), templateGyp(dir, flags));
    fs.writeFileSync(path.join(tmp, GYP_SOURCE), '#include <tsnative/tsnative.h>\n');
    const run = await runNodeGyp(['configure'], tmp, opts);
    if (run.code !== 0) throw new Error(run.output);
    precompileHeader(tmp);
    fs.writeFileSync(path.join(tmp, '.ready'), '');
    try {
      fs.renameSync(tmp, dir);
    } catch {
      // Another build published the same template first: use that one.
    }
    return fs.existsSync(path.join(dir, '.ready')) ? dir : undefined;
  } catch {
    return undefined;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** A work directory for one addon: the template's binding.gyp and configured build/, and the addon's C++. */
export function prepareWork(template: string, work: string, cpp: string): void {
  // Timestamps kept: a binding.gyp newer than the Makefile would make make re-run gyp.
  fs.cpSync(path.join(template, 'binding.gyp'), path.join(work, 'binding.gyp'), { preserveTimestamps: true });
  fs.cpSync(path.join(template, 'build'), path.join(work, 'build'), { recursive: true, preserveTimestamps: true });
  fs.writeFileSync(path.join(work, GYP_SOURCE), cpp);
}
