// The compiled CUDA simulator: a @kernel run on the CPU, from the same IR as
// the GPU code, inside the module's CPU addon. Blocks are spread over cores
// (OpenMP); the threads of a block run on the core of their block, one after
// another, with no OS thread each: a kernel without barriers is a plain
// function called per thread, a kernel with barriers is a C++20 coroutine
// that suspends at each cuda.syncthreads() until every thread of its block
// has arrived. Running threads in order on one core also lets the simulator
// check what a GPU would not tell: a barrier that not every thread reaches
// (divergence), and two threads touching one shared-memory element between
// two barriers with a plain write (a race).
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

// Coroutine frames of one kernel all have one size, and a block makes one per
// thread: each OS thread keeps the frames its blocks freed for the next block
// (malloc and free were a quarter of a reduction's time).
class FramePool {
 public:
  void* take(size_t n) {
    if (n == size_ && !free_.empty()) {
      void* p = free_.back();
      free_.pop_back();
      return p;
    }
    return ::operator new(n);
  }
  void give(void* p, size_t n) {
    if (n != size_) {
      clear();
      size_ = n;
    }
    if (free_.size() < 4096) free_.push_back(p);
    else ::operator delete(p);
  }
  ~FramePool() { clear(); }

 private:
  void clear() {
    for (void* p : free_) ::operator delete(p);
    free_.clear();
  }
  size_t size_ = 0;
  std::vector<void*> free_;
};

inline FramePool& frame_pool() {
  thread_local FramePool pool;
  return pool;
}

// A kernel with barriers: a coroutine per thread, resumed by its block.
struct Task {
  struct promise_type {
    static void* operator new(size_t n) { return frame_pool().take(n); }
    static void operator delete(void* p, size_t n) { frame_pool().give(p, n); }
    std::exception_ptr error;
    Task get_return_object() { return Task{std::coroutine_handle<promise_type>::from_promise(*this)}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() { error = std::current_exception(); }
  };
  explicit Task(std::coroutine_handle<promise_type> h) : handle(h) {}
  Task(Task&& o) noexcept : handle(o.handle) { o.handle = {}; }
  Task(const Task&) = delete;
  ~Task() {
    if (handle) handle.destroy();
  }
  std::coroutine_handle<promise_type> handle;
};

inline Thread thread_of(Block& b, const Shape& shape, int32_t linear) {
  return Thread{Dim3::at(linear, shape.block), b.index(), shape.block, shape.grid, &b, linear};
}

// Runs one block of a kernel without barriers: its threads in order.
template <typename Body>
void run_block(Block& b, const Shape& shape, Body& body) {
  const int32_t n = static_cast<int32_t>(shape.block.count());
  for (int32_t t = 0; t < n; t++) {
    Thread th = thread_of(b, shape, t);
    b.enter(t);
    body(th);
  }
}

// Every thread of a block must wait at the same barrier: a thread that
// finished or waits elsewhere would hang a GPU (or corrupt its shared memory).
inline void check_barrier(const Block& b, const std::vector<Thread>& threads, const std::vector<Task>& tasks) {
  int32_t first = -1;
  for (size_t t = 0; t < threads.size(); t++)
    if (!tasks[t].handle.done()) {
      first = static_cast<int32_t>(t);
      break;
    }
  const Thread& w = threads[first];
  for (size_t t = 0; t < threads.size(); t++) {
    const Thread& o = threads[t];
    const bool done = tasks[t].handle.done();
    if (!done && o.waiting_site == w.waiting_site) continue;
    const std::string where = done ? "finished without reaching it" : "waits at the cuda.syncthreads() at line " + std::to_string(o.waiting_line);
    b.fail("divergent barrier in block " + b.index().text() + ": thread " + b.thread_text(w.linear) + " waits at the cuda.syncthreads() at line " +
           std::to_string(w.waiting_line) + ", but thread " + b.thread_text(o.linear) + " " + where +
           " (every thread of a block must reach the same barrier)");
  }
}

// Runs one block of a kernel with barriers: every thread up to the next
// barrier, in order, then the next interval, until all have finished.
template <typename Body>
void run_block_cooperative(Block& b, const Shape& shape, Body& body) {
  const int32_t n = static_cast<int32_t>(shape.block.count());
  std::vector<Thread> threads;
  threads.reserve(n);
  for (int32_t t = 0; t < n; t++) threads.push_back(thread_of(b, shape, t));
  std::vector<Task> tasks;
  tasks.reserve(n);
  for (int32_t t = 0; t < n; t++) tasks.push_back(body(threads[t]));
  for (;;) {
    int32_t finished = 0;
    int32_t site = -2;  // the barrier every thread so far waits at (-2: none yet, -3: not one barrier)
    for (int32_t t = 0; t < n; t++) {
      Task& task = tasks[t];
      if (!task.handle.done()) {
        threads[t].waiting_site = -1;
        b.enter(t);
        task.handle.resume();
        if (task.handle.promise().error) std::rethrow_exception(task.handle.promise().error);
      }
      if (task.handle.done()) finished++;
      else site = site == -2 || site == threads[t].waiting_site ? threads[t].waiting_site : -3;
    }
    if (finished == n) return;
    // Finished threads beside waiting ones, or two barriers: say which threads diverged.
    if (finished > 0 || site == -3) check_barrier(b, threads, tasks);
    b.next_interval();
  }
}

// The threads of a block for a kernel compiled as thread loops (MCUDA's
// region splitting, compiler/backend/cpp/thread-loops.ts): the code between
// two barriers runs as one loop over the block's threads, each thread's
// variables in arrays; a barrier is the end of such a loop. What a barrier
// needs is checked here: every thread still running reaches it, and a
// condition that decides whether they reach one is the same for all.
class Threads {
 public:
  // The threads' positions depend only on the block's shape: each OS thread
  // keeps them for the next block (their divisions were a tenth of a
  // reduction's time). Thread loops read the block's own values from the
  // Block and Shape, so only threadIdx is per thread here.
  Threads(Block& b, const Shape& shape) : b_(b), n_(static_cast<int32_t>(shape.block.count())), threads_(positions(b, shape)) {
    done_.assign(static_cast<size_t>(n_), 0);
  }
  int32_t size() const { return n_; }
  bool done(int32_t t) const { return done_[t] != 0; }
  bool all_done() const { return finished_ == n_; }
  Thread& enter(int32_t t) {
    b_.enter(t);
    return threads_[t];
  }
  void finish(int32_t t) {
    done_[t] = 1;
    finished_++;
  }
  // A barrier: no thread may have finished while others wait at it.
  void barrier(int line) {
    if (finished_ > 0) {
      int32_t waiting = 0, gone = 0;
      while (done(waiting)) waiting++;
      while (!done(gone)) gone++;
      b_.fail("divergent barrier in block " + b_.index().text() + ": thread " + b_.thread_text(waiting) + " waits at the cuda.syncthreads() at line " +
              std::to_string(line) + ", but thread " + b_.thread_text(gone) + " finished without reaching it" +
              " (every thread of a block must reach the same barrier)");
    }
    b_.next_interval();
  }
  // A condition that decides whether threads reach a barrier, evaluated by each: it must be one value.
  void decide(int32_t t, bool value, int line) {
    if (first_ < 0) {
      first_ = t;
      value_ = value;
    } else if (value != value_) {
      const int32_t yes = value ? t : first_, no = value ? first_ : t;
      b_.fail("divergent barrier in block " + b_.index().text() + ": the condition at line " + std::to_string(line) + " is true for thread " +
              b_.thread_text(yes) + " and false for thread " + b_.thread_text(no) +
              ", and a cuda.syncthreads() depends on it (every thread of a block must reach the same barrier)");
    }
  }
  // The value every running thread gave (false when none runs), ready for the next condition.
  bool decided() {
    const bool v = first_ >= 0 && value_;
    first_ = -1;
    return v;
  }

 private:
  Block& b_;
  int32_t n_;
  static std::vector<Thread>& positions(Block& b, const Shape& shape) {
    thread_local std::vector<Thread> cache;
    thread_local Dim3 cached{0, 0, 0};
    if (cached.x != shape.block.x || cached.y != shape.block.y || cached.z != shape.block.z) {
      cache.clear();
      for (int32_t t = 0; t < static_cast<int32_t>(shape.block.count()); t++) cache.push_back(thread_of(b, shape, t));
      cached = shape.block;
    }
    return cache;
  }

  std::vector<Thread>& threads_;
  std::vector<unsigned char> done_;
  int32_t finished_ = 0;
  int32_t first_ = -1;
  bool value_ = false;
};

// Runs every block, spread over the cores; the error of the lowest block that
// failed is rethrown (the one a sequential run would meet first).
template <typename Body, typename RunBlock>
void run(const Shape& shape, const char* kernel, Body body, RunBlock run_one) {
  const int64_t blocks = shape.grid.count();
  std::atomic<int64_t> failed{blocks};
  std::exception_ptr first_error;
  std::mutex lock;
  const int threads = threads_for(blocks, 2);
#pragma omp parallel for schedule(dynamic, 1) num_threads(threads) if (threads > 1)
  for (int64_t i = 0; i < blocks; i++) {
    if (i > failed.load(std::memory_order_relaxed)) continue;
    try {
      Block b(shape, i, kernel);
      Body local = body;
      run_one(b, shape, local);
    } catch (...) {
      std::lock_guard<std::mutex> g(lock);
      if (i < failed.load()) {
        failed.store(i);
        first_error = std::current_exception();
      }
    }
  }
  if (first_error) std::rethrow_exception(first_error);
}

template <typename Body>
void launch(const Shape& shape, const char* kernel, Body body) {
  run(shape, kernel, body, [](Block& b, const Shape& s, Body& f) { run_block(b, s, f); });
}

// A kernel compiled as thread loops: `body(block, shape)` runs a whole block.
template <typename Body>
void launch_blocks(const Shape& shape, const char* kernel, Body body) {
  run(shape, kernel, body, [](Block& b, const Shape& s, Body& f) { f(b, s); });
}

template <typename Body>
void launch_cooperative(const Shape& shape, const char* kernel, Body body) {
  run(shape, kernel, body, [](Block& b, const Shape& s, Body& f) { run_block_cooperative(b, s, f); });
}

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
