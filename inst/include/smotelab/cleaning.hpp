// The cleaning under-samplers of imbalanced-learn 0.10
// (imblearn/under_sampling/_prototype_selection/): Tomek links, the edited
// nearest neighbours family (ENN, repeated ENN, AllKNN), the neighbourhood
// cleaning rule, one-sided selection and condensed nearest neighbour, and
// SMOTE followed by ENN or Tomek links.
//
// Each removes rows and adds none: the result's `keep` lists the original
// rows kept, in their original order (imbalanced-learn groups them by class;
// the set is the same). `sampling_strategy` names the classes a rule may
// clean, as imbalanced-learn's "clean-sampling" reads it: "auto" is every
// class but the minority, counts name classes (the numbers are not used).
//
// Neighbours come from the exact search of knn.hpp, which leaves a row out of
// its own list by index. imbalanced-learn instead searches with the row
// itself and drops the first column, assuming that is the row: with exact
// duplicates the first column may be the duplicate, and the row then counts
// itself as a neighbour of its own class (so a duplicate of another class is
// never a Tomek link and ENN keeps rows it should remove). We always drop the
// row itself. Ties between distinct rows go to the smaller row number.
#pragma once

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "columns.hpp"
#include "errors.hpp"
#include "knn.hpp"
#include "parallel.hpp"
#include "rng.hpp"
#include "sampling.hpp"
#include "smote.hpp"
#include "smote_variants.hpp"

namespace smotelab {

enum class EnnKind { all, mode };

namespace detail {

inline std::vector<Eigen::Index> count_classes(const Eigen::Ref<const Eigen::VectorXi>& y, std::size_t K) {
  std::vector<Eigen::Index> n(K, 0);
  for (Eigen::Index i = 0; i < y.size(); ++i) {
    require(y(i) >= 0 && static_cast<std::size_t>(y(i)) < K, "class codes must lie in 0.." + std::to_string(K - 1));
    ++n[static_cast<std::size_t>(y(i))];
  }
  return n;
}

// The targets of a cleaning strategy on classes of these sizes; a class with
// no rows left (after an earlier pass) is never a target.
inline std::vector<char> cleaning_targets(const SamplingStrategy& s, const std::vector<Eigen::Index>& counts) {
  std::vector<Eigen::Index> present;
  std::vector<std::size_t> code;
  for (std::size_t c = 0; c < counts.size(); ++c)
    if (counts[c] > 0) {
      present.push_back(counts[c]);
      code.push_back(c);
    }
  std::vector<char> targets(counts.size(), 0);
  if (present.size() < 2) return targets;
  SamplingStrategy sub = s;
  if (s.kind == SamplingStrategy::Kind::counts) {
    sub.counts.clear();
    for (std::size_t c : code) sub.counts.push_back(s.counts[c]);
  }
  const std::vector<char> t = under_sampling_targets(sub, present);
  for (std::size_t i = 0; i < code.size(); ++i) targets[code[i]] = t[i];
  return targets;
}

inline Resampled keep_rows(const std::vector<char>& kept, Eigen::Index p) {
  Resampled out;
  for (std::size_t i = 0; i < kept.size(); ++i)
    if (kept[i]) out.keep.push_back(static_cast<Eigen::Index>(i));
  out.X_new.resize(0, p);
  out.y_new.resize(0);
  return out;
}

// Neighbours of the listed rows of X among all rows of X, each row left out
// of its own list. When they are most of the rows, the self-join, which
// forms each distance once for both rows, beats a one-way search even though
// it also finds the other rows' neighbours; both give the same lists.
inline Neighbours neighbours_of(const Columns& X, const std::vector<Eigen::Index>& rows, int k, const Executor& exec,
                                KnnAlgorithm algorithm) {
  if (static_cast<Eigen::Index>(rows.size()) == X.rows()) return knn_self(X, k, exec, algorithm);
  if (2 * static_cast<Eigen::Index>(rows.size()) < X.rows() || resolve(algorithm, X.cols()) == KnnAlgorithm::kd_tree)
    return knn_query(X, Columns::of(gather_rows(X, rows)), k, &rows, exec, algorithm);
  const Neighbours all = knn_self(X, k, exec, algorithm);
  Neighbours out;
  out.k = k;
  const auto kk = static_cast<std::size_t>(k);
  out.index.resize(rows.size() * kk);
  out.dist2.resize(rows.size() * kk);
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const std::size_t from = static_cast<std::size_t>(rows[r]) * kk;
    std::copy_n(all.index.begin() + static_cast<std::ptrdiff_t>(from), kk,
                out.index.begin() + static_cast<std::ptrdiff_t>(r * kk));
    std::copy_n(all.dist2.begin() + static_cast<std::ptrdiff_t>(from), kk,
                out.dist2.begin() + static_cast<std::ptrdiff_t>(r * kk));
  }
  return out;
}

// The most common class among k neighbour codes; ties go to the smallest
// code, as scipy's mode (and so imbalanced-learn) breaks them.
inline int neighbour_mode(const Eigen::Index* index, int k, const Eigen::Ref<const Eigen::VectorXi>& y,
                          std::vector<int>& votes) {
  std::fill(votes.begin(), votes.end(), 0);
  for (int j = 0; j < k; ++j) ++votes[static_cast<std::size_t>(y(index[j]))];
  return static_cast<int>(std::max_element(votes.begin(), votes.end()) - votes.begin());
}

// ENN's decision for each row of X: kept unless its class is a target and
// its k nearest neighbours disagree with it (kind all: any neighbour of
// another class; kind mode: the most common class among them is another).
inline std::vector<char> enn_mask(const Columns& X, const Eigen::Ref<const Eigen::VectorXi>& y,
                                  const std::vector<char>& targets, int k, EnnKind kind, const Executor& exec,
                                  KnnAlgorithm algorithm) {
  check_all_rows(X.rows(), k, "ENN", "n_neighbors");
  std::vector<Eigen::Index> rows;
  for (Eigen::Index i = 0; i < y.size(); ++i)
    if (targets[static_cast<std::size_t>(y(i))]) rows.push_back(i);
  std::vector<char> kept(static_cast<std::size_t>(X.rows()), 1);
  if (rows.empty()) return kept;
  const Neighbours nn = neighbours_of(X, rows, k, exec, algorithm);
  std::vector<int> votes(targets.size());
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const Eigen::Index* index = &nn.index[r * static_cast<std::size_t>(k)];
    const int own = y(rows[r]);
    bool keep = true;
    if (kind == EnnKind::all) {
      for (int j = 0; j < k && keep; ++j) keep = y(index[j]) == own;
    } else {
      keep = neighbour_mode(index, k, y, votes) == own;
    }
    kept[static_cast<std::size_t>(rows[r])] = keep;
  }
  return kept;
}

// Narrows `original` (rows of X) and their classes y to the ones flagged in
// `kept`, and gathers those rows of X into X_out.
inline void subset(const Columns& X, Eigen::VectorXi& y, const std::vector<char>& kept,
                   std::vector<Eigen::Index>& original, Eigen::MatrixXd& X_out) {
  std::vector<Eigen::Index> next;
  std::vector<int> y_kept;
  for (std::size_t i = 0; i < kept.size(); ++i)
    if (kept[i]) {
      next.push_back(original[i]);
      y_kept.push_back(y(static_cast<Eigen::Index>(i)));
    }
  y = Eigen::Map<const Eigen::VectorXi>(y_kept.data(), static_cast<Eigen::Index>(y_kept.size()));
  original = std::move(next);
  // Free the last pass's rows before gathering the next.
  X_out.resize(0, 0);
  X_out = gather_rows(X, original);
}

// Tomek links: pairs of rows of different classes, each the other's nearest
// neighbour. A row in a link is flagged when its class is a target.
inline std::vector<char> tomek_mask(const Columns& X, const Eigen::Ref<const Eigen::VectorXi>& y,
                                    const std::vector<char>& targets, const Executor& exec, KnnAlgorithm algorithm) {
  require(X.rows() >= 2, "Tomek links need at least two rows");
  const Neighbours nn = knn_self(X, 1, exec, algorithm);
  std::vector<char> kept(static_cast<std::size_t>(X.rows()), 1);
  for (Eigen::Index i = 0; i < X.rows(); ++i) {
    const Eigen::Index j = nn.index[static_cast<std::size_t>(i)];
    if (targets[static_cast<std::size_t>(y(i))] && y(j) != y(i) && nn.index[static_cast<std::size_t>(j)] == i)
      kept[static_cast<std::size_t>(i)] = 0;
  }
  return kept;
}

inline void check_cleaning_input(Eigen::Index n_rows, const Eigen::Ref<const Eigen::VectorXi>& y, std::size_t K) {
  require(n_rows == y.size(), "X and y must have the same number of rows");
  require(K >= 2, "cleaning needs at least two classes");
}

}  // namespace detail

// imbalanced-learn's TomekLinks: removes the rows of the target classes that
// are in a Tomek link.
inline Resampled tomek_links(const Columns& X, const Eigen::Ref<const Eigen::VectorXi>& y, std::size_t n_classes,
                             const SamplingStrategy& strategy, const Executor& exec = serial_executor(),
                             KnnAlgorithm algorithm = KnnAlgorithm::automatic) {
  detail::check_cleaning_input(X.rows(), y, n_classes);
  const auto targets = detail::cleaning_targets(strategy, detail::count_classes(y, n_classes));
  return detail::keep_rows(detail::tomek_mask(X, y, targets, exec, algorithm), X.cols());
}

// imbalanced-learn's EditedNearestNeighbours.
inline Resampled edited_nearest_neighbours(const Columns& X, const Eigen::Ref<const Eigen::VectorXi>& y,
                                           std::size_t n_classes, const SamplingStrategy& strategy, int n_neighbors,
                                           EnnKind kind, const Executor& exec = serial_executor(),
                                           KnnAlgorithm algorithm = KnnAlgorithm::automatic) {
  detail::check_cleaning_input(X.rows(), y, n_classes);
  require(n_neighbors >= 1, "n_neighbors must be at least 1");
  const auto targets = detail::cleaning_targets(strategy, detail::count_classes(y, n_classes));
  return detail::keep_rows(detail::enn_mask(X, y, targets, n_neighbors, kind, exec, algorithm), X.cols());
}

// imbalanced-learn's RepeatedEditedNearestNeighbours and AllKNN: ENN applied
// again to what the last pass kept, the targets re-read from the classes as
// they are then. Repeated ENN runs up to max_iter passes with n_neighbors
// each and stops when a pass removes nothing; AllKNN runs passes with 1, 2,
// ..., n_neighbors neighbours. Both stop early, keeping that pass's result,
// when a class other than the original minority falls below the minority's
// original size (AllKNN: unless allow_minority) or a class loses every row.
// (imbalanced-learn 0.10's RepeatedEditedNearestNeighbours applies the last
// pass's selection twice to `sample_indices_` when it converges, so those
// indices can be wrong; its returned rows, which we match, are right.)
inline Resampled repeated_enn(const Columns& X, const Eigen::Ref<const Eigen::VectorXi>& y, std::size_t n_classes,
                              const SamplingStrategy& strategy, int n_neighbors, EnnKind kind, int max_iter,
                              bool all_knn, bool allow_minority, const Executor& exec = serial_executor(),
                              KnnAlgorithm algorithm = KnnAlgorithm::automatic) {
  detail::check_cleaning_input(X.rows(), y, n_classes);
  require(n_neighbors >= 1, "n_neighbors must be at least 1");
  require(all_knn || max_iter >= 1, "max_iter must be at least 1");
  const auto start = detail::count_classes(y, n_classes);
  const std::size_t minority = detail::minority(start);
  // The rows the last pass kept, gathered from X; the first pass reads X.
  Eigen::MatrixXd Xc;
  Eigen::VectorXi yc = y;
  std::vector<Eigen::Index> original = detail::all_rows(X.rows());
  const int passes = all_knn ? n_neighbors : max_iter;
  for (int pass = 0; pass < passes; ++pass) {
    const int k = all_knn ? pass + 1 : n_neighbors;
    const auto counts = detail::count_classes(yc, n_classes);
    const auto targets = detail::cleaning_targets(strategy, counts);
    const std::vector<char> kept =
        detail::enn_mask(pass == 0 ? X : Columns::of(Xc), yc, targets, k, kind, exec, algorithm);
    const Eigen::Index before = yc.size();
    detail::subset(X, yc, kept, original, Xc);
    const auto after = detail::count_classes(yc, n_classes);
    bool below_minority = false, class_lost = false;
    for (std::size_t c = 0; c < n_classes; ++c) {
      if (after[c] == 0) {
        class_lost = class_lost || counts[c] > 0;
        continue;
      }
      if (c != minority && after[c] < start[minority]) below_minority = true;
    }
    if (all_knn && allow_minority) below_minority = false;
    const bool converged = !all_knn && yc.size() == before;
    if (converged || below_minority || class_lost) break;
  }
  Resampled out;
  out.keep = std::move(original);
  out.X_new.resize(0, X.cols());
  out.y_new.resize(0);
  return out;
}

// imbalanced-learn's NeighbourhoodCleaningRule (0.10), with two of its faults
// corrected. A row is removed when (A1) ENN with kind "mode" removes it, or
// (A2) it is one of the n_neighbors nearest neighbours of a minority row
// that its neighbours misclassify (kind_sel as in ENN), and its class is a
// target with more than threshold_cleaning times the rows of the data.
// imbalanced-learn 0.10 tests kind "all" on the neighbours' labels instead of
// on whether they are of the minority (so with labels 0/1 and a minority
// coded 0 the test is reversed); we test the minority. Its kind "mode" reads
// the minority row's own label, as we do.
inline Resampled neighbourhood_cleaning_rule(const Columns& X, const Eigen::Ref<const Eigen::VectorXi>& y,
                                             std::size_t n_classes, const SamplingStrategy& strategy, int n_neighbors,
                                             EnnKind kind, double threshold_cleaning,
                                             const Executor& exec = serial_executor(),
                                             KnnAlgorithm algorithm = KnnAlgorithm::automatic) {
  detail::check_cleaning_input(X.rows(), y, n_classes);
  require(n_neighbors >= 1, "n_neighbors must be at least 1");
  const auto counts = detail::count_classes(y, n_classes);
  const auto targets = detail::cleaning_targets(strategy, counts);
  std::vector<char> kept = detail::enn_mask(X, y, targets, n_neighbors, EnnKind::mode, exec, algorithm);
  const auto minority = static_cast<int>(detail::minority(counts));
  std::vector<char> cleanable(n_classes, 0);
  for (std::size_t c = 0; c < n_classes; ++c)
    cleanable[c] = targets[c] && static_cast<double>(counts[c]) > static_cast<double>(X.rows()) * threshold_cleaning;
  std::vector<Eigen::Index> rows;
  for (Eigen::Index i = 0; i < y.size(); ++i)
    if (y(i) == minority) rows.push_back(i);
  const Neighbours nn = detail::neighbours_of(X, rows, n_neighbors, exec, algorithm);
  std::vector<int> votes(n_classes);
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const Eigen::Index* index = &nn.index[r * static_cast<std::size_t>(n_neighbors)];
    bool agree = true;
    if (kind == EnnKind::all) {
      for (int j = 0; j < n_neighbors && agree; ++j) agree = y(index[j]) == minority;
    } else {
      agree = detail::neighbour_mode(index, n_neighbors, y, votes) == minority;
    }
    if (agree) continue;
    for (int j = 0; j < n_neighbors; ++j)
      if (cleanable[static_cast<std::size_t>(y(index[j]))]) kept[static_cast<std::size_t>(index[j])] = 0;
  }
  return detail::keep_rows(kept, X.cols());
}

namespace detail {

// `n` distinct positions in [0, m), drawn without replacement in draw order.
inline std::vector<Eigen::Index> distinct_draw(Eigen::Index m, Eigen::Index n, Rng& rng) {
  std::vector<Eigen::Index> pool = all_rows(m);
  for (Eigen::Index i = 0; i < n; ++i) {
    const auto j = i + static_cast<Eigen::Index>(rng.below(static_cast<std::uint64_t>(m - i)));
    std::swap(pool[static_cast<std::size_t>(i)], pool[static_cast<std::size_t>(j)]);
  }
  pool.resize(static_cast<std::size_t>(n));
  return pool;
}

inline void check_seeds(const std::vector<std::vector<Eigen::Index>>& rows, const std::vector<char>& targets,
                        std::size_t minority, int n_seeds, const std::string& method,
                        const std::vector<std::string>& class_names) {
  for (std::size_t c = 0; c < rows.size(); ++c) {
    if (!targets[c] || c == minority) continue;
    const auto m = static_cast<Eigen::Index>(rows[c].size());
    if (m < n_seeds)
      fail(kind::too_few_rows,
           "The class " + class_label(c, class_names) + " has " + rows_text(m) + "; " + method +
               " with n_seeds_S = " + std::to_string(n_seeds) + " needs at least " + std::to_string(n_seeds) + ".",
           {"Lower `n_seeds_S` to at most " + std::to_string(m) + "."});
  }
}

inline void check_store_size(Eigen::Index store, int k, const std::string& method) {
  if (store < k)
    fail(kind::too_few_rows,
         "The minority and the seed rows are " + rows_text(store) + "; " + method +
             " with n_neighbors = " + std::to_string(k) + " needs at least " + std::to_string(k) + ".",
         {"Lower `n_neighbors` to at most " + std::to_string(store) + ", or raise `n_seeds_S`."});
}

// What one-sided selection and CNN start from, once their inputs pass the
// checks: the rows of each class, the classes to reduce, and the minority,
// whose rows begin every store.
struct StoreStart {
  std::vector<std::vector<Eigen::Index>> rows;
  std::vector<char> targets;
  std::size_t minority;
};

inline StoreStart start_stores(Eigen::Index n_rows, const Eigen::Ref<const Eigen::VectorXi>& y, std::size_t n_classes,
                               const SamplingStrategy& strategy, int n_neighbors, int n_seeds_S,
                               const std::string& method, const std::vector<std::string>& class_names) {
  check_cleaning_input(n_rows, y, n_classes);
  require(n_neighbors >= 1 && n_seeds_S >= 1, "n_neighbors and n_seeds_S must be at least 1");
  const auto counts = count_classes(y, n_classes);
  StoreStart start{class_rows(y, n_classes), cleaning_targets(strategy, counts), minority(counts)};
  check_seeds(start.rows, start.targets, start.minority, n_seeds_S, method, class_names);
  check_store_size(counts[start.minority] + n_seeds_S, n_neighbors, method);
  return start;
}

// The store of class c: every minority row, then n_seeds_S rows of c drawn
// without replacement from the stream (seed, c); `is_seed` marks the drawn
// positions within the class.
struct Store {
  std::vector<Eigen::Index> rows;
  std::vector<char> is_seed;
};

inline Store seed_store(const StoreStart& start, std::size_t c, int n_seeds_S, std::uint64_t seed) {
  const std::vector<Eigen::Index>& members = start.rows[c];
  Rng rng(seed, c);
  const auto seeds = distinct_draw(static_cast<Eigen::Index>(members.size()), n_seeds_S, rng);
  Store store{start.rows[start.minority], std::vector<char>(members.size(), 0)};
  for (Eigen::Index s : seeds) {
    store.is_seed[static_cast<std::size_t>(s)] = 1;
    store.rows.push_back(members[static_cast<std::size_t>(s)]);
  }
  return store;
}

}  // namespace detail

// imbalanced-learn's OneSidedSelection: for each target class but the
// minority, n_seeds_S of its rows seed a store with every minority row; the
// class's other rows that the store's n_neighbors-NN rule misclassifies are
// kept with the seeds; then Tomek links are removed from the target classes.
// imbalanced-learn draws its seeds with replacement, so a row can be drawn
// twice and then appears twice in its output; we draw them without
// replacement (class c from the stream (seed, c)).
inline Resampled one_sided_selection(const Columns& X, const Eigen::Ref<const Eigen::VectorXi>& y,
                                     std::size_t n_classes, const SamplingStrategy& strategy, int n_neighbors,
                                     int n_seeds_S, std::uint64_t seed, const Executor& exec = serial_executor(),
                                     KnnAlgorithm algorithm = KnnAlgorithm::automatic,
                                     const std::vector<std::string>& class_names = {}) {
  const detail::StoreStart start = detail::start_stores(X.rows(), y, n_classes, strategy, n_neighbors, n_seeds_S,
                                                        "one-sided selection", class_names);
  std::vector<char> kept(static_cast<std::size_t>(X.rows()), 1);
  std::vector<int> votes(n_classes);
  for (std::size_t c = 0; c < n_classes; ++c) {
    if (!start.targets[c] || c == start.minority) continue;
    const std::vector<Eigen::Index>& members = start.rows[c];
    const detail::Store seeded = detail::seed_store(start, c, n_seeds_S, seed);
    const std::vector<Eigen::Index>& store = seeded.rows;
    std::vector<Eigen::Index> rest;
    for (std::size_t i = 0; i < members.size(); ++i)
      if (!seeded.is_seed[i]) rest.push_back(members[i]);
    if (rest.empty()) continue;
    const Eigen::MatrixXd Xs = detail::gather_rows(X, store);
    const Neighbours nn = knn_query(Xs, detail::gather_rows(X, rest), n_neighbors, nullptr, exec, algorithm);
    for (std::size_t r = 0; r < rest.size(); ++r) {
      const Eigen::Index* index = &nn.index[r * static_cast<std::size_t>(n_neighbors)];
      std::fill(votes.begin(), votes.end(), 0);
      for (int j = 0; j < n_neighbors; ++j)
        ++votes[static_cast<std::size_t>(y(store[static_cast<std::size_t>(index[j])]))];
      const auto predicted = static_cast<int>(std::max_element(votes.begin(), votes.end()) - votes.begin());
      if (predicted == static_cast<int>(c)) kept[static_cast<std::size_t>(rest[r])] = 0;
    }
  }
  // Tomek links among the rows kept so far, gathered straight from the
  // columns.
  std::vector<Eigen::Index> original = detail::all_rows(X.rows());
  Eigen::VectorXi yk = y;
  Eigen::MatrixXd Xk;
  detail::subset(X, yk, kept, original, Xk);
  const std::vector<char> clean = detail::tomek_mask(Columns::of(Xk), yk, start.targets, exec, algorithm);
  std::vector<char> final_kept(static_cast<std::size_t>(X.rows()), 0);
  for (std::size_t i = 0; i < original.size(); ++i)
    if (clean[i]) final_kept[static_cast<std::size_t>(original[i])] = 1;
  return detail::keep_rows(final_kept, X.cols());
}

// Hart's condensed nearest neighbour, as imbalanced-learn's
// CondensedNearestNeighbour means it: for each target class but the
// minority, a store starts with every minority row and n_seeds_S rows of the
// class (drawn without replacement from the stream (seed, c)); the class's
// rows are visited in order and each that the store's n_neighbors-NN rule
// misclassifies joins the store. Passes repeat until one adds nothing, so
// with n_neighbors = 1 the store classifies every row of the class
// correctly. imbalanced-learn 0.10 makes one pass and skips rows by
// comparing positions within the class with row numbers of the data, so it
// can stop early or revisit rows; it also draws its seeds with replacement.
inline Resampled condensed_nearest_neighbour(const Columns& X, const Eigen::Ref<const Eigen::VectorXi>& y,
                                             std::size_t n_classes, const SamplingStrategy& strategy, int n_neighbors,
                                             int n_seeds_S, std::uint64_t seed,
                                             const std::vector<std::string>& class_names = {}) {
  const detail::StoreStart start = detail::start_stores(X.rows(), y, n_classes, strategy, n_neighbors, n_seeds_S,
                                                        "condensed nearest neighbour", class_names);
  const Eigen::Index p = X.cols();
  detail::RowMajor R(X.rows(), p);
  for (Eigen::Index j = 0; j < p; ++j) R.col(j) = X.col(j);
  std::vector<char> kept(static_cast<std::size_t>(X.rows()), 1);
  std::vector<int> votes(n_classes);
  detail::TopK best(static_cast<std::size_t>(n_neighbors));
  std::vector<Eigen::Index> index(static_cast<std::size_t>(n_neighbors));
  std::vector<double> dist2(static_cast<std::size_t>(n_neighbors));
  for (std::size_t c = 0; c < n_classes; ++c) {
    if (!start.targets[c] || c == start.minority) continue;
    const std::vector<Eigen::Index>& members = start.rows[c];
    detail::Store seeded = detail::seed_store(start, c, n_seeds_S, seed);
    std::vector<Eigen::Index>& store = seeded.rows;
    std::vector<char>& in_store = seeded.is_seed;
    for (bool added = true; added;) {
      added = false;
      for (std::size_t i = 0; i < members.size(); ++i) {
        if (in_store[i]) continue;
        const double* q = R.row(members[i]).data();
        best.clear();
        for (Eigen::Index s : store) {
          const double d = detail::exact_dist2(q, R.row(s).data(), p);
          if (best.admits(d)) best.offer(d, s);
        }
        best.write(index.data(), dist2.data());
        std::fill(votes.begin(), votes.end(), 0);
        for (Eigen::Index s : index) ++votes[static_cast<std::size_t>(y(s))];
        if (std::max_element(votes.begin(), votes.end()) - votes.begin() != static_cast<std::ptrdiff_t>(c)) {
          in_store[i] = 1;
          store.push_back(members[i]);
          added = true;
        }
      }
    }
    for (std::size_t i = 0; i < members.size(); ++i) kept[static_cast<std::size_t>(members[i])] = in_store[i];
  }
  return detail::keep_rows(kept, X.cols());
}

namespace detail {

// numpy's percentile(a, q) with linear interpolation, as numpy 1.24 computes
// it (its lerp, which subtracts from the upper value when the fraction is at
// least a half), so that a threshold ties with a probability when numpy's
// does.
inline double numpy_percentile(std::vector<double> a, double q) {
  require(!a.empty(), "percentile of no values");
  std::sort(a.begin(), a.end());
  const double position = q / 100.0 * static_cast<double>(a.size() - 1);
  const auto lo = static_cast<std::size_t>(std::floor(position));
  const std::size_t hi = std::min(lo + 1, a.size() - 1);
  const double t = position - static_cast<double>(lo);
  const double diff = a[hi] - a[lo];
  return t >= 0.5 ? a[hi] - diff * (1.0 - t) : a[lo] + diff * t;
}

}  // namespace detail

// imbalanced-learn's InstanceHardnessThreshold selection: `own_prob[i]` is
// the cross-validated probability of row i's own class; each target class
// keeps the rows whose probability is at least the percentile
// 100 (1 - n_keep / n) of its rows' probabilities. Ties at the threshold
// keep every tied row, so a class can keep more rows than n_keep, as in
// imbalanced-learn.
inline Resampled hardness_selection(const std::vector<double>& own_prob, const Eigen::Ref<const Eigen::VectorXi>& y,
                                    const std::vector<Eigen::Index>& n_keep, const std::vector<char>& targets,
                                    Eigen::Index p) {
  const std::size_t K = n_keep.size();
  const auto rows = detail::class_rows(y, K);
  std::vector<char> kept(own_prob.size(), 1);
  for (std::size_t c = 0; c < K; ++c) {
    if (!targets[c] || rows[c].empty()) continue;
    std::vector<double> probs;
    for (Eigen::Index i : rows[c]) probs.push_back(own_prob[static_cast<std::size_t>(i)]);
    const double share = static_cast<double>(n_keep[c]) / static_cast<double>(rows[c].size());
    const double threshold = detail::numpy_percentile(probs, (1.0 - share) * 100.0);
    for (Eigen::Index i : rows[c])
      kept[static_cast<std::size_t>(i)] = own_prob[static_cast<std::size_t>(i)] >= threshold;
  }
  return detail::keep_rows(kept, p);
}

// SMOTE, then a cleaning rule on the original and synthetic rows together:
// imbalanced-learn's SMOTEENN and SMOTETomek (whose cleaning strategy
// defaults to "all"). The result keeps the surviving original rows, in their
// order, then the surviving synthetic rows, in theirs.
enum class SmoteCleaning { enn, tomek };

inline Resampled smote_then_clean(const Columns& X, const Eigen::Ref<const Eigen::VectorXi>& y,
                                  const std::vector<Eigen::Index>& n_new, int k_neighbors, SmoteCleaning cleaning,
                                  const SamplingStrategy& cleaning_strategy, int n_neighbors, EnnKind kind,
                                  std::uint64_t seed, const Executor& exec = serial_executor(),
                                  KnnAlgorithm algorithm = KnnAlgorithm::automatic,
                                  const std::vector<std::string>& class_names = {}) {
  const std::size_t K = n_new.size();
  Resampled grown = smote(X, y, n_new, k_neighbors, seed, exec, algorithm, class_names);
  const Eigen::Index n = X.rows(), m = grown.X_new.rows();
  Eigen::MatrixXd all(n + m, X.cols());
  for (Eigen::Index j = 0; j < X.cols(); ++j) {
    all.col(j).head(n) = X.col(j);
    all.col(j).tail(m) = grown.X_new.col(j);
  }
  // The synthetic rows live on in `all` only, until the kept ones are
  // gathered back out of it.
  grown.X_new.resize(0, 0);
  Eigen::VectorXi y_all(n + m);
  y_all.head(n) = y;
  y_all.tail(m) = grown.y_new;
  const auto targets = detail::cleaning_targets(cleaning_strategy, detail::count_classes(y_all, K));
  const std::vector<char> kept =
      cleaning == SmoteCleaning::enn
          ? detail::enn_mask(Columns::of(all), y_all, targets, n_neighbors, kind, exec, algorithm)
          : detail::tomek_mask(Columns::of(all), y_all, targets, exec, algorithm);
  Resampled out;
  for (Eigen::Index i = 0; i < n; ++i)
    if (kept[static_cast<std::size_t>(i)]) out.keep.push_back(i);
  std::vector<Eigen::Index> new_rows;
  for (Eigen::Index t = 0; t < m; ++t)
    if (kept[static_cast<std::size_t>(n + t)]) new_rows.push_back(t);
  out.X_new = detail::gather_rows(all.bottomRows(m), new_rows);
  out.y_new.resize(static_cast<Eigen::Index>(new_rows.size()));
  for (std::size_t t = 0; t < new_rows.size(); ++t) {
    out.y_new(static_cast<Eigen::Index>(t)) = grown.y_new(new_rows[t]);
    out.seed_row.push_back(grown.seed_row[static_cast<std::size_t>(new_rows[t])]);
    out.neighbour_row.push_back(grown.neighbour_row[static_cast<std::size_t>(new_rows[t])]);
    // Without its gap a surviving synthetic row's case weight would be its
    // seed's instead of interpolated like its features.
    if (!grown.gap.empty()) out.gap.push_back(grown.gap[static_cast<std::size_t>(new_rows[t])]);
  }
  return out;
}

}  // namespace smotelab
