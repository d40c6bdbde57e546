// Binary logistic regression with scikit-learn's objective
//
//   minimise 0.5 * ||w||^2 + C * sum_i s_i * logloss_i      (intercept not penalised)
//
// solved by Newton's method. Each iteration makes one fused pass over the rows,
// accumulating the objective, the gradient and the Hessian X'WX block by block
// (the loops in simd.hpp, read straight from the columns). Blocks have a fixed
// size and their partial sums are added in block order, so the fit is
// bit-identical whatever the number of threads. Large samples start from the
// solution on a subsample, which saves most of the early Hessian passes.
//
// C = +inf is the unpenalised maximum-likelihood fit (R's glm()). Columns that
// are linear combinations of earlier columns are then aliased and dropped, as
// glm() does with its pivoted QR; their coefficients are reported as aliased.
#pragma once

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "columns.hpp"
#include "errors.hpp"
#include "math.hpp"
#include "parallel.hpp"
#include "simd.hpp"

namespace smotelab {

struct LogisticOptions {
  double C = 1.0;         // inverse penalty strength; +inf means no penalty
  bool balanced = false;  // class_weight = "balanced": s_i = n / (2 * n_class(y_i))
  double tol = 1e-10;     // Newton stops when every step is below tol * (1 + |coef|)
  int max_iter = 100;
};

struct LogisticFit {
  double intercept = 0.0;
  Eigen::VectorXd coef;       // one per column; 0 for aliased columns
  std::vector<bool> aliased;  // columns dropped as linear combinations of earlier ones
  int iterations = 0;
  bool converged = false;
  bool separated = false;  // some fitted probabilities are numerically 0 or 1 (C = inf)
  double objective = 0.0;  // sum_i s_i * logloss_i + 0.5 / C * ||w||^2 at the solution
};

// The row weights s_i; empty when every row has weight 1, so that unweighted
// fits neither allocate nor read a vector of ones.
inline std::vector<double> balanced_row_weights(const Eigen::Ref<const Eigen::VectorXi>& y, bool balanced) {
  if (!balanced) return {};
  const std::size_t n = static_cast<std::size_t>(y.size());
  std::vector<double> s(n);
  const double n_pos = static_cast<double>(y.sum());
  const double n_neg = static_cast<double>(n) - n_pos;
  for (std::size_t i = 0; i < n; ++i) s[i] = static_cast<double>(n) / (2.0 * (y(i) == 1 ? n_pos : n_neg));
  return s;
}

namespace detail {

constexpr std::size_t kLogisticBlock = 2048;
constexpr int kLogisticSafeExponent = 128;

// What one block of rows contributes to the objective, gradient and Hessian.
// Index 0 is the intercept, 1..q-1 the kept columns. The Hessian is empty
// when the pass did not ask for it.
struct NewtonPartial {
  double loss = 0.0;
  Eigen::VectorXd gradient;
  Eigen::MatrixXd hessian;  // lower triangle only
  std::size_t extreme = 0;  // rows whose fitted probability is numerically 0 or 1
};

class NewtonPass {
 public:
  // An empty row_weight means weight 1 for every row.
  NewtonPass(const Columns& X, const Eigen::Ref<const Eigen::VectorXi>& y, const std::vector<double>& row_weight,
             const std::vector<Eigen::Index>& kept)
      : X_(X), y_(y), s_(row_weight), kept_(kept) {}

  // Evaluates the objective and gradient (and the Hessian if asked) at
  // (intercept, beta), beta over the kept columns.
  NewtonPartial run(double intercept, const Eigen::VectorXd& beta, bool with_hessian, const Executor& exec) const {
    const std::size_t n = static_cast<std::size_t>(X_.rows());
    const std::size_t n_blocks = (n + kLogisticBlock - 1) / kLogisticBlock;
    const Eigen::Index q = static_cast<Eigen::Index>(kept_.size()) + 1;
    std::vector<NewtonPartial> partial(n_blocks);
    exec(n_blocks, 1, [&](std::size_t begin, std::size_t end) {
      Scratch scratch;
      for (std::size_t b = begin; b < end; ++b) block(b, intercept, beta, with_hessian, scratch, partial[b]);
    });
    NewtonPartial total;
    total.gradient = Eigen::VectorXd::Zero(q);
    if (with_hessian) total.hessian = Eigen::MatrixXd::Zero(q, q);
    for (const auto& part : partial) {
      total.loss += part.loss;
      total.gradient += part.gradient;
      if (with_hessian) total.hessian += part.hessian;
      total.extreme += part.extreme;
    }
    return total;
  }

 private:
  // Per-thread buffers of one block. The products run over lists of columns
  // padded to a multiple of 4 with a column of zeros:
  //   weighted = [w, w * x_1, ..., w * x_p, residual] and design = [1, x_1, ..., x_p],
  // so the Hessian is the lower triangle of weighted' design without its last
  // row, and the gradient, residual' design, is that last row. A pass without
  // the Hessian forms residual' design alone.
  struct Scratch {
    std::vector<double> eta, residual, weight, scaled, ones, zeros, products;
    std::vector<const double*> design, weighted;
  };

  static std::size_t padded(std::size_t m) { return (m + 3) / 4 * 4; }

  void block(std::size_t b, double intercept, const Eigen::VectorXd& beta, bool with_hessian, Scratch& tmp,
             NewtonPartial& out) const {
    const std::size_t first = b * kLogisticBlock;
    const std::size_t rows = std::min<std::size_t>(kLogisticBlock, static_cast<std::size_t>(X_.rows()) - first);
    const std::size_t p = kept_.size();
    const std::size_t q = p + 1;
    const std::size_t width = padded(q);
    if (tmp.ones.size() < rows) {
      tmp.eta.resize(rows);
      tmp.residual.resize(rows);
      tmp.weight.resize(rows);
      tmp.ones.assign(rows, 1.0);
      tmp.zeros.assign(rows, 0.0);
    }
    // The block is read in place from the columns, without a copy.
    tmp.design.assign(width, tmp.zeros.data());
    tmp.design[0] = tmp.ones.data();
    for (std::size_t j = 0; j < p; ++j) tmp.design[j + 1] = X_.col(kept_[j]).data() + first;

    simd::affine(tmp.design.data() + 1, beta.data(), p, rows, intercept, tmp.eta.data());
    const double* s = s_.empty() ? tmp.ones.data() : s_.data() + first;
    out.loss =
        simd::logistic_rows(tmp.eta.data(), y_.data() + first, s, rows, 10 * std::numeric_limits<double>::epsilon(),
                            tmp.residual.data(), tmp.weight.data(), &out.extreme);
    out.gradient.resize(static_cast<Eigen::Index>(q));
    if (!with_hessian) {
      tmp.products.resize(width);
      simd::column_products(tmp.residual.data(), tmp.design.data(), width, rows, tmp.products.data());
      for (std::size_t j = 0; j < q; ++j) out.gradient(static_cast<Eigen::Index>(j)) = tmp.products[j];
      return;
    }

    const std::size_t height = padded(q + 1);
    tmp.scaled.resize(p * rows);
    tmp.weighted.assign(height, tmp.zeros.data());
    tmp.weighted[0] = tmp.weight.data();
    for (std::size_t j = 0; j < p; ++j) tmp.weighted[j + 1] = tmp.scaled.data() + j * rows;
    tmp.weighted[q] = tmp.residual.data();
    simd::scale_columns(tmp.design.data() + 1, p, tmp.weight.data(), rows, tmp.scaled.data());
    tmp.products.resize(height * width);
    simd::lower_products(tmp.weighted.data(), height, tmp.design.data(), width, rows, tmp.products.data());
    for (std::size_t j = 0; j < q; ++j) out.gradient(static_cast<Eigen::Index>(j)) = tmp.products[q * width + j];
    out.hessian = Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(q), static_cast<Eigen::Index>(q));
    for (std::size_t a = 0; a < q; ++a)
      for (std::size_t c = 0; c <= a; ++c)
        out.hessian(static_cast<Eigen::Index>(a), static_cast<Eigen::Index>(c)) = tmp.products[a * width + c];
  }

  const Columns& X_;
  Eigen::Ref<const Eigen::VectorXi> y_;
  const std::vector<double>& s_;
  const std::vector<Eigen::Index>& kept_;
};

// Columns of [1, X] that are (numerically) combinations of earlier columns,
// found by a Cholesky factorisation of the Gram matrix in column order that
// skips any column whose remaining pivot is negligible next to its diagonal.
// The intercept is never aliased.
inline std::vector<bool> aliased_columns(const Eigen::MatrixXd& gram_lower, double tol = 1e-9) {
  const Eigen::Index q = gram_lower.rows();
  const Eigen::MatrixXd G = gram_lower.selfadjointView<Eigen::Lower>();
  Eigen::MatrixXd L = Eigen::MatrixXd::Zero(q, q);
  std::vector<bool> dropped(q, false);
  for (Eigen::Index j = 0; j < q; ++j) {
    double d = G(j, j);
    for (Eigen::Index k = 0; k < j; ++k) d -= L(j, k) * L(j, k);
    if (j > 0 && !(d > tol * G(j, j))) {
      dropped[j] = true;
      continue;
    }
    const double root = std::sqrt(d);
    L(j, j) = root;
    for (Eigen::Index i = j + 1; i < q; ++i) {
      double v = G(i, j);
      for (Eigen::Index k = 0; k < j; ++k) v -= L(i, k) * L(j, k);
      L(i, j) = v / root;
    }
  }
  return {dropped.begin() + 1, dropped.end()};
}

// Fits above this many rows start from a fit on a subsample: Newton's method
// then needs fewer passes over all rows.
constexpr Eigen::Index kWarmStartRows = 1 << 17;
constexpr Eigen::Index kWarmStartChunk = 64;   // rows taken together, so the copy reads whole cache lines
constexpr Eigen::Index kWarmStartStride = 16;  // one chunk in this many

// Every kWarmStartStride-th chunk of rows: a systematic sample, so rows
// sorted by class or by a predictor are still represented in proportion.
inline std::vector<Eigen::Index> warm_start_rows(Eigen::Index n) {
  std::vector<Eigen::Index> rows;
  for (Eigen::Index first = 0; first < n; first += kWarmStartChunk * kWarmStartStride)
    for (Eigen::Index i = first; i < std::min(n, first + kWarmStartChunk); ++i) rows.push_back(i);
  return rows;
}

// `penalty[j]` multiplies column j's share of the penalty (empty: 1 for all):
// fit_logistic() fits columns rescaled by powers of two, whose coefficients
// are penalised accordingly.
inline LogisticFit newton_fit(const Columns& X, const Eigen::Ref<const Eigen::VectorXi>& y,
                              const std::vector<double>& s, const LogisticOptions& opt, const Executor& exec,
                              const std::vector<double>& penalty);

// The solution on a subsample of rows, whose sum of losses is scaled up to
// the whole sample's (C * n / m), as a starting point over the kept columns;
// empty when the subsample has no usable fit (one class, separation).
inline Eigen::VectorXd warm_start(const Columns& X, const Eigen::Ref<const Eigen::VectorXi>& y,
                                  const std::vector<double>& s, const std::vector<Eigen::Index>& kept,
                                  const LogisticOptions& opt, const Executor& exec,
                                  const std::vector<double>& penalty) {
  const std::vector<Eigen::Index> rows = warm_start_rows(X.rows());
  const Eigen::Index m = static_cast<Eigen::Index>(rows.size());
  Eigen::MatrixXd sub_x(m, static_cast<Eigen::Index>(kept.size()));
  for (std::size_t j = 0; j < kept.size(); ++j) {
    const double* col = X.col(kept[j]).data();
    for (Eigen::Index i = 0; i < m; ++i)
      sub_x(i, static_cast<Eigen::Index>(j)) = col[rows[static_cast<std::size_t>(i)]];
  }
  Eigen::VectorXi sub_y(m);
  for (Eigen::Index i = 0; i < m; ++i) sub_y(i) = y(rows[static_cast<std::size_t>(i)]);
  std::vector<double> sub_s;
  if (!s.empty()) {
    sub_s.resize(static_cast<std::size_t>(m));
    for (Eigen::Index i = 0; i < m; ++i)
      sub_s[static_cast<std::size_t>(i)] = s[static_cast<std::size_t>(rows[static_cast<std::size_t>(i)])];
  }
  std::vector<double> sub_penalty;
  if (!penalty.empty())
    for (const Eigen::Index j : kept) sub_penalty.push_back(penalty[static_cast<std::size_t>(j)]);
  const Eigen::Index sub_pos = sub_y.sum();
  if (sub_pos == 0 || sub_pos == m) return {};
  LogisticOptions sub_opt = opt;
  sub_opt.C = opt.C * static_cast<double>(X.rows()) / static_cast<double>(m);
  sub_opt.max_iter = std::min(opt.max_iter, 30);
  // The subsample's solution is itself about 1 / sqrt(m) away from the full
  // one. Newton's steps shrink quadratically, so once one falls below 1e-3
  // the start is within about 1e-6 of that solution: close enough.
  sub_opt.tol = std::max(opt.tol, 1e-3);
  LogisticFit sub;
  try {
    sub = newton_fit(Columns::of(sub_x), sub_y, sub_s, sub_opt, exec, sub_penalty);
  } catch (const numeric_error&) {
    return {};
  }
  if (!sub.converged || sub.separated) return {};
  Eigen::VectorXd theta(sub.coef.size() + 1);
  theta << sub.intercept, sub.coef;
  return theta;
}

// The optimum at zero slopes: the log odds of the (weighted) class shares.
inline double null_intercept(const Eigen::Ref<const Eigen::VectorXi>& y, const std::vector<double>& s) {
  double sum_pos = 0, sum_all = 0;
  if (s.empty()) {
    sum_pos = static_cast<double>(y.sum());
    sum_all = static_cast<double>(y.size());
  } else {
    for (Eigen::Index i = 0; i < y.size(); ++i) {
      sum_all += s[i];
      if (y(i) == 1) sum_pos += s[i];
    }
  }
  return std::log(sum_pos / (sum_all - sum_pos));
}

// The columns an unpenalised fit keeps, as glm() does. At zero slopes every
// row's weight is positive (class and case weights are), so X'WX has the
// null space of X itself: this is where aliased columns show. When none is dropped, the pass made to
// find them is the fit's first pass as well.
struct Aliasing {
  std::vector<bool> aliased;
  std::vector<Eigen::Index> kept;
  std::optional<NewtonPartial> start;
};

inline Aliasing find_aliased(const Columns& X, const Eigen::Ref<const Eigen::VectorXi>& y, const std::vector<double>& s,
                             double intercept, const Executor& exec) {
  const Eigen::Index p = X.cols();
  std::vector<Eigen::Index> all(static_cast<std::size_t>(p));
  for (Eigen::Index j = 0; j < p; ++j) all[static_cast<std::size_t>(j)] = j;
  NewtonPartial at = NewtonPass(X, y, s, all).run(intercept, Eigen::VectorXd::Zero(p), true, exec);
  Aliasing out;
  out.aliased = aliased_columns(at.hessian);
  for (Eigen::Index j = 0; j < p; ++j)
    if (!out.aliased[static_cast<std::size_t>(j)]) out.kept.push_back(j);
  if (static_cast<Eigen::Index>(out.kept.size()) == p) out.start = std::move(at);
  return out;
}

// The penalised objective over (intercept, kept slopes): the loss of a pass
// plus half the ridge-weighted squared slopes (the intercept is free).
struct PenalisedObjective {
  Eigen::VectorXd ridge;
  double operator()(const NewtonPartial& part, const Eigen::VectorXd& theta) const {
    return part.loss + 0.5 * (ridge.array() * theta.tail(ridge.size()).array().square()).sum();
  }
};

// A point the line search accepted, with its pass and objective.
struct Accepted {
  Eigen::VectorXd theta;
  NewtonPartial at;
  double f;
};

// Backtracking: halves the step until the objective does not increase beyond
// rounding error; near the optimum the full step is taken. Empty when the
// objective is flat to rounding error along the Newton direction.
inline std::optional<Accepted> backtrack(const NewtonPass& pass, const PenalisedObjective& objective,
                                         const Eigen::VectorXd& theta, const Eigen::VectorXd& step, double f,
                                         bool want_hessian, const Executor& exec) {
  const Eigen::Index q = theta.size();
  double t = 1.0;
  for (int halving = 0; halving < 30; ++halving, t *= 0.5) {
    Eigen::VectorXd next = theta - t * step;
    NewtonPartial at = pass.run(next(0), next.tail(q - 1), want_hessian, exec);
    const double f_next = objective(at, next);
    if (f_next <= f + 1e-12 * std::abs(f)) return Accepted{std::move(next), std::move(at), f_next};
  }
  return std::nullopt;
}

inline LogisticFit newton_fit(const Columns& X, const Eigen::Ref<const Eigen::VectorXi>& y,
                              const std::vector<double>& s, const LogisticOptions& opt, const Executor& exec,
                              const std::vector<double>& penalty) {
  const Eigen::Index n = X.rows();
  const Eigen::Index p = X.cols();
  const bool penalised = std::isfinite(opt.C);
  const double intercept = null_intercept(y, s);

  LogisticFit fit;
  fit.coef = Eigen::VectorXd::Zero(p);
  fit.aliased.assign(static_cast<std::size_t>(p), false);
  std::vector<Eigen::Index> kept(static_cast<std::size_t>(p));
  for (Eigen::Index j = 0; j < p; ++j) kept[static_cast<std::size_t>(j)] = j;
  // `at` holds the pass at theta once set. A penalised fit makes no pass at
  // the start when it may move to a warm start anyway.
  std::optional<NewtonPartial> at;
  if (!penalised) {
    Aliasing aliasing = find_aliased(X, y, s, intercept, exec);
    fit.aliased = std::move(aliasing.aliased);
    kept = std::move(aliasing.kept);
    at = std::move(aliasing.start);
  }
  const Eigen::Index q = static_cast<Eigen::Index>(kept.size()) + 1;
  PenalisedObjective objective{Eigen::VectorXd::Zero(q - 1)};
  if (penalised)
    for (Eigen::Index j = 0; j + 1 < q; ++j)
      objective.ridge(j) =
          (penalty.empty() ? 1.0 : penalty[static_cast<std::size_t>(kept[static_cast<std::size_t>(j)])]) / opt.C;

  Eigen::VectorXd theta = Eigen::VectorXd::Zero(q);  // intercept, then kept slopes
  theta(0) = intercept;
  if (n >= kWarmStartRows) {
    Eigen::VectorXd start = warm_start(X, y, s, kept, opt, exec, penalty);
    if (start.size() == q) {
      theta = std::move(start);
      at.reset();
    }
  }
  const NewtonPass pass(X, y, s, kept);
  if (!at) at = pass.run(theta(0), theta.tail(q - 1), true, exec);
  auto relative = [&](const Eigen::VectorXd& step) {
    return (step.array().abs() / (1.0 + theta.array().abs())).maxCoeff();
  };
  double f = objective(*at, theta);

  // The Hessian pass costs nearly two gradient passes. Once Newton steps are
  // small the Hessian barely changes, so it is kept and only the gradient is
  // recomputed; a fresh Hessian is asked for again whenever a step fails to
  // halve the previous one. The fixed point is the same: gradient zero.
  //
  // Steps with a kept Hessian shrink geometrically, each by about the ratio
  // r of the last two, so the error left after taking a step of size d is
  // about d r / (1 - r). Once that is below the tolerance the step is taken
  // without another pass just to see the next step fall below it.
  Eigen::LDLT<Eigen::MatrixXd> ldlt;
  double previous = std::numeric_limits<double>::infinity();
  int kept_steps = 0;  // consecutive steps with the current Hessian, this one included
  for (fit.iterations = 1; fit.iterations <= opt.max_iter; ++fit.iterations) {
    const bool fresh = at->hessian.size() > 0;
    kept_steps = fresh ? 0 : kept_steps + 1;
    if (fresh) {
      Eigen::MatrixXd H = at->hessian.selfadjointView<Eigen::Lower>();
      H.diagonal().tail(q - 1) += objective.ridge;
      ldlt.compute(H);
      if (ldlt.info() != Eigen::Success)
        throw numeric_error("the Newton system of the logistic regression is singular");
    }
    Eigen::VectorXd g = at->gradient;
    g.tail(q - 1) += objective.ridge.cwiseProduct(theta.tail(q - 1));
    const Eigen::VectorXd step = ldlt.solve(g);
    if (!step.allFinite()) throw numeric_error("the Newton step of the logistic regression is not finite");

    const double size = relative(step);
    const double ratio = size / previous;
    const bool geometric = kept_steps >= 2 && ratio < 0.5;
    if (size <= opt.tol || (geometric && size * ratio / (1 - ratio) <= opt.tol)) {
      // Near the optimum the objective is quadratic along the step, and
      // f(theta - step) = f - g'step / 2 to far below rounding of f.
      f -= 0.5 * g.dot(step);
      theta -= step;
      fit.converged = true;
      break;
    }
    const bool want_hessian = size > 1e-3 || (!fresh && size > 0.5 * previous);
    previous = size;

    std::optional<Accepted> next = backtrack(pass, objective, theta, step, f, want_hessian, exec);
    if (!next) {
      fit.converged = size <= 1e-6;
      break;
    }
    theta = std::move(next->theta);
    at = std::move(next->at);
    f = next->f;
    // Unpenalised and every training row fitted with probability 0 or 1: the
    // classes are separated and the likelihood has no finite maximiser.
    if (!penalised && at->extreme == static_cast<std::size_t>(n)) break;
  }
  fit.iterations = std::min(fit.iterations, opt.max_iter);
  fit.separated = !penalised && at->extreme > 0;
  fit.objective = f;
  fit.intercept = theta(0);
  for (Eigen::Index j = 0; j + 1 < q; ++j) fit.coef(kept[static_cast<std::size_t>(j)]) = theta(j + 1);
  return fit;
}

}  // namespace detail

// `case_weight`, when given, holds a positive weight per row that multiplies
// the row's loss (scikit-learn's sample_weight, glm()'s prior weights),
// after any class weight.
inline LogisticFit fit_logistic(const Columns& X, const Eigen::Ref<const Eigen::VectorXi>& y,
                                const LogisticOptions& opt, const Executor& exec = serial_executor(),
                                const double* case_weight = nullptr) {
  const Eigen::Index n = X.rows();
  require(y.size() == n, "X and y must have the same number of rows");
  require(n > 0, "logistic regression needs at least one row");
  require(opt.C > 0, "C must be positive");
  check(X.all_finite(), kind::infinite, "The predictors must be finite.");
  Eigen::Index n_pos = 0, n_other = 0;
  for (Eigen::Index i = 0; i < n; ++i) {
    n_pos += y(i) == 1;
    n_other += y(i) != 0 && y(i) != 1;
  }
  require(n_other == 0, "y must hold 0 and 1 only");
  check(n_pos > 0 && n_pos < n, kind::levels, "Logistic regression needs both classes in the training rows.");
  std::vector<double> s = balanced_row_weights(y, opt.balanced);
  if (case_weight != nullptr) {
    if (s.empty())
      s.assign(case_weight, case_weight + n);
    else
      for (Eigen::Index i = 0; i < n; ++i) s[static_cast<std::size_t>(i)] *= case_weight[i];
  }
  // A column far from unit scale (|x| beyond about 1e38 or, unpenalised,
  // below 1e-38) is fitted as x * 2^-e, which is exact: otherwise X'WX
  // overflows or underflows, columns look aliased and Newton's system
  // singular. Its coefficient is that of the rescaled column times 2^-e,
  // and its penalty 4^-e times as large. A penalised fit leaves tiny
  // columns alone, since the ridge keeps its system regular and 4^-e would
  // overflow.
  const bool penalised = std::isfinite(opt.C);
  std::vector<int> exponent(static_cast<std::size_t>(X.cols()), 0);
  bool any = false;
  for (Eigen::Index j = 0; j < X.cols(); ++j) {
    const double largest = X.col(j).cwiseAbs().maxCoeff();
    if (!(largest > 0)) continue;
    const int e = std::ilogb(largest) + 1;
    if (e > detail::kLogisticSafeExponent || (!penalised && e < -detail::kLogisticSafeExponent)) {
      exponent[static_cast<std::size_t>(j)] = e;
      any = true;
    }
  }
  if (!any) return detail::newton_fit(X, y, s, opt, exec, {});
  std::vector<Eigen::VectorXd> rescaled;
  rescaled.reserve(static_cast<std::size_t>(X.cols()));
  std::vector<const double*> columns;
  std::vector<double> penalty(static_cast<std::size_t>(X.cols()), 1.0);
  for (Eigen::Index j = 0; j < X.cols(); ++j) {
    const int e = exponent[static_cast<std::size_t>(j)];
    if (e == 0) {
      columns.push_back(X.col(j).data());
      continue;
    }
    rescaled.push_back(X.col(j) * std::ldexp(1.0, -e / 2) * std::ldexp(1.0, -e + e / 2));
    columns.push_back(rescaled.back().data());
    penalty[static_cast<std::size_t>(j)] = std::ldexp(1.0, -2 * e);
  }
  LogisticFit fit = detail::newton_fit(Columns(std::move(columns), n), y, s, opt, exec, penalty);
  for (Eigen::Index j = 0; j < X.cols(); ++j) {
    const int e = exponent[static_cast<std::size_t>(j)];
    fit.coef(j) = std::ldexp(fit.coef(j), -e);
  }
  return fit;
}

// Probability of class 1 for every row of X.
inline void predict_logistic(const LogisticFit& fit, const Columns& X, Eigen::Ref<Eigen::VectorXd> prob,
                             const Executor& exec = serial_executor()) {
  check_stored(X.cols() == fit.coef.size(), "The data have a different number of columns than the fitted model.");
  require(prob.size() == X.rows(), "the output has the wrong length");
  std::vector<Eigen::Index> all(static_cast<std::size_t>(X.cols()));
  for (Eigen::Index j = 0; j < X.cols(); ++j) all[static_cast<std::size_t>(j)] = j;
  const std::size_t n = static_cast<std::size_t>(X.rows());
  exec(n, detail::kLogisticBlock, [&](std::size_t begin, std::size_t end) {
    Eigen::MatrixXd Z;
    for (std::size_t first = begin; first < end; first += detail::kLogisticBlock) {
      const Eigen::Index rows = static_cast<Eigen::Index>(std::min(end - first, detail::kLogisticBlock));
      X.gather(static_cast<Eigen::Index>(first), rows, all, Z);
      const Eigen::VectorXd eta = Z * fit.coef;
      for (Eigen::Index i = 0; i < rows; ++i)
        prob(static_cast<Eigen::Index>(first) + i) = detail::sigmoid(eta(i) + fit.intercept);
    }
  });
}

}  // namespace smotelab
