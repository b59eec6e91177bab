// Checks compiled code makes whose failure is a JS error: each raises a
// Fault (fault.h) with the values its message names.
#pragma once
#include <cmath>
#include <cstdint>
#include <type_traits>

#include "config.h"
#include "fault.h"

namespace tsn {

// `overflowcheck`: a store into an integer slot that would wrap (or drop NaN,
// ±Infinity) is a RangeError instead.
template <typename T, typename V>
TSN_HD inline T checked_store(V v, const char* kind, const char* fn, const char* file, int line) {
  // T's range as doubles (exact: at most 32 bits), without numeric_limits, which is host-only.
  constexpr int bits = 8 * static_cast<int>(sizeof(T)) - (std::is_signed<T>::value ? 1 : 0);
  const double hi = std::ldexp(1.0, bits) - 1.0;
  const double lo = std::is_signed<T>::value ? -hi - 1.0 : 0.0;
  const double d = static_cast<double>(v);
  const bool fits = d >= lo && d <= hi && d == std::trunc(d);
  if (!fits) raise(Fault{FaultCode::DoesNotFit, ErrorKind::RangeError, line, fn, file, kind, 0, 0, d});
  return static_cast<T>(v);
}

// A prange bound given as a double must be an integer JS could count to.
TSN_HD inline int64_t to_i53(double v, const char* fn, const char* what) {
  if (!(std::fabs(v) <= 9007199254740992.0) || v != std::trunc(v))
    raise(Fault{FaultCode::PrangeBound, ErrorKind::RangeError, 0, fn, "", what, 0, 0, v});
  return static_cast<int64_t>(v);
}

// Iterations of prange(lo, hi, step), as the JS iterable visits them.
TSN_HD inline int64_t trip_count(int64_t lo, int64_t hi, int64_t step, const char* fn) {
  if (step == 0) raise(fault(FaultCode::Prefixed, ErrorKind::RangeError, fn, "prange step must not be 0"));
  if (step > 0) return hi > lo ? (hi - lo + step - 1) / step : 0;
  return lo > hi ? (lo - hi + (-step) - 1) / (-step) : 0;
}

// A `throw new RangeError('…')` of the source (the message is a literal).
[[noreturn]] TSN_HD inline void throw_error(ErrorKind kind, const char* message) {
  raise(Fault{FaultCode::Message, kind, 0, "", "", message, 0, 0, 0.0});
}

// Reaching the end of a function that must return a value (JS would return undefined).
[[noreturn]] TSN_HD inline void no_return(const char* fn) {
  raise(fault(FaultCode::Prefixed, ErrorKind::TypeError, fn, "reached the end without returning a value"));
}

}  // namespace tsn
