// Reading the arguments of a compiled function at the JS boundary. Values are
// checked, never coerced (no valueOf runs); a mismatch is a TypeError naming
// the function and the parameter. Raw N-API calls keep the call lean.
#pragma once
#include <node_api.h>

#include <cmath>
#include <cstdint>
#include <string>

#include "errors.h"
#include "view.h"

namespace tsn {

inline const char* typed_array_name(napi_typedarray_type t) {
  switch (t) {
    case napi_int8_array: return "Int8Array";
    case napi_uint8_array: return "Uint8Array";
    case napi_uint8_clamped_array: return "Uint8ClampedArray";
    case napi_int16_array: return "Int16Array";
    case napi_uint16_array: return "Uint16Array";
    case napi_int32_array: return "Int32Array";
    case napi_uint32_array: return "Uint32Array";
    case napi_float32_array: return "Float32Array";
    case napi_float64_array: return "Float64Array";
    case napi_bigint64_array: return "BigInt64Array";
    case napi_biguint64_array: return "BigUint64Array";
  }
  return "typed array";
}

// What the caller passed, for the message: "got 2.7", "got Int32Array", "got string".
inline std::string describe(napi_env env, napi_value v) {
  napi_valuetype t;
  if (napi_typeof(env, v, &t) != napi_ok) return "an unreadable value";
  switch (t) {
    case napi_undefined: return "undefined";
    case napi_null: return "null";
    case napi_boolean: return "a boolean";
    case napi_string: return "a string";
    case napi_symbol: return "a symbol";
    case napi_bigint: return "a bigint";
    case napi_function: return "a function";
    case napi_external: return "an external";
    case napi_number: {
      double d = 0;
      napi_get_value_double(env, v, &d);
      return js_number_text(d);
    }
    case napi_object: break;
  }
  bool is = false;
  if (napi_is_typedarray(env, v, &is) == napi_ok && is) {
    napi_typedarray_type kind;
    size_t len;
    napi_get_typedarray_info(env, v, &kind, &len, nullptr, nullptr, nullptr);
    return typed_array_name(kind);
  }
  if (napi_is_array(env, v, &is) == napi_ok && is) return "an Array";
  if (napi_is_dataview(env, v, &is) == napi_ok && is) return "a DataView";
  if (napi_is_arraybuffer(env, v, &is) == napi_ok && is) return "an ArrayBuffer";
  return "an object";
}

class Args {
 public:
  Args(napi_env env, napi_value* argv, const char* fn) : env_(env), argv_(argv), fn_(fn) {}

  double f64(int i, const char* param) const {
    double v;
    if (napi_get_value_double(env_, argv_[i], &v) != napi_ok) mismatch(i, param, "a number");
    return v;
  }

  float f32(int i, const char* param) const {
    double v = f64(i, param);
    float f = static_cast<float>(v);
    if (static_cast<double>(f) != v && v == v) mismatch(i, param, "an f32 number (use Math.fround)");
    return f;
  }

  int32_t i32(int i, const char* param) const { return static_cast<int32_t>(integer(i, param, -2147483648.0, 2147483647.0, "i32")); }
  uint32_t u32(int i, const char* param) const { return static_cast<uint32_t>(integer(i, param, 0, 4294967295.0, "u32")); }
  int16_t i16(int i, const char* param) const { return static_cast<int16_t>(integer(i, param, -32768.0, 32767.0, "i16")); }
  uint16_t u16(int i, const char* param) const { return static_cast<uint16_t>(integer(i, param, 0, 65535.0, "u16")); }
  int8_t i8(int i, const char* param) const { return static_cast<int8_t>(integer(i, param, -128.0, 127.0, "i8")); }
  uint8_t u8(int i, const char* param) const { return static_cast<uint8_t>(integer(i, param, 0, 255.0, "u8")); }

  bool boolean(int i, const char* param) const {
    bool v;
    if (napi_get_value_bool(env_, argv_[i], &v) != napi_ok) mismatch(i, param, "a boolean");
    return v;
  }

  // The raw argument, for readers beyond these (a GPU launch's DeviceArray handles).
  napi_value value(int i) const { return argv_[i]; }
  napi_env env() const { return env_; }
  const char* fn() const { return fn_; }

  template <typename T>
  View<T> view(int i, const char* param, napi_typedarray_type kind) const {
    napi_typedarray_type got;
    size_t length = 0;
    void* data = nullptr;
    napi_value buffer;
    size_t byte_offset = 0;
    if (napi_get_typedarray_info(env_, argv_[i], &got, &length, &data, &buffer, &byte_offset) != napi_ok || got != kind)
      mismatch(i, param, typed_array_name(kind));
    if (length == 0) {
      // A detached buffer reads as length 0 with no data (JS would see an empty array).
      bool detached = false;
      if (napi_is_detached_arraybuffer(env_, buffer, &detached) == napi_ok && detached)
        throw_type_error(fn_, param, "the ArrayBuffer is detached");
    }
    return View<T>{static_cast<T*>(data), static_cast<int64_t>(length), argv_[i], buffer, byte_offset};
  }

 private:
  double integer(int i, const char* param, double lo, double hi, const char* kind) const {
    double v;
    if (napi_get_value_double(env_, argv_[i], &v) != napi_ok || !(v >= lo && v <= hi) || v != std::trunc(v))
      mismatch(i, param, std::string(kind[0] == 'i' ? "an " : "a ") + kind + " integer");
    return v + 0.0;  // -0 is taken as 0
  }

  [[noreturn]] void mismatch(int i, const char* param, const std::string& expected) const {
    throw_type_error(fn_, param, "expected " + expected + ", got " + describe(env_, argv_[i]));
  }

  napi_env env_;
  napi_value* argv_;
  const char* fn_;
};

}  // namespace tsn
