// Binary logistic regression with scikit-learn's objective
//
//   minimise 0.5 * ||w||^2 + C * sum_i s_i * logloss_i      (intercept not penalised)
//
// solved by Newton's method. Each iteration makes one fused pass over the rows,
// accumulating the objective, the gradient and the Hessian X'WX block by block.
// Blocks have a fixed size and their partial sums are added in block order, so
// the fit is bit-identical whatever the number of threads.
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
#include <string>
#include <vector>

#include "columns.hpp"
#include "errors.hpp"
#include "parallel.hpp"

namespace smotelab {

struct LogisticOptions {
  double C = 1.0;          // inverse penalty strength; +inf means no penalty
  bool balanced = false;   // class_weight = "balanced": s_i = n / (2 * n_class(y_i))
  double tol = 1e-10;      // Newton stops when every step is below tol * (1 + |coef|)
  int max_iter = 100;
};

struct LogisticFit {
  double intercept = 0.0;
  Eigen::VectorXd coef;        // one per column; 0 for aliased columns
  std::vector<bool> aliased;   // columns dropped as linear combinations of earlier ones
  int iterations = 0;
  bool converged = false;
  bool separated = false;      // some fitted probabilities are numerically 0 or 1 (C = inf)
  double objective = 0.0;      // sum_i s_i * logloss_i + 0.5 / C * ||w||^2 at the solution
};

namespace detail {

constexpr std::size_t kLogisticBlock = 2048;

inline double sigmoid(double eta) {
  if (eta >= 0) return 1.0 / (1.0 + std::exp(-eta));
  const double e = std::exp(eta);
  return e / (1.0 + e);
}

// log(1 + exp(eta)) without overflow.
inline double softplus(double eta) {
  return eta > 0 ? eta + std::log1p(std::exp(-eta)) : std::log1p(std::exp(eta));
}

// What one block of rows contributes to the objective, gradient and Hessian.
// Index 0 is the intercept, 1..q-1 the kept columns. The Hessian is empty
// when the pass did not ask for it.
struct NewtonPartial {
  double loss = 0.0;
  Eigen::VectorXd gradient;
  Eigen::MatrixXd hessian;   // lower triangle only
  std::size_t extreme = 0;   // rows whose fitted probability is numerically 0 or 1
};

class NewtonPass {
 public:
  NewtonPass(const Columns& X, const Eigen::Ref<const Eigen::VectorXi>& y,
             const std::vector<double>& row_weight, const std::vector<Eigen::Index>& kept)
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
  struct Scratch {
    Eigen::MatrixXd Z, weighted;
    Eigen::VectorXd eta, residual, weight;
  };

  void block(std::size_t b, double intercept, const Eigen::VectorXd& beta, bool with_hessian, Scratch& tmp,
             NewtonPartial& out) const {
    const Eigen::Index first = static_cast<Eigen::Index>(b * kLogisticBlock);
    const Eigen::Index rows = std::min<Eigen::Index>(kLogisticBlock, X_.rows() - first);
    const Eigen::Index p = static_cast<Eigen::Index>(kept_.size());
    // The block's rows of the kept columns, in a buffer that stays in cache.
    X_.gather(first, rows, kept_, tmp.Z);
    const Eigen::MatrixXd& Z = tmp.Z;

    tmp.eta.noalias() = Z * beta;
    tmp.residual.resize(rows);
    tmp.weight.resize(rows);
    constexpr double tiny = 10 * std::numeric_limits<double>::epsilon();
    for (Eigen::Index i = 0; i < rows; ++i) {
      const double s = s_[first + i];
      const double eta = tmp.eta(i) + intercept;
      const double prob = sigmoid(eta);
      const int yi = y_(first + i);
      out.loss += s * (softplus(eta) - yi * eta);
      tmp.residual(i) = s * (prob - yi);
      tmp.weight(i) = s * prob * (1.0 - prob);
      out.extreme += (prob < tiny || prob > 1.0 - tiny);
    }
    out.gradient.resize(p + 1);
    out.gradient(0) = tmp.residual.sum();
    out.gradient.tail(p).noalias() = Z.transpose() * tmp.residual;
    if (!with_hessian) return;

    out.hessian = Eigen::MatrixXd::Zero(p + 1, p + 1);
    out.hessian(0, 0) = tmp.weight.sum();
    out.hessian.col(0).tail(p).noalias() = Z.transpose() * tmp.weight;
    tmp.weighted = Z;
    tmp.weighted.array().colwise() *= tmp.weight.array().sqrt();
    out.hessian.bottomRightCorner(p, p).selfadjointView<Eigen::Lower>().rankUpdate(tmp.weighted.transpose());
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

}  // namespace detail

inline std::vector<double> balanced_row_weights(const Eigen::Ref<const Eigen::VectorXi>& y, bool balanced) {
  const std::size_t n = static_cast<std::size_t>(y.size());
  std::vector<double> s(n, 1.0);
  if (!balanced) return s;
  const double n_pos = static_cast<double>(y.sum());
  const double n_neg = static_cast<double>(n) - n_pos;
  for (std::size_t i = 0; i < n; ++i) s[i] = static_cast<double>(n) / (2.0 * (y(i) == 1 ? n_pos : n_neg));
  return s;
}

inline LogisticFit fit_logistic(const Columns& X, const Eigen::Ref<const Eigen::VectorXi>& y,
                                const LogisticOptions& opt,
                                const Executor& exec = serial_executor()) {
  const Eigen::Index n = X.rows();
  const Eigen::Index p = X.cols();
  require(y.size() == n, "X and y must have the same number of rows");
  require(n > 0, "logistic regression needs at least one row");
  require(opt.C > 0, "C must be positive");
  require(X.all_finite(), "X must not contain NA, NaN or infinite values");
  Eigen::Index n_pos = 0;
  for (Eigen::Index i = 0; i < n; ++i) {
    require(y(i) == 0 || y(i) == 1, "y must hold 0 and 1 only");
    n_pos += y(i);
  }
  require(n_pos > 0 && n_pos < n, "logistic regression needs both classes in the training rows");

  const bool penalised = std::isfinite(opt.C);
  const double ridge = penalised ? 1.0 / opt.C : 0.0;
  const std::vector<double> s = balanced_row_weights(y, opt.balanced);

  LogisticFit fit;
  fit.coef = Eigen::VectorXd::Zero(p);
  fit.aliased.assign(p, false);
  std::vector<Eigen::Index> kept(p);
  for (Eigen::Index j = 0; j < p; ++j) kept[j] = j;

  // Start at zero slopes and the intercept of the (weighted) class shares.
  double sum_pos = 0, sum_all = 0;
  for (Eigen::Index i = 0; i < n; ++i) {
    sum_all += s[i];
    if (y(i) == 1) sum_pos += s[i];
  }
  double intercept = std::log(sum_pos / (sum_all - sum_pos));

  detail::NewtonPass pass(X, y, s, kept);
  detail::NewtonPartial at = pass.run(intercept, Eigen::VectorXd::Zero(p), true, exec);
  if (!penalised) {
    // At the start every row has the same weight per class, so X'WX has the
    // null space of X itself: this is where aliased columns show.
    fit.aliased = detail::aliased_columns(at.hessian);
    std::vector<Eigen::Index> still;
    for (Eigen::Index j = 0; j < p; ++j)
      if (!fit.aliased[j]) still.push_back(j);
    if (static_cast<Eigen::Index>(still.size()) < p) {
      kept = still;
      at = pass.run(intercept, Eigen::VectorXd::Zero(static_cast<Eigen::Index>(kept.size())), true, exec);
    }
  }
  const Eigen::Index q = static_cast<Eigen::Index>(kept.size()) + 1;

  Eigen::VectorXd theta = Eigen::VectorXd::Zero(q);  // intercept, then kept slopes
  theta(0) = intercept;
  auto objective = [&](const detail::NewtonPartial& part, const Eigen::VectorXd& t) {
    return part.loss + 0.5 * ridge * t.tail(q - 1).squaredNorm();
  };
  auto relative = [&](const Eigen::VectorXd& step) {
    return (step.array().abs() / (1.0 + theta.array().abs())).maxCoeff();
  };
  double f = objective(at, theta);

  // The Hessian pass costs several gradient passes. Once Newton steps are
  // small the Hessian barely changes, so it is kept and only the gradient is
  // recomputed; a fresh Hessian is asked for again whenever a step fails to
  // halve the previous one. The fixed point is the same: gradient zero.
  Eigen::LDLT<Eigen::MatrixXd> ldlt;
  double previous = std::numeric_limits<double>::infinity();
  for (fit.iterations = 1; fit.iterations <= opt.max_iter; ++fit.iterations) {
    const bool fresh = at.hessian.size() > 0;
    if (fresh) {
      Eigen::MatrixXd H = at.hessian.selfadjointView<Eigen::Lower>();
      H.diagonal().tail(q - 1).array() += ridge;
      ldlt.compute(H);
      if (ldlt.info() != Eigen::Success) throw numeric_error("the Newton system of the logistic regression is singular");
    }
    Eigen::VectorXd g = at.gradient;
    g.tail(q - 1) += ridge * theta.tail(q - 1);
    const Eigen::VectorXd step = ldlt.solve(g);
    if (!step.allFinite()) throw numeric_error("the Newton step of the logistic regression is not finite");

    const double size = relative(step);
    if (size <= opt.tol) {
      theta -= step;
      fit.converged = true;
      break;
    }
    const bool want_hessian = size > 1e-3 || (!fresh && size > 0.5 * previous);
    previous = size;

    // Backtracking: halve the step until the objective does not increase
    // beyond rounding error. Near the optimum the full step is taken.
    double t = 1.0;
    bool accepted = false;
    Eigen::VectorXd next;
    detail::NewtonPartial at_next;
    double f_next = f;
    for (int halving = 0; halving < 30 && !accepted; ++halving, t *= 0.5) {
      next = theta - t * step;
      at_next = pass.run(next(0), next.tail(q - 1), want_hessian, exec);
      f_next = objective(at_next, next);
      accepted = f_next <= f + 1e-12 * std::abs(f);
    }
    if (!accepted) {
      // The objective is flat to rounding error along the Newton direction.
      fit.converged = size <= 1e-6;
      break;
    }
    theta = next;
    at = at_next;
    f = f_next;
    // Unpenalised and every training row fitted with probability 0 or 1: the
    // classes are separated and the likelihood has no finite maximiser.
    if (!penalised && at.extreme == static_cast<std::size_t>(n)) break;
  }
  fit.iterations = std::min(fit.iterations, opt.max_iter);
  fit.separated = !penalised && at.extreme > 0;
  fit.objective = f;
  fit.intercept = theta(0);
  for (Eigen::Index j = 0; j + 1 < q; ++j) fit.coef(kept[j]) = theta(j + 1);
  return fit;
}

inline LogisticFit fit_logistic(const Eigen::Ref<const Eigen::MatrixXd>& X, const Eigen::Ref<const Eigen::VectorXi>& y,
                                const LogisticOptions& opt, const Executor& exec = serial_executor()) {
  return fit_logistic(Columns::of(X), y, opt, exec);
}

// Probability of class 1 for every row of X.
inline void predict_logistic(const LogisticFit& fit, const Columns& X, Eigen::Ref<Eigen::VectorXd> prob,
                             const Executor& exec = serial_executor()) {
  require(X.cols() == fit.coef.size(), "X has a different number of columns than the fitted model");
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
