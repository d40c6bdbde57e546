// Metrics as functions of the decision threshold: the binned sweep of
// threshold_metrics() equals scoring every threshold on its own with
// confusion_at(), exactly for row counts and to rounding for weights, with
// thresholds in any order, repeated, equal to probabilities (not above them:
// no event) and beyond the range of the probabilities. The mean curves over
// folds on a case worked by hand.
#include <cmath>
#include <vector>

#include "check.hpp"
#include "smotelab/rng.hpp"
#include "smotelab/threshold.hpp"

namespace {

Eigen::MatrixXd one_by_one(const std::vector<int>& y, const std::vector<double>& p, const std::vector<double>& t,
                           const std::vector<std::size_t>& wanted, const double* w) {
  Eigen::MatrixXd out(static_cast<Eigen::Index>(t.size()), static_cast<Eigen::Index>(wanted.size()));
  for (std::size_t k = 0; k < t.size(); ++k) {
    const auto cls =
        smotelab::metrics::class_metrics(smotelab::metrics::confusion_at(y.data(), p.data(), y.size(), t[k], w));
    for (std::size_t j = 0; j < wanted.size(); ++j)
      out(static_cast<Eigen::Index>(k), static_cast<Eigen::Index>(j)) =
          smotelab::metrics::metric_value(wanted[j], cls, smotelab::metrics::Ranking{});
  }
  return out;
}

// Equal where both are numbers, NaN where either is.
bool same(const Eigen::MatrixXd& a, const Eigen::MatrixXd& b, double tol) {
  if (a.rows() != b.rows() || a.cols() != b.cols()) return false;
  for (Eigen::Index i = 0; i < a.size(); ++i) {
    const double x = a(i), z = b(i);
    if (std::isnan(x) || std::isnan(z)) {
      if (std::isnan(x) != std::isnan(z)) return false;
    } else if (std::abs(x - z) > tol * (1 + std::abs(z))) {
      return false;
    }
  }
  return true;
}

}  // namespace

int main() {
  std::vector<std::size_t> wanted;
  for (std::size_t id = 0; id < smotelab::metrics::kMetricCount; ++id)
    if (smotelab::metrics::kMetrics[id].at_a_threshold()) wanted.push_back(id);
  CHECK(wanted.size() >= 5);

  smotelab::Rng rng(11, 0);
  const std::size_t n = 500;
  std::vector<int> y(n);
  std::vector<double> p(n), w(n);
  for (std::size_t i = 0; i < n; ++i) {
    p[i] = std::round(rng.uniform() * 40) / 40;  // ties, and values equal to thresholds below
    y[i] = rng.uniform() < 0.2 + 0.6 * p[i] ? 1 : 0;
    w[i] = 0.1 + 3 * rng.uniform();
  }
  std::vector<double> t = {0.5, -1, 0.25, 0.25, 1, 2, 0, 0.975};
  for (int k = 0; k < 60; ++k) t.push_back(rng.uniform());

  const Eigen::MatrixXd counted = smotelab::threshold_metrics(y.data(), p.data(), n, t, wanted);
  CHECK(same(counted, one_by_one(y, p, t, wanted, nullptr), 0));
  const Eigen::MatrixXd weighted = smotelab::threshold_metrics(y.data(), p.data(), n, t, wanted, w.data());
  CHECK(same(weighted, one_by_one(y, p, t, wanted, w.data()), 1e-12));
  CHECK(!same(weighted, counted, 1e-6));  // the weights matter

  // No rows, and no thresholds.
  CHECK(same(smotelab::threshold_metrics(y.data(), p.data(), 0, t, wanted), one_by_one({}, {}, t, wanted, nullptr), 0));
  CHECK(smotelab::threshold_metrics(y.data(), p.data(), n, {}, wanted).rows() == 0);

  // Bad input is refused as confusion_at() refuses it.
  std::vector<double> bad = p;
  bad[7] = std::nan("");
  CHECK_THROWS(smotelab::threshold_metrics(y.data(), bad.data(), n, t, wanted), smotelab::user_error);
  CHECK_THROWS(smotelab::threshold_metrics(y.data(), p.data(), n, {std::nan("")}, wanted), smotelab::internal_error);
  // Recall on two folds, three thresholds each. Fold 1 (0.2, 0.4, 0.6 with
  // truth 0, 1, 1) has recall 1, 0.5, 0 at 0.2, 0.4, 0.6; fold 2 (0.1, 0.5
  // with truth 0, 1) has 1, 1, 0 at 0.1, 0.3, 0.5. On the common grid 0.1,
  // 0.35, 0.6 they interpolate to 1, 0.625, 0 and 1, 0.75, 0 (constant
  // beyond their ends).
  {
    const std::vector<int> truth = {0, 1, 1, 0, 1}, fold = {1, 1, 1, 2, 2};
    const std::vector<double> prob = {0.2, 0.4, 0.6, 0.1, 0.5};
    const std::vector<std::size_t> recall = {smotelab::metrics::metric_index("recall")};
    const auto curves = smotelab::threshold_curves(truth.data(), prob.data(), fold.data(), 5, 2, recall, 3);
    CHECK(curves.constant_fold == 0);
    CHECK(curves.thresholds.size() == 3 && curves.thresholds[0] == 0.1 && curves.thresholds[2] == 0.6);
    CHECK_NEAR(curves.thresholds[1], 0.35, 1e-15);
    CHECK_NEAR(curves.mean(0, 0), 1, 1e-12);
    CHECK_NEAR(curves.mean(1, 0), (0.625 + 0.75) / 2, 1e-12);
    CHECK_NEAR(curves.mean(2, 0), 0, 1e-12);
    const std::vector<double> flat = {0.2, 0.4, 0.6, 0.3, 0.3};
    CHECK(smotelab::threshold_curves(truth.data(), flat.data(), fold.data(), 5, 2, recall, 3).constant_fold == 2);
  }
  return cpptest::report("test-threshold");
}
