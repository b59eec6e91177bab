// Launching a kernel from JS: the host side of a generated CUDA addon.
// A launcher entry reads the launch configuration and the kernel's
// arguments, and `run` does the rest: checks the configuration against the
// GPU, copies typed arrays to the device, launches, waits, reports a fault
// the kernel raised as its JS error, copies written arrays back, and frees
// the device memory (on every path, errors included).
//
//   static void tsn_launch_saxpy(tsn::Args& args, tsn::cuda::Launch& launch) {
//     float a = args.f32(7, "a");
//     auto x = launch.array<float>(args, 8, "x", napi_float32_array, /*written=*/false);
//     auto y = launch.array<float>(args, 9, "y", napi_float32_array, /*written=*/true);
//     launch.run(tsn_kernel_saxpy, a, x, y);   // tsn_kernel_saxpy(float, tsn::DeviceView<float>, tsn::DeviceView<float>)
//   }
//   napi_value tsn_gpu_saxpy(napi_env env, napi_callback_info info) {
//     return tsn::cuda::launcher<10>(env, info, "saxpy", tsn_launch_saxpy);        // returns undefined
//   }
//   napi_value tsn_gpu_async_saxpy(napi_env env, napi_callback_info info) {
//     return tsn::cuda::launcher_async<10>(env, info, "saxpy", tsn_launch_saxpy);  // returns a Promise
//   }
//
// Arguments 0..6 of every launcher are the configuration: grid x, y, z,
// block x, y, z (integers >= 1) and the dynamic shared memory in bytes. An
// array argument is a typed array of the parameter's kind (copied to the
// device, and back when the kernel writes it) or a DeviceArray handle of
// that kind (device-array.h; used in place). Bad arguments are TypeErrors, a
// configuration beyond the GPU's limits a RangeError, a CUDA failure an
// Error with CUDA's error name and text; all before any JS sees a result.
//
// `Launch launch(env, args, "saxpy")` inside tsn::entry works as well; the
// launcher helpers exist so one body serves the sync and the async entry.
#pragma once
#include <cuda_runtime_api.h>
#include <node_api.h>

#include <cstdint>
#include <cstring>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "../core/fault.h"
#include "../napi/args.h"
#include "../napi/entry.h"
#include "../napi/errors.h"
#include "../napi/offload.h"
#include "cuda-error.h"
#include "device-array.h"
#include "device-limits.h"
#include "device.h"
#include "runtime.h"

namespace tsn::cuda {

// An array argument of a launch, until `run` gives the kernel its DeviceView.
template <typename T>
struct ArrayArg {
  size_t slot;
};

// One launch at a time per addon: the fault record (core/fault.h) is one
// per addon, reset before a launch and read after it.
inline std::mutex& launch_mutex() {
  static std::mutex m;
  return m;
}

class Launch {
 public:
  // Reads the configuration (arguments 0..6); nothing touches the GPU before `run`.
  Launch(const Args& args, const char* kernel) : fn_(kernel) {
    const char* names[] = {"grid.x", "grid.y", "grid.z", "block.x", "block.y", "block.z"};
    uint32_t d[6];
    for (int i = 0; i < 6; i++) {
      d[i] = args.u32(i, names[i]);
      if (d[i] == 0) throw_js(ErrorKind::RangeError, std::string(fn_) + ": " + names[i] + " must be at least 1, got 0");
    }
    grid_ = dim3(d[0], d[1], d[2]);
    block_ = dim3(d[3], d[4], d[5]);
    shared_ = args.u32(6, "sharedBytes");
  }
  Launch(napi_env, const Args& args, const char* kernel) : Launch(args, kernel) {}
  Launch(const Launch&) = delete;
  Launch& operator=(const Launch&) = delete;
  ~Launch() { free_all(); }

  // Argument `i`: a typed array of `kind` or a DeviceArray of that kind. `written`: the kernel may store to it.
  template <typename T>
  ArrayArg<T> array(const Args& args, int i, const char* param, napi_typedarray_type kind, bool written) {
    Slot s;
    s.param = param;
    s.value = args.value(i);
    if (DeviceArray* a = device_array_of(args.env(), s.value)) {
      if (a->kind != kind) mismatch(args, i, param, kind);
      if (a->freed.load()) throw_type_error(fn_, param, "the DeviceArray was freed");
      a->users.fetch_add(1);
      s.handle = a;
      s.length = a->length;
      s.bytes = a->bytes;
    } else {
      bool is = false;
      if (napi_is_typedarray(args.env(), s.value, &is) != napi_ok || !is) mismatch(args, i, param, kind);
      napi_typedarray_type got;
      napi_get_typedarray_info(args.env(), s.value, &got, nullptr, nullptr, nullptr, nullptr);
      if (got != kind) mismatch(args, i, param, kind);
      View<T> v = args.view<T>(i, param, kind);
      s.host = v.data;
      s.length = v.length;
      s.bytes = static_cast<size_t>(v.length) * sizeof(T);
      s.written = written;
      check_overlap(s);
    }
    slots_.push_back(s);
    return ArrayArg<T>{slots_.size() - 1};
  }

  // Launches `kernel` with `a` (ArrayArgs become DeviceViews) and waits for it:
  // at once, or on the libuv pool for launcher_async.
  template <typename... P, typename... A>
  void run(void (*kernel)(P...), const A&... a) {
    kernel_ = reinterpret_cast<const void*>(kernel);
    call_ = [this, kernel, a...]() { kernel<<<grid_, block_, shared_>>>(bind(a)...); };
    if (!deferred_) execute();
  }

  // Everything `run` does on the GPU; raises a JsError for any failure.
  void execute() {
    if (!call_) throw_js(ErrorKind::Error, std::string(fn_) + ": internal error: the launcher never called run");
    std::lock_guard<std::mutex> lock(launch_mutex());
    check_configuration();
    for (Slot& s : slots_) {
      if (s.handle != nullptr) {
        s.device = s.handle->data;
      } else if (s.bytes > 0) {
        check_cuda(cudaMalloc(&s.device, s.bytes), fn_, ("cannot allocate " + std::to_string(s.bytes) + " bytes on the GPU").c_str());
        check_cuda(cudaMemcpy(s.device, s.host, s.bytes, cudaMemcpyHostToDevice), fn_, "cannot copy an array to the GPU");
      }
    }
    const int zero = 0;
    check_cuda(cudaMemcpyToSymbol(tsn_device_faulted, &zero, sizeof zero), fn_, "cannot run on the GPU");
    call_();
    check_cuda(cudaGetLastError(), fn_, "cannot launch the kernel");
    check_cuda(cudaDeviceSynchronize(), fn_, "the kernel failed on the GPU");
    // Arrays come back also after a fault: the threads that ran stored what JS would have.
    for (Slot& s : slots_) {
      if (s.written && s.bytes > 0)
        check_cuda(cudaMemcpy(s.host, s.device, s.bytes, cudaMemcpyDeviceToHost), fn_, "cannot copy an array back from the GPU");
    }
    int faulted = 0;
    check_cuda(cudaMemcpyFromSymbol(&faulted, tsn_device_faulted, sizeof faulted), fn_, "cannot read the kernel's result");
    if (faulted) report_fault();
  }

  void defer() { deferred_ = true; }

 private:
  struct Slot {
    const char* param = nullptr;
    napi_value value = nullptr;
    void* host = nullptr;  // a typed array's elements; null for a DeviceArray
    DeviceArray* handle = nullptr;
    void* device = nullptr;
    int64_t length = 0;
    size_t bytes = 0;
    bool written = false;
  };

  template <typename T>
  DeviceView<T> bind(const ArrayArg<T>& a) const {
    const Slot& s = slots_[a.slot];
    return DeviceView<T>{static_cast<T*>(s.device), s.length};
  }
  template <typename T>
  const T& bind(const T& v) const {
    return v;
  }

  [[noreturn]] void mismatch(const Args& args, int i, const char* param, napi_typedarray_type kind) const {
    DeviceArray* a = device_array_of(args.env(), args.value(i));
    const std::string got = a != nullptr ? describe_device_array(a) : describe(args.env(), args.value(i));
    throw_type_error(fn_, param, "expected " + with_article(typed_array_name(kind)) + " or a DeviceArray of " + typed_array_name(kind) + ", got " + got);
  }

  // Each typed array is copied on its own, so two that share memory would come back as two.
  void check_overlap(const Slot& s) const {
    if (s.bytes == 0) return;
    const char* lo = static_cast<const char*>(s.host);
    for (const Slot& o : slots_) {
      if (o.host == nullptr || o.bytes == 0) continue;
      const char* olo = static_cast<const char*>(o.host);
      if (lo < olo + o.bytes && olo < lo + s.bytes)
        throw_type_error(fn_, s.param, std::string("overlaps ") + o.param + " in memory (typed arrays are copied to the GPU one by one)");
    }
  }

  [[noreturn]] void beyond(const std::string& what) const { throw_js(ErrorKind::RangeError, std::string(fn_) + ": " + what); }

  void check_configuration() const {
    const DeviceLimits& l = device_limits(fn_);
    const char* axes = "xyz";
    const unsigned g[3] = {grid_.x, grid_.y, grid_.z}, b[3] = {block_.x, block_.y, block_.z};
    for (int i = 0; i < 3; i++) {
      if (g[i] > static_cast<unsigned>(l.max_grid[i]))
        beyond("grid." + std::string(1, axes[i]) + " is " + std::to_string(g[i]) + ", more than the " + std::to_string(l.max_grid[i]) + " of " + l.name);
      if (b[i] > static_cast<unsigned>(l.max_block[i]))
        beyond("block." + std::string(1, axes[i]) + " is " + std::to_string(b[i]) + ", more than the " + std::to_string(l.max_block[i]) + " of " +
               l.name);
    }
    const uint64_t threads = static_cast<uint64_t>(b[0]) * b[1] * b[2];
    cudaFuncAttributes attr;
    check_cuda(cudaFuncGetAttributes(&attr, kernel_), fn_, "cannot run on the GPU");
    // The kernel's own limit is lower than the device's when it needs many registers.
    if (threads > static_cast<uint64_t>(attr.maxThreadsPerBlock))
      beyond("a block of " + std::to_string(threads) + " threads is more than the " + std::to_string(attr.maxThreadsPerBlock) +
             " this kernel can run per block on " + l.name);
    const uint64_t shared = static_cast<uint64_t>(shared_) + attr.sharedSizeBytes;
    if (shared > static_cast<uint64_t>(l.shared_per_block_optin))
      beyond("a block needs " + std::to_string(shared) + " bytes of shared memory, more than the " + std::to_string(l.shared_per_block_optin) + " of " +
             l.name);
    // Beyond the default, a kernel must ask for the larger shared memory.
    if (shared > static_cast<uint64_t>(l.shared_per_block))
      check_cuda(cudaFuncSetAttribute(kernel_, cudaFuncAttributeMaxDynamicSharedMemorySize, static_cast<int>(shared_)), fn_, "cannot run on the GPU");
  }

  // The kernel's fault as its JS error: the record's strings are device pointers, their text was copied beside it.
  [[noreturn]] void report_fault() const {
    Fault f;
    char text[3][kFaultTextMax];
    check_cuda(cudaMemcpyFromSymbol(&f, tsn_device_fault, sizeof f), fn_, "cannot read the kernel's error");
    check_cuda(cudaMemcpyFromSymbol(text, tsn_device_fault_text, sizeof text), fn_, "cannot read the kernel's error");
    f.fn = text[0];
    f.file = text[1];
    f.text = text[2];
    // Worded now: the strings live in this frame.
    throw fault_error(f);
  }

  void free_all() {
    for (Slot& s : slots_) {
      if (s.handle != nullptr) release(s.handle);
      else if (s.device != nullptr) cudaFree(s.device);
      s.device = nullptr;
    }
    slots_.clear();
  }

  const char* fn_;
  dim3 grid_, block_;
  uint32_t shared_ = 0;
  std::vector<Slot> slots_;
  const void* kernel_ = nullptr;
  std::function<void()> call_;
  bool deferred_ = false;
};

// The sync launcher: returns undefined once the kernel has finished and its arrays are back.
template <int N, typename Body>
inline napi_value launcher(napi_env env, napi_callback_info info, const char* fn, Body&& body) {
  return entry<N>(env, info, fn, [&](Args& args) -> napi_value {
    Launch launch(args, fn);
    body(args, launch);
    return ret_void(env);
  });
}

// launchAsync: the same checks on the JS thread (their errors reject the
// Promise), then the GPU work on the libuv pool, through offload's machinery
// (napi/offload.h), which keeps the typed arrays alive until it settles and
// rejects if one was detached meanwhile; a DeviceArray's memory is kept by
// the launch's use of it (device-array.h). Resolves undefined.
template <int N, typename Body>
inline napi_value launcher_async(napi_env env, napi_callback_info info, const char* fn, Body&& body) {
  return offload_entry<N>(env, info, fn, [&](Args& args) -> std::function<Outcome()> {
    auto launch = std::make_shared<Launch>(args, fn);
    launch->defer();
    body(args, *launch);
    return [launch]() {
      launch->execute();
      return Outcome::none();
    };
  });
}

}  // namespace tsn::cuda
