// Where kernels run: the GPU status asked of a CUDA addon once, and the
// cpu addon loaded for functions.
import { clearGpuStatus, gpuStatus, isCudaAddon, kernelPlace, type GpuStatus } from '../../runtime/cuda/gpu-status';
import { RUNTIME_TARGETS } from '../../runtime/targets';

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

it('loads the cpu addon for functions: kernels find their GPU addon themselves', () => {
  expect(RUNTIME_TARGETS.map((t) => t.name)).toEqual(['cpu']);
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
