// JS errors at the boundary. Compiled code raises Faults (core/fault.h); the
// boundary's own checks (arguments) make their message directly. Either way
// the entry point turns a JsError into the JS error of the same kind, so users
// see a TypeError or RangeError, never a crash.
#pragma once
#include <node_api.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "../core/fault.h"

namespace tsn {

struct JsError {
  ErrorKind kind;
  std::string message;
};

[[noreturn]] inline void throw_js(ErrorKind kind, std::string message) { throw JsError{kind, std::move(message)}; }

[[noreturn]] inline void throw_type_error(const char* fn, const char* param, const std::string& what) {
  throw_js(ErrorKind::TypeError, std::string(fn) + "(" + param + "): " + what);
}

// The JS call's argument count: a TypeError unless it is the function's.
inline void check_argc(size_t argc, int n, const char* fn) {
  if (argc != static_cast<size_t>(n))
    throw_js(ErrorKind::TypeError, std::string(fn) + ": expected " + std::to_string(n) + " argument" + (n == 1 ? "" : "s") + ", got " + std::to_string(argc));
}

// Numbers in error messages, printed as JS prints them.
inline std::string js_number_text(double v) {
  if (v != v) return "NaN";
  if (std::isinf(v)) return v > 0 ? "Infinity" : "-Infinity";
  if (v == std::trunc(v) && std::fabs(v) < 1e21) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f", v);
    return buf;
  }
  // The shortest decimal that reads back as v, as JS prints it.
  char buf[32];
  for (int precision = 1; precision <= 17; precision++) {
    std::snprintf(buf, sizeof buf, "%.*g", precision, v);
    if (std::strtod(buf, nullptr) == v) break;
  }
  return buf;
}

// The message a fault's JS error carries: the one place these are worded.
inline JsError fault_error(const Fault& f) {
  const std::string fn(f.fn), text(f.text);
  const std::string at = " (" + std::string(f.file) + ":" + std::to_string(f.line) + ")";
  switch (f.code) {
    case FaultCode::OutOfBounds:
      return {f.kind, fn + ": index " + std::to_string(f.i0) + " is out of bounds for length " + std::to_string(f.i1) + at};
    case FaultCode::DoesNotFit:
      return {f.kind, fn + ": " + js_number_text(f.d) + " does not fit in " + text + at};
    case FaultCode::PrangeBound:
      return {f.kind, fn + ": prange " + text + " must be an integer, got " + js_number_text(f.d)};
    case FaultCode::ArrayLength:
      return {f.kind, "Invalid typed array length: " + js_number_text(f.d) + " (" + text + ")"};
    case FaultCode::AllocFailed:
      return {f.kind, "Array buffer allocation failed (" + text + ")"};
    case FaultCode::AllocOffThread:
      return {f.kind, "cannot allocate a " + text + " off the JS thread (in offloaded code)"};
    case FaultCode::SubarrayOffThread:
      return {f.kind, "cannot make a subarray off the JS thread (in offloaded code)"};
    case FaultCode::Message:
      return {f.kind, text};
    case FaultCode::Prefixed:
      return {f.kind, fn + ": " + text};
  }
  return {ErrorKind::Error, fn + ": internal error: an unknown fault"};
}

inline napi_value make_error(napi_env env, const JsError& e) {
  napi_value msg, err;
  napi_create_string_utf8(env, e.message.c_str(), NAPI_AUTO_LENGTH, &msg);
  switch (e.kind) {
    case ErrorKind::TypeError: napi_create_type_error(env, nullptr, msg, &err); break;
    case ErrorKind::RangeError: napi_create_range_error(env, nullptr, msg, &err); break;
    case ErrorKind::Error: napi_create_error(env, nullptr, msg, &err); break;
  }
  return err;
}

inline void throw_to_js(napi_env env, const JsError& e) {
  bool pending = false;
  napi_is_exception_pending(env, &pending);
  if (pending) return;  // keep the original exception unchanged
  napi_throw(env, make_error(env, e));
}

}  // namespace tsn
