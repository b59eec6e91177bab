// The launch configuration: its shape and CUDA's limits, checked before any
// target runs, so every target refuses the same configurations with the same
// messages. The limits are a parameter: a GPU launch passes its device's.
import { describeValue } from './typed-arrays';
import type { Dim3 } from './thread-state';

/** A grid or block size: `n` (that is, [n, 1, 1]), `[x]`, `[x, y]` or `[x, y, z]`. */
export type Dim = number | readonly [number] | readonly [number, number] | readonly [number, number, number];

export interface LaunchConfig {
  /** Blocks in the grid. */
  grid: Dim;
  /** Threads in a block. */
  block: Dim;
  /** Dynamic shared memory per block, in bytes (default 0). */
  sharedBytes?: number;
}

export interface LaunchLimits {
  maxBlockDim: Dim3;
  maxThreadsPerBlock: number;
  maxGridDim: Dim3;
  /** Shared memory per block, static and dynamic together. */
  maxSharedBytes: number;
}

/** What every CUDA device since compute capability 3.0 allows, with the 48 KiB of shared memory a block gets without opting in to more. */
export const DEFAULT_LIMITS: LaunchLimits = {
  maxBlockDim: [1024, 1024, 64],
  maxThreadsPerBlock: 1024,
  maxGridDim: [2 ** 31 - 1, 65535, 65535],
  maxSharedBytes: 48 * 1024,
};

export interface LaunchShape {
  grid: Dim3;
  block: Dim3;
  sharedBytes: number;
}

const AXES = ['x', 'y', 'z'] as const;
const KEYS = new Set(['grid', 'block', 'sharedBytes']);

function dim(kernel: string, field: 'grid' | 'block', value: unknown, max: Dim3): Dim3 {
  if (value === undefined) throw new TypeError(`launch(${kernel}): config.${field} is missing`);
  const dims = typeof value === 'number' ? [value] : value;
  if (!Array.isArray(dims) || dims.length < 1 || dims.length > 3) {
    throw new TypeError(`launch(${kernel}): config.${field} must be a number or an array of 1 to 3 numbers, got ${describeValue(value)}`);
  }
  const out: number[] = [1, 1, 1];
  dims.forEach((d: unknown, i: number) => {
    const name = `config.${field}.${AXES[i]}`;
    if (typeof d !== 'number') throw new TypeError(`launch(${kernel}): ${name} must be a number, got ${describeValue(d)}`);
    if (!Number.isInteger(d) || d < 1 || d > max[i]) {
      throw new RangeError(`launch(${kernel}): ${name} must be an integer from 1 to ${max[i]}, got ${describeValue(d)}`);
    }
    out[i] = d;
  });
  return out as unknown as Dim3;
}

/** Checks a launch configuration against `limits`; errors name the kernel, the field and its value. */
export function launchShape(kernel: string, config: unknown, limits: LaunchLimits = DEFAULT_LIMITS): LaunchShape {
  if (typeof config !== 'object' || config === null || Array.isArray(config)) {
    throw new TypeError(`launch(${kernel}): expected a config object { grid, block, sharedBytes? }, got ${describeValue(config)}`);
  }
  for (const key of Object.keys(config)) {
    if (!KEYS.has(key))
      throw new TypeError(`launch(${kernel}): unknown config field ${JSON.stringify(key)} (expected grid, block, sharedBytes)`);
  }
  const c = config as Record<string, unknown>;
  const grid = dim(kernel, 'grid', c.grid, limits.maxGridDim);
  const block = dim(kernel, 'block', c.block, limits.maxBlockDim);
  const threads = block[0] * block[1] * block[2];
  if (threads > limits.maxThreadsPerBlock) {
    throw new RangeError(
      `launch(${kernel}): config.block is [${block.join(', ')}], ${threads} threads; a block may have at most ${limits.maxThreadsPerBlock}`,
    );
  }
  const sharedBytes = c.sharedBytes ?? 0;
  if (typeof sharedBytes !== 'number') {
    throw new TypeError(`launch(${kernel}): config.sharedBytes must be a number, got ${describeValue(sharedBytes)}`);
  }
  if (!Number.isInteger(sharedBytes) || sharedBytes < 0 || sharedBytes > limits.maxSharedBytes) {
    throw new RangeError(
      `launch(${kernel}): config.sharedBytes must be an integer from 0 to ${limits.maxSharedBytes}, got ${describeValue(sharedBytes)}`,
    );
  }
  return { grid, block, sharedBytes };
}
