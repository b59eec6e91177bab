// cuda.shared.array in the simulator: a block's shared arrays are made by
// the first thread to ask and handed, in call order, to every other thread
// of the block, as CUDA gives each `__shared__` declaration one array per block.
import { currentRun, formatIndex } from './thread-state';
import { describeValue, isTypedArrayConstructor, type TypedArrayConstructor } from './typed-arrays';

export function sharedArray<K extends TypedArrayConstructor>(kind: K, length: number): InstanceType<K> {
  const run = currentRun('shared.array');
  if (!isTypedArrayConstructor(kind)) {
    throw new TypeError(
      `${run.kernel}: cuda.shared.array expects a typed-array constructor such as Float32Array, got ${describeValue(kind)}`,
    );
  }
  if (typeof length !== 'number' || !Number.isSafeInteger(length) || length < 0) {
    throw new RangeError(`${run.kernel}: cuda.shared.array expects a non-negative integer length, got ${describeValue(length)}`);
  }
  const block = run.blockState;
  const thread = run.thread;
  const k = thread.sharedCalls++;
  const who = `thread ${formatIndex(thread)} of block ${formatIndex(block)}`;
  if (k < block.shared.length) {
    const a = block.shared[k];
    if (a.constructor.name !== kind.name || a.length !== length) {
      throw new Error(
        `${run.kernel}: shared array #${k + 1} is ${a.constructor.name}(${a.length}) for ${block.sharedBy[k]} ` +
          `but ${kind.name}(${length}) for ${who}; every thread of a block must declare the same shared arrays in the same order`,
      );
    }
    return a as InstanceType<K>;
  }
  const bytes = block.sharedBytes + length * kind.BYTES_PER_ELEMENT;
  if (bytes + run.dynamicSharedBytes > run.maxSharedBytes) {
    throw new RangeError(
      `${run.kernel}: the shared memory of a block (${bytes} bytes in shared arrays` +
        (run.dynamicSharedBytes ? ` and ${run.dynamicSharedBytes} bytes of config.sharedBytes` : '') +
        `) exceeds the ${run.maxSharedBytes} bytes a block may have`,
    );
  }
  const a = new kind(length) as InstanceType<K>;
  block.shared.push(a);
  block.sharedBy.push(who);
  block.sharedBytes = bytes;
  return a;
}
