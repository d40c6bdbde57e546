// Balanced bagging (imbalanced-learn 0.10's BalancedBaggingClassifier and
// EasyEnsembleClassifier): each member is a pipeline, a sampler step then a
// model, fitted by the pipeline engine on its own draw of the training rows,
// so any sampler and any model the engine knows can be a member.
//
// As scikit-learn's BaggingClassifier: member t draws `max_samples` rows,
// with replacement when `bootstrap` (a bootstrap sample) and without
// otherwise, and the sampler then resamples that draw. Members are fitted in
// parallel, one thread each; member t draws from stream t and fits with
// derive_seed(seed, t), so the ensemble does not depend on the number of
// threads. The drawn rows are copied once per member, in ascending order,
// and released when the member is fitted.
#pragma once

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <exception>
#include <memory>
#include <string>
#include <vector>

#include "case_weights.hpp"
#include "columns.hpp"
#include "errors.hpp"
#include "parallel.hpp"
#include "pipeline.hpp"
#include "rng.hpp"

namespace smotelab {

// Rows each member draws from n training rows.
inline Eigen::Index bagging_rows(const BaggingOptions& opt, Eigen::Index n) {
  require(opt.max_samples > 0, "max_samples must be positive");
  if (opt.max_samples <= 1) {
    const auto m = static_cast<Eigen::Index>(std::floor(opt.max_samples * static_cast<double>(n)));
    check(m >= 1, kind::too_few_rows,
          "max_samples = " + detail::format_ratio(opt.max_samples) + " of " + std::to_string(n) +
              " rows draws no row for a bagging member.",
          {"Use a larger share, or a count of rows."});
    return m;
  }
  const auto m = static_cast<Eigen::Index>(opt.max_samples);
  check(
      opt.bootstrap || m <= n, kind::too_few_rows,
      "max_samples = " + std::to_string(m) + " can't be drawn without replacement from " + std::to_string(n) + " rows.",
      {"Use bootstrap = TRUE, or at most " + std::to_string(n) + " rows."});
  return m;
}

// The rows member t is fitted on, in ascending order (with repeats when
// drawn with replacement).
inline std::vector<Eigen::Index> bagging_draw(const BaggingOptions& opt, Eigen::Index n, std::uint64_t seed,
                                              std::uint64_t t) {
  const Eigen::Index m = bagging_rows(opt, n);
  Rng rng(seed, t);
  std::vector<Eigen::Index> rows;
  rows.reserve(static_cast<std::size_t>(m));
  if (opt.bootstrap) {
    for (Eigen::Index k = 0; k < m; ++k) rows.push_back(static_cast<Eigen::Index>(rng.below(n)));
    std::sort(rows.begin(), rows.end());
  } else if (m == n) {
    for (Eigen::Index i = 0; i < n; ++i) rows.push_back(i);
  } else {
    // Selection sampling (Knuth's algorithm S): each row in turn is taken
    // with probability (rows still needed) / (rows left), in order.
    for (Eigen::Index i = 0; i < n && static_cast<Eigen::Index>(rows.size()) < m; ++i) {
      const auto needed = static_cast<std::uint64_t>(m - static_cast<Eigen::Index>(rows.size()));
      if (rng.below(static_cast<std::uint64_t>(n - i)) < needed) rows.push_back(i);
    }
  }
  return rows;
}

namespace detail {

// `case_weight`: none, or one per row; each member fits with the weights of
// its drawn rows (a row drawn twice brings its weight twice).
inline BaggingFit fit_bagging(const BaggingOptions& opt, const Columns& X, const Eigen::Ref<const Eigen::VectorXi>& y,
                              std::uint64_t seed, const Executor& exec, const double* case_weight) {
  require(opt.member != nullptr, "a bagging model needs a member pipeline");
  require(opt.n_estimators >= 1, "n_estimators must be at least 1");
  require(X.rows() == y.size(), "X and y must have the same number of rows");
  check(X.rows() > 0, kind::empty, "Bagging needs at least one training row.");
  bagging_rows(opt, X.rows());
  const auto n_members = static_cast<std::size_t>(opt.n_estimators);
  BaggingFit fit;
  fit.members.resize(n_members);
  std::vector<std::exception_ptr> errors(n_members);
  exec(n_members, 1, [&](std::size_t begin, std::size_t end) {
    for (std::size_t t = begin; t < end; ++t) {
      try {
        const std::vector<Eigen::Index> rows = bagging_draw(opt, X.rows(), seed, t);
        const Eigen::MatrixXd X_member = X.rows_of(rows);
        Eigen::VectorXi y_member(static_cast<Eigen::Index>(rows.size()));
        for (std::size_t i = 0; i < rows.size(); ++i) y_member(static_cast<Eigen::Index>(i)) = y(rows[i]);
        Columns member_columns = Columns::of(X_member);
        member_columns.checked_finite();
        const std::vector<double> w_member = weights_of_rows(case_weight, rows);
        fit.members[t] = std::make_shared<const FittedPipeline>(
            fit_pipeline(*opt.member, member_columns, y_member, derive_seed(seed, t), serial_executor(),
                         case_weight != nullptr ? w_member.data() : nullptr));
      } catch (...) {
        errors[t] = std::current_exception();
      }
    }
  });
  // The lowest-numbered member's error, whatever the schedule.
  for (const std::exception_ptr& e : errors)
    if (e) std::rethrow_exception(e);
  return fit;
}

// The mean of the members' probabilities, summed in member order.
inline void predict_bagging(const BaggingFit& fit, const Columns& X, Eigen::Ref<Eigen::VectorXd> prob,
                            const Executor& exec) {
  check_stored(!fit.members.empty(), "The fitted bagging ensemble can't be used: it has no members.");
  require(prob.size() == X.rows(), "the output must have one entry per row");
  Eigen::VectorXd member(X.rows());
  prob.setZero();
  for (const auto& m : fit.members) {
    predict_pipeline(*m, X, member, exec);
    prob += member;
  }
  prob /= static_cast<double>(fit.members.size());
}

}  // namespace detail

}  // namespace smotelab
