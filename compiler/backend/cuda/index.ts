// The CUDA back end: each module's @kernel functions as a .cu file of
// __global__ kernels and their N-API launchers, built with nvcc
// (compiler/build/nvcc-tool.ts).
import type { Backend } from '../backend';
import type { TargetCosts } from '../../ir/opt';
import { emitCudaModule } from './module';
import { cudaRecipe } from '../../build/cuda-flags';

const CUDA_COSTS: TargetCosts = {
  name: 'cuda',
  // A GPU thread runs one iteration: side-by-side lanes would only add registers.
  laneWidth: 1,
};

export const cudaBackend: Backend = {
  target: 'cuda',
  costs: CUDA_COSTS,
  // Kernels have no prange loops (the launch is the parallel loop).
  parallelThreshold: () => Number.POSITIVE_INFINITY,
  emit: emitCudaModule,
  recipe: cudaRecipe,
};
