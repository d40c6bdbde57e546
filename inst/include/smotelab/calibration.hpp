// Probability calibration: maps from a model's scores to probabilities.
//
// Scores are what scikit-learn's CalibratedClassifierCV calibrates: the
// decision value (log-odds) of a model that has one (logistic regression),
// the predicted probability of the others. Three calibrators:
//
// * sigmoid (Platt 1999, as scikit-learn's _sigmoid_calibration): p =
//   1 / (1 + exp(a s + b)), fitted to targets smoothed towards the class
//   frequencies ((n1 + 1) / (n1 + 2) for events, 1 / (n0 + 2) otherwise) by
//   minimising the same cross-entropy. scikit-learn stops BFGS at a gradient
//   norm of 1e-5; Newton's method here goes to the optimum.
// * isotonic (scikit-learn's IsotonicRegression(out_of_bounds = "clip")):
//   scores sorted (O(n log n)), equal scores merged, pool-adjacent-violators,
//   then linear interpolation between the kept points, clipped at both ends.
//
// Both take optional case weights with scikit-learn's sample_weight
// semantics: a row's loss counts w times, the sigmoid's target smoothing
// uses the weight totals of the classes in place of their row counts (as
// _sigmoid_calibration's prior0 and prior1 do), and isotonic regression
// merges equal scores into their weighted mean outcome and pools blocks by
// weight. Without weights every row weighs 1.0, which leaves every sum, and
// so the result, bit-identical to the unweighted fit.
// * prior: a shift of the log-odds that takes a model trained at one event
//   share (after resampling or class weights) to another (the data's): the
//   correction of Dal Pozzolo et al. (2015) for under-sampling, which holds
//   for any change of the class prior that leaves p(x | class) alone.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <numeric>
#include <string>
#include <vector>

#include "errors.hpp"

namespace smotelab {

enum class CalibrationMethod { sigmoid, isotonic, prior };

struct SigmoidFit {
  double a = 0.0, b = 0.0;  // p = 1 / (1 + exp(a * score + b))
  int iterations = 0;
};

struct IsotonicFit {
  std::vector<double> x, y;  // increasing x; the fitted values there
};

struct Calibrator {
  CalibrationMethod method = CalibrationMethod::sigmoid;
  SigmoidFit sigmoid;
  IsotonicFit isotonic;
  double log_odds_shift = 0.0;  // prior: added to the model's log-odds
};

namespace detail {

// log(1 + exp(z)) without overflow.
inline double log1pexp(double z) { return z > 0 ? z + std::log1p(std::exp(-z)) : std::log1p(std::exp(z)); }

inline double logistic(double z) {
  if (z >= 0) return 1.0 / (1.0 + std::exp(-z));
  const double e = std::exp(z);
  return e / (1.0 + e);
}

struct PlattProblem {
  const double* s;
  std::vector<double> t1;  // 1 - target
  const double* weight;    // none, or one per row
  double objective(double a, double b) const {
    double f = 0;
    for (std::size_t i = 0; i < t1.size(); ++i) {
      const double z = a * s[i] + b;
      const double loss = log1pexp(z) - t1[i] * z;
      f += weight == nullptr ? loss : weight[i] * loss;
    }
    return f;
  }
};

// The weight of row i: its case weight, or 1.0 without weights.
inline double row_weight(const double* weight, std::size_t i) { return weight == nullptr ? 1.0 : weight[i]; }

inline void check_calibration_weights(const double* weight, std::size_t n) {
  if (weight == nullptr) return;
  for (std::size_t i = 0; i < n; ++i)
    require(std::isfinite(weight[i]) && weight[i] > 0, "case weights must be finite and larger than 0");
}

}  // namespace detail

// y holds 0/1; `weight` is none or one case weight per row. With
// z = a s + b the loss of a row is
// -(t log p + (1 - t) log(1 - p)) = log(1 + e^z) - (1 - t) z, whose gradient
// in z is t - p and whose curvature is p (1 - p); a row's weight multiplies
// all three.
inline SigmoidFit fit_sigmoid(const double* score, const int* y, std::size_t n, const double* weight = nullptr) {
  check(n > 0, kind::empty, "Calibration needs at least one row.");
  detail::check_calibration_weights(weight, n);
  double n0 = 0, n1 = 0;
  for (std::size_t i = 0; i < n; ++i) (y[i] == 1 ? n1 : n0) += detail::row_weight(weight, i);
  detail::PlattProblem prob{score, std::vector<double>(n), weight};
  for (std::size_t i = 0; i < n; ++i) prob.t1[i] = 1.0 - (y[i] == 1 ? (n1 + 1.0) / (n1 + 2.0) : 1.0 / (n0 + 2.0));
  SigmoidFit fit;
  fit.b = std::log((n0 + 1.0) / (n1 + 1.0));
  double f = prob.objective(fit.a, fit.b);
  for (int it = 0; it < 200; ++it) {
    double ga = 0, gb = 0, haa = 0, hab = 0, hbb = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const double w = detail::row_weight(weight, i);
      const double p1 = detail::logistic(fit.a * score[i] + fit.b);  // 1 - p
      const double g = w * (p1 - prob.t1[i]);
      const double h = w * p1 * (1.0 - p1);
      ga += g * score[i];
      gb += g;
      haa += h * score[i] * score[i];
      hab += h * score[i];
      hbb += h;
    }
    double da, db;
    const double det = haa * hbb - hab * hab;
    if (det > 1e-12 * haa * hbb && det > 0) {
      da = -(hbb * ga - hab * gb) / det;
      db = -(haa * gb - hab * ga) / det;
    } else if (hbb > 0) {  // constant scores: only the intercept is identified
      da = 0;
      db = -gb / hbb;
    } else {
      break;
    }
    // Newton's step lowers f by about half of g' H^-1 g. Once that is below
    // the rounding of f itself (a sum over the rows), comparing values of f
    // can't judge the step and would stop short of the optimum: the full
    // step is then taken on the gradient's word, where Newton converges
    // quadratically.
    const bool below_rounding = -(ga * da + gb * db) <= 1e-13 * (1 + std::abs(f));
    double step = 1.0, f_new = prob.objective(fit.a + da, fit.b + db);
    while (!(f_new <= f) && !below_rounding && step > 1e-10) {
      step /= 2;
      f_new = prob.objective(fit.a + step * da, fit.b + step * db);
    }
    if (!(f_new <= f) && !below_rounding) break;
    fit.a += step * da;
    fit.b += step * db;
    fit.iterations = it + 1;
    const bool small =
        std::abs(step * da) <= 1e-12 * (1 + std::abs(fit.a)) && std::abs(step * db) <= 1e-12 * (1 + std::abs(fit.b));
    f = f_new;
    if (small) break;
  }
  return fit;
}

inline double predict_sigmoid(const SigmoidFit& fit, double score) {
  return detail::logistic(-(fit.a * score + fit.b));
}

inline IsotonicFit fit_isotonic(const double* score, const int* y, std::size_t n, const double* weight = nullptr) {
  check(n > 0, kind::empty, "Calibration needs at least one row.");
  detail::check_calibration_weights(weight, n);
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(),
            [&](std::size_t i, std::size_t j) { return score[i] < score[j] || (score[i] == score[j] && y[i] < y[j]); });
  // Scores closer than scikit-learn's float64 resolution (1e-15) to the first
  // of their run are one point, at that first score, with the (weighted)
  // mean outcome.
  const double resolution = 1e-15;
  std::vector<double> x, value, mass;
  for (std::size_t k = 0; k < n; ++k) {
    const double s = score[order[k]];
    if (x.empty() || s - x.back() >= resolution) {
      x.push_back(s);
      value.push_back(0);
      mass.push_back(0);
    }
    const double w = detail::row_weight(weight, order[k]);
    value.back() += w * y[order[k]];
    mass.back() += w;
  }
  for (std::size_t k = 0; k < x.size(); ++k) value[k] /= mass[k];

  // Pool adjacent violators: blocks of points with their weighted mean; a
  // block that is not above the one before merges into it.
  std::vector<double> mean, total;
  std::vector<std::size_t> last;
  for (std::size_t k = 0; k < x.size(); ++k) {
    mean.push_back(value[k]);
    total.push_back(mass[k]);
    last.push_back(k);
    while (mean.size() > 1 && mean[mean.size() - 2] >= mean.back()) {
      const std::size_t b = mean.size() - 1;
      const double w = total[b - 1] + total[b];
      mean[b - 1] = (total[b - 1] * mean[b - 1] + total[b] * mean[b]) / w;
      total[b - 1] = w;
      last[b - 1] = last[b];
      mean.pop_back();
      total.pop_back();
      last.pop_back();
    }
  }
  std::vector<double> fitted(x.size());
  std::size_t first = 0;
  for (std::size_t b = 0; b < mean.size(); ++b) {
    for (std::size_t k = first; k <= last[b]; ++k) fitted[k] = mean[b];
    first = last[b] + 1;
  }
  // Inside a run of equal values only its two ends shape the interpolation.
  IsotonicFit fit;
  for (std::size_t k = 0; k < x.size(); ++k) {
    const bool inner = k > 0 && k + 1 < x.size() && fitted[k] == fitted[k - 1] && fitted[k] == fitted[k + 1];
    if (inner) continue;
    fit.x.push_back(x[k]);
    fit.y.push_back(fitted[k]);
  }
  return fit;
}

// scipy's interp1d(kind = "linear") after clipping to the fitted range.
inline double predict_isotonic(const IsotonicFit& fit, double score) {
  const std::size_t m = fit.x.size();
  check_stored(m > 0 && fit.y.size() == m, "An isotonic calibrator has no points.");
  if (m == 1) return fit.y[0];
  const double s = std::min(std::max(score, fit.x.front()), fit.x.back());
  std::size_t hi = static_cast<std::size_t>(std::lower_bound(fit.x.begin(), fit.x.end(), s) - fit.x.begin());
  hi = std::min(std::max<std::size_t>(hi, 1), m - 1);
  const std::size_t lo = hi - 1;
  const double slope = (fit.y[hi] - fit.y[lo]) / (fit.x[hi] - fit.x[lo]);
  return slope * (s - fit.x[lo]) + fit.y[lo];
}

// The log-odds shift that takes a model trained at event share `trained` to
// event share `target`: logit(target) - logit(trained).
inline double prior_shift(double target, double trained) {
  require(target > 0 && target < 1 && trained > 0 && trained < 1, "event shares must lie strictly between 0 and 1");
  return std::log(target / (1 - target)) - std::log(trained / (1 - trained));
}

inline Calibrator fit_calibrator(CalibrationMethod method, const double* score, const int* y, std::size_t n,
                                 const double* weight = nullptr) {
  Calibrator c;
  c.method = method;
  if (method == CalibrationMethod::sigmoid) {
    c.sigmoid = fit_sigmoid(score, y, n, weight);
  } else if (method == CalibrationMethod::isotonic) {
    c.isotonic = fit_isotonic(score, y, n, weight);
  } else {
    throw internal_error("the prior calibrator is fitted from class shares, not from scores");
  }
  return c;
}

// The calibrated probability of a score; `log_odds` says whether the score is
// a decision value (log-odds) or a probability, which only the prior
// correction needs to know. As scikit-learn, a probability a rounding above 1
// becomes 1.
inline double calibrate_score(const Calibrator& c, double score, bool log_odds) {
  double p;
  switch (c.method) {
    case CalibrationMethod::sigmoid:
      p = predict_sigmoid(c.sigmoid, score);
      break;
    case CalibrationMethod::isotonic:
      p = predict_isotonic(c.isotonic, score);
      break;
    default:
      if (log_odds) {
        p = detail::logistic(score + c.log_odds_shift);
      } else {
        const double r = std::exp(c.log_odds_shift);
        p = score >= 1 ? 1.0 : score * r / (score * r + (1 - score));
      }
  }
  return p > 1 && p <= 1 + 1e-5 ? 1.0 : p;
}

}  // namespace smotelab
