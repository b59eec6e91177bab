// The public API: `import { prange, nativeOf, isNative, type f64 } from 'tsnative'`.
// Everything here must stay cheap to load: unbuilt programs import it too.

/** 64-bit float (a JS number). */
export type f64 = number;
/** 32-bit float: only values exact in f32 (use Math.fround). */
export type f32 = number;
/** 32-bit signed integer. */
export type i32 = number;
/** 32-bit unsigned integer. */
export type u32 = number;
/** 16-bit signed integer. */
export type i16 = number;
/** 16-bit unsigned integer. */
export type u16 = number;
/** 8-bit signed integer. */
export type i8 = number;
/** 8-bit unsigned integer. */
export type u8 = number;
/** 64-bit signed integer (BigInt64Array elements). */
export type i64 = bigint;
/** 64-bit unsigned integer (BigUint64Array elements). */
export type u64 = bigint;

export { prange, PRange } from './prange';
export { isNative, nativeOf } from './native-of';
export { getNumThreads, setNumThreads } from './threads';
export { offload, type Offloaded } from './offload';
export { cuda, type Cuda, type Dim3View } from './cuda/cuda';
export { kernelTarget, launch, launchAsync, type KernelArgs, type KernelTarget } from './cuda/launch';
export { DeviceArray } from './cuda/device-array';
export type { Dim, LaunchConfig } from './cuda/launch-config';
export type { TypedArray, TypedArrayConstructor } from './cuda/typed-arrays';
