#include <Eigen/Dense>
#include <cmath>
#include <numeric>
#include <vector>

#include "check.hpp"
#include "smotelab/rng.hpp"
#include "smotelab/smote_variants.hpp"

using Counts = std::vector<Eigen::Index>;

namespace {

void reverse_executor(std::size_t n, std::size_t, const smotelab::RangeKernel& kernel) {
  for (std::size_t end = n; end > 0; --end) kernel(end - 1, end);
}

bool same(const smotelab::Resampled& a, const smotelab::Resampled& b) {
  return a.X_new == b.X_new && a.y_new == b.y_new && a.seed_row == b.seed_row && a.neighbour_row == b.neighbour_row;
}

}  // namespace

int main() {
  // numpy's pairwise sum: exact on sums of small integers, any length.
  for (std::size_t n : {0u, 5u, 8u, 100u, 129u, 1000u}) {
    std::vector<double> v(n);
    for (std::size_t i = 0; i < n; ++i) v[i] = static_cast<double>(i % 7);
    CHECK(smotelab::detail::numpy_sum(v.data(), n) == std::accumulate(v.begin(), v.end(), 0.0));
  }
  // Beta(10, 10) has mean 1/2 and variance 1/84.
  smotelab::Rng rng(1, 0);
  double s = 0, s2 = 0;
  const int draws = 20000;
  for (int i = 0; i < draws; ++i) {
    const double f = smotelab::detail::beta_symmetric(rng, 10);
    CHECK(f > 0 && f < 1);
    s += f;
    s2 += f * f;
  }
  CHECK(std::abs(s / draws - 0.5) < 0.005);
  CHECK(std::abs(s2 / draws - 0.25 - 1.0 / 84) < 0.002);

  // Two overlapping classes on a line: 0..9 are class 0, 10..13 class 1, and
  // class 1 rows are interleaved with class 0 near the border.
  Eigen::MatrixXd X(14, 1);
  Eigen::VectorXi y(14);
  for (int i = 0; i < 10; ++i) {
    X(i, 0) = i;
    y(i) = 0;
  }
  const double border[4] = {8.5, 9.5, 10.5, 30};
  for (int i = 0; i < 4; ++i) {
    X(10 + i, 0) = border[i];
    y(10 + i) = 1;
  }
  // m = 4: 8.5 sees 8, 9, 9.5, 7 (3 of 4 other: danger); 9.5 sees 9, 8.5,
  // 10.5, 8 (2 of 4: danger); 10.5 sees 9.5, 9, 8.5, 8 (2 of 4: danger);
  // 30 sees 10.5, 9.5, 9, 8.5 (1 of 4: safe).
  const std::vector<char> danger = smotelab::borderline_danger(smotelab::Columns::of(X), y, 1, 4);
  CHECK(danger == std::vector<char>({1, 1, 1, 0}));
  // Row 0 (value 0) of class 0 has only class-0 neighbours: safe.
  CHECK(smotelab::borderline_danger(smotelab::Columns::of(X), y, 0, 4)[0] == 0);
  CHECK_THROWS(smotelab::borderline_danger(smotelab::Columns::of(X), y, 1, 14), smotelab::user_error);

  // Larger data: deterministic whatever the schedule, counts as promised.
  const Eigen::Index n = 3000;
  Eigen::MatrixXd Z(n, 2);
  Eigen::VectorXi c(n);
  smotelab::Rng data(7, 0);
  for (Eigen::Index i = 0; i < n; ++i) {
    c(i) = i < 2500 ? 0 : (i < 2800 ? 1 : 2);
    Z(i, 0) = data.normal() + 0.8 * c(i);
    Z(i, 1) = data.normal();
  }
  const Counts n_new = {0, 2200, 4500};
  for (auto kind : {smotelab::BorderlineKind::borderline_1, smotelab::BorderlineKind::borderline_2}) {
    const auto a = smotelab::borderline_smote(smotelab::Columns::of(Z), c, n_new, 5, 10, kind, 42);
    const auto b = smotelab::borderline_smote(smotelab::Columns::of(Z), c, n_new, 5, 10, kind, 42, reverse_executor,
                                              smotelab::KnnAlgorithm::brute_force);
    CHECK(same(a, b));
    const Eigen::Index made = a.y_new.size();
    if (kind == smotelab::BorderlineKind::borderline_1) {
      CHECK(made == 6700);
    } else {
      CHECK(made >= 6698 && made <= 6700);
    }
  }
  CHECK_THROWS(smotelab::borderline_smote(smotelab::Columns::of(Z), c, Counts({0, 10, 0}), 300, 10,
                                          smotelab::BorderlineKind::borderline_1, 1),
               smotelab::user_error);

  const auto a = smotelab::adasyn(smotelab::Columns::of(Z), c, n_new, 5, 9);
  CHECK(same(a, smotelab::adasyn(smotelab::Columns::of(Z), c, n_new, 5, 9, reverse_executor)));
  const auto alloc = smotelab::adasyn_allocation(smotelab::Columns::of(Z), c, 2, 5, 4500);
  Eigen::Index total = 0;
  for (Eigen::Index v : alloc) total += v;
  CHECK(std::abs(total - 4500) <= 100);
  CHECK((a.y_new.array() == 2).count() == total);
  // A class far from the others has no weights.
  Eigen::MatrixXd F = Z;
  for (Eigen::Index i = 2800; i < n; ++i) F(i, 0) += 100;
  CHECK_THROWS(smotelab::adasyn(smotelab::Columns::of(F), c, n_new, 5, 9), smotelab::user_error);

  // SMOTE-NC: in class 0 level 2 is held by three of the four rows, so it
  // is the mode among any row's three neighbours.
  Eigen::MatrixXd N(8, 1);
  Eigen::MatrixXi L(8, 1);
  Eigen::VectorXi t(8);
  for (int i = 0; i < 8; ++i) {
    N(i, 0) = i;
    L(i, 0) = i == 3 ? 0 : 2;
    t(i) = i < 4 ? 0 : 1;
  }
  const auto r = smotelab::smote_nc(smotelab::Columns::of(N), L, {3}, t, Counts({50, 0}), 3, 5);
  CHECK(r.X_new.cols() == 2);
  for (Eigen::Index i = 0; i < r.X_new.rows(); ++i) {
    CHECK(r.X_new(i, 1) == 2.0);
    CHECK(r.X_new(i, 0) >= 0 && r.X_new(i, 0) <= 3);
  }
  CHECK(same(r, smotelab::smote_nc(smotelab::Columns::of(N), L, {3}, t, Counts({50, 0}), 3, 5, reverse_executor)));
  CHECK_THROWS(smotelab::smote_nc(smotelab::Columns::of(N), L, {2}, t, Counts({50, 0}), 3, 5),
               smotelab::internal_error);
  return cpptest::report("smote-variants");
}
