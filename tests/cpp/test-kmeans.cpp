// k-means and the samplers built on it, the categorical blocks of the
// pipeline and ROSE, compiled without R.
#include <Eigen/Dense>
#include <cmath>
#include <numeric>
#include <vector>

#include "check.hpp"
#include "smotelab/cluster_sampling.hpp"
#include "smotelab/kmeans.hpp"
#include "smotelab/rose.hpp"
#include "smotelab/smote_categorical.hpp"

namespace {

void reverse_executor(std::size_t n, std::size_t, const smotelab::RangeKernel& kernel) {
  for (std::size_t end = n; end > 0; --end) kernel(end - 1, end);
}

// Four tight blobs of 30 rows far apart, rows interleaved.
Eigen::MatrixXd blobs() {
  smotelab::Rng rng(42, 0);
  Eigen::MatrixXd X(120, 2);
  const double cx[4] = {0, 50, 0, 50}, cy[4] = {0, 0, 50, 50};
  for (Eigen::Index i = 0; i < 120; ++i) {
    X(i, 0) = cx[i % 4] + rng.normal();
    X(i, 1) = cy[i % 4] + rng.normal();
  }
  return X;
}

}  // namespace

int main() {
  const Eigen::MatrixXd X = blobs();
  smotelab::KMeansOptions opt;
  opt.n_clusters = 4;
  const smotelab::KMeansResult km = smotelab::kmeans(X, opt, 7);
  // The blobs are found exactly: rows of one blob share a label, and
  // different blobs have different labels.
  for (Eigen::Index i = 4; i < 120; ++i) CHECK(km.labels[i] == km.labels[i % 4]);
  CHECK(km.labels[0] != km.labels[1] && km.labels[0] != km.labels[2] && km.labels[0] != km.labels[3] &&
        km.labels[1] != km.labels[2] && km.labels[1] != km.labels[3] && km.labels[2] != km.labels[3]);
  double inertia = 0;
  for (int c = 0; c < 4; ++c) {
    Eigen::RowVectorXd mean = Eigen::RowVectorXd::Zero(2);
    int n = 0;
    for (Eigen::Index i = 0; i < 120; ++i)
      if (km.labels[i] == c) {
        mean += X.row(i);
        ++n;
      }
    mean /= n;
    CHECK((km.centers.row(c) - mean).norm() < 1e-9);
    for (Eigen::Index i = 0; i < 120; ++i)
      if (km.labels[i] == c) inertia += (X.row(i) - mean).squaredNorm();
  }
  CHECK_NEAR(km.inertia, inertia, 1e-8 * inertia);

  // Any schedule of the kernels gives the same clustering.
  const smotelab::KMeansResult again = smotelab::kmeans(X, opt, 7, smotelab::Executor(reverse_executor));
  CHECK(again.labels == km.labels && again.centers == km.centers && again.inertia == km.inertia);

  // More clusters than rows is the user's error; more than distinct rows is not.
  opt.n_clusters = 121;
  CHECK_THROWS(smotelab::kmeans(X, opt, 1), smotelab::user_error);
  Eigen::MatrixXd twins = Eigen::MatrixXd::Zero(10, 2);
  twins.bottomRows(5).setOnes();
  opt.n_clusters = 4;
  const smotelab::KMeansResult tw = smotelab::kmeans(twins, opt, 3);
  CHECK(tw.centers.rows() == 4 && tw.inertia == 0);

  // Largest remainders: shares add up to n exactly.
  for (Eigen::Index n : {1, 7, 100, 1001}) {
    const std::vector<double> w = {0.1, 0.2, 0.3, 0.4};
    const auto share = smotelab::detail::apportion(n, w);
    CHECK(std::accumulate(share.begin(), share.end(), Eigen::Index{0}) == n);
    for (std::size_t i = 0; i < w.size(); ++i) CHECK(std::fabs(static_cast<double>(share[i]) - w[i] * n) < 1.0);
  }

  // KMeans-SMOTE makes exactly the rows asked for, on segments within its class.
  Eigen::VectorXi y = Eigen::VectorXi::Zero(120);
  for (Eigen::Index i = 0; i < 120; i += 4) y(i) = 1;
  for (Eigen::Index i = 1; i < 120; i += 8) y(i) = 1;
  smotelab::KMeansSmoteOptions ko;
  ko.n_clusters = 4;
  ko.cluster_balance_threshold = 0.3;
  const smotelab::Resampled ks = smotelab::kmeans_smote(smotelab::Columns::of(X), y, {0, 37}, ko, 5);
  CHECK(ks.X_new.rows() == 37);
  for (Eigen::Index t = 0; t < ks.X_new.rows(); ++t) {
    const Eigen::RowVectorXd a = X.row(ks.seed_row[t]), b = X.row(ks.neighbour_row[t]);
    CHECK(y(ks.seed_row[t]) == 1 && y(ks.neighbour_row[t]) == 1);
    const Eigen::RowVectorXd d = b - a, off = ks.X_new.row(t) - a;
    const double gap = d.squaredNorm() > 0 ? off.dot(d) / d.squaredNorm() : 0;
    CHECK(gap >= 0 && gap < 1 && (off - gap * d).norm() < 1e-9);
  }

  // Cluster centroids: whole classes kept, the other replaced by its centres.
  const smotelab::Resampled cc =
      smotelab::cluster_centroids(smotelab::Columns::of(X), y, {4, 45}, smotelab::CentroidVoting::soft, 2);
  CHECK(cc.keep.size() == 45 && cc.X_new.rows() == 4 && (cc.y_new.array() == 0).all());

  // Blocks decode through a fitted affine transform and encode back exactly.
  Eigen::MatrixXd design(3, 3);
  design << 1.5, 0, 1, -2, 0, 0, 0.5, 1, 0;
  Eigen::MatrixXd unit(2, 3);
  unit << 0, 0, 0, 1, 1, 1;
  const Eigen::RowVectorXd center(Eigen::RowVector3d(0.1, 0.3, 0.6)), scale(Eigen::RowVector3d(2.0, 0.4, 0.7));
  auto transform = [&](Eigen::MatrixXd m) {
    m.rowwise() -= center;
    m.array().rowwise() /= scale.array();
    return m;
  };
  const std::vector<smotelab::CategoricalBlock> blocks = {{1, 2}};
  const smotelab::LevelCodes codes = smotelab::decode_blocks(transform(design), blocks, transform(unit));
  CHECK(codes.codes(0, 0) == 2 && codes.codes(1, 0) == 0 && codes.codes(2, 0) == 1 && codes.n_levels[0] == 3);
  Eigen::MatrixXd made(3, 2);
  made << 1.5, 2, -2, 0, 0.5, 1;
  const Eigen::MatrixXd back = smotelab::encode_blocks(made, {0}, blocks, transform(unit));
  CHECK((back.rightCols(2) - transform(design).rightCols(2)).cwiseAbs().maxCoeff() == 0);

  // SMOTEN: codes in range, y and rows as asked, threads do not matter.
  Eigen::MatrixXi cat(40, 2);
  Eigen::VectorXi yc(40);
  for (int i = 0; i < 40; ++i) {
    cat(i, 0) = i % 3;
    cat(i, 1) = (i / 3) % 2;
    yc(i) = i < 30 ? 0 : 1;
  }
  const smotelab::Resampled sn = smotelab::smoten(cat, {3, 2}, yc, {0, 25}, 3, 9);
  const smotelab::Resampled sn2 =
      smotelab::smoten(cat, {3, 2}, yc, {0, 25}, 3, 9, smotelab::Executor(reverse_executor));
  CHECK(sn.X_new == sn2.X_new && sn.seed_row == sn2.seed_row);
  CHECK(sn.X_new.rows() == 25 && (sn.y_new.array() == 1).all());
  CHECK(sn.X_new.col(0).maxCoeff() <= 2 && sn.X_new.col(1).maxCoeff() <= 1 && sn.X_new.minCoeff() >= 0);

  // ROSE: the new sample's size, and a class needs two rows.
  smotelab::RoseOptions ro;
  const smotelab::Resampled rs = smotelab::rose(smotelab::Columns::of(X), {1, 0}, y, ro, 4);
  CHECK(rs.keep.empty() && rs.X_new.rows() == 2 * 75);
  for (Eigen::Index t = 0; t < rs.X_new.rows(); ++t) CHECK(rs.X_new(t, 1) == X(rs.seed_row[t], 1));
  Eigen::VectorXi lonely = Eigen::VectorXi::Zero(120);
  lonely(3) = 1;
  CHECK_THROWS(smotelab::rose(smotelab::Columns::of(X), {1, 1}, lonely, ro, 4), smotelab::user_error);

  return cpptest::report("test-kmeans");
}
