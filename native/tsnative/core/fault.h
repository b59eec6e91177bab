// The error model of compiled code. A failed check records what failed as
// data (a code, the values its message names, the source line) and raises
// it; only the JS boundary (napi/errors.h) turns it into a JS exception, with
// the message JS users see. In a parallel loop the fault of the lowest failing
// iteration wins (parallel/prange.h). Raising is the one target-specific part:
// a C++ exception on the CPU, a recorded fault and the end of the thread on a
// device, where there are no exceptions.
#pragma once
#include <cstdint>

#include "config.h"

namespace tsn {

enum class ErrorKind : int32_t { Error, TypeError, RangeError };

enum class FaultCode : int32_t {
  OutOfBounds,        // index i0, length i1
  DoesNotFit,         // `overflowcheck`: value d does not fit in the kind `text`
  PrangeBound,        // a prange bound d that is not an integer within ±2^53
  ArrayLength,        // `new text(d)` with d not a valid length
  AllocFailed,        // no memory for a `text`
  AllocOffThread,     // a `text` allocated off the JS thread (offload)
  SubarrayOffThread,  // .subarray off the JS thread
  Message,            // an error of `kind` whose message is `text` (a user's throw)
  Prefixed,           // the same, after the function's name: "fn: text"
};

struct Fault {
  FaultCode code;
  ErrorKind kind;
  int32_t line;      // source line; 0 where the message names none
  const char* fn;    // the compiled function's JS name
  const char* file;  // its source file
  const char* text;  // a literal the message uses
  int64_t i0, i1;
  double d;
};

TSN_HD inline Fault fault(FaultCode code, ErrorKind kind, const char* fn, const char* text = "") {
  return Fault{code, kind, 0, fn, "", text, 0, 0, 0.0};
}

#if defined(__CUDACC__)
// The first fault of a launch; the launcher copies it back and reports it.
// Its strings point into device memory, so their text is copied beside it
// (fn, file, text; cut at kFaultTextMax - 1 bytes) for the host to read.
constexpr int kFaultTextMax = 256;
__device__ Fault tsn_device_fault;
__device__ int tsn_device_faulted;
__device__ char tsn_device_fault_text[3][kFaultTextMax];

__device__ inline void copy_fault_text(char* to, const char* from) {
  int i = 0;
  for (; from != nullptr && from[i] != '\0' && i < kFaultTextMax - 1; i++) to[i] = from[i];
  to[i] = '\0';
}
#endif

#if defined(__CUDA_ARCH__)
[[noreturn]] __device__ inline void raise(const Fault& f) {
  if (atomicCAS(&tsn_device_faulted, 0, 1) == 0) {
    tsn_device_fault = f;
    copy_fault_text(tsn_device_fault_text[0], f.fn);
    copy_fault_text(tsn_device_fault_text[1], f.file);
    copy_fault_text(tsn_device_fault_text[2], f.text);
    // The flag is set before the record is complete: the host reads both only after the launch has finished.
    __threadfence();
  }
  asm volatile("exit;");
  __builtin_unreachable();
}
#else
[[noreturn]] inline void raise(const Fault& f) { throw f; }
#endif

}  // namespace tsn
