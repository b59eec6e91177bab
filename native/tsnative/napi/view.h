// A zero-copy view of a typed array's elements for the duration of one call.
// Indices are 64-bit (arrays may exceed 2^31 elements); the data pointer is
// read once per call. No __restrict: two views may alias.
#pragma once
#include <node_api.h>

#include <cstdint>

#include "../core/fault.h"

namespace tsn {

// Out of line and cold: the error path must not weigh on the loops that check.
[[noreturn]] __attribute__((noinline, cold)) inline void out_of_bounds(const char* fn, int64_t index, int64_t length, const char* file, int line) {
  raise(Fault{FaultCode::OutOfBounds, ErrorKind::RangeError, line, fn, file, "", index, length, 0.0});
}

template <typename T>
struct View {
  T* data = nullptr;
  int64_t length = 0;
  // The JS object behind the view (null for a view made natively and never
  // seen by JS), and its buffer and offset, so a view can be handed back to JS.
  napi_value handle = nullptr;
  napi_value buffer = nullptr;
  size_t byte_offset = 0;

  // Checked element access: the index was already made an integer; anything
  // outside [0, length) raises a RangeError naming the source line.
  T& at(int64_t i, const char* fn, const char* file, int line) const {
    if (static_cast<uint64_t>(i) >= static_cast<uint64_t>(length)) out_of_bounds(fn, i, length, file, line);
    return data[i];
  }
  T& operator[](int64_t i) const { return data[i]; }
};

}  // namespace tsn

// Checked element access inside a generated function (which declares tsn_fn).
#define TSN_AT(view, index, line) ((view).at((index), tsn_fn, TSN_SOURCE_FILE, (line)))
