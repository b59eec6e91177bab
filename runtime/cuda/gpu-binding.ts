// A module's CUDA addon, once loaded, tells launch() whether the GPU can be
// used (and its limits), and makes cuda.toDevice/deviceArray allocate GPU
// memory through its DeviceArray functions (native/tsnative/cuda/runtime.h).
// Every CUDA addon of a process shares the device's one primary context, so
// the first one loaded serves for all. Nothing touches the GPU until a launch
// or an allocation asks.
import { hostAllocator, setDeviceAllocator, type DeviceStorage } from './device-array';
import { gpuAvailability, setGpuAvailability } from './gpu';
import { kernelPlace, type CudaAddon } from './gpu-status';
import { processState } from './process-state';
import type { TypedArray, TypedArrayKind } from './typed-arrays';

interface DeviceArrayFunctions extends CudaAddon {
  tsn_cuda_alloc(kind: string, length: number): unknown;
  tsn_cuda_upload(handle: unknown, array: TypedArray): void;
  tsn_cuda_download(handle: unknown, array: TypedArray): void;
  tsn_cuda_free(handle: unknown): void;
}

class GpuStorage implements DeviceStorage {
  constructor(
    private readonly addon: DeviceArrayFunctions,
    readonly kind: TypedArrayKind,
    readonly length: number,
    private readonly memory: unknown,
  ) {}

  host(): TypedArray | undefined {
    return undefined;
  }

  handle(): unknown {
    return this.memory;
  }

  readInto(into: TypedArray): void {
    this.addon.tsn_cuda_download(this.memory, into);
  }

  release(): void {
    this.addon.tsn_cuda_free(this.memory);
  }
}

const binding = processState('binding', () => ({ attached: false }));

/** The first CUDA addon loaded answers for the GPU; `failed` is why none could be (a load error). */
export function attachCudaAddon(addon: Record<string, unknown> | Error): void {
  if (binding.attached) return;
  binding.attached = true;
  if (addon instanceof Error) {
    const why = `its CUDA addon failed to load (${addon.message.split('\n')[0]})`;
    setGpuAvailability(() => ({ usable: false, why }));
    return;
  }
  const gpu = addon as unknown as DeviceArrayFunctions;
  setGpuAvailability(() => {
    const place = kernelPlace(gpu);
    if (!place.gpu) return { usable: false, why: place.why };
    const d = place.gpu;
    return {
      usable: true,
      device: d.name,
      limits: {
        maxBlockDim: d.maxBlockDims,
        maxThreadsPerBlock: d.maxThreadsPerBlock,
        maxGridDim: d.maxGridDims,
        maxSharedBytes: d.maxSharedBytesPerBlock,
      },
    };
  });
  // Allocation decides at first use: the GPU where launches go to it, host memory for the simulator.
  setDeviceAllocator({
    copyOf: (array) => {
      if (!gpuAvailability().usable || process.env.TSNATIVE_CUDA === 'sim') return hostAllocator.copyOf(array);
      const kind = array.constructor.name as TypedArrayKind;
      const memory = gpu.tsn_cuda_alloc(kind, array.length);
      gpu.tsn_cuda_upload(memory, array);
      return new GpuStorage(gpu, kind, array.length, memory);
    },
    zeros: (Kind, length) => {
      if (!gpuAvailability().usable || process.env.TSNATIVE_CUDA === 'sim') return hostAllocator.zeros(Kind, length);
      const kind = Kind.name as TypedArrayKind;
      const memory = gpu.tsn_cuda_alloc(kind, length);
      // cudaMalloc leaves memory as it was; JS arrays start zero-filled.
      gpu.tsn_cuda_upload(memory, new Kind(length));
      return new GpuStorage(gpu, kind, length, memory);
    },
  });
}
