// JS-exact number helpers: each one exists because the obvious C++ differs
// from ECMAScript on some input (RELIABILITY.md, "Facts about exactness").
#pragma once
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <string>

#include "errors.h"

namespace tsn {

// ECMAScript ToInt32: NaN/±Infinity → 0, otherwise truncate and wrap mod 2^32.
// A plain (int32_t) cast is undefined outside the range.
inline int32_t to_i32(double v) {
  if (v >= -2147483648.0 && v < 2147483648.0) return static_cast<int32_t>(v);
  if (!std::isfinite(v)) return 0;
  double t = std::trunc(v);
  double m = std::fmod(t, 4294967296.0);
  if (m < 0) m += 4294967296.0;
  return static_cast<int32_t>(static_cast<uint32_t>(m));
}

// ToInt32 of any slot's value: doubles by the JS rule, integers by wrapping.
inline int32_t int32_of(double v) { return to_i32(v); }
inline int32_t int32_of(float v) { return to_i32(static_cast<double>(v)); }
template <typename T>
inline int32_t int32_of(T v) { return static_cast<int32_t>(v); }

// ECMAScript ToUint32.
inline uint32_t to_u32(double v) { return static_cast<uint32_t>(to_i32(v)); }

// Narrow integer stores wrap as the matching typed-array store does.
inline int16_t to_i16(double v) { return static_cast<int16_t>(to_i32(v)); }
inline uint16_t to_u16(double v) { return static_cast<uint16_t>(to_i32(v)); }
inline int8_t to_i8(double v) { return static_cast<int8_t>(to_i32(v)); }
inline uint8_t to_u8(double v) { return static_cast<uint8_t>(to_i32(v)); }

// JS truthiness of a number: 0, -0 and NaN are false.
inline bool truthy(double v) { return v == v && v != 0.0; }

// Math.min / Math.max: NaN wins, and -0 < +0 (fmin/fmax get both wrong).
inline double js_min(double a, double b) {
  if (a != a || b != b) return NAN;
  if (a == b) return std::signbit(a) ? a : b;
  return a < b ? a : b;
}
inline double js_max(double a, double b) {
  if (a != a || b != b) return NAN;
  if (a == b) return std::signbit(a) ? b : a;
  return a > b ? a : b;
}

// JS `%` on numbers is C fmod exactly (sign of the dividend, x % 0 is NaN).
inline double js_mod(double a, double b) { return std::fmod(a, b); }

// Shift counts are taken mod 32; shifting is done on the 32-bit pattern.
inline int32_t js_shl(int32_t a, int32_t b) {
  return static_cast<int32_t>(static_cast<uint32_t>(a) << (b & 31));
}
inline int32_t js_sar(int32_t a, int32_t b) { return a >> (b & 31); }
inline uint32_t js_shr(int32_t a, int32_t b) { return static_cast<uint32_t>(a) >> (b & 31); }

// Exact integer arithmetic for index expressions: the int64 result is used
// when every step stays within ±2^53 (where it equals the JS double result);
// otherwise `overflow` is set and the caller uses the double computation.
constexpr int64_t kSafe53 = 9007199254740992LL;
// |v| > 2^53, as one unsigned comparison.
inline bool beyond53(int64_t v) { return static_cast<uint64_t>(v + kSafe53) > static_cast<uint64_t>(2 * kSafe53); }
inline int64_t mul53(int64_t a, int64_t b, bool& overflow) {
  int64_t p;
  overflow |= __builtin_mul_overflow(a, b, &p) | beyond53(p);
  return p;
}
inline int64_t add53(int64_t a, int64_t b, bool& overflow) {
  int64_t s;
  overflow |= __builtin_add_overflow(a, b, &s) | beyond53(s);
  return s;
}
inline int64_t sub53(int64_t a, int64_t b, bool& overflow) {
  int64_t d;
  overflow |= __builtin_sub_overflow(a, b, &d) | beyond53(d);
  return d;
}

// The exact index if every step stayed within ±2^53, else the double one.
#define TSN_INDEX53(exact, fallback) \
  ([&]() -> int64_t { bool tsn_o = false; const int64_t tsn_v = (exact); return __builtin_expect(tsn_o, 0) ? tsn::to_index(fallback) : tsn_v; }())

// A double computed exactly as int64 `exact` times `scale` (a power of two)
// when `ok` (run-time bounds on its integer operands) holds, else the double
// computation (compiler/ir/opt/exact-values.ts). The _NONZERO form also takes
// a 0 from the double computation, which knows its sign.
#define TSN_EXACT53(ok, exact, scale, fallback) \
  (__builtin_expect(static_cast<bool>(ok), 1) ? static_cast<double>(exact) * (scale) : (fallback))
#define TSN_EXACT53_NONZERO(ok, exact, scale, fallback) \
  ([&]() -> double { const int64_t tsn_v = (exact); return __builtin_expect((ok) && tsn_v != 0, 1) ? static_cast<double>(tsn_v) * (scale) : (fallback); }())

// |x| <= bound (a power of two), as one unsigned comparison.
template <class T>
inline bool within(T x, int64_t bound) {
  return static_cast<uint64_t>(static_cast<int64_t>(x) + bound) <= static_cast<uint64_t>(2 * bound);
}

// An exact integer offset for a loop's range test, or a value that fails the test.
#define TSN_EXACT53_OR_FAIL(exact) \
  ([&]() -> int64_t { bool tsn_o = false; const int64_t tsn_v = (exact); return tsn_o ? -(INT64_C(1) << 62) : tsn_v; }())

// A double used as an index: an integer in [0, 2^53] maps to itself, anything
// else (negative, fractional, NaN, huge) to -1 so the bounds check rejects it.
inline int64_t to_index(double v) {
  if (v >= 0 && v <= 9007199254740992.0 && v == std::trunc(v)) return static_cast<int64_t>(v);
  return -1;
}

// Math.round: halves go toward +Infinity and -0 survives (C round() breaks ties away from zero).
inline double js_round(double x) {
  double r = std::floor(x);
  if (x - r >= 0.5) r += 1.0;
  return (r == 0.0 && x < 0.0) ? -0.0 : r;
}

// Math.sign keeps -0 and NaN.
inline double js_sign(double x) {
  if (x > 0) return 1.0;
  if (x < 0) return -1.0;
  return x;
}

// Math.clz32(0) is 32 (__builtin_clz(0) is undefined).
inline int32_t clz32(uint32_t x) { return x == 0 ? 32 : __builtin_clz(x); }

inline int32_t imul(int32_t a, int32_t b) {
  return static_cast<int32_t>(static_cast<uint32_t>(a) * static_cast<uint32_t>(b));
}

// x ** y: ECMAScript differs from C pow where the exponent is NaN or ±Infinity
// with |x| == 1 (C gives 1, JS NaN).
inline double js_pow(double x, double y) {
  if (y != y) return NAN;
  if (y == 0) return 1.0;
  if ((x == 1.0 || x == -1.0) && std::isinf(y)) return NAN;
  return std::pow(x, y);
}

// Uint8ClampedArray store: clamp to [0, 255], round half to even, NaN → 0.
inline uint8_t to_u8_clamped(double v) {
  if (!(v > 0)) return 0;
  if (v >= 255) return 255;
  return static_cast<uint8_t>(std::nearbyint(v));
}

inline bool js_is_integer(double x) { return std::isfinite(x) && std::trunc(x) == x; }
inline bool js_is_safe_integer(double x) { return js_is_integer(x) && std::fabs(x) <= 9007199254740991.0; }

// `overflowcheck`: a store into an integer slot that would wrap (or drop NaN,
// ±Infinity) is a RangeError instead.
template <typename T, typename V>
inline T checked_store(V v, const char* kind, const char* fn, const char* file, int line);

// Numbers in error messages, printed as JS prints them.
inline std::string js_number_text(double v) {
  if (v != v) return "NaN";
  if (std::isinf(v)) return v > 0 ? "Infinity" : "-Infinity";
  if (v == std::trunc(v) && std::fabs(v) < 1e21) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f", v);
    return buf;
  }
  // The shortest decimal that reads back as v, as JS prints it.
  char buf[32];
  for (int precision = 1; precision <= 17; precision++) {
    std::snprintf(buf, sizeof buf, "%.*g", precision, v);
    if (std::strtod(buf, nullptr) == v) break;
  }
  return buf;
}

template <typename T, typename V>
inline T checked_store(V v, const char* kind, const char* fn, const char* file, int line) {
  const double d = static_cast<double>(v);
  const bool fits = d >= static_cast<double>(std::numeric_limits<T>::min()) &&
                    d <= static_cast<double>(std::numeric_limits<T>::max()) && d == std::trunc(d);
  if (!fits)
    throw_error(ErrorKind::RangeError, std::string(fn) + ": " + js_number_text(d) + " does not fit in " + kind + " (" +
                                           file + ":" + std::to_string(line) + ")");
  return static_cast<T>(v);
}

}  // namespace tsn
