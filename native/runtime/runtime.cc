// tsnative_runtime: the package's own small addon, built by `npm install`
// (node-gyp rebuild with the top-level binding.gyp). The runtime may load it
// optionally; everything it offers has a JS fallback.
#include <napi.h>

#include <thread>

#ifndef TSNATIVE_VERSION
#define TSNATIVE_VERSION "unknown"
#endif

namespace {

// Napi::Addon keeps per-instance state, so the module is context-aware and
// loads in every worker_thread.
class Runtime : public Napi::Addon<Runtime> {
 public:
  Runtime(Napi::Env env, Napi::Object exports) {
    DefineAddon(exports, {
        InstanceValue("version", Napi::String::New(env, TSNATIVE_VERSION), napi_enumerable),
        InstanceMethod("hardwareConcurrency", &Runtime::HardwareConcurrency, napi_enumerable),
    });
  }

 private:
  // 0 when the platform cannot tell (std::thread::hardware_concurrency's own convention).
  Napi::Value HardwareConcurrency(const Napi::CallbackInfo& info) {
    return Napi::Number::New(info.Env(), static_cast<double>(std::thread::hardware_concurrency()));
  }
};

}  // namespace

NODE_API_ADDON(Runtime)
