#include <Eigen/Dense>
#include <algorithm>
#include <utility>
#include <vector>

#include "check.hpp"
#include "smotelab/knn.hpp"
#include "smotelab/rng.hpp"

using smotelab::KnnAlgorithm;
using smotelab::Neighbours;

namespace {

// O(n^2) reference: sort every candidate by (distance, index).
Neighbours naive(const Eigen::MatrixXd& ref, const Eigen::MatrixXd& query, int k,
                 const std::vector<Eigen::Index>* self) {
  Neighbours out;
  out.k = k;
  for (Eigen::Index i = 0; i < query.rows(); ++i) {
    std::vector<std::pair<double, Eigen::Index>> all;
    for (Eigen::Index r = 0; r < ref.rows(); ++r) {
      if (self && (*self)[i] == r) continue;
      double d = 0;
      for (Eigen::Index j = 0; j < ref.cols(); ++j) d += (query(i, j) - ref(r, j)) * (query(i, j) - ref(r, j));
      all.emplace_back(d, r);
    }
    std::sort(all.begin(), all.end());
    for (int j = 0; j < k; ++j) {
      out.index.push_back(all[j].second);
      out.dist2.push_back(all[j].first);
    }
  }
  return out;
}

// Runs ranges in reverse order, a few rows at a time: a stand-in for an
// arbitrary thread schedule.
void reverse_executor(std::size_t n, std::size_t, const smotelab::RangeKernel& kernel) {
  const std::size_t step = 3;
  for (std::size_t end = n; end > 0;) {
    const std::size_t begin = end > step ? end - step : 0;
    kernel(begin, end);
    end = begin;
  }
}

bool same(const Neighbours& a, const Neighbours& b) { return a.index == b.index && a.dist2 == b.dist2; }

Eigen::MatrixXd data(Eigen::Index n, Eigen::Index p, std::uint64_t seed, bool grid) {
  smotelab::Rng rng(seed, 0);
  Eigen::MatrixXd X(n, p);
  for (Eigen::Index i = 0; i < n; ++i)
    for (Eigen::Index j = 0; j < p; ++j) X(i, j) = grid ? static_cast<double>(rng.below(3)) : rng.normal() * 10 + 100;
  // Exact duplicates.
  for (Eigen::Index i = 0; i + 1 < n; i += 17) X.row(i + 1) = X.row(i);
  return X;
}

}  // namespace

int main() {
  const smotelab::Executor reverse(reverse_executor);
  for (Eigen::Index p : {1, 2, 5, 13, 30}) {
    for (bool grid : {false, true}) {
      const Eigen::MatrixXd X = data(700, p, 11 + static_cast<std::uint64_t>(p), grid);
      std::vector<Eigen::Index> self(X.rows());
      for (Eigen::Index i = 0; i < X.rows(); ++i) self[i] = i;
      for (int k : {1, 5}) {
        const Neighbours ref = naive(X, X, k, &self);
        const Neighbours kd = smotelab::knn_self(X, k, smotelab::serial_executor(), KnnAlgorithm::kd_tree);
        const Neighbours bf = smotelab::knn_self(X, k, smotelab::serial_executor(), KnnAlgorithm::brute_force);
        CHECK(same(kd, ref));
        CHECK(same(bf, ref));
        CHECK(same(smotelab::knn_self(X, k, reverse, KnnAlgorithm::kd_tree), kd));
        CHECK(same(smotelab::knn_self(X, k, reverse, KnnAlgorithm::brute_force), bf));
      }
      // Duplicates are each other's neighbours at distance 0, never themselves.
      const Neighbours one = smotelab::knn_self(X, 1);
      CHECK(one.index[0] == 1 && one.dist2[0] == 0.0);
      CHECK(one.index[1] == 0 && one.dist2[1] == 0.0);

      // Query != reference, with and without excluding the query's own row.
      const Eigen::MatrixXd Q = X.topRows(60);
      std::vector<Eigen::Index> qself(60);
      for (int i = 0; i < 60; ++i) qself[i] = i % 2 == 0 ? i : -1;
      for (auto algo : {KnnAlgorithm::kd_tree, KnnAlgorithm::brute_force}) {
        CHECK(same(smotelab::knn_query(X, Q, 4, nullptr, reverse, algo), naive(X, Q, 4, nullptr)));
        CHECK(same(smotelab::knn_query(X, Q, 4, &qself, reverse, algo), naive(X, Q, 4, &qself)));
      }
    }
  }

  // knn_query_rows reads the listed query rows in place (out of order, more
  // than one block of them, some repeated) and equals knn_query on them
  // gathered, for both algorithms and at a scale that needs rescaling.
  for (const double scale : {1.0, 1e300}) {
    const Eigen::MatrixXd X = data(900, 20, 9, false) * scale;
    const Eigen::MatrixXd R = data(300, 20, 10, false) * scale;
    std::vector<Eigen::Index> rows;
    for (Eigen::Index i = 899; i >= 0; i -= 2) rows.push_back(i);
    for (Eigen::Index i = 0; i < 300; i += 3) rows.push_back(i);
    const Eigen::MatrixXd gathered = smotelab::Columns::of(X).rows_of(rows);
    for (auto algo : {KnnAlgorithm::kd_tree, KnnAlgorithm::brute_force}) {
      const Neighbours got =
          smotelab::knn_query_rows(smotelab::Columns::of(R), smotelab::Columns::of(X), rows, 5, reverse, algo);
      CHECK(same(got, smotelab::knn_query(R, gathered, 5, nullptr, smotelab::serial_executor(), algo)));
      if (scale == 1.0) CHECK(same(got, naive(R, gathered, 5, nullptr)));
    }
  }

  // Among the rows of X, the brute force forms each distance once for both
  // rows, in rounds of block pairs: an even number of blocks (4 x 256 rows),
  // an odd one with a short last block (5, the last with 24 rows), and rows
  // in duplicate pairs (the grid data).
  for (Eigen::Index n : {1024, 1048}) {
    const Eigen::MatrixXd X = data(n, 20, 5, n % 2 == 0);
    std::vector<Eigen::Index> self(X.rows());
    for (Eigen::Index i = 0; i < X.rows(); ++i) self[i] = i;
    CHECK(same(smotelab::knn_self(X, 5, reverse, KnnAlgorithm::brute_force), naive(X, X, 5, &self)));
  }

  // The brute force screens in float on data scaled by a power of two, and in
  // double when that scale would leave the doubles' range; either way the
  // neighbours are exact, also for points that float cannot tell apart (a
  // cloud of near-duplicates 1e-9 apart, offset far from the origin), for
  // 1100 rows (several reference blocks) and for a column that is constant.
  for (const double scale : {1e-300, 1e-100, 1.0, 1e100, 1e300}) {
    smotelab::Rng rng(77, 0);
    Eigen::MatrixXd X(1100, 40);
    for (Eigen::Index i = 0; i < X.rows(); ++i) {
      for (Eigen::Index j = 0; j < X.cols(); ++j) {
        const double base = i % 3 == 0 ? 1000.0 + 1e-9 * rng.normal() : rng.normal();
        X(i, j) = (j == 7 ? 3.0 : base) * scale;
      }
    }
    std::vector<Eigen::Index> self(X.rows());
    for (Eigen::Index i = 0; i < X.rows(); ++i) self[i] = i;
    const Neighbours bf = smotelab::knn_self(X, 5, reverse, KnnAlgorithm::brute_force);
    // At 1e+-300 squared distances leave the doubles' range, so the naive
    // reference runs on the data brought to unit scale by a power of two
    // (exact, order-preserving), its distances scaled back.
    const int e = std::ilogb(X.cwiseAbs().maxCoeff()) + 1;
    Neighbours ref =
        naive(smotelab::detail::times_power_of_two(X, e), smotelab::detail::times_power_of_two(X, e), 5, &self);
    for (double& d : ref.dist2) d = std::ldexp(d, 2 * e);
    CHECK(same(bf, ref));
  }

  // All rows identical: every distance is 0 and ties go to smaller indices.
  const Eigen::MatrixXd flat = Eigen::MatrixXd::Constant(40, 3, 2.5);
  const Neighbours f = smotelab::knn_self(flat, 3);
  CHECK(f.index[0] == 1 && f.index[1] == 2 && f.index[2] == 3);
  CHECK(f.index[3] == 0 && f.index[4] == 2 && f.index[5] == 3);

  // At extreme scales squared distances overflow or underflow; the search
  // rescales by a power of two, so neighbours equal the unit-scale ones.
  {
    const Eigen::MatrixXd X = data(300, 3, 5, false);
    std::vector<Eigen::Index> self(X.rows());
    for (Eigen::Index i = 0; i < X.rows(); ++i) self[i] = i;
    const Neighbours unit = naive(X, X, 4, &self);
    for (double scale : {1e-300, 1e-170, 1e160, 1e300}) {
      const Eigen::MatrixXd S = X * scale;
      for (KnnAlgorithm a : {KnnAlgorithm::kd_tree, KnnAlgorithm::brute_force}) {
        CHECK(smotelab::knn_self(S, 4, reverse, a).index == unit.index);
        CHECK(smotelab::knn_query(S, S, 4, &self, reverse, a).index == unit.index);
      }
    }
  }

  CHECK_THROWS(smotelab::knn_self(flat, 40), smotelab::internal_error);
  CHECK_THROWS(smotelab::knn_self(flat, 0), smotelab::internal_error);
  CHECK_THROWS(smotelab::knn_query(flat, Eigen::MatrixXd::Zero(2, 4), 1, nullptr), smotelab::internal_error);
  return cpptest::report("knn");
}
