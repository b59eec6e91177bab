// The addon exports that launch a @kernel: on the compiled CPU simulator
// (in the CPU addon) and on the GPU (in the CUDA addon). Not identifiers, so
// they never clash with a compiled function's name; offloadExport() of each
// is its launchAsync form.
export const simExport = (kernel: string): string => `sim:${kernel}`;
export const gpuExport = (kernel: string): string => `gpu:${kernel}`;
