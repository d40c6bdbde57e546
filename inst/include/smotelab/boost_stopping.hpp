// Early stopping for boosting: a stratified share of each class is held out
// (when early stopping is on), the evaluation metric is computed on it after
// every round, and boosting stops once the best round is
// `early_stopping_rounds` behind.
#pragma once

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <vector>

#include "boost_types.hpp"
#include "errors.hpp"
#include "math.hpp"
#include "metrics.hpp"
#include "parallel.hpp"
#include "rng.hpp"

namespace smotelab {
namespace detail {

class EarlyStopping {
 public:
  EarlyStopping(const Eigen::Ref<const Eigen::VectorXi>& y, const BoostOptions& opt, std::uint64_t seed) : opt_(opt) {
    const Eigen::Index n = y.size();
    std::vector<std::uint8_t> held(static_cast<std::size_t>(n), 0);
    if (enabled()) {
      for (int cls = 0; cls < 2; ++cls) {
        std::vector<std::uint32_t> rows;
        for (Eigen::Index i = 0; i < n; ++i)
          if (y(i) == cls) rows.push_back(static_cast<std::uint32_t>(i));
        const auto n_held = static_cast<std::size_t>(std::llround(opt.validation * static_cast<double>(rows.size())));
        if (n_held < 1 || n_held >= rows.size()) {
          std::ostringstream msg;
          msg << "Early stopping can't hold out validation = " << opt.validation << " of the "
              << (cls == 1 ? "event" : "non-event") << " class's " << rows.size()
              << " training rows and keep rows on both sides.";
          fail(kind::too_few_rows, msg.str(), {"Each class needs at least one validation row and one training row."});
        }
        Rng rng(seed, static_cast<std::uint64_t>(cls));
        rng.shuffle(rows.begin(), rows.end());
        for (std::size_t k = 0; k < n_held; ++k) held[rows[k]] = 1;
      }
    }
    for (Eigen::Index i = 0; i < n; ++i) {
      if (held[static_cast<std::size_t>(i)]) {
        valid_rows_.push_back(static_cast<std::uint32_t>(i));
        valid_y_.push_back(y(i));
      } else {
        train_rows_.push_back(static_cast<std::uint32_t>(i));
      }
    }
    valid_prob_.resize(valid_rows_.size());
  }

  bool enabled() const { return opt_.early_stopping_rounds > 0; }
  // Without early stopping every row trains and none is held out.
  const std::vector<std::uint32_t>& train_rows() const { return train_rows_; }
  const std::vector<std::uint32_t>& valid_rows() const { return valid_rows_; }

  // The metric on the held-out rows at the current margins.
  double score(const std::vector<double>& margin, const Executor& exec) {
    const std::size_t nv = valid_rows_.size();
    for (std::size_t k = 0; k < nv; ++k) valid_prob_[k] = sigmoid(margin[valid_rows_[k]]);
    if (opt_.eval_metric == BoostMetric::logloss) {
      constexpr double eps = 1e-15;
      double loss = 0;
      for (std::size_t k = 0; k < nv; ++k) {
        const double q = std::min(std::max(valid_prob_[k], eps), 1 - eps);
        loss -= valid_y_[k] == 1 ? std::log(q) : std::log(1 - q);
      }
      return loss / static_cast<double>(nv);
    }
    const metrics::Ranking r = metrics::ranking_metrics(valid_y_.data(), valid_prob_.data(), nv, exec);
    return opt_.eval_metric == BoostMetric::auc ? r.roc_auc : r.average_precision;
  }

  // Records round `round`'s score; true when boosting should stop.
  bool record(int round, double score) {
    const bool maximize = opt_.eval_metric != BoostMetric::logloss;
    if (best_round_ < 0 || (maximize ? score > best_ : score < best_)) {
      best_ = score;
      best_round_ = round;
    }
    return round - best_round_ >= opt_.early_stopping_rounds;
  }

  // The 0-based round with the best score so far.
  int best_round() const { return best_round_; }

 private:
  const BoostOptions& opt_;
  std::vector<std::uint32_t> train_rows_, valid_rows_;
  std::vector<int> valid_y_;
  std::vector<double> valid_prob_;
  double best_ = 0;
  int best_round_ = -1;
};

}  // namespace detail
}  // namespace smotelab
