// The numpy-exact paths of the core, alone and under the sanitizers: exact
// values where scikit-learn documents them, and invariants elsewhere (the R
// tests compare whole outputs with scikit-learn and imbalanced-learn).
#include <Eigen/Dense>

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <vector>

#include "check.hpp"
#include "smotelab/make_classification.hpp"
#include "smotelab/smote.hpp"
#include "smotelab/split.hpp"

int main() {
  using smotelab::NumpyRandomState;

  // _approximate_mode's docstring examples (scikit-learn 1.2).
  {
    NumpyRandomState r0(0), r0b(0), r0c(0), r42(42);
    CHECK((smotelab::approximate_mode_numpy({4, 2}, 3, r0) == std::vector<std::size_t>{2, 1}));
    CHECK((smotelab::approximate_mode_numpy({5, 2}, 4, r0b) == std::vector<std::size_t>{3, 1}));
    CHECK((smotelab::approximate_mode_numpy({2, 2, 2, 1}, 2, r0c) == std::vector<std::size_t>{0, 1, 1, 0}));
    CHECK((smotelab::approximate_mode_numpy({2, 2, 2, 1}, 2, r42) == std::vector<std::size_t>{1, 1, 0, 0}));
  }

  // sample_without_replacement's docstring example, on its permutation path.
  {
    NumpyRandomState r(42);
    CHECK((smotelab::sample_without_replacement_numpy(10, 5, r) == std::vector<std::uint64_t>{8, 1, 5, 0, 7}));
    // The reservoir path with nothing to replace draws nothing.
    NumpyRandomState a(3), b(3);
    CHECK((smotelab::sample_without_replacement_numpy(4, 4, a) == std::vector<std::uint64_t>{0, 1, 2, 3}));
    CHECK(a.random_sample() == b.random_sample());
    // The rejection path gives distinct values.
    NumpyRandomState c(5);
    auto v = smotelab::sample_without_replacement_numpy(std::uint64_t{1} << 30, 50, c);
    std::sort(v.begin(), v.end());
    CHECK(std::adjacent_find(v.begin(), v.end()) == v.end());
  }

  // make_classification: shapes, distinct cluster vertices above 30 dims.
  {
    smotelab::ClassificationSpec spec;
    spec.n_samples = 60;
    spec.n_features = 33;
    spec.n_informative = 32;
    spec.n_redundant = 0;
    spec.n_clusters_per_class = 3;
    spec.weights = {0.9, 0.1};
    const smotelab::Classification d = smotelab::make_classification_numpy(spec, 5);
    CHECK(d.x.rows() == 60 && d.x.cols() == 33);
    CHECK(d.y.size() == 60 && d.roles.size() == 33);
    CHECK(d.x.allFinite());
  }

  // Split and folds: every row once, sizes as asked.
  {
    std::vector<int> y(47);
    for (std::size_t i = 0; i < y.size(); ++i) y[i] = static_cast<int>((i * 7) % 3);
    const smotelab::SplitRows s = smotelab::stratified_split_numpy(y.data(), y.size(), 3, 10, 7);
    CHECK(s.test.size() == 10 && s.train.size() == 37);
    std::vector<std::size_t> all = s.train;
    all.insert(all.end(), s.test.begin(), s.test.end());
    std::sort(all.begin(), all.end());
    std::vector<std::size_t> want(47);
    std::iota(want.begin(), want.end(), std::size_t{0});
    CHECK(all == want);

    std::vector<int> folds(47 * 2, -1);
    smotelab::stratified_folds_numpy(y.data(), y.size(), 3, 4, 2, 11, folds.data());
    CHECK(*std::min_element(folds.begin(), folds.end()) == 0);
    CHECK(*std::max_element(folds.begin(), folds.end()) == 3);
    CHECK(!std::equal(folds.begin(), folds.begin() + 47, folds.begin() + 47));  // repeats differ
  }

  // Samplers: counts, interpolation between same-class rows, and the
  // under-sampler's order (by class, drawn rows first).
  {
    Eigen::MatrixXd X(30, 2);
    Eigen::VectorXi y(30);
    for (int i = 0; i < 30; ++i) {
      X(i, 0) = i;
      X(i, 1) = i % 7;
      y(i) = i < 22 ? 0 : 1;
    }
    const smotelab::Resampled s = smotelab::smote_numpy(smotelab::Columns::of(X), y, {0, 14}, 3, 42);
    CHECK(s.X_new.rows() == 14);
    for (Eigen::Index t = 0; t < 14; ++t) {
      CHECK(s.y_new(t) == 1);
      CHECK(s.X_new(t, 0) >= 22.0 && s.X_new(t, 0) <= 29.0);
      CHECK(y(s.seed_row[static_cast<std::size_t>(t)]) == 1 && y(s.neighbour_row[static_cast<std::size_t>(t)]) == 1);
    }
    const smotelab::Resampled o = smotelab::random_oversample_numpy(smotelab::Columns::of(X), y, {0, 5}, 1);
    CHECK(o.seed_row.size() == 5);
    const smotelab::Resampled u = smotelab::random_undersample_numpy(smotelab::Columns::of(X), y, {8, 8}, {1, 0}, 1);
    CHECK(u.keep.size() == 16);
    for (std::size_t i = 0; i < 8; ++i) CHECK(u.keep[i] < 22);
    for (std::size_t i = 8; i < 16; ++i) CHECK(u.keep[i] == static_cast<Eigen::Index>(22 + i - 8));
  }
  return cpptest::report("numpy-paths");
}
