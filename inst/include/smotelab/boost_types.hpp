// What every part of the boosting trainer shares: its options, a row's
// gradient pair, runs and fixed-size blocks of row positions, and the way
// blocks are scheduled.
//
// Determinism: rows are cut into blocks of a fixed size, independent of the
// number of threads, and every reduction over blocks adds their partial
// results in block order, so a fit is bit-identical for any thread count.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "binning.hpp"
#include "parallel.hpp"

namespace smotelab {

enum class BoostMetric { logloss, auc, aucpr };

struct BoostOptions {
  int n_rounds = 100;
  double learning_rate = 0.3;
  int max_depth = 6;
  double scale_pos_weight = 1;
  double subsample = 1;  // share of training rows drawn (Bernoulli) per round
  double colsample = 1;  // share of features drawn per tree
  double lambda = 1;
  double min_child_weight = 1;
  int max_bins = kMaxBins;
  int early_stopping_rounds = 0;  // 0: every round is kept
  double validation = 0.1;        // share of each class held out for early stopping
  BoostMetric eval_metric = BoostMetric::logloss;
};

namespace detail {

struct GradPair {
  double g = 0, h = 0;
};

// A run of positions in a row index array.
struct Segment {
  std::uint32_t begin = 0, end = 0;
};

// Part of segment `job`; blocks never span two segments.
struct Block {
  std::uint32_t job, begin, end;
};

constexpr std::uint32_t kBoostBlockRows = 16384;
constexpr std::size_t kBinStride = kMaxBins + 1;  // histogram slots per feature
constexpr std::size_t kParallelRows = std::size_t(1) << 16;
// Rows of a node are increasing but scattered, which the hardware prefetcher
// does not follow; loops over them prefetch this many rows ahead.
constexpr std::uint32_t kPrefetchAhead = 16;

inline void blocks_of(const std::vector<Segment>& segments, std::vector<Block>& out) {
  out.clear();
  for (std::uint32_t j = 0; j < segments.size(); ++j)
    for (std::uint32_t b = segments[j].begin; b < segments[j].end; b += kBoostBlockRows)
      out.push_back({j, b, std::min(segments[j].end, b + kBoostBlockRows)});
}

// Runs `tasks` blocks covering `rows` rows. Blocks are fixed by the data
// alone; how tasks group them only decides the schedule. Small levels run
// inline (a grain of all the tasks), since waking threads would cost more
// than it saves; they still pass through the executor so that the caller can
// check for interrupts.
class BlockRunner {
 public:
  explicit BlockRunner(const Executor& exec) : exec_(exec) {}

  void operator()(std::size_t tasks, std::size_t rows, const RangeKernel& kernel) const {
    if (tasks == 0) return;
    if (tasks == 1 || rows < kParallelRows)
      exec_(tasks, tasks, kernel);
    else
      exec_(tasks, std::max<std::size_t>(1, tasks / 8), kernel);
  }

 private:
  const Executor& exec_;
};

}  // namespace detail
}  // namespace smotelab
