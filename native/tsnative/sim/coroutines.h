// A kernel with barriers that thread loops cannot run (a barrier inside a
// switch, or in a loop left by break): a C++20 coroutine per thread, which
// its block resumes up to the next barrier; and a kernel's plain form, one
// call per thread.
#pragma once
#include <coroutine>
#include <exception>
#include <vector>

#include "block.h"

namespace tsn::sim {

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

}  // namespace tsn::sim
