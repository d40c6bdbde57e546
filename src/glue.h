// Shared glue: the RcppParallel executor handed to the core, and the
// conversions of R arguments. Only src/ includes R headers. Core exceptions
// leave through Rcpp untouched: what() carries a user_error's kind, which R's
// with_core() maps to a classed condition (see smotelab/errors.hpp).
#pragma once

#include <RcppEigen.h>
// The parts of RcppParallel we use. Its umbrella header also pulls in
// RMatrix.h, which derives from std::iterator (deprecated in C++17).
#include <RcppParallel/TinyThread.h>
#if RCPP_PARALLEL_USE_TBB
#include <RcppParallel/TBB.h>
#endif
#include <RcppParallel/Backend.h>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <functional>
#include <initializer_list>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <utility>

#include "smotelab/columns.hpp"
#include "smotelab/errors.hpp"
#include "smotelab/parallel.hpp"
#include "smotelab/sampling.hpp"

namespace glue {

// Runs a core kernel on worker threads. The range is cut into chunks; between
// chunks the main thread rethrows the first worker exception, if any, and
// checks for a user interrupt. No R API is touched inside a worker.
class ParallelRunner {
 public:
  // `progress(done, total)`, if set, runs on the main thread after each chunk.
  using Progress = std::function<void(std::size_t done, std::size_t total)>;

  explicit ParallelRunner(int n_threads, Progress progress = nullptr)
      : n_threads_(std::max(1, n_threads)), progress_(std::move(progress)) {
#if RCPP_PARALLEL_USE_TBB
    // One arena for every call of this runner: a kernel such as the kNN
    // self-join calls it hundreds of times, and an arena per call (as
    // RcppParallel::parallelFor makes) costs a thread hand-over each time.
    if (n_threads_ > 1) arena_ = std::make_shared<tbb::task_arena>(n_threads_);
#endif
  }

  // Chunks start at one grain per thread and double while one takes less
  // than kChunkTime, so the main thread gets back a few times a second
  // whatever an item costs (a tree, a row, a fold), at the price of a few
  // more kernel calls. Kernels do not depend on how the range is cut.
  void operator()(std::size_t n, std::size_t grain, const smotelab::RangeKernel& kernel) const {
    if (n == 0) return;
    grain = std::max<std::size_t>(1, grain);
    std::size_t chunk = grain * static_cast<std::size_t>(n_threads_);
    for (std::size_t begin = 0; begin < n;) {
      const std::size_t end = begin + std::min(n - begin, chunk);
      const Clock::time_point started = Clock::now();
      if (n_threads_ == 1 || end - begin <= grain) {
        kernel(begin, end);
      } else {
        Adapter adapter(kernel);
        const std::size_t block = std::max(grain, (end - begin + n_threads_ - 1) / n_threads_);
        parallel_for(begin, end, adapter, block);
        if (adapter.error) std::rethrow_exception(adapter.error);
      }
      const Clock::time_point now = Clock::now();
      if (now - started < kChunkTime) chunk *= 2;
      check_interrupt(now);
      if (progress_) progress_(end, n);
      begin = end;
    }
  }

  int threads() const { return n_threads_; }

 private:
  using Clock = std::chrono::steady_clock;
  static constexpr std::chrono::milliseconds kChunkTime{200};
  static constexpr std::chrono::milliseconds kInterruptEvery{20};

  // Small work (a boosting level on few rows) comes here thousands of times a
  // second; asking R each time would cost more than the work.
  void check_interrupt(Clock::time_point now) const {
    if (now - *last_check_ < kInterruptEvery) return;
    *last_check_ = now;
    Rcpp::checkUserInterrupt();
  }

  struct Adapter : RcppParallel::Worker {
    explicit Adapter(const smotelab::RangeKernel& k) : kernel(k) {}
    void operator()(std::size_t begin, std::size_t end) override {
      try {
        kernel(begin, end);
      } catch (...) {
        std::lock_guard<std::mutex> lock(mutex);
        if (!error) error = std::current_exception();
      }
    }
    const smotelab::RangeKernel& kernel;
    std::exception_ptr error;
    std::mutex mutex;
  };

  // RcppParallel::parallelFor() without its environment-variable overrides:
  // the thread count is ours to decide.
  void parallel_for(std::size_t begin, std::size_t end, Adapter& adapter, std::size_t block) const {
#if RCPP_PARALLEL_USE_TBB
    if (RcppParallel::internal::backend() == RcppParallel::internal::BACKEND_TBB) {
      arena_->execute([&] {
        tbb::parallel_for(tbb::blocked_range<std::size_t>(begin, end, block),
                          [&](const tbb::blocked_range<std::size_t>& r) { adapter(r.begin(), r.end()); });
      });
      return;
    }
#endif
    RcppParallel::ttParallelFor(begin, end, adapter, block);
  }

  int n_threads_;
  Progress progress_;
  std::shared_ptr<Clock::time_point> last_check_ = std::make_shared<Clock::time_point>(Clock::now());
#if RCPP_PARALLEL_USE_TBB
  std::shared_ptr<tbb::task_arena> arena_;
#endif
};

// The executor for the main thread's calls into the core. One thread gets a
// runner too, not the core's serial executor: the runner checks for a user
// interrupt between chunks, and on one thread nothing else would.
inline smotelab::Executor executor(int n_threads) { return smotelab::Executor(ParallelRunner(n_threads)); }

// An executor that also reports progress (long cross-validation and grid
// searches).
inline smotelab::Executor executor(int n_threads, ParallelRunner::Progress progress) {
  return smotelab::Executor(ParallelRunner(n_threads, std::move(progress)));
}

// ---- R strings to core values ---------------------------------------------
// Every string option crosses into C++ through this one lookup: a table of
// (R string, core value) pairs, e.g.
//   enum_from_r<Kind>(s["kind"], {{"auto", Kind::automatic}, ...}, "sampling_strategy kind").
// The values may be enums or functions (the pipeline's element readers). R
// has validated each string before the call, so one missing from the table
// is a bug in the package, not bad input: it throws an internal_error, which
// R reports as such.
template <class T>
using EnumTable = std::initializer_list<std::pair<const char*, T>>;

template <class T>
T enum_from_r(const std::string& value, EnumTable<T> table, const char* what) {
  for (const auto& entry : table)
    if (value == entry.first) return entry.second;
  throw smotelab::internal_error(std::string("unknown ") + what + " \"" + value + "\"");
}

// ---- Shared conversions --------------------------------------------------

// sampling_strategy as R's sampling_to_core() lays it out.
inline smotelab::SamplingStrategy strategy_from_r(const Rcpp::List& s) {
  using Kind = smotelab::SamplingStrategy::Kind;
  smotelab::SamplingStrategy out;
  out.kind = enum_from_r<Kind>(s["kind"],
                               {{"auto", Kind::automatic},
                                {"minority", Kind::minority},
                                {"majority", Kind::majority},
                                {"not minority", Kind::not_minority},
                                {"not majority", Kind::not_majority},
                                {"all", Kind::all},
                                {"ratio", Kind::ratio},
                                {"counts", Kind::counts}},
                               "sampling_strategy kind");
  out.ratio = Rcpp::as<double>(s["ratio"]);
  const Rcpp::IntegerVector counts = s["counts"];
  out.counts.assign(counts.begin(), counts.end());
  return out;
}

// glibc's heap adapts to what a process allocates: free memory at the top of
// the main heap goes back to the kernel once it exceeds the trim threshold,
// and requests above the mmap threshold are mapped afresh each time. Both
// thresholds start at 128 KiB and rise the first time a large mapped block
// is freed. A fresh R session starts low, and the main thread, which runs its
// share of every parallel call, then grows the heap by a fold's working
// memory, hands it back at the end of the fold and faults it in again,
// zeroed, for the next: cross-validating scale + SMOTE + logistic regression
// on 20,000 x 20 rows took about 9,000 page faults and 2.4 times the CPU time
// per call. One block of `bytes`, allocated and freed at once (never touched,
// so never faulted in), puts glibc where any allocation that large would: it
// then keeps up to 2 x `bytes` of free heap. The thresholds stay adaptive;
// mallopt() would fix them for the rest of the session.
inline void settle_heap(double bytes) {
#ifdef __GLIBC__
  constexpr double kFloor = 1 << 20;             // below this, faults cost little
  constexpr double kCeiling = 32.0 * (1 << 20);  // glibc's largest adaptive mmap threshold
  if (!(bytes >= kFloor)) return;
  // volatile: the compiler may not drop the pair as having no effect.
  void* volatile block = std::malloc(static_cast<std::size_t>(std::min(bytes, kCeiling)));
  std::free(block);
#else
  (void)bytes;
#endif
}

// A list of double vectors of equal length, viewed in place as columns. Every
// core call on data starts here, so here the heap is settled for working
// memory of a few times the data's size (see settle_heap()).
inline smotelab::Columns columns_from_r(const Rcpp::List& columns, R_xlen_t n_rows) {
  settle_heap(4.0 * sizeof(double) * static_cast<double>(n_rows) * static_cast<double>(columns.size()));
  std::vector<const double*> cols;
  cols.reserve(columns.size());
  for (R_xlen_t j = 0; j < columns.size(); ++j) {
    SEXP col = columns[j];
    if (TYPEOF(col) != REALSXP || Rf_xlength(col) != n_rows)
      throw smotelab::internal_error("design columns must be double vectors of one length");
    cols.push_back(REAL(col));
  }
  return smotelab::Columns(std::move(cols), n_rows);
}

// Runs `f`; running out of memory becomes an error that says so in words, with
// `bytes`, the caller's estimate of the request (std::bad_alloc carries no
// size; 0 when unknown), instead of the bare "std::bad_alloc".
template <class F>
auto allocating(double bytes, const char* what, F&& f) -> decltype(f()) {
  try {
    return f();
  } catch (const std::bad_alloc&) {
    std::vector<std::string> bullets;
    if (bytes > 0) {
      char size[64];
      std::snprintf(size, sizeof size, "%.3g GB", bytes / 1e9);
      bullets.push_back(std::string("It needs at least ") + size + ".");
    }
    smotelab::fail(smotelab::kind::memory, std::string("Could not allocate the memory for ") + what + ".",
                   std::move(bullets));
  }
}

// Seeds travel from R as doubles holding integers in [0, 2^53).
inline std::uint64_t seed_from_r(double seed) { return static_cast<std::uint64_t>(seed); }

// numpy-exact streams take 32-bit seeds, as a RandomState does; R checked the range.
inline std::uint32_t numpy_seed_from_r(double seed) { return static_cast<std::uint32_t>(seed); }

// Core rows (0-based, -1 for none) as R's 1-based rows, NA for none.
inline Rcpp::IntegerVector one_based_rows(const std::vector<Eigen::Index>& rows) {
  Rcpp::IntegerVector out(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) out[i] = rows[i] < 0 ? NA_INTEGER : static_cast<int>(rows[i] + 1);
  return out;
}

// NULL, or case weights R has checked: one double per row, read in place.
// Anything else is a bug in the package, not bad input.
inline const double* case_weights_from_r(SEXP weights, R_xlen_t n_rows) {
  if (Rf_isNull(weights)) return nullptr;
  if (TYPEOF(weights) != REALSXP || Rf_xlength(weights) != n_rows)
    throw smotelab::internal_error("case weights must be a double vector with one value per row");
  return REAL(weights);
}

}  // namespace glue
