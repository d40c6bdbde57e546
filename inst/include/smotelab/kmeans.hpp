// k-means clustering: Lloyd's algorithm from k-means++ seeds, the best of
// several runs, as scikit-learn 1.2's KMeans (sklearn/cluster/_kmeans.py) with
// its defaults: greedy k-means++ with 2 + floor(log k) candidates per centre,
// data centred on their mean first (for precision), a tolerance of
// tol * (mean column variance) on the total squared centre shift, empty
// clusters moved to the rows farthest from their centres, and the run with
// the lowest inertia kept.
//
// The assignment of rows to centres, the O(n k p) part, runs as range kernels
// on the Executor; each row's label depends only on the centres, and every sum
// (centres, potentials, inertia) is taken serially in row order, so the result
// is bit-identical for any number of threads. Run r draws from its own stream
// Rng(seed, r).
#pragma once

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <numeric>
#include <string>
#include <vector>

#include "errors.hpp"
#include "parallel.hpp"
#include "rng.hpp"

namespace smotelab {

struct KMeansOptions {
  int n_clusters = 8;
  int n_init = 10;
  int max_iter = 300;
  double tol = 1e-4;
};

struct KMeansResult {
  Eigen::MatrixXd centers;  // n_clusters x p
  std::vector<int> labels;  // the centre of each row, 0-based
  double inertia = 0.0;     // sum of squared distances of rows to their centres
  int iterations = 0;       // Lloyd iterations of the kept run
};

namespace detail {

using RowMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

constexpr std::size_t kKMeansChunk = 512;

inline double row_dist2(const RowMatrix& X, Eigen::Index i, const RowMatrix& C, Eigen::Index c) {
  double d = 0.0;
  const double* x = X.row(i).data();
  const double* z = C.row(c).data();
  for (Eigen::Index j = 0; j < X.cols(); ++j) {
    const double t = x[j] - z[j];
    d += t * t;
  }
  return d;
}

// Nearest centre of every row (the lowest index among equally near ones) and
// the squared distance to it.
inline void assign_rows(const RowMatrix& X, const RowMatrix& C, std::vector<int>& labels, std::vector<double>& dist,
                        const Executor& exec) {
  const auto n = static_cast<std::size_t>(X.rows());
  const std::size_t chunks = (n + kKMeansChunk - 1) / kKMeansChunk;
  exec(chunks, 1, [&](std::size_t begin, std::size_t end) {
    for (std::size_t ch = begin; ch < end; ++ch) {
      const std::size_t last = std::min(n, (ch + 1) * kKMeansChunk);
      for (std::size_t i = ch * kKMeansChunk; i < last; ++i) {
        int best = 0;
        double best_d = std::numeric_limits<double>::infinity();
        for (Eigen::Index c = 0; c < C.rows(); ++c) {
          const double d = row_dist2(X, static_cast<Eigen::Index>(i), C, c);
          if (d < best_d) {
            best_d = d;
            best = static_cast<int>(c);
          }
        }
        labels[i] = best;
        dist[i] = best_d;
      }
    }
  });
}

// Squared distance of every row to row `r` of X, in parallel.
inline void dist_to_row(const RowMatrix& X, Eigen::Index r, std::vector<double>& out, const Executor& exec) {
  const auto n = static_cast<std::size_t>(X.rows());
  const std::size_t chunks = (n + kKMeansChunk - 1) / kKMeansChunk;
  exec(chunks, 1, [&](std::size_t begin, std::size_t end) {
    for (std::size_t ch = begin; ch < end; ++ch) {
      const std::size_t last = std::min(n, (ch + 1) * kKMeansChunk);
      for (std::size_t i = ch * kKMeansChunk; i < last; ++i) {
        double d = 0.0;
        for (Eigen::Index j = 0; j < X.cols(); ++j) {
          const double t = X(static_cast<Eigen::Index>(i), j) - X(r, j);
          d += t * t;
        }
        out[i] = d;
      }
    }
  });
}

// scikit-learn's greedy k-means++: the first centre uniformly, then each
// centre the best (lowest potential) of n_trials rows drawn with probability
// proportional to their squared distance to the nearest centre so far.
inline RowMatrix kmeans_plusplus(const RowMatrix& X, int k, Rng& rng, const Executor& exec) {
  const auto n = static_cast<std::size_t>(X.rows());
  const int n_trials = 2 + static_cast<int>(std::log(static_cast<double>(k)));
  RowMatrix C(k, X.cols());
  auto first = static_cast<Eigen::Index>(rng.below(n));
  C.row(0) = X.row(first);
  std::vector<double> closest(n), trial(n), best_trial(n), cumsum(n);
  dist_to_row(X, first, closest, exec);
  double pot = std::accumulate(closest.begin(), closest.end(), 0.0);
  for (int c = 1; c < k; ++c) {
    std::partial_sum(closest.begin(), closest.end(), cumsum.begin());
    double best_pot = std::numeric_limits<double>::infinity();
    Eigen::Index best_row = 0;
    for (int t = 0; t < n_trials; ++t) {
      const double target = rng.uniform() * pot;
      const auto at = static_cast<std::size_t>(std::lower_bound(cumsum.begin(), cumsum.end(), target) - cumsum.begin());
      const auto row = static_cast<Eigen::Index>(std::min(at, n - 1));
      dist_to_row(X, row, trial, exec);
      double trial_pot = 0.0;
      for (std::size_t i = 0; i < n; ++i) {
        trial[i] = std::min(trial[i], closest[i]);
        trial_pot += trial[i];
      }
      if (trial_pot < best_pot) {
        best_pot = trial_pot;
        best_row = row;
        best_trial.swap(trial);
      }
    }
    C.row(c) = X.row(best_row);
    closest.swap(best_trial);
    pot = best_pot;
  }
  return C;
}

struct KMeansRun {
  RowMatrix centers;
  std::vector<int> labels;
  double inertia = 0.0;
  int iterations = 0;
};

inline KMeansRun lloyd(const RowMatrix& X, RowMatrix C, int max_iter, double tol, const Executor& exec) {
  const auto n = static_cast<std::size_t>(X.rows());
  const Eigen::Index k = C.rows(), p = X.cols();
  std::vector<int> labels(n, -1), previous(n, -1);
  std::vector<double> dist(n);
  std::vector<Eigen::Index> size(static_cast<std::size_t>(k));
  int it = 0;
  bool stable = false;
  for (; it < max_iter; ++it) {
    assign_rows(X, C, labels, dist, exec);
    if (labels == previous) {
      stable = true;
      break;
    }
    previous = labels;
    RowMatrix updated = RowMatrix::Zero(k, p);
    std::fill(size.begin(), size.end(), 0);
    for (std::size_t i = 0; i < n; ++i) {
      updated.row(labels[i]) += X.row(static_cast<Eigen::Index>(i));
      ++size[static_cast<std::size_t>(labels[i])];
    }
    // Empty clusters take the rows farthest from their centres, farthest
    // first, as scikit-learn relocates them.
    std::vector<std::size_t> far;
    for (Eigen::Index c = 0; c < k; ++c) {
      if (size[static_cast<std::size_t>(c)] > 0) {
        updated.row(c) /= static_cast<double>(size[static_cast<std::size_t>(c)]);
        continue;
      }
      if (far.empty()) {
        far.resize(n);
        std::iota(far.begin(), far.end(), std::size_t{0});
        std::stable_sort(far.begin(), far.end(), [&](std::size_t a, std::size_t b) { return dist[a] > dist[b]; });
      }
      std::size_t used = 0;
      for (Eigen::Index e = 0; e < c; ++e) used += size[static_cast<std::size_t>(e)] == 0;
      updated.row(c) = X.row(static_cast<Eigen::Index>(far[std::min(used, n - 1)]));
    }
    const double shift = (updated - C).squaredNorm();
    C = std::move(updated);
    if (shift <= tol) {
      ++it;
      break;
    }
  }
  if (!stable) assign_rows(X, C, labels, dist, exec);
  KMeansRun run{std::move(C), std::move(labels), 0.0, it};
  for (std::size_t i = 0; i < n; ++i) run.inertia += dist[i];
  return run;
}

}  // namespace detail

// k-means of the rows of X into opt.n_clusters clusters. Fails with kind
// too_few_rows when there are fewer rows than clusters.
inline KMeansResult kmeans(const Eigen::Ref<const Eigen::MatrixXd>& X, const KMeansOptions& opt, std::uint64_t seed,
                           const Executor& exec = serial_executor()) {
  require(opt.n_clusters >= 1, "n_clusters must be at least 1");
  require(opt.n_init >= 1, "n_init must be at least 1");
  require(opt.max_iter >= 1, "max_iter must be at least 1");
  require(opt.tol >= 0, "tol must not be negative");
  require(X.allFinite(), "k-means needs finite values");
  if (X.rows() < opt.n_clusters)
    fail(kind::too_few_rows,
         "k-means can't make " + std::to_string(opt.n_clusters) + " clusters from " + std::to_string(X.rows()) +
             (X.rows() == 1 ? " row." : " rows."),
         {"Ask for at most " + std::to_string(X.rows()) + " clusters."});
  const Eigen::RowVectorXd mean = X.colwise().mean();
  detail::RowMatrix Xc = X.rowwise() - mean;
  const double tol = opt.tol * (Xc.colwise().squaredNorm() / static_cast<double>(X.rows())).mean();
  detail::KMeansRun best;
  best.inertia = std::numeric_limits<double>::infinity();
  for (int r = 0; r < opt.n_init; ++r) {
    Rng rng(seed, static_cast<std::uint64_t>(r));
    detail::KMeansRun run =
        detail::lloyd(Xc, detail::kmeans_plusplus(Xc, opt.n_clusters, rng, exec), opt.max_iter, tol, exec);
    if (run.inertia < best.inertia) best = std::move(run);
  }
  KMeansResult out;
  out.centers = (best.centers.rowwise() + mean).eval();
  out.labels = std::move(best.labels);
  out.inertia = best.inertia;
  out.iterations = best.iterations;
  return out;
}

}  // namespace smotelab
