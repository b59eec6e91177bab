// The GPU architectures of a cuda build (no nvcc needed: the toolkit is given):
// TSNATIVE_CUDA_ARCHS, then the project's cudaArchitectures, then the
// default list as far as nvcc builds it; PTX of the newest unless named.
import { cudaSettings, DEFAULT_ARCHITECTURES, gencodeFlags } from '../../compiler/build/cuda-flags';
import type { CudaToolkit } from '../../compiler/build/cuda-toolkit';
import { findNvcc } from '../../compiler/build/cuda-toolkit';

const CUDA13: CudaToolkit = {
  nvcc: '/opt/cuda/bin/nvcc',
  release: '13.0',
  version: 'Cuda compilation tools, release 13.0, V13.0.88',
  architectures: [75, 80, 86, 87, 88, 89, 90, 100, 103, 110, 120, 121],
};
const CUDA12_4: CudaToolkit = { ...CUDA13, release: '12.4', architectures: [50, 52, 53, 60, 61, 62, 70, 72, 75, 80, 86, 87, 89, 90] };

it('defaults to machine code for the GPUs in use and PTX of the newest', () => {
  const s = cudaSettings({}, CUDA13, {});
  expect(s.architectures).toEqual([...DEFAULT_ARCHITECTURES.map((a) => `sm_${a}`), 'compute_120']);
  expect(s).toMatchObject({ from: 'the default list', unsupported: [], nvcc: CUDA13.version });
  expect(s.deviceFlags).toEqual(['--fmad=false', '--ftz=false', '--prec-div=true', '--prec-sqrt=true']);
  // An older nvcc: only what it builds.
  expect(cudaSettings({}, CUDA12_4, {}).architectures).toEqual(['sm_75', 'sm_80', 'sm_86', 'sm_89', 'sm_90', 'compute_90']);
});

it('takes TSNATIVE_CUDA_ARCHS over the project, and reports what nvcc cannot build', () => {
  expect(cudaSettings({ cudaArchitectures: ['80', 'sm_90'] }, CUDA13, {})).toMatchObject({
    architectures: ['sm_80', 'sm_90', 'compute_90'],
    from: 'cudaArchitectures',
  });
  expect(cudaSettings({ cudaArchitectures: ['80'] }, CUDA13, { TSNATIVE_CUDA_ARCHS: '86' })).toMatchObject({
    architectures: ['sm_86', 'compute_86'],
    from: 'TSNATIVE_CUDA_ARCHS',
  });
  // A compute_ item replaces the automatic PTX.
  expect(cudaSettings({}, CUDA13, { TSNATIVE_CUDA_ARCHS: 'sm_90a, compute_80' }).architectures).toEqual(['sm_90a', 'compute_80']);
  expect(cudaSettings({}, CUDA13, { TSNATIVE_CUDA_ARCHS: 'sm_50;ampere 86' })).toMatchObject({
    architectures: ['sm_86', 'compute_86'],
    unsupported: ['sm_50', 'ampere'],
  });
  expect(cudaSettings({}, null, {}).nvcc).toBe('none');
});

it('turns architectures into -gencode options', () => {
  expect(gencodeFlags(['sm_75', 'sm_90a', 'compute_120'])).toEqual([
    '-gencode=arch=compute_75,code=sm_75',
    '-gencode=arch=compute_90a,code=sm_90a',
    '-gencode=arch=compute_120,code=compute_120',
  ]);
});

it('finds nvcc by TSNATIVE_NVCC alone when it is set', () => {
  expect(findNvcc({ TSNATIVE_NVCC: '/nowhere/nvcc', PATH: process.env.PATH })).toBeUndefined();
});
