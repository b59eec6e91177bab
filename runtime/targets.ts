// The targets the loader can run, best first. A module built for several
// runs on the first of them whose probe says this machine can run it, so a
// GPU target goes before `cpu`, with a probe that looks for a device: where
// there is none, the same build runs on the CPU. Targets a manifest names
// that are not listed here are never loaded.

/** Whether this machine can run a target's addons; `why` says what is missing. */
export type Probe = { usable: true } | { usable: false; why: string };

export interface RuntimeTarget {
  name: string;
  /** Asked at most once per process (see target-choice.ts): it may be slow, and the answer must not change under a program. */
  probe(): Probe;
}

/**
 * A cuda addon holds everything its cpu addon has (and the CPU simulator for
 * its kernels), and loads without a GPU or driver (the CUDA runtime is linked
 * in; runtime/cuda/gpu-status.ts says where its kernels run), so it is always
 * usable unless the simulator is asked for.
 */
export function cudaProbe(env: NodeJS.ProcessEnv = process.env): Probe {
  return env.TSNATIVE_CUDA === 'sim' ? { usable: false, why: 'TSNATIVE_CUDA=sim' } : { usable: true };
}

export const RUNTIME_TARGETS: readonly RuntimeTarget[] = [
  { name: 'cuda', probe: () => cudaProbe() },
  { name: 'cpu', probe: () => ({ usable: true }) },
];
