// Logistic regression and the pipeline engine without R: optimality (the
// gradient vanishes), aliasing, schedule independence and input errors.
#include <algorithm>
#include <vector>

#include "check.hpp"
#include "smotelab/pipeline.hpp"
#include "smotelab/rng.hpp"

namespace {

struct Data {
  Eigen::MatrixXd X;
  Eigen::VectorXi y;
};

Data simulate(int n, std::uint64_t seed) {
  smotelab::Rng rng(seed, 0);
  Data d{Eigen::MatrixXd(n, 4), Eigen::VectorXi(n)};
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < 3; ++j) d.X(i, j) = rng.normal();
    d.X(i, 3) = d.X(i, 0) - 2 * d.X(i, 1);  // aliased with the first two columns
    const double eta = -1.0 + d.X(i, 0) - 0.5 * d.X(i, 1) + 0.25 * d.X(i, 2);
    d.y(i) = rng.uniform() < 1.0 / (1.0 + std::exp(-eta));
  }
  return d;
}

// Runs the ranges in reverse order and in small pieces: a schedule unlike the
// serial one, as threads would produce.
void run_backwards(std::size_t n, std::size_t grain, const smotelab::RangeKernel& kernel) {
  const std::size_t step = std::max<std::size_t>(grain, 1);
  for (std::size_t end = n; end > 0;) {
    const std::size_t begin = end > step ? end - step : 0;
    kernel(begin, end);
    end = begin;
  }
}

// Gradient of 0.5 * ||w||^2 / C + sum logloss at the fit, over kept columns.
Eigen::VectorXd gradient(const smotelab::LogisticFit& fit, const Data& d, double C) {
  Eigen::VectorXd g = Eigen::VectorXd::Zero(d.X.cols() + 1);
  for (Eigen::Index i = 0; i < d.X.rows(); ++i) {
    const double p = 1.0 / (1.0 + std::exp(-(fit.intercept + d.X.row(i).dot(fit.coef))));
    g(0) += p - d.y(i);
    g.tail(d.X.cols()) += (p - d.y(i)) * d.X.row(i).transpose();
  }
  if (std::isfinite(C)) g.tail(d.X.cols()) += fit.coef / C;
  return g;
}

}  // namespace

int main() {
  const Data d = simulate(5000, 11);

  smotelab::LogisticOptions unpenalised;
  unpenalised.C = std::numeric_limits<double>::infinity();
  const auto mle = smotelab::fit_logistic(smotelab::Columns::of(d.X), d.y, unpenalised);
  CHECK(mle.converged);
  CHECK(!mle.aliased[0] && !mle.aliased[1] && !mle.aliased[2] && mle.aliased[3]);
  CHECK(mle.coef(3) == 0.0);
  const Eigen::VectorXd g_mle = gradient(mle, d, unpenalised.C);
  CHECK(std::abs(g_mle(0)) < 1e-8 && std::abs(g_mle(1)) < 1e-8 && std::abs(g_mle(2)) < 1e-8);

  smotelab::LogisticOptions ridge;
  ridge.C = 0.05;
  const auto fit = smotelab::fit_logistic(smotelab::Columns::of(d.X), d.y, ridge);
  CHECK(fit.converged);
  CHECK(gradient(fit, d, ridge.C).cwiseAbs().maxCoeff() < 1e-8);

  // A different schedule of the same blocks gives bit-identical results.
  const auto again = smotelab::fit_logistic(smotelab::Columns::of(d.X), d.y, ridge, smotelab::Executor(run_backwards));
  CHECK(again.intercept == fit.intercept);
  CHECK((again.coef.array() == fit.coef.array()).all());

  // Above kWarmStartRows Newton starts from the fit on a subsample of rows.
  // Rows sorted by class must not spoil that start, and the solution is the
  // same optimum (the gradient vanishes) on any schedule.
  {
    const Data raw = simulate(static_cast<int>(smotelab::detail::kWarmStartRows) + 1001, 12);
    std::vector<Eigen::Index> order(static_cast<std::size_t>(raw.X.rows()));
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<Eigen::Index>(i);
    std::stable_sort(order.begin(), order.end(), [&](Eigen::Index a, Eigen::Index b) { return raw.y(a) < raw.y(b); });
    Data big{Eigen::MatrixXd(raw.X.rows(), 3), Eigen::VectorXi(raw.X.rows())};
    for (std::size_t i = 0; i < order.size(); ++i) {
      big.X.row(static_cast<Eigen::Index>(i)) = raw.X.row(order[i]).head(3);
      big.y(static_cast<Eigen::Index>(i)) = raw.y(order[i]);
    }
    for (const double C : {0.05, std::numeric_limits<double>::infinity()}) {
      smotelab::LogisticOptions opt;
      opt.C = C;
      const auto warm = smotelab::fit_logistic(smotelab::Columns::of(big.X), big.y, opt);
      CHECK(warm.converged && !warm.separated);
      CHECK(gradient(warm, big, C).cwiseAbs().maxCoeff() < 1e-6);
      const auto warm_again =
          smotelab::fit_logistic(smotelab::Columns::of(big.X), big.y, opt, smotelab::Executor(run_backwards));
      CHECK(warm_again.intercept == warm.intercept);
      CHECK((warm_again.coef.array() == warm.coef.array()).all());
    }
  }

  // The pipeline: scaled fit predicts probabilities in (0, 1).
  smotelab::PipelineSpec spec{{smotelab::ScaleSpec{}}, ridge, {"neg", "pos"}};
  const auto fitted = smotelab::fit_pipeline(spec, smotelab::Columns::of(d.X), d.y, 1);
  Eigen::VectorXd prob(d.X.rows());
  smotelab::predict_pipeline(fitted, smotelab::Columns::of(d.X), prob);
  CHECK(prob.minCoeff() > 0.0 && prob.maxCoeff() < 1.0);

  // Columns at extreme scales: the coefficient times the scale is the same
  // at every scale, penalised (where the penalty is negligible) or not, and
  // no column is taken for aliased.
  {
    Data u = simulate(400, 9);
    const Eigen::MatrixXd X3 = u.X.leftCols(3);
    smotelab::LogisticOptions unpen;
    unpen.C = std::numeric_limits<double>::infinity();
    const smotelab::LogisticFit base = smotelab::fit_logistic(smotelab::Columns::of(X3), u.y, unpen);
    for (double scale : {1e-300, 1e-200, 1e200, 1e300}) {
      Eigen::MatrixXd S = X3;
      S.col(0) *= scale;
      const smotelab::LogisticFit f = smotelab::fit_logistic(smotelab::Columns::of(S), u.y, unpen);
      CHECK(!f.aliased[0]);
      CHECK_NEAR(f.coef(0) * scale, base.coef(0), 1e-8);
      CHECK_NEAR(f.intercept, base.intercept, 1e-8);
    }
    smotelab::LogisticOptions one;
    one.C = 1;
    Eigen::MatrixXd S = X3;
    S.col(0) *= 1e300;
    const smotelab::LogisticFit big = smotelab::fit_logistic(smotelab::Columns::of(S), u.y, one);
    const smotelab::LogisticFit free_first = [&] {
      // Only the first column's penalty vanishes at 1e300: compare with a fit
      // that penalises the other two alone, by giving column 0 a huge scale
      // that is still safe from overflow.
      Eigen::MatrixXd T = X3;
      T.col(0) *= 1e30;
      return smotelab::fit_logistic(smotelab::Columns::of(T), u.y, one);
    }();
    CHECK_NEAR(big.coef(0) * 1e300, free_first.coef(0) * 1e30, 1e-6);
    CHECK_NEAR(big.coef(1), free_first.coef(1), 1e-6);
  }

  // Input errors are exceptions, never undefined behaviour.
  Eigen::MatrixXd bad = d.X;
  bad(3, 1) = std::numeric_limits<double>::quiet_NaN();
  CHECK_THROWS(smotelab::fit_logistic(smotelab::Columns::of(bad), d.y, ridge), smotelab::user_error);
  Eigen::VectorXi one_class = Eigen::VectorXi::Zero(d.y.size());
  CHECK_THROWS(smotelab::fit_logistic(smotelab::Columns::of(d.X), one_class, ridge), smotelab::user_error);
  CHECK_THROWS(smotelab::fit_logistic(smotelab::Columns::of(d.X.topRows(10)), d.y, ridge), smotelab::internal_error);
  Eigen::VectorXd short_out(3);
  CHECK_THROWS(smotelab::predict_pipeline(fitted, smotelab::Columns::of(d.X), short_out), smotelab::internal_error);

  return cpptest::report("logistic");
}
