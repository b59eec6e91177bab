// What a generated kernel uses on the device: views of the arrays a launch
// passed (DeviceView, checked as host views are) and the atomics
// (atomics.h). Included by the generated .cu after tsnative.h; everything
// here is device code or plain data, so the host side of the same file
// (the launcher, the CPU simulator) is unaffected.
#pragma once
#include <cstdint>

#include "../core/fault.h"
#include "atomics.h"

namespace tsn {

// The same fault as a host view's (napi/view.h out_of_bounds): the launcher
// reports it after the launch with the kernel's name, the index and the line.
__device__ __noinline__ inline void device_out_of_bounds(const char* fn, int64_t index, int64_t length, const char* file, int line) {
  raise(Fault{FaultCode::OutOfBounds, ErrorKind::RangeError, line, fn, file, "", index, length, 0.0});
}

// A typed array's elements in device memory for one launch (a copy of a
// typed array, or a DeviceArray's own memory). Passed to kernels by value;
// two views may alias (the same DeviceArray twice), so no __restrict.
template <typename T>
struct DeviceView {
  T* data;
  int64_t length;

  // Checked access: the index was already made an integer; anything outside
  // [0, length) faults with a RangeError naming the source line. The same
  // spelling as View<T>::at, so TSN_AT (napi/view.h) works on both.
  __device__ T& at(int64_t i, const char* fn, const char* file, int line) const {
    if (static_cast<uint64_t>(i) >= static_cast<uint64_t>(length)) device_out_of_bounds(fn, i, length, file, line);
    return data[i];
  }
  __device__ T& operator[](int64_t i) const { return data[i]; }
};

}  // namespace tsn
