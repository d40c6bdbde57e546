#include <Eigen/Dense>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <set>
#include <vector>

#include "check.hpp"
#include "smotelab/make_classification.hpp"

namespace {

std::size_t count_role(const smotelab::Classification& d, smotelab::FeatureRole role) {
  return static_cast<std::size_t>(std::count(d.roles.begin(), d.roles.end(), role));
}

Eigen::MatrixXd columns_with(const smotelab::Classification& d, std::initializer_list<smotelab::FeatureRole> roles) {
  std::vector<Eigen::Index> keep;
  for (std::size_t j = 0; j < d.roles.size(); ++j) {
    if (std::find(roles.begin(), roles.end(), d.roles[j]) != roles.end()) {
      keep.push_back(static_cast<Eigen::Index>(j));
    }
  }
  Eigen::MatrixXd out(d.x.rows(), static_cast<Eigen::Index>(keep.size()));
  for (std::size_t k = 0; k < keep.size(); ++k) out.col(static_cast<Eigen::Index>(k)) = d.x.col(keep[k]);
  return out;
}

Eigen::Index rank(const Eigen::MatrixXd& m) {
  Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(m);
  qr.setThreshold(1e-9);
  return qr.rank();
}

}  // namespace

int main() {
  using smotelab::FeatureRole;

  // Rows per cluster, as scikit-learn splits them.
  CHECK((smotelab::rows_per_cluster(1001, {0.9, 0.1}, 2) == std::vector<std::size_t>{451, 50, 450, 50}));
  CHECK((smotelab::rows_per_cluster(1003, {0.7, 0.2}, 3) == std::vector<std::size_t>{252, 83, 251, 83, 251, 83}));
  CHECK_THROWS(smotelab::rows_per_cluster(100, {0.8, 0.3}, 1), smotelab::internal_error);

  // Hypercube vertices are distinct 0/1 rows, also beyond 30 dimensions.
  smotelab::Rng rng(3, 0);
  for (std::size_t dims : {1, 3, 8, 40}) {
    const std::size_t k = std::min<std::size_t>(std::size_t{1} << std::min<std::size_t>(dims, 5), 16);
    const Eigen::MatrixXd v = smotelab::hypercube_vertices(k, dims, rng);
    std::set<std::vector<double>> rows;
    for (Eigen::Index i = 0; i < v.rows(); ++i) {
      std::vector<double> row;
      for (Eigen::Index j = 0; j < v.cols(); ++j) {
        CHECK(v(i, j) == 0.0 || v(i, j) == 1.0);
        row.push_back(v(i, j));
      }
      rows.insert(row);
    }
    CHECK(rows.size() == k);
  }
  CHECK_THROWS(smotelab::hypercube_vertices(5, 2, rng), smotelab::internal_error);

  smotelab::ClassificationSpec spec;
  spec.n_samples = 2000;
  spec.n_features = 12;
  spec.n_informative = 4;
  spec.n_redundant = 3;
  spec.n_repeated = 2;
  spec.n_clusters_per_class = 2;
  spec.weights = {0.85, 0.15};
  spec.flip_y = 0.1;
  spec.class_sep = 1.5;
  const auto d = smotelab::make_classification(spec, 17);

  CHECK(d.x.rows() == 2000 && d.x.cols() == 12);
  CHECK(d.y.size() == 2000 && d.flipped.size() == 2000 && d.roles.size() == 12);
  CHECK(d.x.allFinite());
  CHECK(count_role(d, FeatureRole::informative) == 4);
  CHECK(count_role(d, FeatureRole::redundant) == 3);
  CHECK(count_role(d, FeatureRole::repeated) == 2);
  CHECK(count_role(d, FeatureRole::noise) == 3);

  // Before label noise the classes hold exactly the clusters' rows.
  std::size_t drawn_minority = 0;
  for (std::size_t i = 0; i < 2000; ++i) {
    CHECK(d.y[i] == 0 || d.y[i] == 1);
    drawn_minority += static_cast<std::size_t>(d.flipped[i] ? 1 - d.y[i] : d.y[i]);
  }
  CHECK(drawn_minority == 300);

  // Redundant and repeated columns add no rank; noise columns do.
  CHECK(rank(columns_with(d, {FeatureRole::informative, FeatureRole::redundant})) == 4);
  CHECK(rank(d.x) == 12 - 3 - 2);

  // Same seed, same data; another seed, other data.
  const auto again = smotelab::make_classification(spec, 17);
  const auto other = smotelab::make_classification(spec, 18);
  CHECK(again.x == d.x && again.y == d.y && again.roles == d.roles);
  CHECK(!(other.x == d.x));

  // Invariants the R layer validates are also the core's.
  smotelab::ClassificationSpec bad = spec;
  bad.n_features = 8;
  CHECK_THROWS(smotelab::make_classification(bad, 1), smotelab::internal_error);
  bad = spec;
  bad.n_informative = 1;
  bad.n_redundant = 0;
  bad.n_repeated = 0;
  CHECK_THROWS(smotelab::make_classification(bad, 1), smotelab::internal_error);
  bad = spec;
  bad.flip_y = 1.5;
  CHECK_THROWS(smotelab::make_classification(bad, 1), smotelab::internal_error);
  bad = spec;
  bad.weights = {1.0};
  CHECK_THROWS(smotelab::make_classification(bad, 1), smotelab::internal_error);

  return cpptest::report("make-classification");
}
