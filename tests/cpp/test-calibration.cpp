// Calibrators and calibrated pipelines: isotonic fits are monotone and keep
// the total of the outcomes, Platt's fit is a stationary point of its loss,
// the prior shift moves log-odds exactly, folds are StratifiedKFold's, and a
// calibrated ensemble does not depend on the schedule.
#include <Eigen/Dense>
#include <cmath>
#include <vector>

#include "check.hpp"
#include "executors.hpp"
#include "fixtures.hpp"
#include "smotelab/pipeline.hpp"
#include "smotelab/rng.hpp"

namespace {

using cpptest::Data;

Data make_data(Eigen::Index n, std::uint64_t seed) {
  return cpptest::gaussian_classes(n, seed, {0.2}, {{0, 1, 1.2}, {0, 1, -0.8}, {0, 1, 0}});
}

}  // namespace

int main() {
  smotelab::Rng rng(7, 0);
  const std::size_t n = 400;
  std::vector<double> s(n);
  std::vector<int> y(n);
  for (std::size_t i = 0; i < n; ++i) {
    s[i] = std::round(rng.normal() * 20) / 20;  // ties
    y[i] = rng.uniform() < 1 / (1 + std::exp(-2 * s[i])) ? 1 : 0;
  }

  // Isotonic: non-decreasing, the fitted values at the data sum to the events.
  {
    const smotelab::IsotonicFit iso = smotelab::fit_isotonic(s.data(), y.data(), n);
    for (std::size_t k = 1; k < iso.x.size(); ++k) {
      CHECK(iso.x[k] > iso.x[k - 1]);
      CHECK(iso.y[k] >= iso.y[k - 1]);
    }
    double total = 0, events = 0;
    for (std::size_t i = 0; i < n; ++i) {
      total += smotelab::predict_isotonic(iso, s[i]);
      events += y[i];
    }
    CHECK_NEAR(total, events, 1e-9);
    CHECK(smotelab::predict_isotonic(iso, -1e300) == iso.y.front());
    CHECK(smotelab::predict_isotonic(iso, 1e300) == iso.y.back());
  }

  // Platt: the gradient of the smoothed cross-entropy vanishes at the fit.
  {
    const smotelab::SigmoidFit fit = smotelab::fit_sigmoid(s.data(), y.data(), n);
    double n1 = 0;
    for (int v : y) n1 += v;
    const double n0 = double(n) - n1;
    double ga = 0, gb = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const double t = y[i] ? (n1 + 1) / (n1 + 2) : 1 / (n0 + 2);
      const double g = t - smotelab::predict_sigmoid(fit, s[i]);
      ga += g * s[i];
      gb += g;
    }
    CHECK_NEAR(ga, 0, 1e-8);
    CHECK_NEAR(gb, 0, 1e-8);
    CHECK(fit.a < 0);  // higher scores, higher probabilities
  }

  // Prior: a shift of the log-odds, the same from probabilities and log-odds.
  {
    smotelab::Calibrator c;
    c.method = smotelab::CalibrationMethod::prior;
    c.log_odds_shift = smotelab::prior_shift(0.1, 0.5);
    CHECK_NEAR(c.log_odds_shift, std::log(1.0 / 9.0), 1e-15);
    const double p = 0.7, z = std::log(p / (1 - p));
    CHECK_NEAR(smotelab::calibrate_score(c, p, false), smotelab::calibrate_score(c, z, true), 1e-15);
    CHECK_NEAR(smotelab::calibrate_score(c, 0.5, false), 0.1, 1e-15);
  }

  // StratifiedKFold(k) without shuffling: fold ids scikit-learn 1.2 gives
  // for these labels (printed by StratifiedKFold(k).split()).
  {
    const std::vector<std::vector<int>> labels = {{1, 0, 0, 0, 0, 1, 0, 0, 1, 0, 1, 0, 0, 0, 0, 1, 0, 1},
                                                  {0, 1, 1, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0}};
    const std::vector<std::vector<int>> expected = {{0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2},
                                                    {0, 0, 1, 0, 0, 1, 0, 1, 1, 2, 1, 2, 2, 2, 2, 3, 3, 3, 3}};
    const int k[] = {3, 4};
    for (std::size_t c = 0; c < labels.size(); ++c) {
      Eigen::VectorXi y_c = Eigen::Map<const Eigen::VectorXi>(labels[c].data(), Eigen::Index(labels[c].size()));
      CHECK(smotelab::stratified_kfold_unshuffled(y_c, k[c]) == expected[c]);
    }
  }

  // A calibrated ensemble: the same whatever the schedule; one member per
  // fold; predictions are probabilities.
  {
    const Data train = make_data(300, 1), test = make_data(100, 2);
    smotelab::SamplingStrategy ratio;
    ratio.kind = smotelab::SamplingStrategy::Kind::ratio;
    ratio.ratio = 0.8;
    smotelab::PipelineSpec spec{{smotelab::SmoteSpec{5, ratio}}, smotelab::LogisticOptions{}, {"neg", "pos"}};
    spec.calibration = smotelab::PipelineSpec::Calibration{smotelab::CalibrationMethod::isotonic, 4};
    const auto serial = smotelab::fit_pipeline(spec, smotelab::Columns::of(train.X), train.y, 5);
    const auto reversed = smotelab::fit_pipeline(spec, smotelab::Columns::of(train.X), train.y, 5,
                                                 smotelab::Executor(cpptest::run_reversed));
    CHECK(serial.members.size() == 4 && serial.calibrators.size() == 4);
    Eigen::VectorXd a(test.X.rows()), b(test.X.rows());
    smotelab::predict_pipeline(serial, smotelab::Columns::of(test.X), a);
    smotelab::predict_pipeline(reversed, smotelab::Columns::of(test.X), b);
    CHECK(a == b);
    CHECK(a.minCoeff() >= 0 && a.maxCoeff() <= 1);

    spec.calibration->method = smotelab::CalibrationMethod::prior;
    const auto prior = smotelab::fit_pipeline(spec, smotelab::Columns::of(train.X), train.y, 5);
    CHECK(prior.members.empty() && prior.calibrators.size() == 1);
    const double trained = double(prior.fit_counts[1]) / double(prior.fit_counts[0] + prior.fit_counts[1]);
    const double target = double(train.y.sum()) / double(train.y.size());
    CHECK_NEAR(prior.calibrators[0].log_odds_shift, std::log(target / (1 - target)) - std::log(trained / (1 - trained)),
               1e-12);
  }
  return cpptest::report("test-calibration");
}
