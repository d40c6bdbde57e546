#include <Eigen/Dense>
#include <cmath>
#include <vector>

#include "check.hpp"
#include "executors.hpp"
#include "smotelab/cleaning.hpp"
#include "smotelab/near_miss.hpp"
#include "smotelab/rng.hpp"

using Rows = std::vector<Eigen::Index>;

namespace {

smotelab::SamplingStrategy strategy(smotelab::SamplingStrategy::Kind kind) {
  smotelab::SamplingStrategy s;
  s.kind = kind;
  return s;
}

// Two overlapping Gaussian classes in p dimensions, 9:1.
void blobs(Eigen::Index n, Eigen::Index p, std::uint64_t seed, Eigen::MatrixXd& X, Eigen::VectorXi& y) {
  smotelab::Rng rng(seed, 0);
  X.resize(n, p);
  y.resize(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    y(i) = i % 10 == 0;
    for (Eigen::Index j = 0; j < p; ++j) X(i, j) = rng.normal() + (j == 0 ? 1.2 * y(i) : 0.0);
  }
}

}  // namespace

int main() {
  using Kind = smotelab::SamplingStrategy::Kind;
  // A line: class 0 at 0..5, class 1 at 5.4 and 20. Rows 5 (x = 5) and 6
  // (x = 5.4) are each other's nearest neighbour: a Tomek link.
  Eigen::MatrixXd X(8, 1);
  X << 0, 1, 2, 3, 4, 5, 5.4, 20;
  Eigen::VectorXi y(8);
  y << 0, 0, 0, 0, 0, 0, 1, 1;
  const auto cols = smotelab::Columns::of(X);
  CHECK((smotelab::tomek_links(cols, y, 2, strategy(Kind::automatic)).keep == Rows{0, 1, 2, 3, 4, 6, 7}));
  CHECK((smotelab::tomek_links(cols, y, 2, strategy(Kind::all)).keep == Rows{0, 1, 2, 3, 4, 7}));
  // ENN, k = 2, all classes. Row 5 sees 5.4 (class 1) and 4 (class 0),
  // row 6 sees 5 and 4 (class 0), row 7 sees 5.4 and 5 (one of each).
  // "all" removes all three; "mode" breaks the 1-1 ties for class 0, so it
  // keeps row 5 and removes rows 6 and 7.
  const auto all = strategy(Kind::all);
  CHECK((smotelab::edited_nearest_neighbours(cols, y, 2, all, 2, smotelab::EnnKind::all).keep == Rows{0, 1, 2, 3, 4}));
  CHECK((smotelab::edited_nearest_neighbours(cols, y, 2, all, 2, smotelab::EnnKind::mode).keep ==
         Rows{0, 1, 2, 3, 4, 5}));
  // Too few rows for the neighbours asked for is a user error.
  bool refused = false;
  try {
    smotelab::edited_nearest_neighbours(cols, y, 2, all, 8, smotelab::EnnKind::all);
  } catch (const smotelab::user_error& e) {
    refused = e.kind() == smotelab::kind::too_few_rows;
  }
  CHECK(refused);

  // Repeated ENN: the first pass is ENN itself; each pass only removes.
  Eigen::MatrixXd B;
  Eigen::VectorXi yb;
  blobs(3000, 3, 11, B, yb);
  const auto bc = smotelab::Columns::of(B);
  const auto autos = strategy(Kind::automatic);
  const auto enn = smotelab::edited_nearest_neighbours(bc, yb, 2, autos, 3, smotelab::EnnKind::all);
  const auto once = smotelab::repeated_enn(bc, yb, 2, autos, 3, smotelab::EnnKind::all, 1, false, false);
  CHECK(once.keep == enn.keep);
  const auto renn = smotelab::repeated_enn(bc, yb, 2, autos, 3, smotelab::EnnKind::all, 100, false, false);
  CHECK(renn.keep.size() < enn.keep.size());
  std::vector<char> in_enn(3000, 0);
  for (Eigen::Index r : enn.keep) in_enn[static_cast<std::size_t>(r)] = 1;
  bool subset = true;
  for (Eigen::Index r : renn.keep) subset = subset && in_enn[static_cast<std::size_t>(r)];
  CHECK(subset);

  // Every rule gives the same rows under any schedule of its parallel work.
  const smotelab::Executor reversed(cpptest::run_reversed), threads = cpptest::threaded_executor(3);
  for (const smotelab::Executor* exec : {&reversed, &threads}) {
    CHECK(smotelab::tomek_links(bc, yb, 2, autos, *exec).keep == smotelab::tomek_links(bc, yb, 2, autos).keep);
    CHECK(smotelab::repeated_enn(bc, yb, 2, autos, 3, smotelab::EnnKind::mode, 0, true, false, *exec).keep ==
          smotelab::repeated_enn(bc, yb, 2, autos, 3, smotelab::EnnKind::mode, 0, true, false).keep);
    CHECK(smotelab::neighbourhood_cleaning_rule(bc, yb, 2, autos, 3, smotelab::EnnKind::all, 0.5, *exec).keep ==
          smotelab::neighbourhood_cleaning_rule(bc, yb, 2, autos, 3, smotelab::EnnKind::all, 0.5).keep);
    CHECK(smotelab::one_sided_selection(bc, yb, 2, autos, 1, 2, 7, *exec).keep ==
          smotelab::one_sided_selection(bc, yb, 2, autos, 1, 2, 7).keep);
    for (int version = 1; version <= 3; ++version) {
      const std::vector<Eigen::Index> n_keep{300, 300};
      const std::vector<char> targets{1, 0};
      const auto a = smotelab::near_miss(bc, yb, n_keep, targets, version, 3, 3, *exec);
      CHECK(a.keep == smotelab::near_miss(bc, yb, n_keep, targets, version, 3, 3).keep);
      if (version < 3) CHECK(a.keep.size() == 600);
    }
    const std::vector<Eigen::Index> n_new{0, 2700};
    const auto se = smotelab::smote_then_clean(bc, yb, n_new, 5, smotelab::SmoteCleaning::enn, all, 3,
                                               smotelab::EnnKind::all, 9, *exec);
    const auto se1 =
        smotelab::smote_then_clean(bc, yb, n_new, 5, smotelab::SmoteCleaning::enn, all, 3, smotelab::EnnKind::all, 9);
    CHECK(se.keep == se1.keep && se.X_new == se1.X_new && se.y_new == se1.y_new);
  }

  // CNN with one neighbour: every majority row left out is classified
  // correctly by its nearest kept row.
  const auto cnn = smotelab::condensed_nearest_neighbour(bc, yb, 2, autos, 1, 1, 3);
  std::vector<char> kept(3000, 0);
  for (Eigen::Index r : cnn.keep) kept[static_cast<std::size_t>(r)] = 1;
  bool correct = true;
  for (Eigen::Index i = 0; i < 3000; ++i) {
    if (kept[static_cast<std::size_t>(i)]) continue;
    double best = 1e300;
    int label = -1;
    for (Eigen::Index r : cnn.keep) {
      const double d = (B.row(i) - B.row(r)).squaredNorm();
      if (d < best) {
        best = d;
        label = yb(r);
      }
    }
    correct = correct && label == yb(i);
  }
  CHECK(correct);
  CHECK(cnn.keep.size() < 3000);
  // numpy.percentile with linear interpolation.
  CHECK(std::abs(smotelab::detail::numpy_percentile({4, 1, 3, 2}, 30) - 1.9) < 1e-15);
  CHECK(smotelab::detail::numpy_percentile({0.5, 0.25, 1}, 75) == 0.75);
  CHECK(smotelab::detail::numpy_percentile({2, 2, 2}, 10) == 2);
  return cpptest::report("test-cleaning");
}
