// Exact k nearest neighbours under squared Euclidean distance.
//
// Two algorithms give the same answer: a k-d tree, fast in low dimension, and
// a blocked brute force for high dimension, which screens candidates with
// ||q||^2 + ||r||^2 - 2 q.r computed tile by tile (simd.hpp: in float, or in
// double for data at extreme scales) on centred data, never holding the full
// distance matrix. The expansion and the float rounding lose accuracy, so it
// only screens: every candidate that could enter the top k, allowing for a
// rigorous bound on that error, has its distance recomputed directly in
// double as sum_j (q_j - r_j)^2, the same arithmetic the k-d tree uses. Both
// algorithms therefore return bit-identical distances and, because ties in
// distance go to the smaller reference index, identical neighbour lists,
// whatever the schedule of the parallel query rows.
//
// A query row that is itself a reference row is excluded from its own list by
// index, not by position, so exact duplicates are each other's neighbours at
// distance 0.
//
// The reference rows are read as Columns, so a design held column by column
// (an R data frame) is searched without first being copied into one matrix;
// each algorithm makes the one layout it needs (the tree's points, the
// screen's centred float copy, one for a self-join) from the columns directly,
// and the exact distances read the columns in place.
#pragma once

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "columns.hpp"
#include "errors.hpp"
#include "parallel.hpp"
#include "simd.hpp"

namespace smotelab {

// Row-major n_query x k: neighbours of query row i are index[i*k .. i*k+k-1],
// nearest first.
struct Neighbours {
  Eigen::Index k = 0;
  std::vector<Eigen::Index> index;
  std::vector<double> dist2;
};

enum class KnnAlgorithm { automatic, kd_tree, brute_force };

// Above this many columns the k-d tree prunes too little and the brute force,
// which screens whole tiles of distances at once, wins: among 91k Gaussian
// rows with k = 5 the tree took half the brute force's time in 6 dimensions
// and 1.7 times as long in 8 (6 times in 10).
constexpr Eigen::Index kKdTreeMaxDim = 6;

namespace detail {

using Candidate = std::pair<double, Eigen::Index>;  // (dist2, reference row)

// The k best candidates seen so far, as a max-heap on (dist2, index): the
// root is the one to evict. Lexicographic order makes the final set unique.
class TopK {
 public:
  explicit TopK(std::size_t k) : k_(k) { heap_.reserve(k); }

  void clear() { heap_.clear(); }
  bool full() const { return heap_.size() == k_; }
  const Candidate& worst() const { return heap_.front(); }

  // Could a candidate at this distance still enter? Ties may win on index.
  bool admits(double dist2) const { return !full() || dist2 <= heap_.front().first; }

  void offer(double dist2, Eigen::Index index) {
    const Candidate c(dist2, index);
    if (!full()) {
      heap_.push_back(c);
      std::push_heap(heap_.begin(), heap_.end());
    } else if (c < heap_.front()) {
      std::pop_heap(heap_.begin(), heap_.end());
      heap_.back() = c;
      std::push_heap(heap_.begin(), heap_.end());
    }
  }

  void write(Eigen::Index* index, double* dist2) {
    std::sort_heap(heap_.begin(), heap_.end());
    for (std::size_t j = 0; j < heap_.size(); ++j) {
      index[j] = heap_[j].second;
      dist2[j] = heap_[j].first;
    }
  }

 private:
  std::size_t k_;
  std::vector<Candidate> heap_;
};

// TopK for many rows at once, kept in the output's own arrays: row r's
// heap, on (dist2, index) in lexicographic order as TopK's, lives in
// index[r * k ..] and dist2[r * k ..], and sort() leaves it as the row's
// list, nearest first. Neither a heap allocation per row nor a second copy
// of every list exists.
class RowsTopK {
 public:
  RowsTopK(std::size_t rows, std::size_t k, Eigen::Index* index, double* dist2)
      : k_(k), size_(rows, 0), index_(index), dist2_(dist2) {}

  // Starts over on new rows, stored from index and dist2.
  void reset(Eigen::Index* index, double* dist2) {
    std::fill(size_.begin(), size_.end(), std::size_t{0});
    index_ = index;
    dist2_ = dist2;
  }

  bool full(std::size_t row) const { return size_[row] == k_; }
  double worst(std::size_t row) const { return dist2_[row * k_]; }
  bool admits(std::size_t row, double dist2) const { return !full(row) || dist2 <= worst(row); }

  void offer(std::size_t row, double dist2, Eigen::Index index) {
    Eigen::Index* x = index_ + row * k_;
    double* d = dist2_ + row * k_;
    std::size_t& size = size_[row];
    if (size < k_) {
      std::size_t i = size++;
      for (; i > 0; i = (i - 1) / 2) {
        const std::size_t up = (i - 1) / 2;
        if (!before(d[up], x[up], dist2, index)) break;
        d[i] = d[up];
        x[i] = x[up];
      }
      d[i] = dist2;
      x[i] = index;
    } else if (before(dist2, index, d[0], x[0])) {
      sift_down(d, x, k_, dist2, index);
    }
  }

  // Sorts the row's heap into its list, nearest first.
  void sort(std::size_t row) {
    Eigen::Index* x = index_ + row * k_;
    double* d = dist2_ + row * k_;
    for (std::size_t end = size_[row]; end > 1; --end) {
      const double last_d = d[end - 1];
      const Eigen::Index last_x = x[end - 1];
      d[end - 1] = d[0];
      x[end - 1] = x[0];
      sift_down(d, x, end - 1, last_d, last_x);
    }
  }

 private:
  static bool before(double da, Eigen::Index xa, double db, Eigen::Index xb) {
    return da < db || (da == db && xa < xb);
  }

  // Puts (dist2, index) in place of the root of the max-heap d[0, n).
  static void sift_down(double* d, Eigen::Index* x, std::size_t n, double dist2, Eigen::Index index) {
    std::size_t i = 0;
    for (std::size_t c = 1; c < n; c = 2 * i + 1) {
      if (c + 1 < n && before(d[c], x[c], d[c + 1], x[c + 1])) ++c;
      if (!before(dist2, index, d[c], x[c])) break;
      d[i] = d[c];
      x[i] = x[c];
      i = c;
    }
    d[i] = dist2;
    x[i] = index;
  }

  std::size_t k_;
  std::vector<std::size_t> size_;
  Eigen::Index* index_;
  double* dist2_;
};

// The one distance formula both algorithms report, summed in column order.
template <typename A, typename B>
inline double exact_dist2(const A& a, const B& b, Eigen::Index p) {
  double s = 0.0;
  for (Eigen::Index j = 0; j < p; ++j) {
    const double d = a[j] - b[j];
    s += d * d;
  }
  return s;
}

// The same distance between row i of the columns a and row r of the
// columns b, read in place: the candidates that reach it lie in a few
// hundred rows at a time, which the cache holds, so a row-major copy of the
// data would cost memory and gain nothing.
inline double column_dist2(const std::vector<const double*>& a, Eigen::Index i, const std::vector<const double*>& b,
                           Eigen::Index r) {
  double s = 0.0;
  for (std::size_t j = 0; j < a.size(); ++j) {
    const double d = a[j][i] - b[j][r];
    s += d * d;
  }
  return s;
}

// column_dist2 for `count` pairs (row a0 + ia[f] of a, row b0 + ib[f] of b),
// four pairs at a time: each sum keeps its own order, and the four chains
// of dependent additions overlap instead of waiting on each other.
inline void candidate_dist2(const std::vector<const double*>& a, Eigen::Index a0, const std::uint32_t* ia,
                            const std::vector<const double*>& b, Eigen::Index b0, const std::uint32_t* ib,
                            std::size_t count, double* out) {
  std::size_t f = 0;
  for (; f + 4 <= count; f += 4) {
    const Eigen::Index i0 = a0 + ia[f], i1 = a0 + ia[f + 1], i2 = a0 + ia[f + 2], i3 = a0 + ia[f + 3];
    const Eigen::Index r0 = b0 + ib[f], r1 = b0 + ib[f + 1], r2 = b0 + ib[f + 2], r3 = b0 + ib[f + 3];
    double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;
    for (std::size_t j = 0; j < a.size(); ++j) {
      const double *x = a[j], *y = b[j];
      const double d0 = x[i0] - y[r0], d1 = x[i1] - y[r1], d2 = x[i2] - y[r2], d3 = x[i3] - y[r3];
      s0 += d0 * d0;
      s1 += d1 * d1;
      s2 += d2 * d2;
      s3 += d3 * d3;
    }
    out[f] = s0;
    out[f + 1] = s1;
    out[f + 2] = s2;
    out[f + 3] = s3;
  }
  for (; f < count; ++f) out[f] = column_dist2(a, a0 + ia[f], b, b0 + ib[f]);
}

inline void check_knn_input(Eigen::Index n_ref, Eigen::Index p_ref, Eigen::Index p_query, int k,
                            const std::vector<Eigen::Index>* self, Eigen::Index n_query) {
  require(p_ref == p_query, "the query and reference matrices must have the same number of columns");
  require(k >= 1, "k must be at least 1");
  if (self != nullptr) {
    require(static_cast<Eigen::Index>(self->size()) == n_query, "query_self_index must have one entry per query row");
    for (Eigen::Index s : *self) require(s >= -1 && s < n_ref, "query_self_index must hold reference rows or -1");
  }
  const Eigen::Index available = self != nullptr ? n_ref - 1 : n_ref;
  require(k <= available, "k = " + std::to_string(k) + " neighbours were asked for, but only " +
                              std::to_string(available) + " reference rows are available");
}

// k-d tree over the reference rows, points stored row-major in tree order so
// a leaf scan reads contiguous memory.
class KdTree {
 public:
  explicit KdTree(const Columns& ref) : p_(ref.cols()) {
    const Eigen::Index n = ref.rows();
    order_.resize(static_cast<std::size_t>(n));
    for (Eigen::Index i = 0; i < n; ++i) order_[static_cast<std::size_t>(i)] = i;
    nodes_.reserve(static_cast<std::size_t>(2 * (n / kLeafSize + 1)));
    const std::vector<const double*>& cols = ref.pointers();
    build(cols, 0, n);
    points_.resize(static_cast<std::size_t>(n * p_));
    for (Eigen::Index i = 0; i < n; ++i)
      for (Eigen::Index j = 0; j < p_; ++j)
        points_[static_cast<std::size_t>(i * p_ + j)] =
            cols[static_cast<std::size_t>(j)][order_[static_cast<std::size_t>(i)]];
  }

  void search(const double* q, Eigen::Index self, TopK& best, std::vector<double>& offset) const {
    offset.assign(static_cast<std::size_t>(p_), 0.0);
    visit(0, q, self, 0.0, best, offset);
  }

 private:
  static constexpr Eigen::Index kLeafSize = 16;

  struct Node {
    Eigen::Index begin, end;  // rows order_[begin, end)
    Eigen::Index dim = -1;    // -1 for a leaf
    double split = 0.0;
    Eigen::Index left = -1, right = -1;
  };

  // `cols[j]` points at reference column j.
  Eigen::Index build(const std::vector<const double*>& cols, Eigen::Index begin, Eigen::Index end) {
    const Eigen::Index id = static_cast<Eigen::Index>(nodes_.size());
    nodes_.push_back(Node{begin, end});
    if (end - begin <= kLeafSize) return id;
    // Split the widest dimension at its median.
    Eigen::Index dim = 0;
    double widest = -1.0;
    for (Eigen::Index j = 0; j < p_; ++j) {
      const double* col = cols[static_cast<std::size_t>(j)];
      double lo = std::numeric_limits<double>::infinity(), hi = -lo;
      for (Eigen::Index i = begin; i < end; ++i) {
        const double v = col[order_[static_cast<std::size_t>(i)]];
        lo = std::min(lo, v);
        hi = std::max(hi, v);
      }
      if (hi - lo > widest) {
        widest = hi - lo;
        dim = j;
      }
    }
    if (widest <= 0.0) return id;  // all rows identical: keep them in one leaf
    const Eigen::Index mid = begin + (end - begin) / 2;
    const double* col = cols[static_cast<std::size_t>(dim)];
    std::nth_element(order_.begin() + begin, order_.begin() + mid, order_.begin() + end,
                     [&](Eigen::Index a, Eigen::Index b) { return col[a] < col[b]; });
    const double split = col[order_[static_cast<std::size_t>(mid)]];
    const Eigen::Index left = build(cols, begin, mid);
    const Eigen::Index right = build(cols, mid, end);
    Node& node = nodes_[static_cast<std::size_t>(id)];
    node.dim = dim;
    node.split = split;
    node.left = left;
    node.right = right;
    return id;
  }

  // `bound` is a lower bound on the distance from q to the node's cell, built
  // incrementally from per-dimension offsets (Arya and Mount).
  void visit(Eigen::Index id, const double* q, Eigen::Index self, double bound, TopK& best,
             std::vector<double>& offset) const {
    const Node& node = nodes_[static_cast<std::size_t>(id)];
    if (node.dim < 0) {
      for (Eigen::Index i = node.begin; i < node.end; ++i) {
        const Eigen::Index row = order_[static_cast<std::size_t>(i)];
        if (row == self) continue;
        const double d = exact_dist2(q, &points_[static_cast<std::size_t>(i * p_)], p_);
        if (best.admits(d)) best.offer(d, row);
      }
      return;
    }
    const double diff = q[node.dim] - node.split;
    const Eigen::Index near = diff < 0 ? node.left : node.right;
    const Eigen::Index far = diff < 0 ? node.right : node.left;
    visit(near, q, self, bound, best, offset);
    double& off = offset[static_cast<std::size_t>(node.dim)];
    const double old = off;
    const double far_bound = bound - old * old + diff * diff;
    // The slack keeps rounding in the incremental bound from pruning a cell
    // whose best point ties the current worst.
    if (!best.full() || far_bound * (1.0 - 1e-12) <= best.worst().first) {
      off = diff;
      visit(far, q, self, far_bound, best, offset);
      off = old;
    }
  }

  Eigen::Index p_;
  std::vector<Eigen::Index> order_;
  std::vector<Node> nodes_;
  std::vector<double> points_;
};

inline void knn_kd_tree(const Columns& ref, const Columns& query, int k, const std::vector<Eigen::Index>* self,
                        const Executor& exec, Neighbours& out) {
  const KdTree tree(ref);
  const Eigen::Index p = ref.cols();
  const std::vector<const double*>& query_cols = query.pointers();
  exec(static_cast<std::size_t>(query.rows()), 256, [&](std::size_t begin, std::size_t end) {
    TopK best(static_cast<std::size_t>(k));
    std::vector<double> q(static_cast<std::size_t>(p)), offset;
    for (std::size_t i = begin; i < end; ++i) {
      const auto row = static_cast<Eigen::Index>(i);
      for (Eigen::Index j = 0; j < p; ++j)
        q[static_cast<std::size_t>(j)] = query_cols[static_cast<std::size_t>(j)][row];
      best.clear();
      tree.search(q.data(), self != nullptr ? (*self)[i] : -1, best, offset);
      best.write(&out.index[i * static_cast<std::size_t>(k)], &out.dist2[i * static_cast<std::size_t>(k)]);
    }
  });
}

using RowMajor = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// Query rows are screened in blocks of this many (a multiple of 4, the
// screen's query tile).
constexpr Eigen::Index kQueryBlock = 256;

// The centred coordinates of the screen, in double or, scaled by a power of
// two into [-1, 1] (exactly), in float, made straight from the columns: no
// centred double copy of the data is held. Tiles are read whole, so the
// copies are padded with zero rows that the screen never reports.
template <typename Real>
struct ScreenData {
  std::vector<Real> ref_cols;  // column j of the reference rows at ref_cols[j * ld]
  std::size_t ld = 0;
  std::vector<Real> query_rows;        // row-major, n_query rounded up to the query block
  std::vector<double> r_norm, q_norm;  // squared norms (a self-join's queries use r_norm)
  // Coordinate j of query i is at query()[i * q_row + j * q_col]. A
  // self-join reads its queries from the reference columns: one copy, not two.
  bool shared = false;
  std::size_t q_row = 0, q_col = 1;

  const Real* query() const { return shared ? ref_cols.data() : query_rows.data(); }

  ScreenData() = default;
  // `subset`, when given, lists the rows of `query` to convert, in order.
  ScreenData(const Columns& ref, const Columns& query, const Eigen::RowVectorXd& center, Eigen::Index query_rows_padded,
             double scale, bool self_join, const std::vector<Eigen::Index>* subset = nullptr) {
    const Eigen::Index p = ref.cols();
    ld = static_cast<std::size_t>(ref.rows()) + simd::kScreenRefTile;
    if (self_join) ld = std::max(ld, static_cast<std::size_t>(query_rows_padded));
    ref_cols.assign(ld * static_cast<std::size_t>(p), Real(0));
    r_norm.assign(ld, 0.0);
    for (Eigen::Index j = 0; j < p; ++j) {
      const double* col = ref.col(j).data();
      for (Eigen::Index c = 0; c < ref.rows(); ++c) {
        const Real v = static_cast<Real>((col[c] - center(j)) * scale);
        ref_cols[static_cast<std::size_t>(j) * ld + static_cast<std::size_t>(c)] = v;
        r_norm[static_cast<std::size_t>(c)] += static_cast<double>(v) * static_cast<double>(v);
      }
    }
    if (self_join) {
      shared = true;
      q_row = 1;
      q_col = ld;
      return;
    }
    q_row = static_cast<std::size_t>(p);
    query_rows.assign(static_cast<std::size_t>(query_rows_padded * p), Real(0));
    q_norm.assign(static_cast<std::size_t>(query_rows_padded), 0.0);
    // Each norm summed in column order, as the reference norms are.
    const Eigen::Index n_query = subset != nullptr ? static_cast<Eigen::Index>(subset->size()) : query.rows();
    for (Eigen::Index j = 0; j < p; ++j) {
      const double* col = query.col(j).data();
      for (Eigen::Index i = 0; i < n_query; ++i) {
        const double x = subset != nullptr ? col[(*subset)[static_cast<std::size_t>(i)]] : col[i];
        const Real v = static_cast<Real>((x - center(j)) * scale);
        query_rows[static_cast<std::size_t>(i * p + j)] = v;
        q_norm[static_cast<std::size_t>(i)] += static_cast<double>(v) * static_cast<double>(v);
      }
    }
  }
};

// A double rounded to Real towards +inf or -inf: a float limit that is never
// below the double one, a float norm that is never above it.
template <typename Real>
inline Real rounded_up(double x) {
  const Real r = static_cast<Real>(x);
  return static_cast<double>(r) < x ? std::nextafter(r, std::numeric_limits<Real>::infinity()) : r;
}
template <typename Real>
inline Real rounded_down(double x) {
  const Real r = static_cast<Real>(x);
  return static_cast<double>(r) > x ? std::nextafter(r, -std::numeric_limits<Real>::infinity()) : r;
}

// The screen of the brute force (simd::knn_screen) over reference rows and
// query rows (which may be the same rows).
//
// It runs in float, twice as fast as double, on the centred data divided by
// a power of two M >= max |x|. Its bound on ||q - r||^2 / M^2 allows for the
// rounding to float (2u per product, u = 2^-24), the float sums of p products
// (p u), the bound itself formed in float (3u: the norms' sum, then the
// product subtracted), the double arithmetic that makes its norms ((p + 2)
// eps, as computed distances differ from the true ones by up to p eps) and,
// as a floor, float underflow in each product (2^-126 each), each times two.
// Scales so extreme that M^2 or 1 / M^2 would leave the doubles use the
// screen in double (bounded by four times its (p + 2) eps).
class Screen {
 public:
  // self_join: query is ref, and its rows are the reference rows (so its
  // values need no second look). subset: the rows of query to screen, in
  // order (null for all).
  Screen(const Columns& ref, const Columns& query, Eigen::Index query_rows_padded, bool self_join = false,
         const std::vector<Eigen::Index>* subset = nullptr)
      : p_(ref.cols()), self_join_(self_join) {
    // Centring shrinks the norms, and so the cancellation in the expansion.
    Eigen::RowVectorXd center(p_);
    double max_abs = 0.0;
    for (Eigen::Index j = 0; j < p_; ++j) {
      center(j) = ref.col(j).mean();
      if (ref.rows() > 0) max_abs = std::max(max_abs, (ref.col(j).array() - center(j)).abs().maxCoeff());
      if (!self_join && subset == nullptr && query.rows() > 0)
        max_abs = std::max(max_abs, (query.col(j).array() - center(j)).abs().maxCoeff());
      if (subset != nullptr)
        for (Eigen::Index i : *subset) max_abs = std::max(max_abs, std::abs(query.col(j)(i) - center(j)));
    }
    int exponent = 0;
    std::frexp(max_abs, &exponent);
    in_float_ = max_abs == 0 || (exponent > -400 && exponent < 400);
    const double eps = std::numeric_limits<double>::epsilon();
    const double pd = static_cast<double>(p_);
    if (in_float_) {
      to_scaled_ = max_abs == 0 ? 1.0 : std::ldexp(1.0, -2 * exponent);
      single_ = ScreenData<float>(ref, query, center, query_rows_padded, max_abs > 0 ? std::ldexp(1.0, -exponent) : 1.0,
                                  self_join, subset);
      kept_norms(single_, 2.0 * ((pd + 7.0) * std::ldexp(1.0, -24) + (pd + 2.0) * eps),
                 2.0 * (pd + 2.0) * std::ldexp(1.0, -126), single_kept_);
    } else {
      twice_ = ScreenData<double>(ref, query, center, query_rows_padded, 1.0, self_join, subset);
      kept_norms(twice_, 4.0 * (pd + 2.0) * eps, 1e-300, twice_kept_);
    }
  }

  // A squared distance in the units of the screen's limits.
  double scaled(double dist2) const { return dist2 * to_scaled_; }

  // Screens nq query rows from q0 (nq a multiple of 4; padding rows must have
  // limit -inf) against nr reference rows from r0; limit and r_limit point at
  // the limits of query q0 and of reference r0 (r_limit: null for a one-way
  // screen). Fills the candidate lists; returns how many.
  std::size_t run(Eigen::Index q0, std::size_t nq, Eigen::Index r0, std::size_t nr, const double* limit,
                  const double* r_limit, std::vector<std::uint32_t>& cand_query,
                  std::vector<std::uint32_t>& cand_ref) const {
    if (cand_query.size() < nq * nr + 1) {
      cand_query.resize(nq * nr + 1);
      cand_ref.resize(nq * nr + 1);
    }
    const auto qs = static_cast<std::size_t>(q0), rs = static_cast<std::size_t>(r0), p = static_cast<std::size_t>(p_);
    if (!in_float_) {
      return simd::knn_screen(twice_.query() + qs * twice_.q_row, twice_.q_row, twice_.q_col,
                              twice_kept_.query(self_join_) + qs, limit, nq, twice_.ref_cols.data() + rs, twice_.ld,
                              twice_kept_.ref.data() + rs, r_limit, nr, p, cand_query.data(), cand_ref.data());
    }
    // The limits in float, rounded up; the references' padded to whole tiles.
    std::vector<float> q_limit(nq), own_limit;
    for (std::size_t i = 0; i < nq; ++i) q_limit[i] = rounded_up<float>(limit[i]);
    if (r_limit != nullptr) {
      own_limit.assign((nr + simd::kScreenRefTile - 1) / simd::kScreenRefTile * simd::kScreenRefTile,
                       -std::numeric_limits<float>::infinity());
      for (std::size_t c = 0; c < nr; ++c) own_limit[c] = rounded_up<float>(r_limit[c]);
    }
    return simd::knn_screen(single_.query() + qs * single_.q_row, single_.q_row, single_.q_col,
                            single_kept_.query(self_join_) + qs, q_limit.data(), nq, single_.ref_cols.data() + rs,
                            single_.ld, single_kept_.ref.data() + rs, r_limit != nullptr ? own_limit.data() : nullptr,
                            nr, p, cand_query.data(), cand_ref.data());
  }

 private:
  // Each side's norms shrunk by the slack, less half the floor, rounded down
  // to the screen's type: the bound q_kept + r_kept - 2 q.r then never
  // exceeds the true squared distance.
  template <typename Real>
  struct Kept {
    std::vector<Real> ref, own_query;
    const Real* query(bool self_join) const { return self_join ? ref.data() : own_query.data(); }
  };
  template <typename Real>
  static void kept_norms(ScreenData<Real>& data, double slack, double floor, Kept<Real>& kept) {
    const auto shrink = [&](const std::vector<double>& norm, std::vector<Real>& out) {
      out.resize(norm.size());
      for (std::size_t i = 0; i < norm.size(); ++i) out[i] = rounded_down<Real>(norm[i] * (1.0 - slack) - floor / 2);
    };
    shrink(data.r_norm, kept.ref);
    if (!data.shared) shrink(data.q_norm, kept.own_query);
    data.r_norm = std::vector<double>();
    data.q_norm = std::vector<double>();
  }

  Eigen::Index p_;
  bool self_join_ = false;
  bool in_float_ = true;
  double to_scaled_ = 1;
  ScreenData<float> single_;
  ScreenData<double> twice_;
  Kept<float> single_kept_;
  Kept<double> twice_kept_;
};

// Offers a candidate to a query's top k and keeps the query's limit, in the
// screen's units, at its k-th distance once it has k.
inline void offer(TopK& top, double& limit, const Screen& screen, double dist2, Eigen::Index index) {
  if (!top.admits(dist2)) return;
  top.offer(dist2, index);
  if (top.full()) limit = screen.scaled(top.worst().first);
}

inline void offer(RowsTopK& top, std::size_t row, double& limit, const Screen& screen, double dist2,
                  Eigen::Index index) {
  if (!top.admits(row, dist2)) return;
  top.offer(row, dist2, index);
  if (top.full(row)) limit = screen.scaled(top.worst(row));
}

// Limits for rows padded to whole query blocks: none yet (+inf) for the
// rows, -inf (never a candidate) for the padding.
inline std::vector<double> initial_limits(Eigen::Index rows, Eigen::Index padded) {
  std::vector<double> limit(static_cast<std::size_t>(padded), -std::numeric_limits<double>::infinity());
  std::fill(limit.begin(), limit.begin() + rows, std::numeric_limits<double>::infinity());
  return limit;
}

inline Eigen::Index round_up(Eigen::Index n, Eigen::Index block) { return (n + block - 1) / block * block; }

// How many references to compare in full before screening: a few more than
// k, so that a query that is itself among them still gets k.
inline Eigen::Index first_block(int k) { return std::max<Eigen::Index>(k + 1, 16); }

// `subset`, when given, lists the rows of query to search (self must then be
// null): they are read in place, a block at a time, not gathered first.
inline void knn_brute_force(const Columns& ref, const Columns& query, int k, const std::vector<Eigen::Index>* self,
                            const Executor& exec, Neighbours& out, const std::vector<Eigen::Index>* subset = nullptr) {
  constexpr Eigen::Index kRefBlock = 1024;
  const Eigen::Index n_ref = ref.rows();
  const Eigen::Index n_query = subset != nullptr ? static_cast<Eigen::Index>(subset->size()) : query.rows();
  const Screen screen(ref, query, round_up(n_query, kQueryBlock), false, subset);
  const std::vector<const double*>& ref_cols = ref.pointers();
  const Eigen::Index p = ref.cols();

  const std::size_t n_blocks = static_cast<std::size_t>((n_query + kQueryBlock - 1) / kQueryBlock);
  exec(n_blocks, 1, [&](std::size_t begin, std::size_t end) {
    // One block's heaps, kept in its rows of the output, and its limits: a
    // heap per query row would cost an allocation per row and block.
    RowsTopK best(static_cast<std::size_t>(kQueryBlock), static_cast<std::size_t>(k), nullptr, nullptr);
    std::vector<double> limit;
    std::vector<std::uint32_t> cand_query, cand_ref;
    std::vector<double> dist;
    Eigen::MatrixXd block;
    for (std::size_t b = begin; b < end; ++b) {
      const Eigen::Index q0 = static_cast<Eigen::Index>(b) * kQueryBlock;
      const Eigen::Index nq = std::min(kQueryBlock, n_query - q0);
      const std::size_t at = static_cast<std::size_t>(q0) * static_cast<std::size_t>(k);
      best.reset(&out.index[at], &out.dist2[at]);
      limit = initial_limits(nq, kQueryBlock);
      // The exact distances read the block's query rows from the columns,
      // or from a copy of the block when the rows are a subset.
      Eigen::Index a0 = q0;
      const std::vector<const double*>* query_cols = &query.pointers();
      Columns block_view = Columns::of(block);
      if (subset != nullptr) {
        block.resize(nq, p);
        for (Eigen::Index j = 0; j < p; ++j)
          for (Eigen::Index i = 0; i < nq; ++i) block(i, j) = query.col(j)((*subset)[static_cast<std::size_t>(q0 + i)]);
        block_view = Columns::of(block);
        query_cols = &block_view.pointers();
        a0 = 0;
      }
      // Every reference in the first block passes the screen (no limits
      // yet) and costs an exact distance, so it holds just enough rows to
      // give each query a limit; the blocks then grow fourfold, each
      // screened against the limits the last ones tightened.
      for (Eigen::Index r0 = 0, nr = 0; r0 < n_ref; r0 += nr) {
        nr = std::min(r0 == 0 ? first_block(k) : std::min(4 * nr, kRefBlock), n_ref - r0);
        const std::size_t found =
            screen.run(q0, kQueryBlock, r0, static_cast<std::size_t>(nr), limit.data(), nullptr, cand_query, cand_ref);
        dist.resize(found);
        candidate_dist2(*query_cols, a0, cand_query.data(), ref_cols, r0, cand_ref.data(), found, dist.data());
        for (std::size_t f = 0; f < found; ++f) {
          const std::size_t i = cand_query[f];
          const Eigen::Index r = r0 + static_cast<Eigen::Index>(cand_ref[f]);
          if (self != nullptr && (*self)[static_cast<std::size_t>(q0) + i] == r) continue;
          offer(best, i, limit[i], screen, dist[f], r);
        }
      }
      for (Eigen::Index i = 0; i < nq; ++i) best.sort(static_cast<std::size_t>(i));
    }
  });
}

// The brute force among the rows of X themselves. The distance is symmetric,
// so each product q.r is formed once for both rows: blocks of rows meet in
// pairs, and each meeting screens both directions against both rows'
// limits. The pairs are scheduled as a round-robin tournament: in each round
// every block meets at most one other, so the rounds' meetings run in
// parallel without sharing a row. Each row's final list does not depend on
// the order in which candidates arrive, so the result is the one-way
// search's, bit for bit.
// A screen's candidate pairs and their exact distances, reused across calls.
struct Candidates {
  std::vector<std::uint32_t> a, b;
  std::vector<double> dist;
};

inline void knn_self_brute_force(const Columns& X, int k, const Executor& exec, Neighbours& out) {
  const Eigen::Index n = X.rows();
  const Eigen::Index n_blocks = (n + kQueryBlock - 1) / kQueryBlock;
  const Screen screen(X, X, n_blocks * kQueryBlock, true);
  const std::vector<const double*>& cols = X.pointers();
  RowsTopK best(static_cast<std::size_t>(n), static_cast<std::size_t>(k), out.index.data(), out.dist2.data());
  std::vector<double> limit = initial_limits(n, n_blocks * kQueryBlock);

  const auto block_rows = [&](Eigen::Index b) {
    return static_cast<std::size_t>(std::min(kQueryBlock, n - b * kQueryBlock));
  };
  // Screens the rows of block a against rows [b0, b0 + nr) of block b, both
  // ways unless the blocks are one.
  const auto meet = [&](Eigen::Index a, Eigen::Index b0, std::size_t nr, bool both_ways, Candidates& cand) {
    const Eigen::Index a0 = a * kQueryBlock;
    const std::size_t found = screen.run(a0, kQueryBlock, b0, nr, &limit[static_cast<std::size_t>(a0)],
                                         both_ways ? &limit[static_cast<std::size_t>(b0)] : nullptr, cand.a, cand.b);
    // Padding rows of a short last block can pass against a row's limit:
    // they are moved out before the distances.
    std::size_t kept = 0;
    for (std::size_t f = 0; f < found; ++f)
      if (a0 + static_cast<Eigen::Index>(cand.a[f]) < n) {
        cand.a[kept] = cand.a[f];
        cand.b[kept] = cand.b[f];
        ++kept;
      }
    cand.dist.resize(kept);
    candidate_dist2(cols, a0, cand.a.data(), cols, b0, cand.b.data(), kept, cand.dist.data());
    for (std::size_t f = 0; f < kept; ++f) {
      const Eigen::Index i = a0 + static_cast<Eigen::Index>(cand.a[f]);
      const Eigen::Index j = b0 + static_cast<Eigen::Index>(cand.b[f]);
      if (i == j) continue;
      const double d = cand.dist[f];
      offer(best, static_cast<std::size_t>(i), limit[static_cast<std::size_t>(i)], screen, d, j);
      if (both_ways) offer(best, static_cast<std::size_t>(j), limit[static_cast<std::size_t>(j)], screen, d, i);
    }
  };

  // Each block with itself first, so every row has a limit before the
  // blocks meet; within a block each pair is seen from both rows. Its first
  // few rows go first: with no limits yet, every pair passes the screen and
  // costs an exact distance.
  exec(static_cast<std::size_t>(n_blocks), 1, [&](std::size_t begin, std::size_t end) {
    Candidates cand;
    for (std::size_t blk = begin; blk < end; ++blk) {
      const auto b = static_cast<Eigen::Index>(blk);
      const std::size_t nr = block_rows(b), first = std::min<std::size_t>(nr, first_block(k));
      meet(b, b * kQueryBlock, first, false, cand);
      if (first < nr) meet(b, b * kQueryBlock + static_cast<Eigen::Index>(first), nr - first, false, cand);
    }
  });
  // The circle method over an even number of seats (an odd count gets an
  // empty seat): seat m - 1 stays, the others rotate one step per round.
  const Eigen::Index m = n_blocks + n_blocks % 2;
  for (Eigen::Index round = 0; round + 1 < m; ++round) {
    exec(static_cast<std::size_t>(m / 2), 1, [&](std::size_t begin, std::size_t end) {
      Candidates cand;
      for (std::size_t t = begin; t < end; ++t) {
        const auto pair = static_cast<Eigen::Index>(t);
        const Eigen::Index a = pair == 0 ? m - 1 : (round + pair) % (m - 1);
        const Eigen::Index b = pair == 0 ? round : (round - pair + (m - 1)) % (m - 1);
        if (a < n_blocks && b < n_blocks) meet(a, b * kQueryBlock, block_rows(b), true, cand);
      }
    });
  }
  for (Eigen::Index i = 0; i < n; ++i) best.sort(static_cast<std::size_t>(i));
}

inline Neighbours empty_neighbours(Eigen::Index n_query, int k) {
  Neighbours out;
  out.k = k;
  const std::size_t size = static_cast<std::size_t>(n_query) * static_cast<std::size_t>(k);
  out.index.resize(size);
  out.dist2.resize(size);
  return out;
}

// Squared distances between values near 2^e are near 4^e: beyond this |e|
// (about 1e77) their sums over many columns could overflow, or their small
// differences underflow, and neighbours would come out arbitrary.
constexpr int kKnnSafeExponent = 256;

// The exponent e that brings the largest |value| of a and b into [0.5, 1)
// when their squared distances are unsafe, else 0. Every column is then
// multiplied by the same power of two 2^-e: that is exact and multiplies
// every squared distance by 4^-e, so the neighbour order is unchanged.
inline double largest_abs(const Eigen::Ref<const Eigen::MatrixXd>& X) {
  return X.size() > 0 ? X.cwiseAbs().maxCoeff() : 0.0;
}

inline double largest_abs(const Columns& X) {
  double largest = 0;
  for (Eigen::Index j = 0; j < X.cols(); ++j)
    if (X.rows() > 0) largest = std::max(largest, X.col(j).cwiseAbs().maxCoeff());
  return largest;
}

inline double largest_abs(const Columns& X, const std::vector<Eigen::Index>& rows) {
  double largest = 0;
  for (Eigen::Index j = 0; j < X.cols(); ++j)
    for (Eigen::Index i : rows) largest = std::max(largest, std::abs(X.col(j)(i)));
  return largest;
}

inline int rescale_exponent(double largest) {
  if (!(largest > 0) || !std::isfinite(largest)) return 0;
  const int e = std::ilogb(largest) + 1;
  return std::abs(e) > kKnnSafeExponent ? e : 0;
}

template <class A, class B>
int knn_rescale_exponent(const A& a, const B& b) {
  return rescale_exponent(std::max(largest_abs(a), largest_abs(b)));
}

// X * 2^-e in two factors, since 2^-e alone may not be a double.
inline Eigen::MatrixXd times_power_of_two(const Eigen::Ref<const Eigen::MatrixXd>& X, int e) {
  return X * std::ldexp(1.0, -e / 2) * std::ldexp(1.0, -e + e / 2);
}

inline void restore_dist2(Neighbours& nn, int e) {
  for (double& d : nn.dist2) d = std::ldexp(d, 2 * e);
}

}  // namespace detail

// The algorithm `automatic` stands for in p dimensions.
inline KnnAlgorithm resolve(KnnAlgorithm algorithm, Eigen::Index p) {
  if (algorithm != KnnAlgorithm::automatic) return algorithm;
  return p <= kKdTreeMaxDim ? KnnAlgorithm::kd_tree : KnnAlgorithm::brute_force;
}

// Neighbours of each query row among the reference rows. When
// query_self_index is given, query row i is reference row (*query_self_index)[i]
// (or -1 for none) and is left out of its own list.
inline Neighbours knn_query(const Columns& ref, const Columns& query, int k,
                            const std::vector<Eigen::Index>* query_self_index, const Executor& exec = serial_executor(),
                            KnnAlgorithm algorithm = KnnAlgorithm::automatic) {
  detail::check_knn_input(ref.rows(), ref.cols(), query.cols(), k, query_self_index, query.rows());
  if (const int e = detail::knn_rescale_exponent(ref, query)) {
    const Eigen::MatrixXd scaled_ref = detail::times_power_of_two(ref.to_matrix(), e);
    const Eigen::MatrixXd scaled_query = detail::times_power_of_two(query.to_matrix(), e);
    Neighbours out =
        knn_query(Columns::of(scaled_ref), Columns::of(scaled_query), k, query_self_index, exec, algorithm);
    detail::restore_dist2(out, e);
    return out;
  }
  Neighbours out = detail::empty_neighbours(query.rows(), k);
  if (resolve(algorithm, ref.cols()) == KnnAlgorithm::kd_tree) {
    detail::knn_kd_tree(ref, query, k, query_self_index, exec, out);
  } else {
    detail::knn_brute_force(ref, query, k, query_self_index, exec, out);
  }
  return out;
}

inline Neighbours knn_query(const Eigen::Ref<const Eigen::MatrixXd>& ref,
                            const Eigen::Ref<const Eigen::MatrixXd>& query, int k,
                            const std::vector<Eigen::Index>* query_self_index, const Executor& exec = serial_executor(),
                            KnnAlgorithm algorithm = KnnAlgorithm::automatic) {
  return knn_query(Columns::of(ref), Columns::of(query), k, query_self_index, exec, algorithm);
}

// knn_query for the listed rows of `query` (in that order, none of them a
// reference row), read in place: the brute force converts only those rows
// for its screen, so one class of a larger design is searched without a
// gathered copy of its rows. Same lists as knn_query on the gathered rows.
inline Neighbours knn_query_rows(const Columns& ref, const Columns& query, const std::vector<Eigen::Index>& rows, int k,
                                 const Executor& exec = serial_executor(),
                                 KnnAlgorithm algorithm = KnnAlgorithm::automatic) {
  const auto n_query = static_cast<Eigen::Index>(rows.size());
  detail::check_knn_input(ref.rows(), ref.cols(), query.cols(), k, nullptr, n_query);
  for (Eigen::Index r : rows) require(r >= 0 && r < query.rows(), "the query rows must be rows of the query");
  const int e = detail::rescale_exponent(std::max(detail::largest_abs(ref), detail::largest_abs(query, rows)));
  if (e != 0 || resolve(algorithm, ref.cols()) == KnnAlgorithm::kd_tree) {
    const Eigen::MatrixXd gathered = query.rows_of(rows);
    return knn_query(ref, Columns::of(gathered), k, nullptr, exec, algorithm);
  }
  Neighbours out = detail::empty_neighbours(n_query, k);
  detail::knn_brute_force(ref, query, k, nullptr, exec, out, &rows);
  return out;
}

// Neighbours of each row of X among the other rows of X.
inline Neighbours knn_self(const Columns& X, int k, const Executor& exec = serial_executor(),
                           KnnAlgorithm algorithm = KnnAlgorithm::automatic) {
  std::vector<Eigen::Index> self(static_cast<std::size_t>(X.rows()));
  for (Eigen::Index i = 0; i < X.rows(); ++i) self[static_cast<std::size_t>(i)] = i;
  if (resolve(algorithm, X.cols()) == KnnAlgorithm::kd_tree) return knn_query(X, X, k, &self, exec, algorithm);
  detail::check_knn_input(X.rows(), X.cols(), X.cols(), k, &self, X.rows());
  if (const int e = detail::knn_rescale_exponent(X, X)) {
    const Eigen::MatrixXd scaled = detail::times_power_of_two(X.to_matrix(), e);
    Neighbours out = knn_self(Columns::of(scaled), k, exec, algorithm);
    detail::restore_dist2(out, e);
    return out;
  }
  Neighbours out = detail::empty_neighbours(X.rows(), k);
  detail::knn_self_brute_force(X, k, exec, out);
  return out;
}

inline Neighbours knn_self(const Eigen::Ref<const Eigen::MatrixXd>& X, int k, const Executor& exec = serial_executor(),
                           KnnAlgorithm algorithm = KnnAlgorithm::automatic) {
  return knn_self(Columns::of(X), k, exec, algorithm);
}

}  // namespace smotelab
