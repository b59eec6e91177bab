// The simulator's model of a launch: its shape, a block's shared memory with
// the race check (who last read and wrote each element between barriers), and
// what a kernel's code sees of its thread.
#pragma once
#include <omp.h>

#include <atomic>
#include <coroutine>
#include <cstdint>
#include <cstring>
#include <exception>
#include <memory>
#include <mutex>
#include <string>
#include <type_traits>
#include <vector>

#include "../core/fault.h"
#include "../napi/args.h"
#include "../napi/errors.h"
#include "../napi/view.h"
#include "../parallel/prange.h"

namespace tsn::sim {

struct Dim3 {
  int64_t x = 1, y = 1, z = 1;
  int64_t count() const { return x * y * z; }
  // A linear position (x fastest) back to three coordinates within `shape`.
  static Dim3 at(int64_t linear, const Dim3& shape) {
    return Dim3{linear % shape.x, (linear / shape.x) % shape.y, linear / (shape.x * shape.y)};
  }
  std::string text() const { return "(" + std::to_string(x) + "," + std::to_string(y) + "," + std::to_string(z) + ")"; }
};

struct Shape {
  Dim3 grid, block;
  int64_t shared_bytes = 0;
};

// The launch shape, arguments 0..6 of a simulator entry. The JS launch() has
// checked it already; the addon may also be called directly, so check again.
// `static_shared`: the bytes of the kernel's shared arrays, which count against a block's limit with sharedBytes.
inline Shape read_shape(const Args& args, const char* kernel, int64_t static_shared = 0) {
  const char* names[7] = {"grid.x", "grid.y", "grid.z", "block.x", "block.y", "block.z", "sharedBytes"};
  const double limits[7] = {2147483647.0, 65535.0, 65535.0, 1024.0, 1024.0, 64.0, 49152.0};
  int64_t v[7];
  for (int i = 0; i < 7; i++) {
    const double d = args.f64(i, names[i]);
    const double lo = i == 6 ? 0.0 : 1.0;
    if (!(d >= lo && d <= limits[i]) || d != static_cast<double>(static_cast<int64_t>(d)))
      throw_js(ErrorKind::RangeError, std::string(kernel) + ": launch " + names[i] + " must be an integer from " + js_number_text(lo) + " to " +
                                          js_number_text(limits[i]) + ", got " + js_number_text(d));
    v[i] = static_cast<int64_t>(d);
  }
  Shape s{Dim3{v[0], v[1], v[2]}, Dim3{v[3], v[4], v[5]}, v[6]};
  if (s.block.count() > 1024)
    throw_js(ErrorKind::RangeError, std::string(kernel) + ": a block has at most 1024 threads, got " + std::to_string(s.block.count()));
  if (static_shared + s.shared_bytes > 49152)
    throw_js(ErrorKind::RangeError, std::string(kernel) + ": the shared memory of a block (" + std::to_string(static_shared) + " bytes in shared arrays" +
                                        (s.shared_bytes ? " and " + std::to_string(s.shared_bytes) + " bytes of config.sharedBytes" : std::string()) +
                                        ") exceeds the 49152 bytes a block may have");
  return s;
}

// Who last touched a shared-memory element in the current barrier interval.
struct Shadow {
  uint64_t epoch = 0;  // 0: untouched in any interval
  int32_t writer = -1, write_line = 0;
  int32_t reader = -1, read_line = 0;
  int32_t other_reader = -1, other_line = 0;  // a second reader, for a later write to race with
};

class Block;

// A thread's access to one shared element: reads and writes are recorded
// for the race check, then done.
template <typename T>
class SharedRef {
 public:
  SharedRef(T* p, Block* b, int slot, int64_t i, int line) : p_(p), b_(b), slot_(slot), i_(i), line_(line) {}
  operator T() const;
  template <typename V>
  T operator=(V v) const;
  T operator++() const { return *this = static_cast<T>(static_cast<T>(*this) + 1); }
  T operator--() const { return *this = static_cast<T>(static_cast<T>(*this) - 1); }
  T operator++(int) const {
    const T old = *this;
    *this = static_cast<T>(old + 1);
    return old;
  }
  T operator--(int) const {
    const T old = *this;
    *this = static_cast<T>(old - 1);
    return old;
  }
  T* raw() const { return p_; }

 private:
  T* p_;
  Block* b_;
  int slot_;
  int64_t i_;
  int line_;
};

// A kernel's name for one of its block's shared arrays.
template <typename T>
struct SharedView {
  T* data = nullptr;
  int64_t length = 0;
  Block* block = nullptr;
  int slot = 0;

  SharedRef<T> at(int64_t i, const char* fn, const char* file, int line) const {
    if (static_cast<uint64_t>(i) >= static_cast<uint64_t>(length)) out_of_bounds(fn, i, length, file, line);
    return SharedRef<T>(data + i, block, slot, i, line);
  }
  SharedRef<T> operator[](int64_t i) const { return SharedRef<T>(data + i, block, slot, i, 0); }
};

// The state of one block while its threads run: shared memory, the race
// shadow, the thread now running and the current barrier interval.
class Block {
 public:
  Block(const Shape& shape, int64_t linear, const char* kernel) : shape_(shape), index_(Dim3::at(linear, shape.grid)), kernel_(kernel) {}

  const Dim3& index() const { return index_; }
  const Shape& shape() const { return shape_; }
  void enter(int32_t thread) { current_ = thread; }
  void next_interval() { epoch_++; }

  template <typename T>
  SharedView<T> shared(int slot, int64_t length) {
    if (static_cast<size_t>(slot) >= slots_.size()) slots_.resize(slot + 1);
    Slot& s = slots_[slot];
    if (s.bytes.empty()) {
      s.bytes.assign(static_cast<size_t>(length) * sizeof(T), 0);  // zero-filled, as JS's arrays are
      s.shadow.assign(static_cast<size_t>(length), Shadow{});
    }
    return SharedView<T>{reinterpret_cast<T*>(s.bytes.data()), length, this, slot};
  }

  void on_read(int slot, int64_t i, int line) {
    Shadow& sh = fresh(slot, i);
    if (sh.writer >= 0 && sh.writer != current_) race(slot, i, sh.writer, sh.write_line, "wrote", line, "read");
    if (sh.reader < 0 || sh.reader == current_) {
      sh.reader = current_;
      sh.read_line = line;
    } else if (sh.other_reader < 0) {
      sh.other_reader = current_;
      sh.other_line = line;
    }
  }

  void on_write(int slot, int64_t i, int line) {
    Shadow& sh = fresh(slot, i);
    if (sh.writer >= 0 && sh.writer != current_) race(slot, i, sh.writer, sh.write_line, "wrote", line, "wrote");
    if (sh.reader >= 0 && sh.reader != current_) race(slot, i, sh.reader, sh.read_line, "read", line, "wrote");
    if (sh.other_reader >= 0 && sh.other_reader != current_) race(slot, i, sh.other_reader, sh.other_line, "read", line, "wrote");
    sh.writer = current_;
    sh.write_line = line;
  }

  std::string thread_text(int32_t linear) const { return Dim3::at(linear, shape_.block).text(); }

  [[noreturn]] void fail(const std::string& message) const { throw_js(ErrorKind::Error, std::string(kernel_) + ": " + message); }

 private:
  struct Slot {
    std::vector<unsigned char> bytes;
    std::vector<Shadow> shadow;
  };

  Shadow& fresh(int slot, int64_t i) {
    Shadow& sh = slots_[slot].shadow[static_cast<size_t>(i)];
    if (sh.epoch != epoch_) sh = Shadow{epoch_};
    return sh;
  }

  [[noreturn]] void race(int slot, int64_t i, int32_t first, int first_line, const char* first_did, int line, const char* did) const {
    fail("shared-memory race on element " + std::to_string(i) + " of shared array #" + std::to_string(slot) + " in block " + index_.text() +
         ": thread " + thread_text(first) + " " + first_did + " it at line " + std::to_string(first_line) + " and thread " + thread_text(current_) +
         " " + did + " it at line " + std::to_string(line) +
         " with no cuda.syncthreads() between (separate them with a barrier, or use cuda.atomic)");
  }

  Shape shape_;
  Dim3 index_;
  const char* kernel_;
  std::vector<Slot> slots_;
  int32_t current_ = 0;
  uint64_t epoch_ = 1;
};

template <typename T>
SharedRef<T>::operator T() const {
  b_->on_read(slot_, i_, line_);
  return *p_;
}

template <typename T>
template <typename V>
T SharedRef<T>::operator=(V v) const {
  b_->on_write(slot_, i_, line_);
  *p_ = static_cast<T>(v);
  return *p_;
}

// What a kernel's code sees of its thread.
struct Thread {
  Dim3 threadIdx, blockIdx, blockDim, gridDim;
  Block* block;
  int32_t linear;
  // Where the thread waits (a barrier's site and line) while suspended.
  int32_t waiting_site = -1, waiting_line = 0;

  template <typename T>
  SharedView<T> shared(int slot, int64_t length) {
    return block->shared<T>(slot, length);
  }

  struct BarrierWait {
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<>) const noexcept {}
    void await_resume() const noexcept {}
  };
  BarrierWait barrier(int32_t site, int32_t line) {
    waiting_site = site;
    waiting_line = line;
    return {};
  }
};

inline Thread thread_of(Block& b, const Shape& shape, int32_t linear) {
  return Thread{Dim3::at(linear, shape.block), b.index(), shape.block, shape.grid, &b, linear};
}

}  // namespace tsn::sim
