// JS-exact number helpers, for host and device code: each one exists because
// the obvious C++ differs from ECMAScript on some input (ToInt32, Math.round,
// min/max with NaN and -0, shifts, clamped stores), or computes an index in
// int64 with a flag for when that stops equalling the JS double computation.
#pragma once
#include <cmath>
#include <cstdint>

#include "config.h"

namespace tsn {

// ECMAScript ToInt32: NaN/±Infinity → 0, otherwise truncate and wrap mod 2^32.
// A plain (int32_t) cast is undefined outside the range.
inline TSN_HD int32_t to_i32(double v) {
  if (v >= -2147483648.0 && v < 2147483648.0) return static_cast<int32_t>(v);
  if (!std::isfinite(v)) return 0;
  double t = std::trunc(v);
  double m = std::fmod(t, 4294967296.0);
  if (m < 0) m += 4294967296.0;
  return static_cast<int32_t>(static_cast<uint32_t>(m));
}

// ToInt32 of any slot's value: doubles by the JS rule, integers by wrapping.
inline TSN_HD int32_t int32_of(double v) { return to_i32(v); }
inline TSN_HD int32_t int32_of(float v) { return to_i32(static_cast<double>(v)); }
template <typename T>
inline TSN_HD int32_t int32_of(T v) { return static_cast<int32_t>(v); }

// ECMAScript ToUint32.
inline TSN_HD uint32_t to_u32(double v) { return static_cast<uint32_t>(to_i32(v)); }

// Narrow integer stores wrap as the matching typed-array store does.
inline TSN_HD int16_t to_i16(double v) { return static_cast<int16_t>(to_i32(v)); }
inline TSN_HD uint16_t to_u16(double v) { return static_cast<uint16_t>(to_i32(v)); }
inline TSN_HD int8_t to_i8(double v) { return static_cast<int8_t>(to_i32(v)); }
inline TSN_HD uint8_t to_u8(double v) { return static_cast<uint8_t>(to_i32(v)); }

// JS truthiness of a number: 0, -0 and NaN are false.
inline TSN_HD bool truthy(double v) { return v == v && v != 0.0; }

// Math.min / Math.max: NaN wins, and -0 < +0 (fmin/fmax get both wrong).
inline TSN_HD double js_min(double a, double b) {
  if (a != a || b != b) return NAN;
  if (a == b) return std::signbit(a) ? a : b;
  return a < b ? a : b;
}
inline TSN_HD double js_max(double a, double b) {
  if (a != a || b != b) return NAN;
  if (a == b) return std::signbit(a) ? b : a;
  return a > b ? a : b;
}

// JS `%` on numbers is C fmod exactly (sign of the dividend, x % 0 is NaN).
inline TSN_HD double js_mod(double a, double b) { return std::fmod(a, b); }

// Shift counts are taken mod 32; shifting is done on the 32-bit pattern.
inline TSN_HD int32_t js_shl(int32_t a, int32_t b) {
  return static_cast<int32_t>(static_cast<uint32_t>(a) << (b & 31));
}
inline TSN_HD int32_t js_sar(int32_t a, int32_t b) { return a >> (b & 31); }
inline TSN_HD uint32_t js_shr(int32_t a, int32_t b) { return static_cast<uint32_t>(a) >> (b & 31); }

// Exact integer arithmetic for index expressions: the int64 result is used
// when every step stays within ±2^53 (where it equals the JS double result);
// otherwise `overflow` is set and the caller uses the double computation.
constexpr int64_t kSafe53 = 9007199254740992LL;
// |v| > 2^53, as one unsigned comparison.
inline TSN_HD bool beyond53(int64_t v) { return static_cast<uint64_t>(v + kSafe53) > static_cast<uint64_t>(2 * kSafe53); }
#if defined(__CUDA_ARCH__)
// No overflow builtins on a device: int64 wrap-around is detected by sign
// (sums) and by the high half of the 128-bit product.
inline __device__ int64_t mul53(int64_t a, int64_t b, bool& overflow) {
  const int64_t p = static_cast<int64_t>(static_cast<uint64_t>(a) * static_cast<uint64_t>(b));
  overflow |= (__mul64hi(a, b) != (p >> 63)) | beyond53(p);
  return p;
}
inline __device__ int64_t add53(int64_t a, int64_t b, bool& overflow) {
  const int64_t s = static_cast<int64_t>(static_cast<uint64_t>(a) + static_cast<uint64_t>(b));
  overflow |= (((a ^ s) & (b ^ s)) < 0) | beyond53(s);
  return s;
}
inline __device__ int64_t sub53(int64_t a, int64_t b, bool& overflow) {
  const int64_t d = static_cast<int64_t>(static_cast<uint64_t>(a) - static_cast<uint64_t>(b));
  overflow |= (((a ^ b) & (a ^ d)) < 0) | beyond53(d);
  return d;
}
#else
inline int64_t mul53(int64_t a, int64_t b, bool& overflow) {
  int64_t p;
  const bool wrapped = __builtin_mul_overflow(a, b, &p);
  overflow |= wrapped | beyond53(p);
  return p;
}
inline int64_t add53(int64_t a, int64_t b, bool& overflow) {
  int64_t s;
  const bool wrapped = __builtin_add_overflow(a, b, &s);
  overflow |= wrapped | beyond53(s);
  return s;
}
inline int64_t sub53(int64_t a, int64_t b, bool& overflow) {
  int64_t d;
  const bool wrapped = __builtin_sub_overflow(a, b, &d);
  overflow |= wrapped | beyond53(d);
  return d;
}
#endif

// |x| <= bound (a power of two), as one unsigned comparison.
template <class T>
inline TSN_HD bool within(T x, int64_t bound) {
  return static_cast<uint64_t>(static_cast<int64_t>(x) + bound) <= static_cast<uint64_t>(2 * bound);
}

// A double used as an index: an integer in [0, 2^53] maps to itself, anything
// else (negative, fractional, NaN, huge) to -1 so the bounds check rejects it.
inline TSN_HD int64_t to_index(double v) {
  if (v >= 0 && v <= 9007199254740992.0 && v == std::trunc(v)) return static_cast<int64_t>(v);
  return -1;
}

// Math.round: halves go toward +Infinity and -0 survives (C round() breaks ties away from zero).
inline TSN_HD double js_round(double x) {
  double r = std::floor(x);
  if (x - r >= 0.5) r += 1.0;
  return (r == 0.0 && x < 0.0) ? -0.0 : r;
}

// Math.sign keeps -0 and NaN.
inline TSN_HD double js_sign(double x) {
  if (x > 0) return 1.0;
  if (x < 0) return -1.0;
  return x;
}

// Math.clz32(0) is 32 (__builtin_clz(0) is undefined; a device's __clz(0) is 32).
inline TSN_HD int32_t clz32(uint32_t x) {
#if defined(__CUDA_ARCH__)
  return __clz(static_cast<int32_t>(x));
#else
  return x == 0 ? 32 : __builtin_clz(x);
#endif
}

inline TSN_HD int32_t imul(int32_t a, int32_t b) {
  return static_cast<int32_t>(static_cast<uint32_t>(a) * static_cast<uint32_t>(b));
}

// x ** y: ECMAScript differs from C pow where the exponent is NaN or ±Infinity
// with |x| == 1 (C gives 1, JS NaN).
inline TSN_HD double js_pow(double x, double y) {
  if (y != y) return NAN;
  if (y == 0) return 1.0;
  if ((x == 1.0 || x == -1.0) && std::isinf(y)) return NAN;
  return std::pow(x, y);
}

// Uint8ClampedArray store: clamp to [0, 255], round half to even, NaN → 0.
inline TSN_HD uint8_t to_u8_clamped(double v) {
  if (!(v > 0)) return 0;
  if (v >= 255) return 255;
  return static_cast<uint8_t>(std::nearbyint(v));
}

inline TSN_HD bool js_is_integer(double x) { return std::isfinite(x) && std::trunc(x) == x; }
inline TSN_HD bool js_is_safe_integer(double x) { return js_is_integer(x) && std::fabs(x) <= 9007199254740991.0; }


}  // namespace tsn
