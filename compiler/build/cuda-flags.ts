// How a cuda artefact is built: its recipe (cudaRecipe, which the CUDA back
// end returns), the GPU architectures and the device-code flags. The .cu
// holds the whole addon: the host side is the same node_api.h C++ as the
// CPU addon, built with the same flags (buildFlags, passed to the host
// compiler), and the device side gets flags that keep JS semantics.
//
// Architectures, by priority: TSNATIVE_CUDA_ARCHS (e.g. `86` for a fast test
// build), the project's `cudaArchitectures`, then DEFAULT_ARCHITECTURES as
// far as this nvcc builds them. Items: `86` or `sm_86` (machine code for
// compute capability 8.6), `compute_90` (PTX, compiled by the driver for that
// capability and later ones). Without a compute_ item, the PTX of the newest
// sm_ item is added, so GPUs newer than the list still run the addon.
import type { ProjectConfig } from '../../runtime/project';
import type { Need } from '../backend/backend';
import { cudaToolkit, type CudaToolkit } from './cuda-toolkit';
import { buildFlags, type BuildFlags } from './flags';

/** Turing (T4) to Blackwell (B200, RTX 50): the GPUs in use, one build each. */
export const DEFAULT_ARCHITECTURES = [75, 80, 86, 89, 90, 100, 120];

// --fmad=false: a contracted a*b+c (FMA) differs from JS; --ftz=false, --prec-div, --prec-sqrt:
// subnormals kept, IEEE-rounded division and square root (JS's). Each is nvcc's default but
// --use_fast_math turns them off, so they are stated.
export const DEVICE_FLAGS = ['--fmad=false', '--ftz=false', '--prec-div=true', '--prec-sqrt=true'];

export interface CudaSettings {
  /** What nvcc builds, in order: `sm_75` (machine code), `compute_120` (PTX). */
  architectures: string[];
  /** Where the list came from, for messages. */
  from: 'TSNATIVE_CUDA_ARCHS' | 'cudaArchitectures' | 'the default list';
  /** Items of that list that are not architectures, or that this nvcc cannot build (the build reports them). */
  unsupported: string[];
  deviceFlags: string[];
  /** nvcc's version line ('none' without nvcc: such a build fails before compiling). Part of the content hash. */
  nvcc: string;
}

export interface CudaRecipe {
  tool: 'nvcc';
  /** The host compiler's flags, as a CPU addon's. */
  flags: BuildFlags;
  cuda: CudaSettings;
}

/** `86` | `sm_86` → sm_86; `compute_90` → compute_90; anything else undefined. */
function parseItem(item: string): { kind: 'sm' | 'compute'; cc: number; suffix: string } | undefined {
  const m = /^(?:(sm|compute)_)?(\d{2,3})([af]?)$/.exec(item.trim());
  if (!m) return undefined;
  return { kind: m[1] === 'compute' ? 'compute' : 'sm', cc: Number(m[2]), suffix: m[3]! };
}

/** The requested items: TSNATIVE_CUDA_ARCHS, else the project's cudaArchitectures, else none. */
function requested(
  project: Pick<ProjectConfig, 'cudaArchitectures'>,
  env: NodeJS.ProcessEnv,
): { items: string[]; from: CudaSettings['from'] } {
  const fromEnv = (env.TSNATIVE_CUDA_ARCHS ?? '').split(/[\s,;]+/).filter((s) => s !== '');
  if (fromEnv.length > 0) return { items: fromEnv, from: 'TSNATIVE_CUDA_ARCHS' };
  const fromConfig = (project.cudaArchitectures ?? []).map(String).filter((s) => s.trim() !== '');
  if (fromConfig.length > 0) return { items: fromConfig, from: 'cudaArchitectures' };
  return { items: [], from: 'the default list' };
}

export function cudaSettings(
  project: Pick<ProjectConfig, 'cudaArchitectures'>,
  /** null: no nvcc here. */
  toolkit: CudaToolkit | null = cudaToolkit() ?? null,
  env: NodeJS.ProcessEnv = process.env,
): CudaSettings {
  const known = toolkit?.architectures ?? [];
  const builds = (cc: number): boolean => known.length === 0 || known.includes(cc);
  const { items, from } = requested(project, env);
  const unsupported: string[] = [];
  const machine: string[] = [];
  const ptx: string[] = [];
  if (items.length === 0) {
    for (const cc of DEFAULT_ARCHITECTURES.filter(builds)) machine.push(`sm_${cc}`);
  } else {
    for (const item of items) {
      const a = parseItem(item);
      if (!a || !builds(a.cc)) {
        unsupported.push(item);
        continue;
      }
      (a.kind === 'sm' ? machine : ptx).push(`${a.kind}_${a.cc}${a.suffix}`);
    }
  }
  // Without machine code from the default list (an nvcc older than Turing's), PTX for the oldest it knows.
  if (items.length === 0 && machine.length === 0 && known.length > 0) ptx.push(`compute_${known[0]}`);
  if (ptx.length === 0 && machine.length > 0) {
    const newest = machine.map((m) => Number(/\d+/.exec(m)![0])).reduce((a, b) => Math.max(a, b));
    ptx.push(`compute_${newest}`);
  }
  return {
    architectures: [...new Set([...machine, ...ptx])],
    from,
    unsupported,
    deviceFlags: DEVICE_FLAGS,
    nvcc: toolkit?.version ?? 'none',
  };
}

/** The recipe of a cuda artefact (the CUDA back end's `recipe`). */
export function cudaRecipe(emitted: { needs: readonly Need[] }, project: Pick<ProjectConfig, 'cflags' | 'cudaArchitectures'>): CudaRecipe {
  const settings = cudaSettings(project);
  // `fastmath` on every kernel of the module (nvcc contracts per file, not per function): FMA allowed.
  const deviceFlags = emitted.needs.includes('contraction')
    ? settings.deviceFlags.map((f) => (f === '--fmad=false' ? '--fmad=true' : f))
    : settings.deviceFlags;
  return { tool: 'nvcc', flags: buildFlags(project, emitted.needs), cuda: { ...settings, deviceFlags } };
}

/** nvcc's -gencode options for the architectures: machine code for sm_N, PTX for compute_N. */
export function gencodeFlags(architectures: readonly string[]): string[] {
  return architectures.map((a) => {
    const [kind, cc] = a.split('_') as [string, string];
    return kind === 'sm' ? `-gencode=arch=compute_${cc},code=${a}` : `-gencode=arch=${a},code=${a}`;
  });
}
