// Balanced ensembles in the core: every tree of a balanced forest grows on
// exactly the rows its under-sampling keeps (and on balanced rows by
// default), a forest that keeps every row is the plain forest, bagging
// members are the engine's own pipeline fits, row draws have the sizes
// asked for, results do not depend on the schedule, and a failing member's
// error is the lowest-numbered one whatever the schedule.
#include <smotelab/pipeline.hpp>

#include <algorithm>
#include <memory>
#include <set>

#include "check.hpp"
#include "executors.hpp"
#include "fixtures.hpp"

using smotelab::Columns;

namespace {

using cpptest::Data;

// Three features; the event (about one row in six) depends on the first two.
Data make_data(Eigen::Index n, std::uint64_t seed) {
  smotelab::Rng rng(seed, 0);
  Data d{Eigen::MatrixXd(n, 3), Eigen::VectorXi(n)};
  for (Eigen::Index i = 0; i < n; ++i) {
    for (int j = 0; j < 3; ++j) d.X(i, j) = rng.normal();
    d.y(i) = d.X(i, 0) + 0.5 * d.X(i, 1) + 0.5 * rng.normal() > 1.2 ? 1 : 0;
  }
  return d;
}

smotelab::PipelineSpec member_spec() {
  smotelab::PipelineSpec member;
  member.steps.push_back(smotelab::RandomUnderSpec{});
  smotelab::LogisticOptions logistic;
  logistic.C = 0.5;
  member.model = logistic;
  return member;
}

}  // namespace

int main() {
  const Data d = make_data(900, 1);
  const Columns X = Columns::of(d.X);
  const Eigen::Index n_pos = d.y.sum(), n_neg = d.y.size() - n_pos;
  CHECK(n_pos > 50 && n_neg > 3 * n_pos);

  // 1. Without a bootstrap each tree holds exactly the rows it kept: the
  // minority's count of each class by default, floor(n_min / r) majority
  // rows for a ratio, n_min of each class with replacement for "all".
  smotelab::BalancedForestOptions brf;
  brf.forest.n_trees = 25;
  brf.forest.bootstrap = false;
  {
    const auto fit = smotelab::fit_balanced_forest(X, d.y, brf, 3);
    CHECK(fit.keep[0] == n_pos && fit.keep[1] == n_pos);
    CHECK(fit.forest.bag_counts.size() == 50);
    for (std::size_t t = 0; t < 25; ++t)
      CHECK(fit.forest.bag_counts[2 * t] == n_pos && fit.forest.bag_counts[2 * t + 1] == n_pos);
  }
  {
    auto ratio = brf;
    ratio.strategy.kind = smotelab::SamplingStrategy::Kind::ratio;
    ratio.strategy.ratio = 0.25;
    const auto fit = smotelab::fit_balanced_forest(X, d.y, ratio, 3);
    CHECK(fit.keep[0] == static_cast<Eigen::Index>(std::floor(static_cast<double>(n_pos) / 0.25)));
    for (std::size_t t = 0; t < 25; ++t) CHECK(fit.forest.bag_counts[2 * t] == fit.keep[0]);
  }
  {
    auto all = brf;
    all.strategy.kind = smotelab::SamplingStrategy::Kind::all;
    all.replacement = true;
    const auto fit = smotelab::fit_balanced_forest(X, d.y, all, 3);
    for (std::size_t t = 0; t < 25; ++t)
      CHECK(fit.forest.bag_counts[2 * t] == n_pos && fit.forest.bag_counts[2 * t + 1] == n_pos);
  }

  // 2. With the bootstrap a tree draws as many rows as it kept, from those
  // rows: the total is fixed, the split between classes varies around half.
  {
    auto boot = brf;
    boot.forest.bootstrap = true;
    const auto serial = smotelab::fit_balanced_forest(X, d.y, boot, 5);
    std::set<std::int64_t> seen;
    double majority = 0;
    for (std::size_t t = 0; t < 25; ++t) {
      CHECK(serial.forest.bag_counts[2 * t] + serial.forest.bag_counts[2 * t + 1] == 2 * n_pos);
      seen.insert(serial.forest.bag_counts[2 * t]);
      majority += static_cast<double>(serial.forest.bag_counts[2 * t]);
    }
    CHECK(seen.size() > 1);
    CHECK_NEAR(majority / 25, static_cast<double>(n_pos), 0.05 * static_cast<double>(n_pos));
    // The same forest under any schedule.
    const auto threaded = smotelab::fit_balanced_forest(X, d.y, boot, 5, cpptest::threaded_executor(2));
    const auto reversed = smotelab::fit_balanced_forest(X, d.y, boot, 5, smotelab::Executor(cpptest::run_reversed));
    CHECK(threaded.forest.trees.value == serial.forest.trees.value);
    CHECK(reversed.forest.trees.feature == serial.forest.trees.feature);
    CHECK(reversed.forest.bag_counts == serial.forest.bag_counts);
  }

  // 3. Keeping every row without a bootstrap draws nothing: the plain forest.
  {
    auto everything = brf;
    everything.strategy.kind = smotelab::SamplingStrategy::Kind::counts;
    everything.strategy.counts = {n_neg, n_pos};
    const auto balanced = smotelab::fit_balanced_forest(X, d.y, everything, 8);
    const auto plain = smotelab::fit_forest(X, d.y, brf.forest, 8);
    CHECK(balanced.forest.trees.value == plain.trees.value);
    CHECK(balanced.forest.trees.feature == plain.trees.feature);
  }

  // 4. Row draws: without replacement, distinct rows in order; with, rows
  // in order with repeats; sizes from a share or a count.
  {
    smotelab::BaggingOptions opt;
    opt.bootstrap = false;
    opt.max_samples = 0.3;
    const auto rows = smotelab::bagging_draw(opt, 900, 4, 2);
    CHECK(rows.size() == 270);
    CHECK(std::is_sorted(rows.begin(), rows.end()));
    CHECK(std::adjacent_find(rows.begin(), rows.end()) == rows.end());
    opt.bootstrap = true;
    opt.max_samples = 1200;
    const auto boot = smotelab::bagging_draw(opt, 900, 4, 2);
    CHECK(boot.size() == 1200 && std::is_sorted(boot.begin(), boot.end()));
    CHECK(std::adjacent_find(boot.begin(), boot.end()) != boot.end());
    CHECK(boot.front() >= 0 && boot.back() < 900);
    CHECK(smotelab::bagging_draw(opt, 900, 4, 3) != boot);
    opt.bootstrap = false;
    CHECK_THROWS(smotelab::bagging_rows(opt, 900), smotelab::user_error);
    opt.max_samples = 1e-4;
    CHECK_THROWS(smotelab::bagging_rows(opt, 900), smotelab::user_error);
  }

  // 5. Bagging members are pipelines fitted by the engine: with every row
  // and no bootstrap, member t is fit_pipeline(member, X, y,
  // derive_seed(seed, t)), and the ensemble predicts their mean.
  {
    smotelab::BaggingOptions opt;
    opt.member = std::make_shared<const smotelab::PipelineSpec>(member_spec());
    opt.n_estimators = 3;
    opt.bootstrap = false;
    smotelab::PipelineSpec spec;
    spec.model = opt;
    const auto fitted = smotelab::fit_pipeline(spec, X, d.y, 17, cpptest::threaded_executor(2));
    Eigen::VectorXd prob(d.X.rows()), expected = Eigen::VectorXd::Zero(d.X.rows()), one(d.X.rows());
    smotelab::predict_pipeline(fitted, X, prob);
    const std::uint64_t model_seed = smotelab::derive_seed(17, 0);
    for (std::uint64_t t = 0; t < 3; ++t) {
      const auto member = smotelab::fit_pipeline(member_spec(), X, d.y, smotelab::derive_seed(model_seed, t));
      smotelab::predict_pipeline(member, X, one);
      expected += one;
    }
    expected /= 3;
    CHECK((prob - expected).cwiseAbs().maxCoeff() < 1e-14);

    // Bootstrapped members under any schedule.
    opt.bootstrap = true;
    opt.n_estimators = 6;
    spec.model = opt;
    const auto a = smotelab::fit_pipeline(spec, X, d.y, 9);
    const auto b = smotelab::fit_pipeline(spec, X, d.y, 9, smotelab::Executor(cpptest::run_reversed));
    Eigen::VectorXd pa(d.X.rows()), pb(d.X.rows());
    smotelab::predict_pipeline(a, X, pa);
    smotelab::predict_pipeline(b, X, pb, cpptest::threaded_executor(2));
    CHECK(pa == pb);
  }

  // 6. A failing member: the error of the lowest-numbered one, whatever the
  // schedule. Bags of 12 rows hold too few events for SMOTE's 5 neighbours
  // in some members only.
  {
    smotelab::PipelineSpec member;
    member.steps.push_back(smotelab::SmoteSpec{});
    member.model = smotelab::LogisticOptions{};
    smotelab::BaggingOptions opt;
    opt.member = std::make_shared<const smotelab::PipelineSpec>(member);
    opt.n_estimators = 8;
    opt.max_samples = 12;
    smotelab::PipelineSpec spec;
    spec.model = opt;
    std::string serial, reversed;
    try {
      smotelab::fit_pipeline(spec, X, d.y, 2);
    } catch (const std::exception& e) {
      serial = e.what();
    }
    try {
      smotelab::fit_pipeline(spec, X, d.y, 2, smotelab::Executor(cpptest::run_reversed));
    } catch (const std::exception& e) {
      reversed = e.what();
    }
    CHECK(!serial.empty());
    CHECK(serial == reversed);
  }
  return cpptest::report("ensembles");
}
