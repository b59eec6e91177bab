// The N-API side of a compiled function: argument count, the JsError → JS
// exception bridge, and return values. Generated entry points are one call to
// tsn::entry with a lambda that reads the arguments and calls the C++ function.
#pragma once
#include <node_api.h>

#include <cstdint>
#include <exception>
#include <string>

#include "args.h"
#include "arrays.h"
#include "errors.h"

namespace tsn {

inline void throw_to_js(napi_env env, const JsError& e) {
  bool pending = false;
  napi_is_exception_pending(env, &pending);
  if (pending) return;  // keep the original exception unchanged
  switch (e.kind) {
    case ErrorKind::TypeError: napi_throw_type_error(env, nullptr, e.message.c_str()); break;
    case ErrorKind::RangeError: napi_throw_range_error(env, nullptr, e.message.c_str()); break;
    case ErrorKind::Error: napi_throw_error(env, nullptr, e.message.c_str()); break;
  }
}

template <int N, typename Body>
inline napi_value entry(napi_env env, napi_callback_info info, const char* fn, Body&& body) {
  // One spare slot detects extra arguments without a second call.
  napi_value argv[N + 1];
  size_t argc = N + 1;
  try {
    if (napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr) != napi_ok)
      throw_error(ErrorKind::Error, std::string(fn) + ": could not read the arguments");
    if (argc != static_cast<size_t>(N))
      throw_error(ErrorKind::TypeError, std::string(fn) + ": expected " + std::to_string(N) + " argument" +
                                            (N == 1 ? "" : "s") + ", got " + std::to_string(argc));
    Args args(env, argv, fn);
    current_env = env;
    return body(args);
  } catch (const JsError& e) {
    throw_to_js(env, e);
  } catch (const std::bad_alloc&) {
    napi_throw_range_error(env, nullptr, (std::string(fn) + ": out of memory").c_str());
  } catch (const std::exception& e) {
    napi_throw_error(env, nullptr, (std::string(fn) + ": internal error: " + e.what()).c_str());
  }
  return nullptr;
}

inline napi_value ret_f64(napi_env env, double v) {
  napi_value r;
  napi_create_double(env, v, &r);
  return r;
}
inline napi_value ret_i32(napi_env env, int32_t v) {
  napi_value r;
  napi_create_int32(env, v, &r);
  return r;
}
inline napi_value ret_u32(napi_env env, uint32_t v) {
  napi_value r;
  napi_create_uint32(env, v, &r);
  return r;
}
inline napi_value ret_bool(napi_env env, bool v) {
  napi_value r;
  napi_get_boolean(env, v, &r);
  return r;
}
inline napi_value ret_void(napi_env env) {
  napi_value r;
  napi_get_undefined(env, &r);
  return r;
}

// Adds a raw N-API function to the exports object under its JS name.
inline void export_function(napi_env env, napi_value exports, const char* name, napi_callback cb) {
  napi_value fn;
  napi_create_function(env, name, NAPI_AUTO_LENGTH, cb, nullptr, &fn);
  napi_set_named_property(env, exports, name, fn);
}

}  // namespace tsn
