// tsnative_runtime: the package's own small addon, built by `npm install`
// (node-gyp rebuild with the top-level binding.gyp). It owns the process-wide
// state every generated addon reads (native/tsnative/parallel/runtime.h) and publishes
// it on the global of each context it loads in. The JS loader loads it before
// the first generated addon; everything it offers has a JS fallback.
#include <napi.h>

#include <climits>
#include <cmath>
#include <cstdlib>
#include <mutex>
#include <thread>

#include "tsnative/parallel/runtime.h"

#ifndef TSNATIVE_VERSION
#define TSNATIVE_VERSION "unknown"
#endif

namespace {

tsn::RuntimeState own_state{};
std::once_flag first_load;
// The state this process uses: our own, or one another copy of the package
// (a nested install) published first, so that there is one per process.
std::atomic<tsn::RuntimeState*> state{nullptr};

// libgomp reads its settings from the environment once, when the first addon
// (which links it) is loaded, so this runs before any of them loads. Spinning
// worker threads made a 2-thread loop 2.5–5.5× slower than one thread on a
// busy 2-core machine, so unless the user chose otherwise, idle OpenMP threads
// sleep instead of spinning, after a short spin (GOMP_SPINCOUNT, about 30 µs
// by libgomp's estimate) that catches back-to-back parallel loops: spectral
// norm's 40 loops per run went from 1.5× to 1.95× on 2 threads with it.
void set_env(const char* name, const char* value) {
#ifdef _WIN32
  _putenv_s(name, value);
#else
  setenv(name, value, 0);
#endif
}

void prefer_passive_wait() {
  if (std::getenv("OMP_WAIT_POLICY") || std::getenv("GOMP_SPINCOUNT")) return;
  set_env("OMP_WAIT_POLICY", "PASSIVE");
  set_env("GOMP_SPINCOUNT", "3000");
}

// Once per process, at the first load in any thread.
void first_init(napi_env env) {
  tsn::RuntimeState* existing = tsn::published_runtime(env);
  if (existing) {
    state.store(existing);
    return;
  }
  tsn::init_runtime_state(own_state);
  prefer_passive_wait();
  state.store(&own_state);
}

// Puts the process's state on this context's global unless it is there
// already (a second load of this addon, or another copy's): read-only, not
// enumerable, not configurable.
void publish(napi_env env) {
  if (tsn::published_runtime(env)) return;
  napi_value global, key, external;
  if (napi_get_global(env, &global) != napi_ok || !tsn::runtime_symbol(env, global, &key)) return;
  if (napi_create_external(env, state.load(), nullptr, nullptr, &external) != napi_ok) return;
  napi_property_descriptor d{};
  d.name = key;
  d.value = external;
  d.attributes = napi_default;
  napi_define_properties(env, global, 1, &d);
}

tsn::RuntimeState& shared() { return *state.load(); }

// A JS number that is an integer within [lo, hi], or a RangeError naming `fn`.
int64_t integer_arg(const Napi::CallbackInfo& info, const char* fn, double lo, double hi) {
  Napi::Env env = info.Env();
  if (info.Length() < 1 || !info[0].IsNumber()) throw Napi::TypeError::New(env, std::string(fn) + ": expected a number");
  double v = info[0].As<Napi::Number>().DoubleValue();
  if (!(v >= lo && v <= hi) || v != std::trunc(v))
    throw Napi::RangeError::New(env, std::string(fn) + ": expected an integer from " + std::to_string(static_cast<int64_t>(lo)) +
                                         " to " + std::to_string(static_cast<int64_t>(hi)));
  return static_cast<int64_t>(v);
}

// Napi::Addon keeps per-instance state, so the module is context-aware and
// loads in every worker_thread.
class Runtime : public Napi::Addon<Runtime> {
 public:
  Runtime(Napi::Env env, Napi::Object exports) {
    std::call_once(first_load, first_init, static_cast<napi_env>(env));
    publish(env);
    DefineAddon(exports, {
        InstanceValue("version", Napi::String::New(env, TSNATIVE_VERSION), napi_enumerable),
        InstanceValue("abi", Napi::Number::New(env, tsn::kRuntimeAbi), napi_enumerable),
        InstanceMethod("hardwareConcurrency", &Runtime::HardwareConcurrency, napi_enumerable),
        InstanceMethod("getNumThreads", &Runtime::GetNumThreads, napi_enumerable),
        InstanceMethod("setNumThreads", &Runtime::SetNumThreads, napi_enumerable),
        InstanceMethod("getParallelThreshold", &Runtime::GetParallelThreshold, napi_enumerable),
        InstanceMethod("setParallelThreshold", &Runtime::SetParallelThreshold, napi_enumerable),
    });
  }

 private:
  // 0 when the platform cannot tell (std::thread::hardware_concurrency's own convention).
  Napi::Value HardwareConcurrency(const Napi::CallbackInfo& info) {
    return Napi::Number::New(info.Env(), static_cast<double>(std::thread::hardware_concurrency()));
  }

  // 0: not chosen (every core).
  Napi::Value GetNumThreads(const Napi::CallbackInfo& info) {
    return Napi::Number::New(info.Env(), shared().num_threads.load(std::memory_order_relaxed));
  }

  // 0 goes back to every core (for tests; the public setNumThreads wants n >= 1).
  void SetNumThreads(const Napi::CallbackInfo& info) {
    int64_t n = integer_arg(info, "setNumThreads", 0, INT_MAX);
    shared().num_threads.store(static_cast<int>(n), std::memory_order_relaxed);
  }

  // -1: each loop's own minimum trip count.
  Napi::Value GetParallelThreshold(const Napi::CallbackInfo& info) {
    return Napi::Number::New(info.Env(), static_cast<double>(shared().parallel_threshold.load(std::memory_order_relaxed)));
  }

  // undefined (or no argument) goes back to each loop's own minimum.
  void SetParallelThreshold(const Napi::CallbackInfo& info) {
    int64_t n = info.Length() < 1 || info[0].IsUndefined() ? -1 : integer_arg(info, "setParallelThreshold", 0, 9007199254740991.0);
    shared().parallel_threshold.store(n, std::memory_order_relaxed);
  }
};

}  // namespace

NODE_API_ADDON(Runtime)
