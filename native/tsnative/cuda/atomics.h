// cuda.atomic.add/sub/min/max/exch/cas on an element, with the results JS
// gives (each returns the old value, as Numba's do). CUDA's own atomics are
// used where they compute exactly what JS does; the rest are a compare-and-
// swap loop on the element's bit pattern:
// - float min/max: JS Math.min/max (NaN wins, -0 < +0; fminf gets both wrong),
//   computed by core/numbers.h js_min/js_max, which the CPU simulator shares;
// - a double value into a Float32Array: JS adds (or compares) in double and
//   rounds once at the store, so old + v is not fl32(old) + fl32(v);
// - float add/sub: atom.add.f32 flushes subnormal inputs and results to zero
//   (PTX ISA), where JS keeps them; the f64 one does not flush;
// - double exch, min and max (CUDA has only atomicAdd on double).
// For an f32 value the loop computes in float: double has more than 2·24+2
// bits, so JS's double sum rounded to f32 is the float sum.
#pragma once
#include <cstdint>

#include "../core/numbers.h"

namespace tsn {

namespace detail {

// Replaces *p by next(old) atomically; returns the old value. An unchanged
// bit pattern is not written (the loop ends as a plain read would).
template <typename Next>
__device__ inline float cas_loop(float* p, Next next) {
  auto* bits = reinterpret_cast<unsigned int*>(p);
  unsigned int old = *reinterpret_cast<volatile unsigned int*>(bits), seen;
  do {
    seen = old;
    const unsigned int want = __float_as_uint(next(__uint_as_float(seen)));
    if (want == seen) break;
    old = atomicCAS(bits, seen, want);
  } while (old != seen);
  return __uint_as_float(old);
}

template <typename Next>
__device__ inline double cas_loop(double* p, Next next) {
  auto* bits = reinterpret_cast<unsigned long long*>(p);
  unsigned long long old = *reinterpret_cast<volatile unsigned long long*>(bits), seen;
  do {
    seen = old;
    const unsigned long long want = static_cast<unsigned long long>(__double_as_longlong(next(__longlong_as_double(static_cast<long long>(seen)))));
    if (want == seen) break;
    old = atomicCAS(bits, seen, want);
  } while (old != seen);
  return __longlong_as_double(static_cast<long long>(old));
}

}  // namespace detail

// int32 / uint32: wrap-around, as a typed-array store of the JS result does.
__device__ inline int32_t atomic_add(int32_t* p, int32_t v) { return atomicAdd(reinterpret_cast<int*>(p), v); }
__device__ inline uint32_t atomic_add(uint32_t* p, uint32_t v) { return atomicAdd(reinterpret_cast<unsigned int*>(p), v); }
__device__ inline int32_t atomic_sub(int32_t* p, int32_t v) { return atomicSub(reinterpret_cast<int*>(p), v); }
__device__ inline uint32_t atomic_sub(uint32_t* p, uint32_t v) { return atomicSub(reinterpret_cast<unsigned int*>(p), v); }
__device__ inline int32_t atomic_min(int32_t* p, int32_t v) { return atomicMin(reinterpret_cast<int*>(p), v); }
__device__ inline uint32_t atomic_min(uint32_t* p, uint32_t v) { return atomicMin(reinterpret_cast<unsigned int*>(p), v); }
__device__ inline int32_t atomic_max(int32_t* p, int32_t v) { return atomicMax(reinterpret_cast<int*>(p), v); }
__device__ inline uint32_t atomic_max(uint32_t* p, uint32_t v) { return atomicMax(reinterpret_cast<unsigned int*>(p), v); }
__device__ inline int32_t atomic_exch(int32_t* p, int32_t v) { return atomicExch(reinterpret_cast<int*>(p), v); }
__device__ inline uint32_t atomic_exch(uint32_t* p, uint32_t v) { return atomicExch(reinterpret_cast<unsigned int*>(p), v); }
// Stores v where the element equals compare (Numba's cuda.atomic.cas); integers only.
__device__ inline int32_t atomic_cas(int32_t* p, int32_t compare, int32_t v) { return atomicCAS(reinterpret_cast<int*>(p), compare, v); }
__device__ inline uint32_t atomic_cas(uint32_t* p, uint32_t compare, uint32_t v) {
  return atomicCAS(reinterpret_cast<unsigned int*>(p), compare, v);
}

// float with an f32 value.
__device__ inline float atomic_add(float* p, float v) {
  return detail::cas_loop(p, [v](float old) { return old + v; });
}
__device__ inline float atomic_sub(float* p, float v) {
  return detail::cas_loop(p, [v](float old) { return old - v; });
}
__device__ inline float atomic_min(float* p, float v) {
  return detail::cas_loop(p, [v](float old) { return static_cast<float>(js_min(old, v)); });
}
__device__ inline float atomic_max(float* p, float v) {
  return detail::cas_loop(p, [v](float old) { return static_cast<float>(js_max(old, v)); });
}
__device__ inline float atomic_exch(float* p, float v) { return atomicExch(p, v); }

// float with a double value: computed in double, rounded once at the store.
__device__ inline float atomic_add(float* p, double v) {
  return detail::cas_loop(p, [v](float old) { return static_cast<float>(static_cast<double>(old) + v); });
}
__device__ inline float atomic_sub(float* p, double v) {
  return detail::cas_loop(p, [v](float old) { return static_cast<float>(static_cast<double>(old) - v); });
}
__device__ inline float atomic_min(float* p, double v) {
  return detail::cas_loop(p, [v](float old) { return static_cast<float>(js_min(old, v)); });
}
__device__ inline float atomic_max(float* p, double v) {
  return detail::cas_loop(p, [v](float old) { return static_cast<float>(js_max(old, v)); });
}
__device__ inline float atomic_exch(float* p, double v) { return atomicExch(p, static_cast<float>(v)); }

// double.
__device__ inline double atomic_add(double* p, double v) { return atomicAdd(p, v); }
// a - b is a + (-b) in IEEE arithmetic, signed zeros included.
__device__ inline double atomic_sub(double* p, double v) { return atomicAdd(p, -v); }
__device__ inline double atomic_min(double* p, double v) {
  return detail::cas_loop(p, [v](double old) { return js_min(old, v); });
}
__device__ inline double atomic_max(double* p, double v) {
  return detail::cas_loop(p, [v](double old) { return js_max(old, v); });
}
__device__ inline double atomic_exch(double* p, double v) {
  return __longlong_as_double(
      static_cast<long long>(atomicExch(reinterpret_cast<unsigned long long*>(p), static_cast<unsigned long long>(__double_as_longlong(v)))));
}

}  // namespace tsn
