// The example programs, in the order the demo shows them. Each folder holds
// `<name>.ts` (the @native functions) and `main.ts` (the program).
export const EXAMPLES = ['stats', 'mandelbrot', 'nbody', 'matmul', 'spectral-norm', 'jacobi', 'monte-carlo-pi', 'histogram', 'image-blur'];

// The GPU kernel programs: `<name>/<module>.ts` holds the @kernel functions, `main.ts` launches them.
export const KERNEL_EXAMPLES = [
  { name: 'saxpy-cuda', module: 'saxpy' },
  { name: 'reduce-cuda', module: 'reduce' },
  { name: 'stencil-cuda', module: 'stencil' },
] as const;

export const kernelSources = (): string[] => KERNEL_EXAMPLES.map((e) => `examples/${e.name}/${e.module}.ts`);
