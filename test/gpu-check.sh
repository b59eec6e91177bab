#!/usr/bin/env bash
# The GPU checks, in one run, for a machine with an NVIDIA GPU and nvcc
# (`npm run test:gpu`): what the device sees, the kernel tests (the test
# kernels on the GPU against the JS simulation, the CUDA addon's own tests,
# a user project's kernels), the kernel examples, and the GPU benchmark.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run build:ts >/dev/null
nvidia-smi --query-gpu=name,driver_version,compute_cap --format=csv || echo "nvidia-smi: none"
node bin/tsnative.js doctor || true
export TSNATIVE_CUDA_ARCHS="${TSNATIVE_CUDA_ARCHS:-}"
npx jest test/kernels test/unit/build-cuda.test.ts test/e2e/kernels.test.ts test/e2e/examples-cuda.test.ts
for e in saxpy-cuda reduce-cuda stencil-cuda; do
  node bin/tsnative.js build --target cuda "examples/$e/"*.ts >/dev/null
  TSNATIVE_CUDA=gpu node --import tsx --import tsnative/register "examples/$e/main.ts"
done
npx tsx bench/gpu/section.ts
