// Normally distributed samples from a fixed linear congruential sequence
// (Box–Muller), so every run and every process sees the same data.
export function normalSamples(n: number): Float64Array {
  let state = 12345;
  const uniform = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state + 0.5) / 4294967296;
  };
  const xs = new Float64Array(n);
  for (let i = 0; i < n; i++) xs[i] = Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
  return xs;
}
