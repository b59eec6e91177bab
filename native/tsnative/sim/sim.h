// The compiled CUDA simulator: a @kernel run on the CPU, from the same IR as
// the GPU code, inside the module's CPU addon. Blocks are spread over cores
// (OpenMP); the threads of a block run on the core of their block, with no OS
// thread each: as thread loops (one loop over the threads between two
// barriers), or, where a kernel's barriers sit where loops cannot split it,
// as C++20 coroutines that suspend at each cuda.syncthreads(). Running the
// threads in order on one core also lets the simulator check what a GPU would
// not tell: a barrier that not every thread reaches (divergence), and two
// threads touching one shared-memory element between two barriers with a
// plain write (a race).
#pragma once
// The parts: block.h (shape, shared memory, races), coroutines.h,
// thread-loops.h, atomics.h; here, running every block of a launch.
#include <omp.h>

#include <atomic>
#include <exception>
#include <mutex>
#include <vector>

#include "../parallel/prange.h"
#include "atomics.h"
#include "block.h"
#include "coroutines.h"
#include "thread-loops.h"

namespace tsn::sim {

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

}  // namespace tsn::sim
