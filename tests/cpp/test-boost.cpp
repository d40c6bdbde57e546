// Boosted trees: a one-split tree whose leaves are known in closed form,
// scale_pos_weight against duplicated events, schedule independence, early
// stopping, and the sampling options running clean under the sanitizers.
#include <smotelab/boost.hpp>

#include <algorithm>
#include <thread>

#include "check.hpp"

using smotelab::BoostOptions;
using smotelab::Columns;

namespace {

// Runs ranges on two threads, the second half first, so any dependence on the
// schedule would show.
void run_two_threads(std::size_t n, std::size_t grain, const smotelab::RangeKernel& kernel) {
  if (n == 0) return;
  grain = std::max<std::size_t>(grain, 1);
  std::vector<std::pair<std::size_t, std::size_t>> ranges;
  for (std::size_t b = 0; b < n; b += grain) ranges.emplace_back(b, std::min(n, b + grain));
  std::reverse(ranges.begin(), ranges.end());
  std::thread other([&] {
    for (std::size_t r = 0; r < ranges.size(); r += 2) kernel(ranges[r].first, ranges[r].second);
  });
  for (std::size_t r = 1; r < ranges.size(); r += 2) kernel(ranges[r].first, ranges[r].second);
  other.join();
}

Eigen::VectorXd predict(const smotelab::BoostFit& fit, const Eigen::MatrixXd& X) {
  Eigen::VectorXd prob(X.rows());
  smotelab::predict_boost(fit, Columns::of(X), prob);
  return prob;
}

}  // namespace

int main() {
  // One split on one feature, lambda = 0: each leaf is -G / H at margin 0,
  // i.e. -(0.5 - y) / 0.25 = +-2, times the learning rate.
  {
    Eigen::MatrixXd X(8, 1);
    X << 0, 1, 2, 3, 4, 5, 6, 7;
    Eigen::VectorXi y(8);
    y << 0, 0, 0, 0, 1, 1, 1, 1;
    BoostOptions opt;
    opt.n_rounds = 1;
    opt.max_depth = 1;
    opt.lambda = 0;
    opt.min_child_weight = 0;
    opt.learning_rate = 0.5;
    const auto fit = smotelab::fit_boost(Columns::of(X), y, opt, 1);
    const smotelab::TreeEnsemble& trees = fit.trees;
    CHECK(fit.n_trees() == 1 && trees.feature.size() == 3 && trees.n_features == 1);
    CHECK(trees.feature[0] == 0 && trees.feature[1] < 0 && trees.feature[2] < 0);
    CHECK_NEAR(trees.value[0], 3.5, 0);
    CHECK(trees.left[0] == 1);
    CHECK_NEAR(trees.value[1], -1.0, 1e-15);
    CHECK_NEAR(trees.value[2], 1.0, 1e-15);
    const Eigen::VectorXd prob = predict(fit, X);
    CHECK_NEAR(prob(0), 1 / (1 + std::exp(1.0)), 1e-15);
    CHECK_NEAR(prob(7), 1 / (1 + std::exp(-1.0)), 1e-15);
    smotelab::validate_trees(trees);
  }

  // Data with few distinct values per feature, so duplicated rows leave the bins unchanged.
  const Eigen::Index n = 3000;
  Eigen::MatrixXd X(n, 4);
  Eigen::VectorXi y(n);
  smotelab::Rng rng(11, 0);
  for (Eigen::Index i = 0; i < n; ++i) {
    for (Eigen::Index j = 0; j < 4; ++j) X(i, j) = static_cast<double>(rng.below(20));
    const double eta = -2.5 + 0.2 * X(i, 0) - 0.1 * X(i, 1) + 0.05 * X(i, 2) * (X(i, 3) > 10 ? 1 : -1);
    y(i) = rng.uniform() < 1 / (1 + std::exp(-eta)) ? 1 : 0;
  }

  // scale_pos_weight = 3 equals three copies of every event.
  {
    BoostOptions opt;
    opt.n_rounds = 20;
    opt.max_depth = 4;
    opt.scale_pos_weight = 3;
    const auto weighted = smotelab::fit_boost(Columns::of(X), y, opt, 5);
    const Eigen::Index events = y.sum();
    Eigen::MatrixXd Xd(n + 2 * events, 4);
    Eigen::VectorXi yd(n + 2 * events);
    Xd.topRows(n) = X;
    yd.head(n) = y;
    Eigen::Index k = n;
    for (int copy = 0; copy < 2; ++copy)
      for (Eigen::Index i = 0; i < n; ++i)
        if (y(i) == 1) {
          Xd.row(k) = X.row(i);
          yd(k++) = 1;
        }
    opt.scale_pos_weight = 1;
    const auto duplicated = smotelab::fit_boost(Columns::of(Xd), yd, opt, 5);
    CHECK(weighted.trees.feature == duplicated.trees.feature);
    CHECK((predict(weighted, X) - predict(duplicated, X)).cwiseAbs().maxCoeff() < 1e-10);
  }

  // Same fit for any schedule, with row and column sampling on.
  {
    BoostOptions opt;
    opt.n_rounds = 15;
    opt.subsample = 0.7;
    opt.colsample = 0.5;
    const auto serial = smotelab::fit_boost(Columns::of(X), y, opt, 9);
    const auto threaded = smotelab::fit_boost(Columns::of(X), y, opt, 9, smotelab::Executor(run_two_threads));
    CHECK(serial.trees.feature == threaded.trees.feature);
    CHECK(serial.trees.left == threaded.trees.left);
    CHECK(serial.trees.value == threaded.trees.value);
    const auto other_seed = smotelab::fit_boost(Columns::of(X), y, opt, 10);
    CHECK(serial.trees.value != other_seed.trees.value);
  }

  // Early stopping on pure noise stops early and keeps the best round's trees.
  {
    Eigen::MatrixXd Z(2000, 3);
    Eigen::VectorXi yz(2000);
    for (Eigen::Index i = 0; i < Z.rows(); ++i) {
      for (Eigen::Index j = 0; j < 3; ++j) Z(i, j) = rng.normal();
      yz(i) = rng.uniform() < 0.2 ? 1 : 0;
    }
    BoostOptions opt;
    opt.n_rounds = 200;
    opt.max_depth = 8;
    opt.min_child_weight = 0;
    opt.early_stopping_rounds = 5;
    opt.validation = 0.2;
    for (auto metric : {smotelab::BoostMetric::logloss, smotelab::BoostMetric::auc, smotelab::BoostMetric::aucpr}) {
      opt.eval_metric = metric;
      const auto fit = smotelab::fit_boost(Columns::of(Z), yz, opt, 3, smotelab::Executor(run_two_threads));
      CHECK(fit.rounds < 200);
      CHECK(fit.rounds == fit.best_iteration + 5);
      CHECK(fit.n_trees() == fit.best_iteration);
      CHECK(static_cast<int>(fit.eval_history.size()) == fit.rounds);
      const auto best = fit.eval_history[static_cast<std::size_t>(fit.best_iteration - 1)];
      for (double s : fit.eval_history) CHECK(metric == smotelab::BoostMetric::logloss ? s >= best : s <= best);
    }
    opt.validation = 0.0001;
    bool threw = false;
    try {
      smotelab::fit_boost(Columns::of(Z), yz, opt, 3);
    } catch (const smotelab::user_error&) {
      threw = true;
    }
    CHECK(threw);
  }

  // The vectorised per-row pass against the scalar formulas: margins plus
  // the leaf value, then g = (p - y) w and h = max(p (1 - p), floor) w, for
  // lengths that leave 0 to 3 rows after the last full lane, and margins
  // far enough out that p (1 - p) hits the floor.
  for (std::size_t rows : {1, 4, 7, 13}) {
    std::vector<double> margin(rows), gh(2 * rows);
    std::vector<std::uint32_t> leaf(rows);
    std::vector<int> y(rows);
    const double value[3] = {0.25, -1.5, 2};
    for (std::size_t i = 0; i < rows; ++i) {
      margin[i] = (static_cast<double>(i) - 5.0) * (i % 3 == 0 ? 9.0 : 0.7);
      leaf[i] = static_cast<std::uint32_t>(i % 3);
      y[i] = static_cast<int>(i % 2);
    }
    const std::vector<double> before = margin;
    smotelab::simd::boost_gradients(margin.data(), leaf.data(), value, y.data(), nullptr, 3.0, 1e-16, rows, gh.data());
    double worst = 0;
    for (std::size_t i = 0; i < rows; ++i) {
      const double m = before[i] + value[leaf[i]];
      CHECK(margin[i] == m);
      const double p = 1 / (1 + std::exp(-m)), w = y[i] == 1 ? 3.0 : 1.0;
      worst = std::max(worst, std::fabs(gh[2 * i] - (p - y[i]) * w));
      worst = std::max(worst, std::fabs(gh[2 * i + 1] / (std::max(p * (1 - p), 1e-16) * w) - 1));
    }
    CHECK(worst < 1e-14);
    std::vector<double> unchanged = before;
    smotelab::simd::boost_gradients(unchanged.data(), nullptr, value, y.data(), nullptr, 3.0, 1e-16, rows, gh.data());
    CHECK(unchanged == before);
  }

  return cpptest::report("test-boost");
}
