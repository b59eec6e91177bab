#pragma once
#include <vector>

#include "block.h"

namespace tsn::sim {

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

}  // namespace tsn::sim
