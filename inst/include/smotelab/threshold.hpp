// Threshold tuning (scikit-learn 1.5's TunedThresholdClassifierCV) on the
// one engine: out-of-fold probabilities from the same fold fits as
// cross-validation, a metric of the registry as a function of the decision
// threshold, and its curves averaged over the folds.
#pragma once

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <optional>
#include <string>
#include <vector>

#include "case_weights.hpp"
#include "columns.hpp"
#include "cv.hpp"
#include "errors.hpp"
#include "metrics.hpp"
#include "parallel.hpp"
#include "pipeline.hpp"

namespace smotelab {

struct FoldPredictions {
  Eigen::VectorXd prob;                 // each row predicted by the fit without its fold
  std::optional<FittedPipeline> refit;  // the pipeline fitted on every row, when asked
};

// Fold f (1-based ids in `folds`, v folds) is fitted with cross-validation's
// seed for it, so these are the fits cross_validate() scores. The refit on
// all rows is one more task of the same parallel run, with `seed` itself,
// as grid_search() refits its best point. `case_weight` (none, or one per
// row) follows each fit's training rows, as in cross-validation.
inline FoldPredictions cv_fold_predictions(const PipelineSpec& spec, const Columns& X,
                                           const Eigen::Ref<const Eigen::VectorXi>& y,
                                           const Eigen::Ref<const Eigen::VectorXi>& folds, int v, std::uint64_t seed,
                                           bool refit, const Executor& exec, const double* case_weight = nullptr) {
  require(folds.size() == X.rows() && y.size() == X.rows(), "folds, X and y must have the same number of rows");
  FoldPredictions out;
  out.prob.resize(X.rows());
  const std::size_t n_tasks = static_cast<std::size_t>(v) + (refit ? 1 : 0);
  exec(n_tasks, 1, [&](std::size_t begin, std::size_t end) {
    for (std::size_t t = begin; t < end; ++t) {
      if (t == static_cast<std::size_t>(v)) {
        out.refit = fit_pipeline(spec, X, y, seed, serial_executor(), case_weight);
        continue;
      }
      const int fold = static_cast<int>(t) + 1;
      std::vector<Eigen::Index> train, test;
      for (Eigen::Index i = 0; i < X.rows(); ++i) (folds(i) == fold ? test : train).push_back(i);
      check(!test.empty(), kind::empty, "Fold " + std::to_string(fold) + " has no rows.");
      Eigen::VectorXi y_train(static_cast<Eigen::Index>(train.size()));
      for (std::size_t i = 0; i < train.size(); ++i) y_train(static_cast<Eigen::Index>(i)) = y(train[i]);
      const Eigen::MatrixXd X_train = X.rows_of(train), X_test = X.rows_of(test);
      const std::vector<double> w_train = weights_of_rows(case_weight, train);
      const FittedPipeline fitted =
          fit_pipeline(spec, Columns::of(X_train), y_train, spec.numpy_rng ? seed : task_seed(seed, 0, fold, v),
                       serial_executor(), w_train.empty() ? nullptr : w_train.data());
      Eigen::VectorXd prob(static_cast<Eigen::Index>(test.size()));
      predict_pipeline(fitted, Columns::of(X_test), prob);
      for (std::size_t i = 0; i < test.size(); ++i) out.prob(test[i]) = prob(static_cast<Eigen::Index>(i));
    }
  });
  return out;
}

// Metrics (rows of metrics::kMetrics that need a threshold) at each
// threshold: row k holds their values when the event is predicted for
// prob > thresholds[k]. `weight`: none, or one case weight per row, which
// counts the row that many times.
//
// O(n log T + T), not a pass over the rows per threshold: each row is binned
// by how many thresholds lie below its probability (it is an event
// prediction at exactly those), and the counts at a threshold are sums of
// bins, the predicted events' from above and the rest from below. Row counts
// are whole numbers, so they equal a count per threshold exactly; summed
// weights may differ from it in the last bits.
inline Eigen::MatrixXd threshold_metrics(const int* truth, const double* prob, std::size_t n,
                                         const std::vector<double>& thresholds, const std::vector<std::size_t>& wanted,
                                         const double* weight = nullptr) {
  for (std::size_t id : wanted) require(metrics::kMetrics[id].at_a_threshold(), "the metric needs no threshold");
  const std::size_t n_thresholds = thresholds.size();
  for (double t : thresholds) require(!std::isnan(t), "threshold must not be NaN");
  std::vector<std::size_t> order(n_thresholds);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return thresholds[a] < thresholds[b]; });
  std::vector<double> sorted(n_thresholds);
  for (std::size_t k = 0; k < n_thresholds; ++k) sorted[k] = thresholds[order[k]];

  // Bin b: the rows whose probability exceeds exactly the b lowest thresholds.
  std::vector<double> events(n_thresholds + 1, 0.0), non_events(n_thresholds + 1, 0.0);
  for (std::size_t i = 0; i < n; ++i) {
    metrics::detail::check_label(truth[i]);
    metrics::detail::check_score(prob[i]);
    const double w = metrics::detail::weight_of(weight, i);
    const auto bin = static_cast<std::size_t>(std::lower_bound(sorted.begin(), sorted.end(), prob[i]) - sorted.begin());
    (truth[i] == 1 ? events : non_events)[bin] += w;
  }
  // At the k-th lowest threshold the rows of bins above k are event
  // predictions.
  std::vector<metrics::Confusion> counts(n_thresholds);
  double fn = 0, tn = 0;
  for (std::size_t k = 0; k < n_thresholds; ++k) {
    fn += events[k];
    tn += non_events[k];
    counts[k].fn = fn;
    counts[k].tn = tn;
  }
  double tp = 0, fp = 0;
  for (std::size_t k = n_thresholds; k-- > 0;) {
    tp += events[k + 1];
    fp += non_events[k + 1];
    counts[k].tp = tp;
    counts[k].fp = fp;
  }

  Eigen::MatrixXd out(static_cast<Eigen::Index>(n_thresholds), static_cast<Eigen::Index>(wanted.size()));
  const metrics::Ranking no_ranking{};
  for (std::size_t k = 0; k < n_thresholds; ++k) {
    const metrics::ClassMetrics cls = metrics::class_metrics(counts[k]);
    for (std::size_t j = 0; j < wanted.size(); ++j)
      out(static_cast<Eigen::Index>(order[k]), static_cast<Eigen::Index>(j)) =
          metrics::metric_value(wanted[j], cls, no_ranking);
  }
  return out;
}

// R's seq(from, to, length.out = n) for n >= 2, to the last bit: both ends
// exact, the points between them from + i * ((to - from) / (n - 1)).
inline std::vector<double> even_grid(double from, double to, std::size_t n) {
  require(n >= 2, "a grid needs at least two points");
  std::vector<double> out(n, from);
  if (from == to) return out;
  const double step = (to - from) / static_cast<double>(n - 1);
  for (std::size_t i = 1; i + 1 < n; ++i) out[i] = from + static_cast<double>(i) * step;
  out[n - 1] = to;
  return out;
}

// R's approx(x, y, v, rule = 2, ties = "ordered") at one point, to the last
// bit: x increasing, its NaN-free pairs only; constant beyond the ends.
inline double interpolate_at(const std::vector<double>& x, const std::vector<double>& y, double v) {
  const std::size_t m = x.size();
  if (m == 0 || std::isnan(v)) return std::numeric_limits<double>::quiet_NaN();
  std::size_t i = 0, j = m - 1;
  if (v < x[i]) return y[i];
  if (v > x[j]) return y[j];
  while (i + 1 < j) {
    const std::size_t mid = (i + j) / 2;
    (v < x[mid] ? j : i) = mid;
  }
  if (v == x[j]) return y[j];
  if (v == x[i]) return y[i];
  return y[i] + (y[j] - y[i]) * ((v - x[i]) / (x[j] - x[i]));
}

struct ThresholdCurves {
  std::vector<double> thresholds;  // the common grid
  Eigen::MatrixXd mean;            // row k: each metric at thresholds[k], averaged over the folds
  int constant_fold = 0;           // the first fold (1-based) whose probabilities are all equal, else 0
};

// scikit-learn's TunedThresholdClassifierCV curves: per fold (ids 1..v in
// `fold`), the metrics at n thresholds evenly from the fold's smallest to its
// largest probability; each curve interpolated onto n thresholds evenly over
// the union of those ranges (np.interp, constant beyond a curve's ends); the
// mean over folds. A fold whose probabilities are all equal has no range:
// the first such fold is reported and nothing is computed. The numbers are
// those of R's seq(), approx() and rowMeans() (a long double sum) on the
// same curves.
inline ThresholdCurves threshold_curves(const int* truth, const double* prob, const int* fold, std::size_t n_rows,
                                        int v, const std::vector<std::size_t>& wanted, std::size_t n,
                                        const double* weight = nullptr) {
  require(v >= 1, "threshold curves need at least one fold");
  const auto n_folds = static_cast<std::size_t>(v);
  std::vector<std::vector<std::size_t>> rows(n_folds);
  for (std::size_t i = 0; i < n_rows; ++i) {
    require(fold[i] >= 1 && fold[i] <= v, "fold ids must lie in 1..v");
    rows[static_cast<std::size_t>(fold[i] - 1)].push_back(i);
  }
  ThresholdCurves out;
  std::vector<std::vector<double>> grids(n_folds);
  std::vector<Eigen::MatrixXd> values(n_folds);
  std::vector<int> y;
  std::vector<double> p, w;
  for (std::size_t f = 0; f < n_folds; ++f) {
    check(!rows[f].empty(), kind::empty, "Fold " + std::to_string(f + 1) + " has no rows.");
    y.clear();
    p.clear();
    w.clear();
    for (std::size_t i : rows[f]) {
      y.push_back(truth[i]);
      p.push_back(prob[i]);
      if (weight != nullptr) w.push_back(weight[i]);
    }
    for (double x : p) metrics::detail::check_score(x);
    const auto range = std::minmax_element(p.begin(), p.end());
    if (*range.first == *range.second) {
      out.constant_fold = static_cast<int>(f + 1);
      return out;
    }
    grids[f] = even_grid(*range.first, *range.second, n);
    values[f] = threshold_metrics(y.data(), p.data(), y.size(), grids[f], wanted, weight ? w.data() : nullptr);
  }
  double lo = grids[0].front(), hi = grids[0].back();
  for (const auto& g : grids) {
    lo = std::min(lo, g.front());
    hi = std::max(hi, g.back());
  }
  out.thresholds = even_grid(lo, hi, n);
  out.mean.resize(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(wanted.size()));
  std::vector<long double> sum(n);
  std::vector<double> x, fx;
  for (std::size_t j = 0; j < wanted.size(); ++j) {
    std::fill(sum.begin(), sum.end(), 0.0L);
    for (std::size_t f = 0; f < n_folds; ++f) {
      // approx() drops the points where the metric is NaN.
      x.clear();
      fx.clear();
      for (std::size_t k = 0; k < n; ++k) {
        const double value = values[f](static_cast<Eigen::Index>(k), static_cast<Eigen::Index>(j));
        if (std::isnan(value)) continue;
        x.push_back(grids[f][k]);
        fx.push_back(value);
      }
      for (std::size_t k = 0; k < n; ++k) sum[k] += interpolate_at(x, fx, out.thresholds[k]);
    }
    for (std::size_t k = 0; k < n; ++k)
      out.mean(static_cast<Eigen::Index>(k), static_cast<Eigen::Index>(j)) =
          static_cast<double>(sum[k] / static_cast<long double>(n_folds));
  }
  return out;
}

}  // namespace smotelab
