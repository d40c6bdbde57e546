// Schedules that stand in for the R glue's thread pool in the standalone
// tests: the core must give the same answer under any of them.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

#include "smotelab/parallel.hpp"

namespace cpptest {

// Runs the range backwards, one item at a time: the opposite of the serial
// order, so work that depends on the order of ranges shows up.
inline void run_reversed(std::size_t n, std::size_t, const smotelab::RangeKernel& kernel) {
  for (std::size_t end = n; end > 0; --end) kernel(end - 1, end);
}

// `threads` threads take ranges of `grain` items from a shared counter, as a
// work-stealing pool would, so ranges run concurrently and in no fixed order.
inline smotelab::Executor threaded_executor(unsigned threads) {
  return [threads](std::size_t n, std::size_t grain, const smotelab::RangeKernel& kernel) {
    const std::size_t step = std::max<std::size_t>(grain, 1);
    std::atomic<std::size_t> next{0};
    auto work = [&] {
      for (std::size_t begin = next.fetch_add(step); begin < n; begin = next.fetch_add(step))
        kernel(begin, std::min(n, begin + step));
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();
  };
}

// Runs the range in two halves on two threads, the second half first.
inline void run_halves(std::size_t n, std::size_t, const smotelab::RangeKernel& kernel) {
  if (n == 0) return;
  const std::size_t mid = n / 2;
  std::thread second([&] { kernel(mid, n); });
  if (mid > 0) kernel(0, mid);
  second.join();
}

}  // namespace cpptest
