// The targets the loader can run a module's functions on, best first: the
// first that was built and whose probe says this machine can run it. Targets
// a manifest names that are not listed here are never loaded for them.

/** Whether this machine can run a target's addons; `why` says what is missing. */
export type Probe = { usable: true } | { usable: false; why: string };

export interface RuntimeTarget {
  name: string;
  /** Asked at most once per process (see target-choice.ts): it may be slow, and the answer must not change under a program. */
  probe(): Probe;
}

// The CUDA addon of a module holds only its kernels' GPU launchers: the
// module's @native functions and the kernels' CPU simulator are in its cpu
// addon, which is always the one loaded. The kernel loader
// (runtime/kernel-loader.ts) loads the CUDA addon beside it, and each launch
// picks the GPU or the simulator (runtime/cuda/gpu-status.ts).
export const RUNTIME_TARGETS: readonly RuntimeTarget[] = [{ name: 'cpu', probe: () => ({ usable: true }) }];
