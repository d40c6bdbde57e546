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

// Rows per block of the distance products: blocks of a fixed size (given k)
// keep the result independent of the number of threads, and small enough
// that a block's distances to every centre stay in a few megabytes.
inline std::size_t kmeans_chunk(Eigen::Index k) {
  return static_cast<std::size_t>(
      std::max<Eigen::Index>(16, std::min<Eigen::Index>(512, (1 << 19) / std::max<Eigen::Index>(k, 1))));
}

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

// Nearest centre of every row and the squared distance to it. As in
// scikit-learn, centres are compared by |c|^2 - 2 x.c from a matrix product
// (the lowest index among equal ones); the distance to the chosen centre is
// then computed directly, so the inertia carries no cancellation error.
inline void assign_rows(const RowMatrix& X, const RowMatrix& C, std::vector<int>& labels, std::vector<double>& dist,
                        const Executor& exec) {
  const auto n = static_cast<std::size_t>(X.rows());
  const std::size_t chunk = kmeans_chunk(C.rows());
  const std::size_t chunks = (n + chunk - 1) / chunk;
  const Eigen::VectorXd c_norm = C.rowwise().squaredNorm();
  exec(chunks, 1, [&](std::size_t begin, std::size_t end) {
    Eigen::MatrixXd G;
    for (std::size_t ch = begin; ch < end; ++ch) {
      const std::size_t first = ch * chunk, last = std::min(n, first + chunk);
      const auto len = static_cast<Eigen::Index>(last - first);
      G.noalias() = X.middleRows(static_cast<Eigen::Index>(first), len) * C.transpose();
      for (Eigen::Index r = 0; r < len; ++r) {
        int best = 0;
        double best_score = std::numeric_limits<double>::infinity();
        for (Eigen::Index c = 0; c < C.rows(); ++c) {
          const double score = c_norm(c) - 2.0 * G(r, c);
          if (score < best_score) {
            best_score = score;
            best = static_cast<int>(c);
          }
        }
        const std::size_t i = first + static_cast<std::size_t>(r);
        labels[i] = best;
        dist[i] = row_dist2(X, static_cast<Eigen::Index>(i), C, best);
      }
    }
  });
}

// Squared distances of every row to each of the rows `ids` of X (n x ids,
// column-major), from |x|^2 - 2 x.z + |z|^2 clipped at 0, as scikit-learn's
// k-means++ computes them.
inline void dist_to_rows(const RowMatrix& X, const Eigen::VectorXd& x_norm, const std::vector<Eigen::Index>& ids,
                         Eigen::MatrixXd& out, const Executor& exec) {
  const auto n = static_cast<std::size_t>(X.rows());
  const auto t = static_cast<Eigen::Index>(ids.size());
  RowMatrix Z(t, X.cols());
  for (Eigen::Index c = 0; c < t; ++c) Z.row(c) = X.row(ids[static_cast<std::size_t>(c)]);
  out.resize(X.rows(), t);
  const std::size_t chunk = kmeans_chunk(t);
  const std::size_t chunks = (n + chunk - 1) / chunk;
  exec(chunks, 1, [&](std::size_t begin, std::size_t end) {
    for (std::size_t ch = begin; ch < end; ++ch) {
      const std::size_t first = ch * chunk, last = std::min(n, first + chunk);
      const auto f = static_cast<Eigen::Index>(first), len = static_cast<Eigen::Index>(last - first);
      out.middleRows(f, len).noalias() = X.middleRows(f, len) * Z.transpose();
      for (Eigen::Index c = 0; c < t; ++c)
        for (Eigen::Index r = f; r < f + len; ++r)
          out(r, c) = std::max(0.0, x_norm(r) - 2.0 * out(r, c) + x_norm(ids[static_cast<std::size_t>(c)]));
    }
  });
}

// scikit-learn's greedy k-means++: the first centre uniformly, then each
// centre the best (lowest potential) of n_trials rows drawn with probability
// proportional to their squared distance to the nearest centre so far.
inline RowMatrix kmeans_plusplus(const RowMatrix& X, int k, Rng& rng, const Executor& exec) {
  const auto n = static_cast<std::size_t>(X.rows());
  const int n_trials = 2 + static_cast<int>(std::log(static_cast<double>(k)));
  const Eigen::VectorXd x_norm = X.rowwise().squaredNorm();
  RowMatrix C(k, X.cols());
  const auto first = static_cast<Eigen::Index>(rng.below(n));
  C.row(0) = X.row(first);
  Eigen::MatrixXd dist;
  dist_to_rows(X, x_norm, {first}, dist, exec);
  Eigen::VectorXd closest = dist.col(0);
  double pot = closest.sum();
  std::vector<double> cumsum(n);
  std::vector<Eigen::Index> candidates(static_cast<std::size_t>(n_trials));
  for (int c = 1; c < k; ++c) {
    std::partial_sum(closest.data(), closest.data() + n, cumsum.begin());
    for (int t = 0; t < n_trials; ++t) {
      const double target = rng.uniform() * pot;
      const auto at = static_cast<std::size_t>(std::lower_bound(cumsum.begin(), cumsum.end(), target) - cumsum.begin());
      candidates[static_cast<std::size_t>(t)] = static_cast<Eigen::Index>(std::min(at, n - 1));
    }
    dist_to_rows(X, x_norm, candidates, dist, exec);
    double best_pot = std::numeric_limits<double>::infinity();
    Eigen::Index best = 0;
    for (Eigen::Index t = 0; t < n_trials; ++t) {
      dist.col(t) = dist.col(t).cwiseMin(closest);
      const double trial_pot = dist.col(t).sum();
      if (trial_pot < best_pot) {
        best_pot = trial_pot;
        best = t;
      }
    }
    C.row(c) = X.row(candidates[static_cast<std::size_t>(best)]);
    closest = dist.col(best);
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
