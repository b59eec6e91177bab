// What every CUDA addon exports beside its functions (its module init calls
// export_runtime): the GPU's status and DeviceArray handles.
//   tsn_cuda_status()                  → status.h
//   tsn_cuda_alloc(kind, length)       → a handle; kind is a typed-array name ('Float32Array'); length 0 needs no GPU
//   tsn_cuda_upload(handle, array)     → undefined; array of the handle's kind and length
//   tsn_cuda_download(handle, array)   → undefined; the same
//   tsn_cuda_free(handle)              → undefined; frees the device memory now (again: nothing)
//   tsn_cuda_describe(handle)          → { kind, length, bytes, freed }
// Bad arguments are TypeErrors (a length mismatch a RangeError), CUDA failures
// Errors naming CUDA's error, as for launches (launch.h).
#pragma once
#include <cuda_runtime_api.h>
#include <node_api.h>

#include <cmath>
#include <string>

#include "../napi/args.h"
#include "../napi/entry.h"
#include "../napi/errors.h"
#include "cuda-error.h"
#include "device-array.h"
#include "status.h"

namespace tsn::cuda {

namespace runtime_detail {

inline std::string string_arg(const Args& args, int i, const char* param) {
  char buf[64];
  size_t len = 0;
  napi_valuetype t;
  if (napi_typeof(args.env(), args.value(i), &t) != napi_ok || t != napi_string)
    throw_type_error(args.fn(), param, "expected a typed-array name, got " + describe(args.env(), args.value(i)));
  napi_get_value_string_utf8(args.env(), args.value(i), buf, sizeof buf, &len);
  return std::string(buf, len);
}

// The typed array argument `i` of the handle's kind and length.
inline View<char> matching_array(const Args& args, int i, const DeviceArray* a) {
  bool is = false;
  napi_typedarray_type got;
  if (napi_is_typedarray(args.env(), args.value(i), &is) != napi_ok || !is ||
      napi_get_typedarray_info(args.env(), args.value(i), &got, nullptr, nullptr, nullptr, nullptr) != napi_ok || got != a->kind)
    throw_type_error(args.fn(), "array", "expected " + with_article(typed_array_name(a->kind)) + ", got " + describe(args.env(), args.value(i)));
  View<char> v = args.view<char>(i, "array", a->kind);
  if (v.length != a->length)
    throw_js(ErrorKind::RangeError, std::string(args.fn()) + ": the DeviceArray has " + std::to_string(a->length) + " elements, the " +
                                        typed_array_name(a->kind) + " " + std::to_string(v.length));
  return v;
}

inline napi_value alloc(napi_env env, napi_callback_info info) {
  return entry<2>(env, info, "tsn_cuda_alloc", [&](Args& args) -> napi_value {
    const std::string name = string_arg(args, 0, "kind");
    napi_typedarray_type kind;
    if (!kind_of_name(name, &kind)) throw_type_error(args.fn(), "kind", "expected a typed-array name, got '" + name + "'");
    const double n = args.f64(1, "length");
    if (!(n >= 0 && n <= 9007199254740991.0) || n != std::trunc(n))
      throw_js(ErrorKind::RangeError, std::string(args.fn()) + ": invalid length " + js_number_text(n));
    return make_device_array(env, args.fn(), kind, static_cast<int64_t>(n));
  });
}

inline napi_value upload(napi_env env, napi_callback_info info) {
  return entry<2>(env, info, "tsn_cuda_upload", [&](Args& args) -> napi_value {
    DeviceArray* a = device_array_arg(args, 0, "handle");
    View<char> v = matching_array(args, 1, a);
    if (a->bytes > 0) check_cuda(cudaMemcpy(a->data, v.data, a->bytes, cudaMemcpyHostToDevice), args.fn(), "cannot copy to the GPU");
    return ret_void(env);
  });
}

inline napi_value download(napi_env env, napi_callback_info info) {
  return entry<2>(env, info, "tsn_cuda_download", [&](Args& args) -> napi_value {
    DeviceArray* a = device_array_arg(args, 0, "handle");
    View<char> v = matching_array(args, 1, a);
    if (a->bytes > 0) check_cuda(cudaMemcpy(v.data, a->data, a->bytes, cudaMemcpyDeviceToHost), args.fn(), "cannot copy from the GPU");
    return ret_void(env);
  });
}

inline napi_value free(napi_env env, napi_callback_info info) {
  return entry<1>(env, info, "tsn_cuda_free", [&](Args& args) -> napi_value {
    DeviceArray* a = device_array_of(env, args.value(0));
    if (a == nullptr) throw_type_error(args.fn(), "handle", "expected a DeviceArray, got " + describe(env, args.value(0)));
    free_handle(a);
    return ret_void(env);
  });
}

inline napi_value describe_handle(napi_env env, napi_callback_info info) {
  return entry<1>(env, info, "tsn_cuda_describe", [&](Args& args) -> napi_value {
    DeviceArray* a = device_array_of(env, args.value(0));
    if (a == nullptr) throw_type_error(args.fn(), "handle", "expected a DeviceArray, got " + describe(env, args.value(0)));
    napi_value out, kind, length, bytes, freed;
    napi_create_object(env, &out);
    napi_create_string_utf8(env, typed_array_name(a->kind), NAPI_AUTO_LENGTH, &kind);
    napi_create_double(env, static_cast<double>(a->length), &length);
    napi_create_double(env, static_cast<double>(a->bytes), &bytes);
    napi_get_boolean(env, a->freed.load(), &freed);
    napi_set_named_property(env, out, "kind", kind);
    napi_set_named_property(env, out, "length", length);
    napi_set_named_property(env, out, "bytes", bytes);
    napi_set_named_property(env, out, "freed", freed);
    return out;
  });
}

}  // namespace runtime_detail

inline void export_runtime(napi_env env, napi_value exports) {
  export_function(env, exports, "tsn_cuda_status", cuda_status);
  export_function(env, exports, "tsn_cuda_alloc", runtime_detail::alloc);
  export_function(env, exports, "tsn_cuda_upload", runtime_detail::upload);
  export_function(env, exports, "tsn_cuda_download", runtime_detail::download);
  export_function(env, exports, "tsn_cuda_free", runtime_detail::free);
  export_function(env, exports, "tsn_cuda_describe", runtime_detail::describe_handle);
}

}  // namespace tsn::cuda
