// offload(fn): the same compiled function run on the libuv thread pool. The
// arguments are read and checked on the JS thread; the typed arrays are held
// by references until the Promise settles; the work itself makes no N-API
// call (allocating typed arrays off the JS thread is refused, never a crash).
#pragma once
#include <node_api.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "../core/fault.h"
#include "args.h"
#include "arrays.h"
#include "entry.h"
#include "errors.h"

namespace tsn {

// What an offloaded call produced, carried from the pool thread to the JS thread.
struct Outcome {
  enum class Kind { Void, F64, I32, U32, Bool, View } kind = Kind::Void;
  double f64 = 0;
  int32_t i32 = 0;
  uint32_t u32 = 0;
  bool boolean = false;
  napi_value view = nullptr;  // identity of the argument the result is (compared, never used off-thread)

  static Outcome none() { return {}; }
  static Outcome of(double v) { Outcome o; o.kind = Kind::F64; o.f64 = v; return o; }
  static Outcome of(float v) { return of(static_cast<double>(v)); }
  static Outcome of(int32_t v) { Outcome o; o.kind = Kind::I32; o.i32 = v; return o; }
  static Outcome of(int16_t v) { return of(static_cast<int32_t>(v)); }
  static Outcome of(int8_t v) { return of(static_cast<int32_t>(v)); }
  static Outcome of(uint32_t v) { Outcome o; o.kind = Kind::U32; o.u32 = v; return o; }
  static Outcome of(uint16_t v) { return of(static_cast<uint32_t>(v)); }
  static Outcome of(uint8_t v) { return of(static_cast<uint32_t>(v)); }
  static Outcome of(bool v) { Outcome o; o.kind = Kind::Bool; o.boolean = v; return o; }
  template <typename T>
  static Outcome of(const View<T>& v) { Outcome o; o.kind = Kind::View; o.view = v.handle; return o; }
};

struct OffloadWork {
  const char* fn = nullptr;
  napi_async_work work = nullptr;
  napi_deferred deferred = nullptr;
  std::vector<napi_value> handles;  // the argument typed arrays (identity only)
  std::vector<napi_ref> refs;       // keep them alive until the Promise settles
  std::function<Outcome()> run;
  Outcome out;
  std::optional<JsError> error;
};

inline napi_value outcome_value(napi_env env, OffloadWork& w) {
  switch (w.out.kind) {
    case Outcome::Kind::Void: return ret_void(env);
    case Outcome::Kind::F64: return ret_f64(env, w.out.f64);
    case Outcome::Kind::I32: return ret_i32(env, w.out.i32);
    case Outcome::Kind::U32: return ret_u32(env, w.out.u32);
    case Outcome::Kind::Bool: return ret_bool(env, w.out.boolean);
    case Outcome::Kind::View:
      for (size_t i = 0; i < w.handles.size(); i++) {
        if (w.handles[i] != w.out.view) continue;
        napi_value v;
        napi_get_reference_value(env, w.refs[i], &v);
        return v;
      }
      throw JsError{ErrorKind::Error, std::string(w.fn) + ": an offloaded function can only return one of its own arrays"};
  }
  return ret_void(env);
}

inline void offload_execute(napi_env, void* data) {
  auto* w = static_cast<OffloadWork*>(data);
  try {
    w->out = w->run();
  } catch (const Fault& f) {
    w->error = fault_error(f);
  } catch (const JsError& e) {
    w->error = e;
  } catch (const std::exception& e) {
    w->error = JsError{ErrorKind::Error, std::string(w->fn) + ": internal error: " + e.what()};
  }
}

inline void offload_complete(napi_env env, napi_status status, void* data) {
  auto* w = static_cast<OffloadWork*>(data);
  napi_value result = nullptr;
  std::optional<JsError> error = w->error;
  if (status != napi_ok) error = JsError{ErrorKind::Error, std::string(w->fn) + ": the offloaded call was cancelled"};
  // A buffer detached while the work ran: its results cannot be trusted.
  for (napi_ref ref : w->refs) {
    napi_value v, buffer;
    bool detached = false;
    if (error || napi_get_reference_value(env, ref, &v) != napi_ok) continue;
    if (napi_get_typedarray_info(env, v, nullptr, nullptr, nullptr, &buffer, nullptr) == napi_ok &&
        napi_is_detached_arraybuffer(env, buffer, &detached) == napi_ok && detached)
      error = JsError{ErrorKind::TypeError, std::string(w->fn) + ": an ArrayBuffer was detached while the call was offloaded"};
  }
  if (!error) {
    try {
      result = outcome_value(env, *w);
    } catch (const JsError& e) {
      error = e;
    }
  }
  if (error) napi_reject_deferred(env, w->deferred, make_error(env, *error));
  else napi_resolve_deferred(env, w->deferred, result);
  for (napi_ref ref : w->refs) napi_delete_reference(env, ref);
  napi_delete_async_work(env, w->work);
  delete w;
}

// `setup` reads the arguments (on the JS thread) and returns the work to run.
// Argument errors reject the Promise, as an async function's would.
template <int N, typename Setup>
inline napi_value offload_entry(napi_env env, napi_callback_info info, const char* fn, Setup&& setup) {
  napi_value promise;
  auto* w = new OffloadWork();
  w->fn = fn;
  if (napi_create_promise(env, &w->deferred, &promise) != napi_ok) {
    delete w;
    return nullptr;
  }
  try {
    napi_value argv[N + 1];
    size_t argc = N + 1;
    napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
    check_argc(argc, N, fn);
    Args args(env, argv, fn);
    current_env = env;
    w->run = setup(args);
    current_env = nullptr;  // the work runs elsewhere: no N-API there
    for (size_t i = 0; i < argc; i++) {
      bool is = false;
      if (napi_is_typedarray(env, argv[i], &is) != napi_ok || !is) continue;
      napi_ref ref;
      napi_create_reference(env, argv[i], 1, &ref);
      w->handles.push_back(argv[i]);
      w->refs.push_back(ref);
    }
    napi_value name;
    napi_create_string_utf8(env, fn, NAPI_AUTO_LENGTH, &name);
    napi_create_async_work(env, nullptr, name, offload_execute, offload_complete, w, &w->work);
    napi_queue_async_work(env, w->work);
  } catch (const JsError& e) {
    current_env = nullptr;
    napi_reject_deferred(env, w->deferred, make_error(env, e));
    for (napi_ref ref : w->refs) napi_delete_reference(env, ref);
    delete w;
  }
  return promise;
}

}  // namespace tsn
