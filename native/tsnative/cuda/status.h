// tsn_cuda_status(): whether launches can run on a GPU here, and if not why,
// with what the runtime's own CUDA calls see (this addon's static CUDA
// runtime against the installed driver), so the JS side chooses between the
// GPU and the CPU simulator on the same facts a launch would meet.
//   { ok, why?, driverVersion: 'X.Y' | null, runtimeVersion: 'X.Y',
//     devices: [{ name, computeCapability: 'X.Y', multiprocessors, maxThreadsPerBlock,
//                 maxSharedBytesPerBlock, maxBlockDims, maxGridDims, memoryBytes }] }
#pragma once
#include <cuda_runtime_api.h>
#include <node_api.h>

#include <string>

#include "cuda-error.h"

namespace tsn::cuda {

// A kernel of this addon to ask the driver about: its code for the GPU proves the addon was built for it.
__global__ void tsn_probe_kernel() {}

inline std::string cuda_version_text(int v) { return std::to_string(v / 1000) + "." + std::to_string((v % 1000) / 10); }

namespace status_detail {

inline void set(napi_env env, napi_value obj, const char* key, napi_value v) { napi_set_named_property(env, obj, key, v); }
inline napi_value str(napi_env env, const std::string& s) {
  napi_value v;
  napi_create_string_utf8(env, s.c_str(), s.size(), &v);
  return v;
}
inline napi_value num(napi_env env, double d) {
  napi_value v;
  napi_create_double(env, d, &v);
  return v;
}
inline napi_value dims(napi_env env, const int* d) {
  napi_value a;
  napi_create_array_with_length(env, 3, &a);
  for (uint32_t i = 0; i < 3; i++) napi_set_element(env, a, i, num(env, d[i]));
  return a;
}

inline napi_value device(napi_env env, const cudaDeviceProp& p) {
  napi_value d;
  napi_create_object(env, &d);
  set(env, d, "name", str(env, p.name));
  set(env, d, "computeCapability", str(env, std::to_string(p.major) + "." + std::to_string(p.minor)));
  set(env, d, "multiprocessors", num(env, p.multiProcessorCount));
  set(env, d, "maxThreadsPerBlock", num(env, p.maxThreadsPerBlock));
  set(env, d, "maxSharedBytesPerBlock", num(env, static_cast<double>(p.sharedMemPerBlockOptin)));
  set(env, d, "maxBlockDims", dims(env, p.maxThreadsDim));
  set(env, d, "maxGridDims", dims(env, p.maxGridSize));
  set(env, d, "memoryBytes", num(env, static_cast<double>(p.totalGlobalMem)));
  return d;
}

// Why kernels cannot run here, or "" when they can (devices are added to `list`).
inline std::string why_not(napi_env env, napi_value list, int driver, int runtime) {
  int count = 0;
  cudaError_t e = cudaGetDeviceCount(&count);
  cudaGetLastError();
  if (e == cudaErrorInsufficientDriver) {
    if (driver == 0) return "no NVIDIA driver";
    return "driver older than the CUDA runtime (driver " + cuda_version_text(driver) + ", runtime " + cuda_version_text(runtime) + ")";
  }
  if (e == cudaErrorNoDevice || (e == cudaSuccess && count == 0)) return "no CUDA device";
  if (e != cudaSuccess) return cuda_error_text(e);
  cudaDeviceProp first{};
  for (int i = 0; i < count; i++) {
    cudaDeviceProp p;
    if (cudaGetDeviceProperties(&p, i) != cudaSuccess) continue;
    if (i == 0) first = p;
    napi_set_element(env, list, static_cast<uint32_t>(i), device(env, p));
  }
  // Kernels run on device 0: it needs code of its architecture (or PTX the driver can compile) in this addon.
  cudaSetDevice(0);
  cudaFuncAttributes attr;
  e = cudaFuncGetAttributes(&attr, tsn_probe_kernel);
  cudaGetLastError();
  const std::string gpu = std::string(first.name) + " (compute capability " + std::to_string(first.major) + "." + std::to_string(first.minor) + ")";
  if (e == cudaErrorNoKernelImageForDevice || e == cudaErrorInvalidDeviceFunction)
    return "this addon has no code for " + gpu + ": build it with cudaArchitectures including " + std::to_string(first.major * 10 + first.minor);
  if (e == cudaErrorUnsupportedPtxVersion)
    return "the driver (" + cuda_version_text(driver) + ") cannot compile this addon's PTX for " + gpu + ": update the driver";
  if (e != cudaSuccess) return "cannot use " + gpu + ": " + cuda_error_text(e);
  return "";
}

}  // namespace status_detail

inline napi_value cuda_status(napi_env env, napi_callback_info) {
  using namespace status_detail;
  int driver = 0, runtime = 0;
  cudaDriverGetVersion(&driver);
  cudaRuntimeGetVersion(&runtime);
  napi_value out, list, nul;
  napi_create_object(env, &out);
  napi_create_array(env, &list);
  napi_get_null(env, &nul);
  const std::string why = why_not(env, list, driver, runtime);
  napi_value ok;
  napi_get_boolean(env, why.empty(), &ok);
  set(env, out, "ok", ok);
  if (!why.empty()) set(env, out, "why", str(env, why));
  set(env, out, "driverVersion", driver == 0 ? nul : str(env, cuda_version_text(driver)));
  set(env, out, "runtimeVersion", str(env, cuda_version_text(runtime)));
  set(env, out, "devices", list);
  return out;
}

}  // namespace tsn::cuda
