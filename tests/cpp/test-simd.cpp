// The instruction-set-specific loops against plain scalar code: the lane
// exponential and log1p against libm, and the products on row counts that are
// not multiples of the lane width.
#include <cmath>
#include <limits>
#include <vector>

#include "check.hpp"
#include "smotelab/rng.hpp"
#include "smotelab/simd.hpp"

namespace {

namespace simd = smotelab::simd;

double relative_error(double got, double want) {
  if (want == 0) return std::abs(got);
  return std::abs(got - want) / std::abs(want);
}

}  // namespace

int main() {
  smotelab::Rng rng(5, 0);

  // exp(x) for x <= 0 and log1p(e) for e in [0, 1], to a few ulp.
  double worst_exp = 0, worst_log1p = 0;
  std::vector<double> xs = {0.0, -1e-300, -1e-17, -0.5 * std::log(2.0), -std::log(2.0), -1.0, -700.0, -707.9};
  for (int i = 0; i < 20000; ++i) xs.push_back(-708.0 * rng.uniform() * rng.uniform());
  for (const double x : xs) {
    const simd::Lanes e = simd::exp_nonpositive(simd::broadcast(x));
    worst_exp = std::max(worst_exp, relative_error(e[0], std::exp(x)));
    const double u = std::exp(std::max(x, -40.0));
    const simd::Lanes l = simd::log1p_unit(simd::broadcast(u));
    worst_log1p = std::max(worst_log1p, relative_error(l[0], std::log1p(u)));
  }
  CHECK(worst_exp < 5e-16);
  CHECK(worst_log1p < 5e-16);
  CHECK(simd::exp_nonpositive(simd::broadcast(-709.0))[0] == 0.0);
  CHECK(simd::exp_nonpositive(simd::broadcast(-std::numeric_limits<double>::infinity()))[0] == 0.0);
  CHECK(simd::log1p_unit(simd::broadcast(1.0))[0] == std::log1p(1.0) ||
        relative_error(simd::log1p_unit(simd::broadcast(1.0))[0], std::log1p(1.0)) < 5e-16);

  // Row counts around the lane width: the tails must be handled.
  for (const std::size_t rows : {1, 3, 4, 5, 13, 64}) {
    const std::size_t p = 5, width = 8;
    std::vector<std::vector<double>> cols(width, std::vector<double>(rows, 0.0));
    for (std::size_t j = 0; j < p; ++j)
      for (auto& v : cols[j]) v = rng.normal();
    std::vector<const double*> ptr(width);
    for (std::size_t j = 0; j < width; ++j) ptr[j] = cols[j].data();
    const double coef[5] = {0.5, -1.0, 2.0, 0.0, 3.0};

    std::vector<double> eta(rows);
    simd::affine(ptr.data(), coef, p, rows, -1.5, eta.data());
    double worst = 0;
    for (std::size_t i = 0; i < rows; ++i) {
      double want = -1.5;
      for (std::size_t j = 0; j < p; ++j) want += coef[j] * cols[j][i];
      worst = std::max(worst, std::abs(eta[i] - want));
    }
    CHECK(worst < 1e-13);

    std::vector<double> products(width * width, -1.0);
    simd::lower_products(ptr.data(), width, ptr.data(), width, rows, products.data());
    std::vector<double> column(width);
    simd::column_products(ptr[1], ptr.data(), width, rows, column.data());
    worst = 0;
    for (std::size_t a = 0; a < width; ++a) {
      for (std::size_t b = 0; b < width; ++b) {
        double want = 0;
        for (std::size_t i = 0; i < rows; ++i) want += cols[a][i] * cols[b][i];
        if (b <= a) worst = std::max(worst, std::abs(products[a * width + b] - want));
        if (a == 1) worst = std::max(worst, std::abs(column[b] - want));
      }
    }
    CHECK(worst < 1e-12);

    // More rows of A than columns of B, as the logistic Hessian pass asks
    // for (its last row of A is the residual): every b < n_b of those rows.
    std::vector<double> tall(width * 4, -1.0);
    simd::lower_products(ptr.data(), width, ptr.data(), 4, rows, tall.data());
    worst = 0;
    for (std::size_t a = 0; a < width; ++a) {
      for (std::size_t b = 0; b < std::min<std::size_t>(a + 1, 4); ++b) {
        double want = 0;
        for (std::size_t i = 0; i < rows; ++i) want += cols[a][i] * cols[b][i];
        worst = std::max(worst, std::abs(tall[a * 4 + b] - want));
      }
    }
    CHECK(worst < 1e-12);

    std::vector<double> scaled(p * rows);
    simd::scale_columns(ptr.data(), p, cols[0].data(), rows, scaled.data());
    worst = 0;
    for (std::size_t j = 0; j < p; ++j)
      for (std::size_t i = 0; i < rows; ++i)
        worst = std::max(worst, std::abs(scaled[j * rows + i] - cols[j][i] * cols[0][i]));
    CHECK(worst == 0);

    // logistic_rows against the textbook formulas, with large |eta| included.
    std::vector<int> y(rows);
    std::vector<double> s(rows), residual(rows), weight(rows);
    for (std::size_t i = 0; i < rows; ++i) {
      eta[i] = (i % 7 == 6) ? 800.0 * (rng.uniform() - 0.5) : 4.0 * rng.normal();
      y[i] = rng.uniform() < 0.3;
      s[i] = 0.5 + rng.uniform();
    }
    std::size_t extreme = 0;
    const double tiny = 10 * std::numeric_limits<double>::epsilon();
    const double loss =
        simd::logistic_rows(eta.data(), y.data(), s.data(), rows, tiny, residual.data(), weight.data(), &extreme);
    double want_loss = 0;
    std::size_t want_extreme = 0;
    worst = 0;
    for (std::size_t i = 0; i < rows; ++i) {
      const double prob = eta[i] >= 0 ? 1 / (1 + std::exp(-eta[i])) : std::exp(eta[i]) / (1 + std::exp(eta[i]));
      const double softplus = eta[i] > 0 ? eta[i] + std::log1p(std::exp(-eta[i])) : std::log1p(std::exp(eta[i]));
      want_loss += s[i] * (softplus - y[i] * eta[i]);
      want_extreme += prob < tiny || prob > 1 - tiny;
      worst = std::max(worst, std::abs(residual[i] - s[i] * (prob - y[i])));
      worst = std::max(worst, std::abs(weight[i] - s[i] * prob * (1 - prob)));
    }
    CHECK(worst < 1e-15);
    CHECK(relative_error(loss, want_loss) < 1e-14);
    CHECK(extreme == want_extreme);
  }

  return cpptest::report("simd");
}
