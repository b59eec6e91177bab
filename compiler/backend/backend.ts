// What a back end is: it turns an optimised IR module into source files for
// one target, says how they are built and what they need, and reports what
// annotate shows (which generated lines belong to which function, which are
// fallback copies, and the run-time work each line does). The driver loops
// over the configured back ends; nothing else knows which targets exist.
import type { IrModule, Stmt } from '../ir/nodes';
import type { TargetCosts } from '../ir/opt';
import type { BuildFlags } from '../build/flags';
import type { CudaRecipe } from '../build/cuda-flags';
import type { ProjectConfig } from '../../runtime/project';

export type TargetName = 'cpu' | 'cuda';

/** What a module's code needs from the machine that builds and runs it. */
/** `contraction`: GPU code whose every function is `fastmath`, so nvcc may contract a*b+c into an FMA. */
export type Need = 'openmp' | 'simulator' | 'contraction';

/** Run-time work beyond plain arithmetic, by kind (annotate's legend). */
export type CostKind = 'boundary' | 'bounds' | 'convert' | 'throw' | 'call' | 'alloc' | 'parallel';

/** One piece of run-time work on a generated line: `text` is its spelling there. */
export interface LineCost {
  kind: CostKind;
  name: string;
  text: string;
}

/**
 * Generated lines [first, last] (1-based) of the main file: a function's body,
 * its entry from JS (argument checks), or a fallback copy inside a body (code
 * a versioned loop runs only when its test fails).
 */
export interface Region {
  kind: 'body' | 'entry' | 'fallback';
  /** The function's name in its source. */
  fn: string;
  first: number;
  last: number;
}

export interface EmittedFile {
  /** `.cc`, `.cu`: the build names the file. */
  extension: string;
  text: string;
}

export interface Emitted {
  target: TargetName;
  /** The first is the main file, which the line map, regions and costs are about. */
  files: EmittedFile[];
  /** Generated line → source line (of the module itself; code compiled in from others is left out). */
  lineMap: Map<number, number>;
  /** Lines that only name the source line below them (comments). */
  marks: Set<number>;
  regions: Region[];
  costs: Map<number, LineCost[]>;
  needs: Need[];
}

/** How the build step turns emitted files into an addon: node-gyp (C++), or nvcc (a .cu: compiler/build/cuda-flags.ts cudaRecipe). */
export type BuildRecipe = { tool: 'node-gyp'; flags: BuildFlags } | CudaRecipe;

export interface Backend {
  target: TargetName;
  /** The cost model's numbers that passes read. */
  costs: TargetCosts;
  /** The cost model: below this trip count a prange loop runs on one thread. */
  parallelThreshold(loop: Stmt & { k: 'prange' }): number;
  emit(ir: IrModule): Emitted;
  recipe(emitted: Emitted, project: Pick<ProjectConfig, 'cflags' | 'cudaArchitectures'>): BuildRecipe;
}
