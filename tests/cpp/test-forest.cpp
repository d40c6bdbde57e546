// Random forest core: stumps against a brute-force weighted Gini search,
// class weights, pure leaves, determinism under a threaded executor, and
// rejection of bad options and of data with the wrong columns.
#include <smotelab/forest.hpp>

#include "check.hpp"
#include "executors.hpp"

using smotelab::Columns;
using smotelab::ForestClassWeight;
using smotelab::ForestOptions;

namespace {

struct Stump {
  double threshold, left_prob, right_prob, decrease;
};

// The best split of one feature by weighted Gini, searched over midpoints of
// sorted distinct values: an independent reference for a one-level tree.
Stump brute_force_stump(const Eigen::VectorXd& x, const Eigen::VectorXi& y, double w0, double w1) {
  std::vector<double> values(x.data(), x.data() + x.size());
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
  auto gini_mass = [](double a, double b) { return a + b - (a * a + b * b) / (a + b); };
  double all0 = 0, all1 = 0;
  for (Eigen::Index i = 0; i < x.size(); ++i) (y(i) ? all1 : all0) += y(i) ? w1 : w0;
  Stump best{0, 0, 0, -1};
  for (std::size_t k = 0; k + 1 < values.size(); ++k) {
    const double cut = (values[k] + values[k + 1]) / 2;
    double l0 = 0, l1 = 0;
    for (Eigen::Index i = 0; i < x.size(); ++i)
      if (x(i) <= cut) (y(i) ? l1 : l0) += y(i) ? w1 : w0;
    const double r0 = all0 - l0, r1 = all1 - l1;
    const double decrease = gini_mass(all0, all1) - gini_mass(l0, l1) - gini_mass(r0, r1);
    if (decrease > best.decrease + 1e-12) best = {cut, l1 / (l0 + l1), r1 / (r0 + r1), decrease};
  }
  best.decrease /= all0 + all1;
  return best;
}

double leaf_value(const smotelab::ForestFit& fit, double x) {
  Eigen::MatrixXd X(1, 1);
  X(0, 0) = x;
  Eigen::VectorXd p(1);
  smotelab::predict_forest(fit, Columns::of(X), p);
  return p(0);
}

}  // namespace

int main() {
  // 1. A stump where the unweighted and the balanced Gini split differ: the
  // minority sits in a small pocket at the right end and a wider band.
  Eigen::VectorXd x(20);
  Eigen::VectorXi y(20);
  const int labels[20] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 1};
  for (int i = 0; i < 20; ++i) {
    x(i) = i;
    y(i) = labels[i];
  }
  ForestOptions stump;
  stump.n_trees = 1;
  stump.mtry = 1;
  stump.max_depth = 1;
  stump.bootstrap = false;
  const Eigen::MatrixXd X = x;
  const double bal0 = 20.0 / (2 * 16), bal1 = 20.0 / (2 * 4);
  const Stump plain_ref = brute_force_stump(x, y, 1, 1);
  const Stump bal_ref = brute_force_stump(x, y, bal0, bal1);
  CHECK(plain_ref.threshold != bal_ref.threshold);
  for (auto cw : {ForestClassWeight::none, ForestClassWeight::balanced, ForestClassWeight::balanced_subsample}) {
    stump.class_weight = cw;
    const Stump& ref = cw == ForestClassWeight::none ? plain_ref : bal_ref;
    const auto fit = smotelab::fit_forest(Columns::of(X), y, stump, 11);
    CHECK(fit.trees.feature.size() == 3);
    CHECK_NEAR(fit.trees.value[0], ref.threshold, 1e-12);
    CHECK_NEAR(leaf_value(fit, ref.threshold - 0.25), ref.left_prob, 1e-12);
    CHECK_NEAR(leaf_value(fit, ref.threshold + 0.25), ref.right_prob, 1e-12);
    CHECK_NEAR(fit.importance[0], ref.decrease, 1e-12);
    CHECK(fit.depth[0] == 1 && fit.leaves[0] == 2);
  }

  // 2. Distinct values, no bootstrap, all features, no limits: every leaf is
  // pure, so the training rows are predicted exactly.
  const Eigen::Index n = 3000, p = 6;
  Eigen::MatrixXd Z(n, p);
  Eigen::VectorXi yz(n);
  smotelab::Rng rng(5, 0);
  for (Eigen::Index i = 0; i < n; ++i) {
    for (Eigen::Index j = 0; j < p; ++j) Z(i, j) = rng.normal();
    yz(i) = Z(i, 0) + 0.5 * Z(i, 1) + 0.7 * rng.normal() > 1.2 ? 1 : 0;
  }
  ForestOptions full;
  full.n_trees = 2;
  full.mtry = static_cast<int>(p);
  full.bootstrap = false;
  const auto grown = smotelab::fit_forest(Columns::of(Z), yz, full, 3);
  Eigen::VectorXd fitted(n);
  smotelab::predict_forest(grown, Columns::of(Z), fitted);
  CHECK((fitted - yz.cast<double>()).cwiseAbs().maxCoeff() == 0);

  // 3. Bit-identical forests and predictions with a threaded executor, for
  // every class weighting and with node limits.
  ForestOptions opt;
  opt.n_trees = 9;
  opt.min_node_size = 5;
  for (auto cw : {ForestClassWeight::none, ForestClassWeight::balanced, ForestClassWeight::balanced_subsample}) {
    opt.class_weight = cw;
    const auto a = smotelab::fit_forest(Columns::of(Z), yz, opt, 42);
    const auto b = smotelab::fit_forest(Columns::of(Z), yz, opt, 42, cpptest::run_halves);
    CHECK(a.trees.feature == b.trees.feature && a.trees.left == b.trees.left && a.trees.value == b.trees.value &&
          a.importance == b.importance);
    Eigen::VectorXd pa(n), pb(n);
    smotelab::predict_forest(a, Columns::of(Z), pa);
    smotelab::predict_forest(b, Columns::of(Z), pb, cpptest::run_halves);
    CHECK(pa == pb);
    CHECK(pa.minCoeff() >= 0 && pa.maxCoeff() <= 1);
    CHECK(a.importance[0] > a.importance[2] && a.importance[1] > a.importance[3]);
  }
  const auto other_seed = smotelab::fit_forest(Columns::of(Z), yz, opt, 43);
  CHECK(other_seed.trees.value != smotelab::fit_forest(Columns::of(Z), yz, opt, 42).trees.value);

  // 4. max_depth and min_node_size bound the trees.
  ForestOptions shallow = opt;
  shallow.max_depth = 3;
  const auto sh = smotelab::fit_forest(Columns::of(Z), yz, shallow, 1);
  for (int t = 0; t < sh.n_trees(); ++t)
    CHECK(sh.depth[static_cast<std::size_t>(t)] <= 3 && sh.leaves[static_cast<std::size_t>(t)] <= 8);
  ForestOptions big_nodes = opt;
  big_nodes.min_node_size = 2 * n;
  const auto root_only = smotelab::fit_forest(Columns::of(Z), yz, big_nodes, 1);
  CHECK(root_only.trees.feature.size() == static_cast<std::size_t>(opt.n_trees));

  // 5. Bad options and malformed stored forests are rejected.
  ForestOptions too_many = opt;
  too_many.mtry = static_cast<int>(p) + 1;
  CHECK_THROWS(smotelab::fit_forest(Columns::of(Z), yz, too_many, 1), smotelab::user_error);
  smotelab::validate_trees(sh.trees);
  Eigen::MatrixXd narrow(2, p - 1);
  Eigen::VectorXd out(2);
  CHECK_THROWS(smotelab::predict_forest(sh, Columns::of(narrow), out), smotelab::user_error);
  return cpptest::report("forest");
}
