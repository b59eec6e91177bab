// prange on the CPU: how many threads a loop gets, its serial form, and
// carrying the fault of the lowest failing iteration out of an OpenMP region
// (a C++ exception must never cross one: that is std::terminate). Included
// only by addons with prange loops; they alone link libgomp.
#pragma once
#include <omp.h>

#include <atomic>
#include <climits>
#include <cstdint>
#include <functional>
#include <mutex>
#include <tuple>

#include "../core/fault.h"
#include "runtime.h"

namespace tsn {

// setNumThreads() and TSNATIVE_NUM_THREADS, through the process-wide state
// (runtime.h): one relaxed load, safe on any thread.
inline int requested_threads() {
  int n = runtime().num_threads.load(std::memory_order_relaxed);
  return n > 0 ? n : omp_get_num_procs();
}

// Threads for a loop of n iterations: one (a plain serial loop, bit-identical
// to JS) when the loop is too small to pay for a fork/join, when only one
// thread is wanted, or inside another parallel loop.
// TSNATIVE_PARALLEL_THRESHOLD (or the runtime's setter) overrides the
// compiler's minimum trip count.
inline int threads_for(int64_t n, int64_t min_iterations) {
  int64_t threshold = runtime().parallel_threshold.load(std::memory_order_relaxed);
  if (threshold >= 0) min_iterations = threshold;
  if (n < min_iterations || n < 2 || omp_in_parallel()) return 1;
  int t = requested_threads();
  return t < 1 ? 1 : (n < t ? static_cast<int>(n) : t);
}

// The serial form of a prange loop, a function of its own like OpenMP's
// outlined body: inside a large function g++ vectorised worse (saxpy spilled
// through the stack). Its arguments become locals here that no store can
// alias: views by value, and each reduction (passed as std::ref) as a local
// accumulator written back at the end, so it stays in a register.
template <typename T>
struct Accumulator {
  T* out;
  T value;
};
template <typename T>
Accumulator<T> hold(std::reference_wrapper<T> r) { return {&r.get(), r.get()}; }
template <typename T>
T hold(const T& v) { return v; }
template <typename T>
T& use(Accumulator<T>& a) { return a.value; }
template <typename T>
T& use(T& v) { return v; }
template <typename T>
void release(Accumulator<T>& a) { *a.out = a.value; }
template <typename T>
void release(T&) {}

template <typename Body, typename... Args>
__attribute__((noinline)) void serial_for(int64_t n, int64_t lo, int64_t step, const Body& body, Args... args) {
  auto held = std::make_tuple(hold(args)...);
  std::apply(
      [&](auto&... h) {
        for (int64_t j = 0; j < n; j++) body(lo + j * step, use(h)...);
        (release(h), ...);
      },
      held);
}

// The fault of the lowest iteration that raised one; later iterations are skipped.
class ParallelFault {
 public:
  bool skip(int64_t k) const { return k > lowest_.load(std::memory_order_relaxed); }

  void record(int64_t k, const Fault& f) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (k < lowest_.load(std::memory_order_relaxed)) {
      lowest_.store(k, std::memory_order_relaxed);
      fault_ = f;
    }
  }

  // Anything but a fault escaping an iteration is a bug; reported as one.
  void record_internal(int64_t k, const char* fn) { record(k, fault(FaultCode::Prefixed, ErrorKind::Error, fn, "internal error in a prange loop")); }

  // After the loop, on the thread that started it.
  void raise_lowest() const {
    if (lowest_.load() != INT64_MAX) raise(fault_);
  }

 private:
  std::atomic<int64_t> lowest_{INT64_MAX};
  std::mutex mutex_;
  Fault fault_{};
};

}  // namespace tsn
