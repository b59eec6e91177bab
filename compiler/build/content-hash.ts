// An addon's file name carries the hash of everything that went into it, so
// new content always gets a new name and a loaded addon is never overwritten.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { hashText } from '../../runtime/project';
import { currentNodeTarget } from '../../runtime/manifest';
import type { BuildRecipe } from '../backend/backend';
import type { BuildFlags } from './flags';
import { nativeIncludeDir } from './package-root';

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(full));
    else if (entry.isFile()) out.push(full);
  }
  return out.sort();
}

const digests = new Map<string, string>();

/** The headers every addon includes: a change there must rebuild every addon. */
export function headersDigest(dir = path.join(nativeIncludeDir(), 'tsnative')): string {
  let digest = digests.get(dir);
  if (digest === undefined) {
    const parts = filesUnder(dir).map((f) => `${path.relative(dir, f)}\0${hashText(fs.readFileSync(f))}`);
    digest = hashText(parts.join('\n'));
    digests.set(dir, digest);
  }
  return digest;
}

export interface HashInputs {
  cpp: string;
  flags: BuildFlags;
  headers: string;
  /** The Node ABI: the same C++ built against other headers is another binary. */
  node: string;
  /** What the recipe's tool adds (toolInputs); absent for node-gyp, whose hashes stay as they were. */
  tool?: unknown;
}

export function defaultHashInputs(cpp: string, flags: BuildFlags, tool?: unknown): HashInputs {
  const t = currentNodeTarget();
  return { cpp, flags, headers: headersDigest(), node: `${t.version}/${t.modules}/${t.napi}`, tool };
}

/** What besides the flags decides an addon: for nvcc its version, the GPU architectures and the device flags. */
export function toolInputs(recipe: BuildRecipe): unknown {
  if (recipe.tool !== 'nvcc') return undefined;
  const { nvcc, architectures, deviceFlags } = recipe.cuda;
  return { nvcc, architectures, deviceFlags };
}

export function addonHash(inputs: HashInputs): string {
  // Include dirs are machine paths: moving the project must not change the hash.
  const flags = { cflags: inputs.flags.cflags, ldflags: inputs.flags.ldflags, defines: inputs.flags.defines };
  return hashText(JSON.stringify({ ...inputs, flags }));
}
