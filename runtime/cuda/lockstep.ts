// The JS simulator: runs a kernel as plain JS, block after block (x fastest,
// then y, z), thread after thread within a block (the same order). A kernel
// without barriers runs each thread to completion. A kernel with barriers
// runs as generators (barrier-rewrite.ts): every thread of the block runs
// until it pauses at a barrier or returns, and the block goes on only when
// all of them wait at the same barrier. This is the oracle the compiled
// simulator is compared with, so the order is part of the contract.
import * as fs from 'node:fs';
import { rewriteBarriers, sourceBarrierLines, type BarrierProgram } from './barrier-rewrite';
import { captureScope, type FunctionLocation } from './scope-capture';
import { sourceLine } from './script-lines';
import type { LaunchShape } from './launch-config';
import { enterRun, formatIndex, restoreRun, type BlockState, type KernelRun, type ThreadState } from './thread-state';

export interface LockstepOptions {
  /** The name errors give the kernel. */
  kernel: string;
  /** Static and dynamic shared memory a block may use. */
  maxSharedBytes: number;
  /** The TypeScript source the kernel came from, when known: barrier errors then give its lines. */
  source?: string;
}

type GeneratorFactory = (...free: unknown[]) => (...args: unknown[]) => Generator<number, unknown, undefined>;

interface Prepared {
  program: BarrierProgram | undefined;
  /** Factories by the names they take (the names found in scope do not change, but are checked). */
  factories: Map<string, GeneratorFactory>;
}

const prepared = new WeakMap<Function, Prepared>();

function prepare(kernel: Function, name: string): Prepared {
  let p = prepared.get(kernel);
  if (!p) {
    p = { program: rewriteBarriers(name, Function.prototype.toString.call(kernel)), factories: new Map() };
    prepared.set(kernel, p);
  }
  return p;
}

// Sloppy functions (other than arrows and methods) have their own `caller`; the generator keeps the kernel's mode.
function isStrict(kernel: Function): boolean {
  return !Object.prototype.hasOwnProperty.call(kernel, 'caller');
}

function factoryFor(kernel: Function, name: string, p: Prepared, program: BarrierProgram, names: string[]): GeneratorFactory {
  const key = names.join(',');
  let f = p.factories.get(key);
  if (!f) {
    const body =
      (isStrict(kernel) ? "'use strict';\n" : '') +
      `return ${program.generator};\n//# sourceURL=tsnative-js-simulator/${encodeURIComponent(name)}.js`;
    // The kernel's own realm compiles it, so its globals are the kernel's.
    const Fn = (typeof kernel.constructor === 'function' ? kernel.constructor : Function) as FunctionConstructor;
    f = new Fn(...names, body) as GeneratorFactory;
    p.factories.set(key, f);
  }
  return f;
}

function lineOf(text: string, offset: number): number {
  let line = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * 1-based lines of the barrier sites: in the TypeScript source the binding
 * names, else as the script's source map gives them, else in the script.
 */
function siteLines(kernel: Function, program: BarrierProgram, location: FunctionLocation | undefined, opts: LockstepOptions): number[] {
  if (opts.source) {
    try {
      const lines = sourceBarrierLines(opts.source, fs.readFileSync(opts.source, 'utf8'), opts.kernel, program.siteOffsets.length);
      if (lines) return lines;
    } catch {
      // An unreadable source falls back to the script.
    }
  }
  const text = Function.prototype.toString.call(kernel);
  const anchor = lineOf(text, program.anchorOffset);
  return program.siteOffsets.map((o) => {
    const line = lineOf(text, o);
    if (!location) return line - anchor + 1;
    // V8 locates a function at its parameter list; positions on that line are offset by its column.
    const column = line === anchor ? location.columnNumber + o - program.anchorOffset : o - text.lastIndexOf('\n', o - 1) - 1;
    return sourceLine(location.scriptId, location.lineNumber + line - anchor, column);
  });
}

function newBlock(): BlockState {
  return { x: 0, y: 0, z: 0, shared: [], sharedBy: [], sharedBytes: 0 };
}

function threadsOf(block: readonly [number, number, number]): ThreadState[] {
  const threads: ThreadState[] = [];
  for (let z = 0; z < block[2]; z++)
    for (let y = 0; y < block[1]; y++) for (let x = 0; x < block[0]; x++) threads.push({ x, y, z, sharedCalls: 0 });
  return threads;
}

const DONE = -1;

/** Runs `kernel` over the grid of `shape` in JS; errors thrown by the kernel propagate unchanged. */
export function runLockstep(kernel: Function, shape: LaunchShape, args: readonly unknown[], opts: LockstepOptions): void {
  const p = prepare(kernel, opts.kernel);
  const program = p.program;
  let start: ((...args: unknown[]) => Generator<number, unknown, undefined>) | undefined;
  let location: FunctionLocation | undefined;
  if (program) {
    // Captured at every launch, not once: a module variable the kernel reads may have changed since the last.
    const scope = captureScope(kernel, program.identifiers);
    const outer = scope.names.filter((n) => program.assigned.has(n));
    if (outer.length > 0) {
      throw new Error(
        `${opts.kernel}: the kernel assigns to ${outer.join(', ')}, declared outside it; the JS simulator runs a kernel with barriers ` +
          'on a copy of the variables around it, so the write would be lost. Write results to an array argument instead.',
      );
    }
    location = scope.location;
    start = factoryFor(kernel, opts.kernel, p, program, scope.names)(...scope.values);
  }
  const threads = threadsOf(shape.block);
  const run: KernelRun = {
    kernel: opts.kernel,
    grid: shape.grid,
    block: shape.block,
    maxSharedBytes: opts.maxSharedBytes,
    dynamicSharedBytes: shape.sharedBytes,
    blockState: newBlock(),
    thread: threads[0],
    lockstep: program !== undefined,
  };
  const outer = enterRun(run);
  try {
    const [gx, gy, gz] = shape.grid;
    for (let bz = 0; bz < gz; bz++) {
      for (let by = 0; by < gy; by++) {
        for (let bx = 0; bx < gx; bx++) {
          const block = newBlock();
          block.x = bx;
          block.y = by;
          block.z = bz;
          run.blockState = block;
          for (const t of threads) t.sharedCalls = 0;
          if (start) runBarrierBlock(run, threads, start, args, () => siteLines(kernel, program as BarrierProgram, location, opts));
          else {
            for (const t of threads) {
              run.thread = t;
              Reflect.apply(kernel, undefined, args);
            }
          }
        }
      }
    }
  } finally {
    restoreRun(outer);
  }
}

function runBarrierBlock(
  run: KernelRun,
  threads: ThreadState[],
  start: (...args: unknown[]) => Generator<number, unknown, undefined>,
  args: readonly unknown[],
  lines: () => number[],
): void {
  const n = threads.length;
  const gens: Generator<number, unknown, undefined>[] = [];
  for (const t of threads) {
    run.thread = t;
    gens.push(Reflect.apply(start, undefined, args));
  }
  const at = new Array<number>(n).fill(0);
  for (;;) {
    let waiting = -1;
    for (let i = 0; i < n; i++) {
      if (at[i] === DONE) continue;
      run.thread = threads[i];
      const r = gens[i].next();
      if (r.done) at[i] = DONE;
      else {
        at[i] = r.value;
        if (waiting < 0) waiting = i;
      }
    }
    if (waiting < 0) return;
    const site = at[waiting];
    for (let i = 0; i < n; i++) {
      if (at[i] !== site) throw divergence(run, threads, waiting, i, at, lines());
    }
  }
}

function divergence(run: KernelRun, threads: ThreadState[], waiting: number, other: number, at: number[], lines: number[]): Error {
  const block = formatIndex(run.blockState);
  const elsewhere =
    at[other] === DONE ? 'which returned without reaching it' : `which waits at the cuda.syncthreads() at line ${lines[at[other]]}`;
  return new Error(
    `${run.kernel}: cuda.syncthreads() at line ${lines[at[waiting]]} was reached by thread ${formatIndex(threads[waiting])} ` +
      `of block ${block} but not by thread ${formatIndex(threads[other])}, ${elsewhere}; every thread of a block must reach the same barriers`,
  );
}
