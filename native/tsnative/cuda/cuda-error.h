// CUDA runtime errors as JS errors: the message names the function (kernel
// or runtime call), what it was doing, and CUDA's own name and text for the
// error, e.g. "saxpy: cannot run on the GPU: cudaErrorInsufficientDriver: CUDA
// driver version is insufficient for CUDA runtime version". Never a crash.
#pragma once
#include <cuda_runtime_api.h>

#include <string>

#include "../napi/errors.h"

namespace tsn::cuda {

inline std::string cuda_error_text(cudaError_t e) { return std::string(cudaGetErrorName(e)) + ": " + cudaGetErrorString(e); }

[[noreturn]] inline void cuda_failure(const char* fn, const char* what, cudaError_t e) {
  // Clears a non-sticky error, so the next call is not reported with this one.
  cudaGetLastError();
  ErrorKind kind = e == cudaErrorMemoryAllocation ? ErrorKind::RangeError : ErrorKind::Error;
  throw_js(kind, std::string(fn) + ": " + what + ": " + cuda_error_text(e));
}

inline void check_cuda(cudaError_t e, const char* fn, const char* what) {
  if (e != cudaSuccess) cuda_failure(fn, what, e);
}

}  // namespace tsn::cuda
