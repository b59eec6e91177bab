// Whether kernels can run on a GPU here, as a loaded CUDA addon's own CUDA
// runtime sees it (tsn_cuda_status, native/tsnative/cuda/status.h). Asked
// once per process: the answer costs a CUDA context and does not change
// under a running program. TSNATIVE_CUDA=sim sends kernels to the simulator
// without asking.

export interface GpuDevice {
  name: string;
  /** 'X.Y' */
  computeCapability: string;
  multiprocessors: number;
  maxThreadsPerBlock: number;
  maxSharedBytesPerBlock: number;
  maxBlockDims: [number, number, number];
  maxGridDims: [number, number, number];
  memoryBytes: number;
}

export interface GpuStatus {
  ok: boolean;
  /** Why kernels cannot run on a GPU ('no NVIDIA driver', 'no CUDA device', …); absent when ok. */
  why?: string;
  /** 'X.Y' of the CUDA the driver supports; null without a driver. */
  driverVersion: string | null;
  /** 'X.Y' of the CUDA runtime linked into the addon. */
  runtimeVersion: string;
  devices: GpuDevice[];
}

/** What a CUDA addon exports for this (native/tsnative/cuda/runtime.h). */
export interface CudaAddon {
  tsn_cuda_status(): unknown;
}

let cached: GpuStatus | undefined;

export function isCudaAddon(addon: unknown): addon is CudaAddon {
  return typeof (addon as Partial<CudaAddon> | undefined)?.tsn_cuda_status === 'function';
}

/** The GPU's status, asked of `addon` the first time only. */
export function gpuStatus(addon: CudaAddon): GpuStatus {
  if (!cached) {
    try {
      cached = addon.tsn_cuda_status() as GpuStatus;
    } catch (e) {
      // An addon that cannot even ask (a broken CUDA runtime) means no GPU, for the same reason.
      cached = { ok: false, why: e instanceof Error ? e.message : String(e), driverVersion: null, runtimeVersion: '', devices: [] };
    }
  }
  return cached;
}

/** Where kernels run: on the GPU (named), or on the CPU simulator with the reason. */
export function kernelPlace(addon: CudaAddon, env: NodeJS.ProcessEnv = process.env): { gpu: GpuDevice } | { gpu: null; why: string } {
  if (env.TSNATIVE_CUDA === 'sim') return { gpu: null, why: 'TSNATIVE_CUDA=sim' };
  const status = gpuStatus(addon);
  const first = status.devices[0];
  if (status.ok && first) return { gpu: first };
  return { gpu: null, why: status.why ?? 'no CUDA device' };
}

/** Forget the answer (tests). */
export function clearGpuStatus(): void {
  cached = undefined;
}
