// Where kernels run: the cuda target's probe (always usable but under
// TSNATIVE_CUDA=sim) and the GPU status asked of a CUDA addon once.
import { clearGpuStatus, gpuStatus, isCudaAddon, kernelPlace, type GpuStatus } from '../../runtime/cuda/gpu-status';
import { cudaProbe, RUNTIME_TARGETS } from '../../runtime/targets';

const H200 = {
  name: 'NVIDIA H200',
  computeCapability: '9.0',
  multiprocessors: 132,
  maxThreadsPerBlock: 1024,
  maxSharedBytesPerBlock: 232448,
  maxBlockDims: [1024, 1024, 64] as [number, number, number],
  maxGridDims: [2147483647, 65535, 65535] as [number, number, number],
  memoryBytes: 150_000_000_000,
};

function addon(status: GpuStatus) {
  let asked = 0;
  return {
    tsn_cuda_status: () => (asked++, status),
    asked: () => asked,
  };
}

beforeEach(() => clearGpuStatus());

it('lists cuda before cpu; its addon is usable unless TSNATIVE_CUDA=sim', () => {
  expect(RUNTIME_TARGETS.map((t) => t.name)).toEqual(['cuda', 'cpu']);
  expect(cudaProbe({})).toEqual({ usable: true });
  expect(cudaProbe({ TSNATIVE_CUDA: 'gpu' })).toEqual({ usable: true });
  expect(cudaProbe({ TSNATIVE_CUDA: 'sim' })).toEqual({ usable: false, why: 'TSNATIVE_CUDA=sim' });
});

it('asks the addon once and names the GPU kernels run on', () => {
  const a = addon({ ok: true, driverVersion: '13.0', runtimeVersion: '13.0', devices: [H200] });
  expect(isCudaAddon(a)).toBe(true);
  expect(isCudaAddon({})).toBe(false);
  expect(kernelPlace(a, {})).toEqual({ gpu: H200 });
  expect(gpuStatus(a).ok).toBe(true);
  expect(a.asked()).toBe(1);
  expect(kernelPlace(a, { TSNATIVE_CUDA: 'sim' })).toEqual({ gpu: null, why: 'TSNATIVE_CUDA=sim' });
});

it('says why kernels run on the simulator', () => {
  const a = addon({ ok: false, why: 'no NVIDIA driver', driverVersion: null, runtimeVersion: '13.0', devices: [] });
  expect(kernelPlace(a, {})).toEqual({ gpu: null, why: 'no NVIDIA driver' });
  clearGpuStatus();
  const broken = {
    tsn_cuda_status: () => {
      throw new Error('boom');
    },
  };
  expect(kernelPlace(broken, {})).toEqual({ gpu: null, why: 'boom' });
});
