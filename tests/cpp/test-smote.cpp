#include <Eigen/Dense>
#include <algorithm>
#include <vector>

#include "check.hpp"
#include "smotelab/rng.hpp"
#include "smotelab/sampling.hpp"
#include "smotelab/smote.hpp"

using smotelab::SamplingStrategy;
using Kind = SamplingStrategy::Kind;
using Counts = std::vector<Eigen::Index>;

namespace {

void reverse_executor(std::size_t n, std::size_t, const smotelab::RangeKernel& kernel) {
  for (std::size_t end = n; end > 0; --end) kernel(end - 1, end);
}

SamplingStrategy strategy(Kind kind, double ratio = 1.0, Counts counts = {}) {
  SamplingStrategy s;
  s.kind = kind;
  s.ratio = ratio;
  s.counts = std::move(counts);
  return s;
}

}  // namespace

int main() {
  // sampling_strategy, against imbalanced-learn's rules.
  const Counts binary = {300, 40};
  CHECK(smotelab::rows_to_add(strategy(Kind::automatic), binary) == Counts({0, 260}));
  CHECK(smotelab::rows_to_add(strategy(Kind::ratio, 0.75), binary) == Counts({0, 185}));
  CHECK(smotelab::rows_to_add(strategy(Kind::ratio, 40.0 / 300), binary) == Counts({0, 0}));
  CHECK_THROWS(smotelab::rows_to_add(strategy(Kind::ratio, 0.1), binary), smotelab::user_error);
  CHECK_THROWS(smotelab::rows_to_add(strategy(Kind::majority), binary), smotelab::user_error);
  CHECK(smotelab::rows_to_keep(strategy(Kind::automatic), binary) == Counts({40, 40}));
  CHECK(smotelab::rows_to_keep(strategy(Kind::ratio, 0.5), binary) == Counts({80, 40}));
  CHECK_THROWS(smotelab::rows_to_keep(strategy(Kind::ratio, 0.1), binary), smotelab::user_error);
  CHECK_THROWS(smotelab::rows_to_keep(strategy(Kind::minority), binary), smotelab::user_error);
  const Counts three = {50, 200, 20};
  CHECK(smotelab::rows_to_add(strategy(Kind::not_majority), three) == Counts({150, 0, 180}));
  CHECK(smotelab::rows_to_add(strategy(Kind::minority), three) == Counts({0, 0, 180}));
  CHECK(smotelab::rows_to_add(strategy(Kind::not_minority), three) == Counts({150, 0, 0}));
  CHECK(smotelab::rows_to_add(strategy(Kind::counts, 1, {-1, 200, 30}), three) == Counts({0, 0, 10}));
  CHECK(smotelab::rows_to_keep(strategy(Kind::not_majority), three) == Counts({20, 200, 20}));
  CHECK(smotelab::rows_to_keep(strategy(Kind::majority), three) == Counts({50, 20, 20}));
  CHECK(smotelab::rows_to_keep(strategy(Kind::counts, 1, {10, -1, 20}), three) == Counts({10, 200, 20}));
  CHECK_THROWS(smotelab::rows_to_add(strategy(Kind::ratio, 0.5), three), smotelab::user_error);
  CHECK_THROWS(smotelab::rows_to_add(strategy(Kind::counts, 1, {49, -1, -1}), three), smotelab::user_error);
  CHECK_THROWS(smotelab::rows_to_keep(strategy(Kind::counts, 1, {51, -1, -1}), three), smotelab::user_error);

  // SMOTE on three classes with duplicate rows.
  smotelab::Rng rng(3, 0);
  const Eigen::Index n = 400, p = 3;
  Eigen::MatrixXd X(n, p);
  Eigen::VectorXi y(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    y(i) = i < 300 ? 0 : (i < 370 ? 1 : 2);
    for (Eigen::Index j = 0; j < p; ++j) X(i, j) = rng.normal() + y(i);
  }
  X.row(371) = X.row(370);
  const Counts add = {0, 230, 5000};  // class 2 spans two synthetic blocks
  const auto a = smotelab::smote(smotelab::Columns::of(X), y, add, 5, 99);
  const smotelab::Executor reverse(reverse_executor);
  const auto b = smotelab::smote(smotelab::Columns::of(X), y, add, 5, 99, reverse, smotelab::KnnAlgorithm::brute_force);
  CHECK(a.keep.size() == static_cast<std::size_t>(n));
  CHECK(a.X_new.rows() == 5230 && a.y_new.size() == 5230);
  CHECK((a.y_new.head(230).array() == 1).all() && (a.y_new.tail(5000).array() == 2).all());
  CHECK(a.X_new == b.X_new && a.seed_row == b.seed_row && a.neighbour_row == b.neighbour_row);
  const auto c = smotelab::smote(smotelab::Columns::of(X), y, add, 5, 100);
  CHECK(!(a.X_new == c.X_new));

  bool on_segment = true, same_class = true, is_neighbour = true;
  for (Eigen::Index t = 0; t < a.X_new.rows(); ++t) {
    const Eigen::Index s = a.seed_row[t], nb = a.neighbour_row[t];
    same_class &= y(s) == a.y_new(t) && y(nb) == a.y_new(t) && s != nb;
    const Eigen::RowVectorXd d = X.row(nb) - X.row(s);
    const Eigen::RowVectorXd off = a.X_new.row(t) - X.row(s);
    const double gap = d.squaredNorm() > 0 ? off.dot(d) / d.squaredNorm() : 0.0;
    on_segment &= gap >= 0 && gap < 1 && (off - gap * d).norm() < 1e-12;
    // The neighbour is among the 5 nearest same-class rows.
    int closer = 0;
    const double dn = d.squaredNorm();
    for (Eigen::Index r = 0; r < n; ++r)
      if (r != s && y(r) == y(s) && (X.row(r) - X.row(s)).squaredNorm() < dn) ++closer;
    is_neighbour &= closer < 5;
  }
  CHECK(on_segment);
  CHECK(same_class);
  CHECK(is_neighbour);

  CHECK_THROWS(smotelab::smote(smotelab::Columns::of(X), y, Counts({0, 0, 10}), 30, 1), smotelab::user_error);
  // The kind and the fields travel in what(), which is all Rcpp hands to R.
  try {
    smotelab::smote(smotelab::Columns::of(X), y, Counts({0, 0, 10}), 30, 1, smotelab::serial_executor(),
                    smotelab::KnnAlgorithm::automatic, {"a", "b", "c"});
    CHECK(false);
  } catch (const smotelab::user_error& e) {
    CHECK(e.kind() == "too_few_rows");
    CHECK(e.bullets().size() == 1);
    const std::string sep(1, smotelab::kFieldSeparator);
    CHECK(std::string(e.what()) == "smotelab" + sep + "too_few_rows" + sep + e.headline() + sep + e.bullets()[0]);
    CHECK(e.message() == e.headline() + "\n" + e.bullets()[0]);
    CHECK(e.headline().find("The class \"c\" has") == 0);
  }
  CHECK_THROWS(smotelab::smote(smotelab::Columns::of(X), y, Counts({0, 10}), 5, 1), smotelab::internal_error);

  // Random over-sampling copies rows of the right class.
  const auto o = smotelab::random_oversample(smotelab::Columns::of(X), y, Counts({0, 7, 3}), 5);
  CHECK(o.X_new.rows() == 10);
  bool copies = true;
  for (Eigen::Index t = 0; t < 10; ++t)
    copies &= o.X_new.row(t) == X.row(o.seed_row[t]) && y(o.seed_row[t]) == o.y_new(t) && o.neighbour_row[t] == -1;
  CHECK(copies);

  // Random under-sampling keeps the asked counts, in original order.
  const auto u = smotelab::random_undersample(smotelab::Columns::of(X), y, Counts({30, 70, 20}), 5);
  CHECK(u.keep.size() == 120 && u.X_new.rows() == 0);
  CHECK(std::is_sorted(u.keep.begin(), u.keep.end()));
  CHECK(std::adjacent_find(u.keep.begin(), u.keep.end()) == u.keep.end());
  Counts kept(3, 0);
  for (auto i : u.keep) ++kept[y(i)];
  CHECK(kept == Counts({30, 70, 20}));
  CHECK(u.keep == smotelab::random_undersample(smotelab::Columns::of(X), y, Counts({30, 70, 20}), 5).keep);
  CHECK_THROWS(smotelab::random_undersample(smotelab::Columns::of(X), y, Counts({301, 70, 30}), 5),
               smotelab::internal_error);

  return cpptest::report("smote");
}
