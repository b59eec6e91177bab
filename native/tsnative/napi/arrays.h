// Typed arrays made or reshaped inside compiled code: `new Float64Array(n)`,
// `.fill`, `.set`, `.subarray`, and returning a view to JS. Allocation goes
// through N-API so the storage is an ordinary, zero-filled JS ArrayBuffer.
#pragma once
#include <node_api.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "../core/fault.h"
#include "view.h"

namespace tsn {

// The env of the JS call running on this thread (set by tsn::entry).
inline thread_local napi_env current_env = nullptr;

template <typename T>
View<T> make_view(napi_env env, napi_value buffer, void* base, napi_typedarray_type kind, int64_t length, size_t byte_offset) {
  napi_value handle;
  if (napi_create_typedarray(env, kind, static_cast<size_t>(length), buffer, byte_offset, &handle) != napi_ok)
    raise(fault(FaultCode::Message, ErrorKind::RangeError, "", "could not create a typed array"));
  return View<T>{reinterpret_cast<T*>(static_cast<char*>(base) + byte_offset), length, handle, buffer, byte_offset};
}

// `new XArray(n)`: n must be a valid length, as in JS (else RangeError).
template <typename T>
View<T> alloc(double n, napi_typedarray_type kind, const char* kind_name) {
  if (!(n >= 0 && n <= 4294967295.0) || n != std::trunc(n))
    raise(Fault{FaultCode::ArrayLength, ErrorKind::RangeError, 0, "", "", kind_name, 0, 0, n});
  napi_env env = current_env;
  if (env == nullptr) raise(fault(FaultCode::AllocOffThread, ErrorKind::Error, "", kind_name));
  void* base = nullptr;
  napi_value buffer;
  if (napi_create_arraybuffer(env, static_cast<size_t>(n) * sizeof(T), &base, &buffer) != napi_ok)
    raise(fault(FaultCode::AllocFailed, ErrorKind::RangeError, "", kind_name));
  if (n > 0) std::memset(base, 0, static_cast<size_t>(n) * sizeof(T));
  return make_view<T>(env, buffer, base, kind, static_cast<int64_t>(n), 0);
}

// JS relative index (ToIntegerOrInfinity, negative counts from the end, clamped).
inline int64_t relative_index(double v, int64_t length) {
  if (v != v) return 0;
  double t = std::trunc(v);
  if (t < 0) return t + static_cast<double>(length) < 0 ? 0 : static_cast<int64_t>(t + static_cast<double>(length));
  return t > static_cast<double>(length) ? length : static_cast<int64_t>(t);
}

// `.fill(value, start, end)`; value already converted to the element type.
template <typename T>
View<T> fill(View<T> v, T value, double start, double end) {
  int64_t lo = relative_index(start, v.length);
  int64_t hi = relative_index(end, v.length);
  for (int64_t i = lo; i < hi; i++) v.data[i] = value;
  return v;
}

// `.subarray(start, end)`: a view of the same memory. Made by the array's own
// subarray method, because N-API cannot make a view of a SharedArrayBuffer.
template <typename T>
View<T> subarray(View<T> v, double start, double end, napi_typedarray_type kind) {
  int64_t lo = relative_index(start, v.length);
  int64_t hi = relative_index(end, v.length);
  if (hi < lo) hi = lo;
  napi_env env = current_env;
  if (env == nullptr) raise(fault(FaultCode::SubarrayOffThread, ErrorKind::Error, ""));
  napi_value method, args[2], out;
  napi_create_double(env, static_cast<double>(lo), &args[0]);
  napi_create_double(env, static_cast<double>(hi), &args[1]);
  napi_typedarray_type got;
  size_t length = 0, byte_offset = 0;
  void* data = nullptr;
  napi_value buffer;
  if (napi_get_named_property(env, v.handle, "subarray", &method) != napi_ok ||
      napi_call_function(env, v.handle, method, 2, args, &out) != napi_ok ||
      napi_get_typedarray_info(env, out, &got, &length, &data, &buffer, &byte_offset) != napi_ok || got != kind)
    raise(fault(FaultCode::Message, ErrorKind::Error, "", "subarray failed"));
  return View<T>{static_cast<T*>(data), static_cast<int64_t>(length), out, buffer, byte_offset};
}

// `.set(src, offset)`: each element converted by `convert`, as JS stores do;
// when the two views overlap, the source is copied first (as the spec does).
template <typename T, typename S, typename Convert>
void set(View<T> dst, View<S> src, double offset, const char* fn, Convert convert) {
  if (!(offset >= 0) || offset != std::trunc(offset) || offset + static_cast<double>(src.length) > static_cast<double>(dst.length))
    raise(fault(FaultCode::Prefixed, ErrorKind::RangeError, fn, "offset is out of bounds"));
  int64_t off = static_cast<int64_t>(offset);
  const char* s0 = reinterpret_cast<const char*>(src.data);
  const char* s1 = s0 + src.length * sizeof(S);
  const char* d0 = reinterpret_cast<const char*>(dst.data + off);
  const char* d1 = d0 + src.length * sizeof(T);
  if (s0 < d1 && d0 < s1) {
    std::vector<S> copy(src.data, src.data + src.length);
    for (int64_t i = 0; i < src.length; i++) dst.data[off + i] = convert(copy[i]);
  } else {
    for (int64_t i = 0; i < src.length; i++) dst.data[off + i] = convert(src.data[i]);
  }
}

// A view handed back to JS: its own object, or a new one over its buffer.
template <typename T>
napi_value ret_view(napi_env env, const View<T>& v, napi_typedarray_type kind) {
  if (v.handle) return v.handle;
  if (!v.buffer) raise(fault(FaultCode::Message, ErrorKind::Error, "", "internal error: a view without a buffer was returned"));
  napi_value out;
  napi_create_typedarray(env, kind, static_cast<size_t>(v.length), v.buffer, v.byte_offset, &out);
  return out;
}

}  // namespace tsn
