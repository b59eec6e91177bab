// Process-wide runtime state: the thread count and parallel threshold every
// addon of a process obeys. One object, owned by the package's runtime addon
// (native/runtime/runtime.cc), read by every generated addon. It is published
// on each JS context's global under Symbol.for('tsnative.runtime') as an
// external; a generated addon reads that property once, at module init
// (attach_runtime, called by the generated tsn_init), and keeps the pointer.
//
// Atomics rather than the environment: prange loops run on libuv pool
// threads (offload) while the JS thread changes the count, and getenv racing
// setenv is undefined behaviour; an atomic load per loop is also cheaper.
//
// The struct is an ABI shared by separately compiled .node files, so it only
// grows: new fields go at the end (or into `reserved`, where 0 must mean
// "absent"), `size` says how much of it the publisher has, and `abi` changes
// only when an existing field changes meaning.
#pragma once
#include <node_api.h>

#include <atomic>
#include <cerrno>
#include <climits>
#include <cmath>
#include <cstdint>
#include <cstdlib>

namespace tsn {

constexpr uint32_t kRuntimeAbi = 1;
constexpr const char* kRuntimeKey = "tsnative.runtime";

struct RuntimeState {
  uint32_t abi;   // kRuntimeAbi of the publisher
  uint32_t size;  // sizeof(RuntimeState) of the publisher
  // Threads a prange loop may use; 0: every core (omp_get_num_procs()).
  std::atomic<int> num_threads;
  // Overrides each loop's minimum trip count for going parallel; -1: none.
  std::atomic<int64_t> parallel_threshold;
  uint64_t reserved[8];  // zero; room for the CUDA context, MPI, ...
};

// Other compilers (or a later tsnative) must lay these out as plain integers.
static_assert(std::atomic<int>::is_always_lock_free, "RuntimeState needs lock-free int atomics");
static_assert(std::atomic<int64_t>::is_always_lock_free, "RuntimeState needs lock-free int64 atomics");
static_assert(sizeof(std::atomic<int>) == sizeof(int), "RuntimeState layout");
static_assert(sizeof(std::atomic<int64_t>) == sizeof(int64_t), "RuntimeState layout");

// An environment variable as a JS Number() would read it, if it is an
// integer; false when unset, empty or anything else.
inline bool integer_from_env(const char* name, double& out) {
  const char* raw = std::getenv(name);
  if (!raw) return false;
  char* end = nullptr;
  errno = 0;
  double v = std::strtod(raw, &end);
  if (end == raw || errno == ERANGE) return false;
  while (*end == ' ' || *end == '\t' || *end == '\n' || *end == '\r') end++;
  if (*end != '\0' || !std::isfinite(v) || v != std::trunc(v)) return false;
  out = v;
  return true;
}

// TSNATIVE_NUM_THREADS: a positive integer, else 0 (every core).
inline int threads_from_env() {
  double v = 0;
  if (!integer_from_env("TSNATIVE_NUM_THREADS", v) || v < 1 || v > INT_MAX) return 0;
  return static_cast<int>(v);
}

// TSNATIVE_PARALLEL_THRESHOLD: a trip count, else -1 (the compiler's). A
// negative one means "always", as 0 does.
inline int64_t threshold_from_env() {
  double v = 0;
  if (!integer_from_env("TSNATIVE_PARALLEL_THRESHOLD", v)) return -1;
  if (v < 0) return 0;
  return v > 9007199254740992.0 ? INT64_MAX : static_cast<int64_t>(v);
}

inline void init_runtime_state(RuntimeState& s) {
  s.abi = kRuntimeAbi;
  s.size = sizeof(RuntimeState);
  s.num_threads.store(threads_from_env(), std::memory_order_relaxed);
  s.parallel_threshold.store(threshold_from_env(), std::memory_order_relaxed);
  for (uint64_t& r : s.reserved) r = 0;
}

// A state this header can read: the same ABI and at least the fields it knows.
inline bool runtime_compatible(const RuntimeState* s) {
  return s && s->abi == kRuntimeAbi && s->size >= sizeof(RuntimeState);
}

// Symbol.for(kRuntimeKey), through the global Symbol.for (NAPI_VERSION 8 has
// no node_api_symbol_for).
inline bool runtime_symbol(napi_env env, napi_value global, napi_value* key) {
  napi_value symbol_ctor, symbol_for, name;
  napi_valuetype type;
  if (napi_get_named_property(env, global, "Symbol", &symbol_ctor) != napi_ok) return false;
  if (napi_get_named_property(env, symbol_ctor, "for", &symbol_for) != napi_ok) return false;
  if (napi_typeof(env, symbol_for, &type) != napi_ok || type != napi_function) return false;
  if (napi_create_string_utf8(env, kRuntimeKey, NAPI_AUTO_LENGTH, &name) != napi_ok) return false;
  return napi_call_function(env, symbol_ctor, symbol_for, 1, &name, key) == napi_ok;
}

// The compatible state published on this context's global, or nullptr.
// Never leaves an exception pending: module init must not fail over this.
inline RuntimeState* published_runtime(napi_env env) {
  napi_value global, key, value;
  napi_valuetype type;
  void* data = nullptr;
  RuntimeState* found = nullptr;
  if (napi_get_global(env, &global) == napi_ok && runtime_symbol(env, global, &key) &&
      napi_get_property(env, global, key, &value) == napi_ok && napi_typeof(env, value, &type) == napi_ok &&
      type == napi_external && napi_get_value_external(env, value, &data) == napi_ok) {
    found = static_cast<RuntimeState*>(data);
  }
  bool pending = false;
  if (napi_is_exception_pending(env, &pending) == napi_ok && pending) {
    napi_value ignored;
    napi_get_and_clear_last_exception(env, &ignored);
  }
  return runtime_compatible(found) ? found : nullptr;
}

// Each addon has its own copies of these (or, if the toolchain merges them
// across addons, shared ones: both are correct, as every copy holds either
// the one published state or a state read from the same environment).
inline std::atomic<RuntimeState*>& attached_runtime() {
  static std::atomic<RuntimeState*> state{nullptr};
  return state;
}

// Without the runtime addon (an addon required directly): a private state
// read once from the environment. setNumThreads cannot reach it.
inline RuntimeState& fallback_runtime() {
  static RuntimeState* state = [] {
    static RuntimeState s{};
    init_runtime_state(s);
    return &s;
  }();
  return *state;
}

// Called by every generated addon's module init, in each context it loads in.
// Once attached to the published state an addon stays attached: a later
// context without the runtime does not split it from the rest.
inline void attach_runtime(napi_env env) {
  if (RuntimeState* shared = published_runtime(env)) {
    attached_runtime().store(shared, std::memory_order_release);
  } else {
    fallback_runtime();  // read the environment now, on the JS thread
  }
}

inline RuntimeState& runtime() {
  RuntimeState* s = attached_runtime().load(std::memory_order_acquire);
  return s ? *s : fallback_runtime();
}

}  // namespace tsn
