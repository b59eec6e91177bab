// What a launch is checked against: the limits of the GPU kernels run on
// (device 0), read once per process. Reading them is the first CUDA call a
// launch makes, so a machine without a driver or device fails here, with
// CUDA's reason.
#pragma once
#include <cuda_runtime_api.h>

#include <mutex>
#include <string>

#include "cuda-error.h"

namespace tsn::cuda {

struct DeviceLimits {
  std::string name;
  int max_threads_per_block = 0;
  int max_block[3] = {0, 0, 0};
  int max_grid[3] = {0, 0, 0};
  // Dynamic plus static shared memory a block may have: the default, and what a kernel may opt in to.
  int shared_per_block = 0;
  int shared_per_block_optin = 0;
};

// Device 0's limits; a CUDA error (no driver, no device) raises a JS Error naming `fn`.
inline const DeviceLimits& device_limits(const char* fn) {
  static std::mutex mutex;
  static DeviceLimits limits;
  static bool known = false;
  std::lock_guard<std::mutex> lock(mutex);
  if (known) return limits;
  const char* what = "cannot run on the GPU";
  // cudaSetDevice makes the runtime start, so a missing driver is reported by name.
  check_cuda(cudaSetDevice(0), fn, what);
  cudaDeviceProp props;
  check_cuda(cudaGetDeviceProperties(&props, 0), fn, what);
  DeviceLimits l;
  l.name = props.name;
  l.max_threads_per_block = props.maxThreadsPerBlock;
  for (int i = 0; i < 3; i++) {
    l.max_block[i] = props.maxThreadsDim[i];
    l.max_grid[i] = props.maxGridSize[i];
  }
  l.shared_per_block = static_cast<int>(props.sharedMemPerBlock);
  l.shared_per_block_optin = static_cast<int>(props.sharedMemPerBlockOptin);
  limits = l;
  known = true;
  return limits;
}

}  // namespace tsn::cuda
