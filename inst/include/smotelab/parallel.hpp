// How the core asks for parallel work without knowing who schedules it.
//
// Kernels are range functions kernel(begin, end) over [0, n). The core receives
// an Executor and calls it; the R glue passes one backed by TBB threads, the
// standalone C++ tests pass run_serial. A model that runs inside a parallel
// cross-validation task is handed run_serial, so parallelism happens at one
// level at a time.
#pragma once

#include <cstddef>
#include <functional>

namespace smotelab {

using RangeKernel = std::function<void(std::size_t begin, std::size_t end)>;

// executor(n, grain, kernel): run kernel over [0, n) in ranges of at least
// `grain` items, in any order, possibly concurrently. A grain of n asks for
// one call on the calling thread: work too small to share still goes through
// the executor, which may check for interrupts around it.
using Executor = std::function<void(std::size_t n, std::size_t grain, const RangeKernel& kernel)>;

inline void run_serial(std::size_t n, std::size_t /*grain*/, const RangeKernel& kernel) {
  if (n > 0) kernel(0, n);
}

inline Executor serial_executor() { return Executor(run_serial); }

}  // namespace smotelab
