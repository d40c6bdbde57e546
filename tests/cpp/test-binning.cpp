// Quantile bins: exact bins for few distinct values, at most 255 bins, and
// "bin <= b" selecting the same rows as "x <= threshold[b]".
#include <smotelab/binning.hpp>

#include "check.hpp"

using smotelab::Columns;

int main() {
  // Few distinct values: one bin per value, thresholds at midpoints.
  Eigen::MatrixXd X(6, 2);
  X << 3, 0, 1, 0, 2, 0, 3, 0, 1, 0, 2, 0;
  X(0, 1) = 5;
  const auto mapper = smotelab::fit_bins(Columns::of(X), 255, 1);
  CHECK(mapper.n_bins(0) == 3);
  CHECK_NEAR(mapper.threshold(0, 0), 1.5, 0);
  CHECK_NEAR(mapper.threshold(0, 1), 2.5, 0);
  CHECK(mapper.n_bins(1) == 2);
  const auto binned = smotelab::apply_bins(mapper, Columns::of(X));
  CHECK(binned.col(0)[0] == 2 && binned.col(0)[1] == 0 && binned.col(0)[2] == 1);
  CHECK(binned.col(1)[0] == 1 && binned.col(1)[1] == 0);

  // Many distinct values (and more rows than the sample): at most 255 bins,
  // roughly equal counts, and bin order agreeing with threshold comparisons.
  const Eigen::Index n = 300000;
  Eigen::MatrixXd Z(n, 1);
  smotelab::Rng rng(7, 0);
  for (Eigen::Index i = 0; i < n; ++i) Z(i, 0) = rng.normal();
  const auto zm = smotelab::fit_bins(Columns::of(Z), 255, 3);
  CHECK(zm.n_bins(0) == 255);
  const auto zb = smotelab::apply_bins(zm, Columns::of(Z));
  std::vector<Eigen::Index> counts(255, 0);
  bool consistent = true;
  for (Eigen::Index i = 0; i < n; ++i) {
    const int b = zb.col(0)[i];
    ++counts[static_cast<std::size_t>(b)];
    if (b < 254 && !(Z(i, 0) <= zm.threshold(0, b))) consistent = false;
    if (b > 0 && !(Z(i, 0) > zm.threshold(0, b - 1))) consistent = false;
  }
  CHECK(consistent);
  const auto [lo, hi] = std::minmax_element(counts.begin(), counts.end());
  CHECK(*lo > 0.8 * n / 255.0 && *hi < 1.2 * n / 255.0);

  // A value equal to a threshold lies in the bin that threshold closes, and
  // the next representable value above it in the next bin.
  Eigen::MatrixXd edges(2 * 254, 1);
  for (int b = 0; b < 254; ++b) {
    edges(2 * b, 0) = zm.threshold(0, b);
    edges(2 * b + 1, 0) = std::nextafter(zm.threshold(0, b), 1e300);
  }
  const auto eb = smotelab::apply_bins(zm, Columns::of(edges));
  bool exact = true;
  for (int b = 0; b < 254; ++b) exact = exact && eb.col(0)[2 * b] == b && eb.col(0)[2 * b + 1] == b + 1;
  CHECK(exact);

  // A heavily tied feature with more distinct values than bins keeps its ties
  // in one bin and never repeats a threshold.
  Eigen::MatrixXd T(1000, 1);
  for (Eigen::Index i = 0; i < 1000; ++i) T(i, 0) = i < 700 ? 0.0 : static_cast<double>(i);
  const auto tm = smotelab::fit_bins(Columns::of(T), 16, 1);
  CHECK(tm.n_bins(0) <= 16);
  bool increasing = true;
  for (int b = 1; b + 1 < tm.n_bins(0); ++b) increasing = increasing && tm.threshold(0, b) > tm.threshold(0, b - 1);
  CHECK(increasing);
  CHECK_THROWS(smotelab::fit_bins(Columns::of(T), 256, 1), smotelab::internal_error);
  return cpptest::report("binning");
}
