// The example programs, in the order the demo shows them. Each folder holds
// `<name>.ts` (the @native functions) and `main.ts` (the program).
export const EXAMPLES = ['stats', 'mandelbrot', 'nbody', 'matmul', 'spectral-norm', 'jacobi', 'monte-carlo-pi', 'histogram', 'image-blur'];
