// The shared tree ensemble: the validator refuses every damage that would
// make a walk loop or read out of bounds, and the walker sums the leaves a
// recursive reference walk finds, for hand-built trees and for the trees the
// forest and boosting grow, whatever the schedule.
#include <smotelab/boost.hpp>
#include <smotelab/forest.hpp>
#include <smotelab/tree.hpp>

#include <cstdint>
#include <limits>

#include "check.hpp"
#include "executors.hpp"

using smotelab::Columns;
using smotelab::TreeEnsemble;

namespace {

bool refused(const TreeEnsemble& trees) {
  try {
    smotelab::validate_trees(trees);
  } catch (const smotelab::user_error&) {
    return true;
  }
  return false;
}

// Two trees on two features:
//   tree 0: x0 <= 0.5 ? (x1 <= -1 ? 10 : 20) : 30
//   tree 1: a single leaf, 4
TreeEnsemble two_trees() {
  TreeEnsemble t;
  t.n_features = 2;
  t.add_tree({0, 1, -1, -1, -1}, {1, 3, 0, 0, 0}, {0.5, -1, 30, 10, 20});
  t.add_tree({-1}, {0}, {4});
  return t;
}

// The leaf of `tree` that row i reaches, by recursion on the documented
// layout (left child at tree_start + left, right child after it, left when
// x <= value): an independent reading of the format.
double reference_leaf(const TreeEnsemble& t, int tree, std::int32_t node, const Eigen::MatrixXd& X, Eigen::Index i) {
  const auto at = static_cast<std::size_t>(t.tree_start[static_cast<std::size_t>(tree)] + node);
  if (t.feature[at] < 0) return t.value[at];
  const bool go_left = X(i, t.feature[at]) <= t.value[at];
  return reference_leaf(t, tree, t.left[at] + (go_left ? 0 : 1), X, i);
}

Eigen::VectorXd reference_sums(const TreeEnsemble& t, const Eigen::MatrixXd& X) {
  Eigen::VectorXd out = Eigen::VectorXd::Zero(X.rows());
  for (Eigen::Index i = 0; i < X.rows(); ++i)
    for (int tree = 0; tree < t.n_trees(); ++tree) out(i) += reference_leaf(t, tree, 0, X, i);
  return out;
}

Eigen::VectorXd walk(const TreeEnsemble& t, const Eigen::MatrixXd& X,
                     const smotelab::Executor& exec = smotelab::serial_executor()) {
  Eigen::VectorXd out(X.rows());
  smotelab::accumulate_leaves(t, Columns::of(X), out, exec, [](double s) { return s; });
  return out;
}

}  // namespace

int main() {
  // 1. The validator accepts a good ensemble and refuses each kind of damage.
  {
    const TreeEnsemble good = two_trees();
    CHECK(!refused(good));
    CHECK(good.n_trees() == 2 && good.tree_start == std::vector<std::int32_t>({0, 5, 6}));

    auto loop = good;  // a child pointing back at its parent: an endless walk
    loop.left[0] = 0;
    CHECK(refused(loop));
    auto sideways = good;  // a node that is its own left child
    sideways.left[1] = 1;
    CHECK(refused(sideways));
    auto past_end = good;  // the right child (left + 1) would be outside the tree
    past_end.left[1] = 4;
    CHECK(refused(past_end));
    auto huge_left = good;  // left + 1 must not overflow
    huge_left.left[0] = std::numeric_limits<std::int32_t>::max();
    CHECK(refused(huge_left));
    auto bad_feature = good;
    bad_feature.feature[1] = 2;
    CHECK(refused(bad_feature));
    auto short_value = good;
    short_value.value.pop_back();
    CHECK(refused(short_value));
    auto short_left = good;
    short_left.left.pop_back();
    CHECK(refused(short_left));
    auto short_feature = good;
    short_feature.feature.pop_back();
    CHECK(refused(short_feature));
    auto overlapping = good;  // tree 0 claims more nodes than there are
    overlapping.tree_start[1] = 100;
    CHECK(refused(overlapping));
    auto empty_tree = good;
    empty_tree.tree_start[1] = 0;
    CHECK(refused(empty_tree));
    auto shifted = good;
    shifted.tree_start[0] = 1;
    CHECK(refused(shifted));
    auto no_trees = good;
    no_trees.tree_start = {0};
    no_trees.feature.clear();
    no_trees.left.clear();
    no_trees.value.clear();
    CHECK(refused(no_trees));
    auto no_features = good;
    no_features.n_features = 0;
    CHECK(refused(no_features));
    // A leaf's left index is never read, so any value is harmless.
    auto odd_leaf = good;
    odd_leaf.left[2] = -7;
    CHECK(!refused(odd_leaf));
  }

  // 2. The walker on the hand-built trees: both sides of every split, and the
  // split value itself going left.
  {
    const TreeEnsemble t = two_trees();
    Eigen::MatrixXd X(5, 2);
    X << 0.0, -2.0,  // left, left
        0.5, -1.0,   // on both thresholds: left, left
        0.0, 3.0,    // left, right
        0.6, -5.0,   // right
        9.0, 9.0;    // right
    Eigen::VectorXd expected(5);
    expected << 14, 14, 24, 34, 34;
    CHECK(walk(t, X) == expected);
    Eigen::VectorXd mean(5);
    smotelab::accumulate_leaves(t, Columns::of(X), mean, smotelab::serial_executor(), [](double s) { return s / 2; });
    CHECK(mean == expected / 2);
    Eigen::MatrixXd narrow(2, 1);
    Eigen::VectorXd out(2);
    CHECK_THROWS(walk(t, narrow), smotelab::user_error);
    CHECK_THROWS(
        smotelab::accumulate_leaves(t, Columns::of(X), out, smotelab::serial_executor(), [](double s) { return s; }),
        smotelab::internal_error);
  }

  // 3. The trees both models grow pass the validator and walk like the
  // reference, over more rows than one block and on two threads.
  {
    const Eigen::Index n = 1500, p = 5;
    Eigen::MatrixXd X(n, p);
    Eigen::VectorXi y(n);
    smotelab::Rng rng(7, 0);
    for (Eigen::Index i = 0; i < n; ++i) {
      for (Eigen::Index j = 0; j < p; ++j) X(i, j) = rng.normal();
      y(i) = X(i, 0) - 0.5 * X(i, 2) + rng.normal() > 0.8 ? 1 : 0;
    }
    smotelab::ForestOptions fo;
    fo.n_trees = 7;
    fo.min_node_size = 3;
    const auto forest = smotelab::fit_forest(Columns::of(X), y, fo, 3);
    smotelab::BoostOptions bo;
    bo.n_rounds = 12;
    bo.max_depth = 4;
    bo.colsample = 0.6;
    const auto boost = smotelab::fit_boost(Columns::of(X), y, bo, 3);
    for (const TreeEnsemble* t : {&forest.trees, &boost.trees}) {
      CHECK(!refused(*t));
      CHECK(t->n_features == p);
      const Eigen::VectorXd ref = reference_sums(*t, X);
      CHECK(walk(*t, X) == ref);
      CHECK(walk(*t, X, smotelab::Executor(cpptest::run_halves)) == ref);
    }
    Eigen::VectorXd prob(n);
    smotelab::predict_forest(forest, Columns::of(X), prob);
    CHECK((prob - reference_sums(forest.trees, X) / 7).cwiseAbs().maxCoeff() == 0);
    smotelab::predict_boost(boost, Columns::of(X), prob);
    const Eigen::VectorXd margin = reference_sums(boost.trees, X);
    double worst = 0;
    for (Eigen::Index i = 0; i < n; ++i) worst = std::max(worst, std::fabs(prob(i) - 1 / (1 + std::exp(-margin(i)))));
    CHECK(worst < 1e-15);
  }

  // 4. keep_trees() leaves a valid ensemble of the first trees.
  {
    TreeEnsemble t = two_trees();
    t.add_tree({1, -1, -1}, {1, 0, 0}, {0.0, 1, 2});
    t.keep_trees(2);
    CHECK(!refused(t));
    CHECK(t.n_trees() == 2 && t.feature.size() == 6 && t.left.size() == 6 && t.value.size() == 6);
  }

  return cpptest::report("tree");
}
