// The compiler flags of a generated addon. They are part of its content hash:
// the same C++ built with other flags is another addon.
import type { ProjectConfig } from '../../runtime/project';
import type { Need } from '../backend/backend';
import { nativeIncludeDir } from './package-root';

export interface BuildFlags {
  /** C++ flags after node-gyp's own (so these win). */
  cflags: string[];
  ldflags: string[];
  defines: string[];
  includeDirs: string[];
}

// -ffp-contract=off: a contracted a*b+c (FMA) differs from JS (docs/internals.md).
// -fwrapv: integer wrap-around is defined, as the JS conversions expect.
// -fno-strict-aliasing: typed arrays of different kinds may view one buffer.
// -fno-trapping-math: nothing reads the FP exception flags, so conversions and
//   arithmetic may be hoisted out of branches (values are unchanged: every
//   operation still rounds as IEEE says); n-body ran 1.4x faster with it.
// -falign-loops=64: a hot loop that crosses a 64-byte line runs up to 1.8x
//   slower here (AMD EPYC). matmul's inner loop is 32 bytes or 34 by which
//   registers g++ picks; aligned to 32 it ran in 4.7 or 8.1 ms with the same
//   instructions, aligned to 64 in 4.9 ms either way. (The reference addon is
//   built alike.)
const BASE_CFLAGS = ['-std=c++17', '-O3', '-fwrapv', '-ffp-contract=off', '-fno-strict-aliasing', '-fno-trapping-math', '-falign-loops=64'];
// Generated code uses node_api.h alone (C++ exceptions carry faults to the entry point).
const DEFINES = ['NAPI_VERSION=8'];

/**
 * Only addons whose code runs OpenMP loops link libgomp. The kernel
 * simulator's threads are C++20 coroutines (native/tsnative/sim/sim.h), so an
 * addon with kernels is C++20; the rest stay C++17, whose precompiled header
 * every other addon shares.
 */
export function buildFlags(project: Pick<ProjectConfig, 'cflags'>, needs: readonly Need[]): BuildFlags {
  const openmp = needs.includes('openmp') ? ['-fopenmp'] : [];
  const base = needs.includes('simulator') ? BASE_CFLAGS.map((f) => (f === '-std=c++17' ? '-std=c++20' : f)) : BASE_CFLAGS;
  return {
    cflags: [...base, ...openmp, ...project.cflags],
    ldflags: [...openmp],
    defines: [...DEFINES],
    includeDirs: [nativeIncludeDir()],
  };
}
