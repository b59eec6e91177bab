// DeviceArray handles: device memory that stays on the GPU across launches
// (cuda.toDevice, cuda.deviceArray). JS holds a napi external tagged as ours
// (a foreign external or a plain object is a TypeError, never read), whose
// finaliser frees the memory; `tsn_cuda_free` frees it sooner. The handle
// may be passed to kernels of another CUDA addon (each addon links its own
// CUDA runtime, all on the device's one primary context), so the record's
// layout is fixed by kDeviceArrayTag: change the layout, change the tag.
//
// Memory is freed when the handle is freed (or collected) and no launch
// still uses it: `users` is 1 while the handle is live plus 1 per launch.
#pragma once
#include <cuda_runtime_api.h>
#include <node_api.h>

#include <atomic>
#include <cstdint>
#include <cstring>
#include <string>

#include "../napi/args.h"
#include "../napi/errors.h"
#include "cuda-error.h"

namespace tsn::cuda {

struct DeviceArray {
  napi_typedarray_type kind;
  int64_t length;
  size_t bytes;
  void* data;  // null when length is 0: an empty array needs no device (nor a GPU)
  std::atomic<bool> freed;
  std::atomic<int32_t> users;
  // Frees `data` with the CUDA runtime of the addon that allocated it.
  void (*free_data)(void* data);
};

constexpr napi_type_tag kDeviceArrayTag = {0x74736e6174697665ULL, 0x6461727261790001ULL};

inline void free_device_data(void* data) {
  if (data != nullptr) cudaFree(data);
}

// Drops one user; the last frees the device memory.
inline void release(DeviceArray* a) {
  if (a->users.fetch_sub(1) == 1) {
    a->free_data(a->data);
    a->data = nullptr;
  }
}

// What `tsn_cuda_free` does, and the finaliser: once.
inline void free_handle(DeviceArray* a) {
  if (!a->freed.exchange(true)) release(a);
}

inline size_t element_size(napi_typedarray_type kind) {
  switch (kind) {
    case napi_int8_array:
    case napi_uint8_array:
    case napi_uint8_clamped_array: return 1;
    case napi_int16_array:
    case napi_uint16_array: return 2;
    case napi_int32_array:
    case napi_uint32_array:
    case napi_float32_array: return 4;
    case napi_float64_array:
    case napi_bigint64_array:
    case napi_biguint64_array: return 8;
  }
  return 0;
}

inline bool kind_of_name(const std::string& name, napi_typedarray_type* kind) {
  const napi_typedarray_type all[] = {napi_int8_array,    napi_uint8_array,   napi_uint8_clamped_array, napi_int16_array,
                                      napi_uint16_array,  napi_int32_array,   napi_uint32_array,        napi_float32_array,
                                      napi_float64_array, napi_bigint64_array, napi_biguint64_array};
  for (napi_typedarray_type k : all) {
    if (name == typed_array_name(k)) {
      *kind = k;
      return true;
    }
  }
  return false;
}

// The DeviceArray `v` is, or null when it is not one of ours.
inline DeviceArray* device_array_of(napi_env env, napi_value v) {
  napi_valuetype t;
  if (napi_typeof(env, v, &t) != napi_ok || t != napi_external) return nullptr;
  bool tagged = false;
  if (napi_check_object_type_tag(env, v, &kDeviceArrayTag, &tagged) != napi_ok || !tagged) return nullptr;
  void* data = nullptr;
  napi_get_value_external(env, v, &data);
  return static_cast<DeviceArray*>(data);
}

// "a Float32Array", "an Int32Array".
inline std::string with_article(const char* name) { return std::string(name[0] == 'I' || name[0] == 'U' ? "an " : "a ") + name; }

inline std::string describe_device_array(const DeviceArray* a) { return std::string("a DeviceArray of ") + typed_array_name(a->kind); }

// The live DeviceArray argument `i`, else a TypeError.
inline DeviceArray* device_array_arg(const Args& args, int i, const char* param) {
  DeviceArray* a = device_array_of(args.env(), args.value(i));
  if (a == nullptr) throw_type_error(args.fn(), param, "expected a DeviceArray, got " + describe(args.env(), args.value(i)));
  if (a->freed.load()) throw_type_error(args.fn(), param, "the DeviceArray was freed");
  return a;
}

inline void finalize_device_array(napi_env, void* data, void*) {
  auto* a = static_cast<DeviceArray*>(data);
  free_handle(a);
  // A launch holds a reference to the handle while it runs, so none uses the record now.
  delete a;
}

// A new DeviceArray of `length` elements of `kind` (uninitialised device memory).
inline napi_value make_device_array(napi_env env, const char* fn, napi_typedarray_type kind, int64_t length) {
  const size_t bytes = static_cast<size_t>(length) * element_size(kind);
  void* data = nullptr;
  if (bytes > 0) {
    cudaError_t e = cudaMalloc(&data, bytes);
    if (e != cudaSuccess) cuda_failure(fn, ("cannot allocate " + std::to_string(bytes) + " bytes on the GPU").c_str(), e);
  }
  auto* a = new DeviceArray{kind, length, bytes, data, {false}, {1}, free_device_data};
  napi_value handle;
  if (napi_create_external(env, a, finalize_device_array, nullptr, &handle) != napi_ok) {
    free_handle(a);
    delete a;
    throw_js(ErrorKind::Error, std::string(fn) + ": could not create a DeviceArray handle");
  }
  // Untagged, the handle is never accepted; its finaliser still frees the memory.
  if (napi_type_tag_object(env, handle, &kDeviceArrayTag) != napi_ok) {
    free_handle(a);
    throw_js(ErrorKind::Error, std::string(fn) + ": could not create a DeviceArray handle");
  }
  return handle;
}

}  // namespace tsn::cuda
