#pragma once
#include <cstdint>
#include <cstring>
#include <type_traits>

#include "../core/numbers.h"
#include "block.h"

namespace tsn::sim {

// Atomics with the JS meaning of `old = a[i]; a[i] = old op v; return old`.
// Blocks run on several cores, so an element of a global array is updated
// with a compare-and-swap on its bits; shared memory belongs to one block,
// whose threads run one at a time.
template <typename T, typename F>
T update_atomically(T* p, F next) {
  using Bits = std::conditional_t<sizeof(T) == 8, uint64_t, uint32_t>;
  Bits* word = reinterpret_cast<Bits*>(p);
  Bits seen = __atomic_load_n(word, __ATOMIC_RELAXED);
  for (;;) {
    T old;
    std::memcpy(&old, &seen, sizeof(T));
    const T value = next(old);
    Bits want;
    std::memcpy(&want, &value, sizeof(T));
    if (__atomic_compare_exchange_n(word, &seen, want, false, __ATOMIC_SEQ_CST, __ATOMIC_RELAXED)) return old;
  }
}

template <typename T>
T apply(char op, T old, T v) {
  switch (op) {
    case '+':
      return static_cast<T>(old + v);
    case '-':
      return static_cast<T>(old - v);
    case '<':
      if constexpr (std::is_floating_point_v<T>) return static_cast<T>(js_min(old, v));
      return old < v ? old : v;
    case '>':
      if constexpr (std::is_floating_point_v<T>) return static_cast<T>(js_max(old, v));
      return old > v ? old : v;
    default:
      return v;
  }
}

template <typename T, typename V>
T atomic(char op, T* p, V v) {
  const T value = static_cast<T>(v);
  return update_atomically(p, [&](T old) { return apply(op, old, value); });
}

// Atomics on shared memory are not recorded: two threads updating one element
// atomically is what they are for.
template <typename T, typename V>
T atomic(char op, const SharedRef<T>& r, V v) {
  T* p = r.raw();
  const T old = *p;
  *p = apply(op, old, static_cast<T>(v));
  return old;
}

template <typename T, typename V, typename W>
T atomic_cas(T* p, V compare, W v) {
  const T want = static_cast<T>(compare), value = static_cast<T>(v);
  return update_atomically(p, [&](T old) { return old == want ? value : old; });
}

template <typename T, typename V, typename W>
T atomic_cas(const SharedRef<T>& r, V compare, W v) {
  T* p = r.raw();
  const T old = *p;
  if (old == static_cast<T>(compare)) *p = static_cast<T>(v);
  return old;
}

}  // namespace tsn::sim
