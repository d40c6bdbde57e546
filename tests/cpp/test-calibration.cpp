// Calibrators and calibrated pipelines: isotonic fits are monotone and keep
// the total of the outcomes, Platt's fit is a stationary point of its loss,
// the prior shift moves log-odds exactly, folds are StratifiedKFold's, and a
// calibrated ensemble does not depend on the schedule. With case weights:
// weights of 1 are no weights, whole-number weights are copies of rows, the
// weighted fits keep the weighted total and stationarity, and the prior
// shift reads weight shares.
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
  // Case weights: ones change nothing; whole numbers are copies of the rows.
  {
    std::vector<double> ones(n, 1.0), w(n);
    std::vector<double> s_dup;
    std::vector<int> y_dup;
    for (std::size_t i = 0; i < n; ++i) {
      w[i] = double(1 + i % 3);
      for (int c = 0; c < int(w[i]); ++c) {
        s_dup.push_back(s[i]);
        y_dup.push_back(y[i]);
      }
    }
    const auto plain = smotelab::fit_sigmoid(s.data(), y.data(), n);
    const auto unit = smotelab::fit_sigmoid(s.data(), y.data(), n, ones.data());
    CHECK(plain.a == unit.a && plain.b == unit.b);
    const auto iso_plain = smotelab::fit_isotonic(s.data(), y.data(), n);
    const auto iso_unit = smotelab::fit_isotonic(s.data(), y.data(), n, ones.data());
    CHECK(iso_plain.x == iso_unit.x && iso_plain.y == iso_unit.y);

    const auto weighted = smotelab::fit_sigmoid(s.data(), y.data(), n, w.data());
    const auto copies = smotelab::fit_sigmoid(s_dup.data(), y_dup.data(), s_dup.size());
    CHECK_NEAR(weighted.a, copies.a, 1e-10);
    CHECK_NEAR(weighted.b, copies.b, 1e-10);
    CHECK(std::abs(weighted.a - plain.a) > 1e-6);  // the weights matter
    const auto iso_w = smotelab::fit_isotonic(s.data(), y.data(), n, w.data());
    const auto iso_copies = smotelab::fit_isotonic(s_dup.data(), y_dup.data(), s_dup.size());
    CHECK(iso_w.x == iso_copies.x);
    CHECK(iso_w.y.size() == iso_copies.y.size());
    for (std::size_t k = 0; k < iso_w.y.size() && k < iso_copies.y.size(); ++k)
      CHECK_NEAR(iso_w.y[k], iso_copies.y[k], 1e-12);

    // Weighted isotonic keeps the weighted total of the outcomes.
    std::vector<double> u(n);
    for (std::size_t i = 0; i < n; ++i) u[i] = 0.1 + rng.uniform() * 3;
    const auto iso_u = smotelab::fit_isotonic(s.data(), y.data(), n, u.data());
    double total = 0, events = 0;
    for (std::size_t i = 0; i < n; ++i) {
      total += u[i] * smotelab::predict_isotonic(iso_u, s[i]);
      events += u[i] * y[i];
    }
    CHECK_NEAR(total, events, 1e-9);

    // Weighted Platt: the weighted gradient vanishes, with targets smoothed
    // by the classes' weight totals.
    const auto sig_u = smotelab::fit_sigmoid(s.data(), y.data(), n, u.data());
    double m0 = 0, m1 = 0;
    for (std::size_t i = 0; i < n; ++i) (y[i] ? m1 : m0) += u[i];
    double ga = 0, gb = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const double t = y[i] ? (m1 + 1) / (m1 + 2) : 1 / (m0 + 2);
      const double g = u[i] * (t - smotelab::predict_sigmoid(sig_u, s[i]));
      ga += g * s[i];
      gb += g;
    }
    CHECK_NEAR(ga, 0, 1e-8);
    CHECK_NEAR(gb, 0, 1e-8);

    std::vector<double> bad = u;
    bad[3] = 0;
    CHECK_THROWS(smotelab::fit_sigmoid(s.data(), y.data(), n, bad.data()), smotelab::internal_error);
    bad[3] = std::nan("");
    CHECK_THROWS(smotelab::fit_isotonic(s.data(), y.data(), n, bad.data()), smotelab::internal_error);
  }

  // A calibrated ensemble with case weights: the schedule does not matter
  // and weights of 1 are no weights.
  {
    const Data train = make_data(240, 3), test = make_data(60, 4);
    const auto rows = static_cast<std::size_t>(train.X.rows());
    smotelab::PipelineSpec spec{{smotelab::ScaleSpec{}}, smotelab::LogisticOptions{}, {"neg", "pos"}};
    spec.calibration = smotelab::PipelineSpec::Calibration{smotelab::CalibrationMethod::sigmoid, 3};
    std::vector<double> ones(rows, 1.0), w(rows);
    for (std::size_t i = 0; i < rows; ++i) w[i] = 0.25 + double(i % 7) / 2;
    const auto cols = smotelab::Columns::of(train.X);
    const auto serial = smotelab::fit_pipeline(spec, cols, train.y, 5, smotelab::serial_executor(), w.data());
    const auto reversed =
        smotelab::fit_pipeline(spec, cols, train.y, 5, smotelab::Executor(cpptest::run_reversed), w.data());
    const auto plain = smotelab::fit_pipeline(spec, cols, train.y, 5);
    const auto unit = smotelab::fit_pipeline(spec, cols, train.y, 5, smotelab::serial_executor(), ones.data());
    Eigen::VectorXd a(test.X.rows()), b(test.X.rows()), c(test.X.rows()), d(test.X.rows());
    smotelab::predict_pipeline(serial, smotelab::Columns::of(test.X), a);
    smotelab::predict_pipeline(reversed, smotelab::Columns::of(test.X), b);
    smotelab::predict_pipeline(plain, smotelab::Columns::of(test.X), c);
    smotelab::predict_pipeline(unit, smotelab::Columns::of(test.X), d);
    CHECK(a == b);
    CHECK((c - d).cwiseAbs().maxCoeff() <= 1e-12);
    CHECK((a - c).cwiseAbs().maxCoeff() > 1e-6);  // the weights matter

    // The prior method with weights: from the weight share the model saw to
    // the data's weight share.
    spec.calibration->method = smotelab::CalibrationMethod::prior;
    spec.model = smotelab::LogisticOptions{};
    std::get<smotelab::LogisticOptions>(spec.model).balanced = true;
    const auto prior = smotelab::fit_pipeline(spec, cols, train.y, 5, smotelab::serial_executor(), w.data());
    CHECK(prior.fit_weights.size() == 2);
    double m[2] = {0, 0};
    for (std::size_t i = 0; i < rows; ++i) m[train.y(Eigen::Index(i)) == 1] += w[i];
    CHECK_NEAR(prior.fit_weights[0], m[0], 1e-9);
    CHECK_NEAR(prior.fit_weights[1], m[1], 1e-9);
    const double target = m[1] / (m[0] + m[1]);
    // Balanced class weights n / (2 n_k) from the counts times the weights.
    const double per0 = m[0] / double(prior.fit_counts[0]), per1 = m[1] / double(prior.fit_counts[1]);
    const double trained = per1 / (per0 + per1);
    CHECK_NEAR(prior.calibrators[0].log_odds_shift, std::log(target / (1 - target)) - std::log(trained / (1 - trained)),
               1e-12);
  }
  return cpptest::report("test-calibration");
}
