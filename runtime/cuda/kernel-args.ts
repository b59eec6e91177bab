// Argument checks every target shares: the count, and typed arrays that
// overlap in memory (each is copied to the device on its own, so a kernel
// writing through one would not see it through the other, unlike JS).
import { describeDeviceArray, hostArrayOf, isDeviceArray, isFreed, storageOf } from './device-array';
import { kindOf, type TypedArray } from './typed-arrays';
import type { KernelParams } from './kernel-params';

interface Extent {
  /** The memory: an ArrayBuffer or SharedArrayBuffer, or a DeviceArray whose data only the GPU holds. */
  memory: object;
  start: number;
  end: number;
}

function paramName(params: KernelParams, i: number): string {
  return i < params.names.length && !(params.rest && i === params.names.length - 1) ? params.names[i] : `argument ${i + 1}`;
}

function extentOf(kernel: string, name: string, arg: unknown): Extent | undefined {
  if (isDeviceArray(arg)) {
    if (isFreed(arg)) throw new Error(`launch(${kernel}): ${name} is a ${describeDeviceArray(arg)} that was freed`);
    const host = storageOf(arg).host();
    if (host === undefined) return { memory: arg, start: 0, end: arg.length };
    arg = host;
  }
  if (kindOf(arg) === undefined) return undefined;
  const a = arg as TypedArray;
  return { memory: a.buffer, start: a.byteOffset, end: a.byteOffset + a.byteLength };
}

/** TypeError naming the kernel (and parameters) for a wrong argument count or overlapping arrays. */
export function checkArguments(kernel: string, params: KernelParams, args: readonly unknown[]): void {
  const n = params.names.length;
  const countOk = params.rest ? args.length >= n - 1 : args.length === n;
  if (!countOk) {
    const expected = params.rest ? `at least ${n - 1}` : String(n);
    throw new TypeError(
      `launch(${kernel}): ${kernel} takes ${expected} argument${n === 1 && !params.rest ? '' : 's'} (${params.names.join(', ')}), got ${args.length}`,
    );
  }
  const seen: { name: string; extent: Extent }[] = [];
  args.forEach((arg, i) => {
    const name = paramName(params, i);
    const extent = extentOf(kernel, name, arg);
    if (!extent || extent.start === extent.end) return;
    for (const other of seen) {
      const e = other.extent;
      if (e.memory === extent.memory && e.start < extent.end && extent.start < e.end) {
        throw new TypeError(
          `launch(${kernel}): arguments ${other.name} and ${name} overlap in memory; each array is copied to the device on its own, ` +
            'so writes through one would not be seen through the other. Pass arrays that do not overlap.',
        );
      }
    }
    seen.push({ name, extent });
  });
}

/** The arguments as a simulator takes them: DeviceArrays replaced by the host arrays they compute on. */
export function hostArguments(kernel: string, params: KernelParams, args: readonly unknown[]): unknown[] {
  return args.map((a, i) => {
    if (!isDeviceArray(a)) return a;
    if (storageOf(a).host() === undefined) {
      throw new Error(
        `launch(${kernel}): ${paramName(params, i)} is a ${describeDeviceArray(a)} in GPU memory, which a simulator cannot compute on; ` +
          'copy it to the host with copyToHost() and pass the typed array',
      );
    }
    return hostArrayOf(a);
  });
}

/**
 * The arguments as a GPU launcher takes them: typed arrays as they are (it
 * copies them), a DeviceArray as its storage's native handle, or, for one in
 * host memory, its host array.
 */
export function gpuArguments(args: readonly unknown[]): unknown[] {
  return args.map((a) => {
    if (!isDeviceArray(a)) return a;
    const storage = storageOf(a);
    return storage.handle?.() ?? hostArrayOf(a);
  });
}
