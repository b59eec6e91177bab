// The N-API side of a compiled function: argument count, the bridge from a
// fault or a boundary error to a JS exception, and return values. Generated
// entry points are one call to tsn::entry with a lambda that reads the
// arguments and calls the C++ function.
#pragma once
#include <node_api.h>

#include <cstdint>
#include <exception>
#include <new>
#include <string>

#include "../core/fault.h"
#include "args.h"
#include "arrays.h"
#include "errors.h"

namespace tsn {

// Runs `body` and turns whatever it raised into the JS error users see.
template <typename Body>
inline napi_value guarded(napi_env env, const char* fn, Body&& body) {
  try {
    return body();
  } catch (const Fault& f) {
    throw_to_js(env, fault_error(f));
  } catch (const JsError& e) {
    throw_to_js(env, e);
  } catch (const std::bad_alloc&) {
    throw_to_js(env, JsError{ErrorKind::RangeError, std::string(fn) + ": out of memory"});
  } catch (const std::exception& e) {
    throw_to_js(env, JsError{ErrorKind::Error, std::string(fn) + ": internal error: " + e.what()});
  }
  return nullptr;
}

template <int N, typename Body>
inline napi_value entry(napi_env env, napi_callback_info info, const char* fn, Body&& body) {
  return guarded(env, fn, [&]() -> napi_value {
    // One spare slot detects extra arguments without a second call.
    napi_value argv[N + 1];
    size_t argc = N + 1;
    if (napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr) != napi_ok)
      throw_js(ErrorKind::Error, std::string(fn) + ": could not read the arguments");
    check_argc(argc, N, fn);
    Args args(env, argv, fn);
    current_env = env;
    return body(args);
  });
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
