// Hot loops compiled once per instruction set.
//
// R builds packages for the oldest x86-64 (SSE2), so Eigen's products run at
// a fraction of what AVX2 or AVX-512 machines can do. The loops here are plain
// code over fixed-width lanes of four doubles; on Linux x86-64 GCC compiles
// each of them three times (x86-64-v4 = AVX-512, v3 = AVX2 + FMA, baseline)
// and the loader picks the one the machine supports. Only raw pointers cross
// these functions, never Eigen types, so no Eigen code is compiled for two
// instruction sets.
//
// Each lane accumulates the same elements in the same order on every
// instruction set and the lanes are added in a fixed order, so a result does
// not depend on how a caller splits work between threads. (Whether a * b + c
// is fused differs between the compiled versions, so results may differ in
// the last bits between machines, as libm's do.)
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <type_traits>

#if !defined(__GNUC__)
#error "smotelab needs GNU vector extensions (GCC or Clang)"
#endif

#if !defined(__clang__) && __GNUC__ >= 11 && defined(__x86_64__) && defined(__linux__)
#define SMOTELAB_CLONES __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
#define SMOTELAB_HAVE_CLONES 1
#else
#define SMOTELAB_CLONES
#endif
// Helpers are inlined into each compiled version of their caller, so vector
// values never cross a call between code built for different instruction sets.
#define SMOTELAB_LANE_INLINE inline __attribute__((always_inline))

// Vector values only pass between always-inlined helpers, so the ABI note
// GCC gives for vector arguments without AVX does not apply. (GCC emits it
// at the end of the translation unit, so it cannot be scoped with push/pop.)
#if !defined(__clang__)
#pragma GCC diagnostic ignored "-Wpsabi"
#endif

namespace smotelab {
namespace simd {

typedef double Lanes __attribute__((vector_size(4 * sizeof(double))));
typedef std::int64_t Mask __attribute__((vector_size(4 * sizeof(std::int64_t))));  // lane comparisons: -1 or 0
typedef std::int32_t Ints __attribute__((vector_size(4 * sizeof(std::int32_t))));
constexpr std::size_t kLanes = 4;
typedef float FloatLanes __attribute__((vector_size(8 * sizeof(float))));

SMOTELAB_LANE_INLINE Lanes load(const double* p) {
  Lanes v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
SMOTELAB_LANE_INLINE Lanes load_ints(const int* p) {
  Ints v;
  std::memcpy(&v, p, sizeof v);
  return __builtin_convertvector(v, Lanes);
}
SMOTELAB_LANE_INLINE FloatLanes load(const float* p) {
  FloatLanes v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
SMOTELAB_LANE_INLINE FloatLanes broadcast(float x) {
#if defined(__clang__)
  return __builtin_shufflevector(FloatLanes{x}, FloatLanes{x}, 0, 0, 0, 0, 0, 0, 0, 0);
#else
  typedef std::int32_t Index __attribute__((vector_size(8 * sizeof(std::int32_t))));
  return __builtin_shuffle(FloatLanes{x}, Index{});
#endif
}
SMOTELAB_LANE_INLINE void store(double* p, const Lanes& v) { std::memcpy(p, &v, sizeof v); }
// Lane 0 shuffled into every lane: GCC emits one broadcast instruction,
// where a braced list of copies can become a chain of inserts.
SMOTELAB_LANE_INLINE Lanes broadcast(double x) {
#if defined(__clang__)
  return __builtin_shufflevector(Lanes{x}, Lanes{x}, 0, 0, 0, 0);
#else
  return __builtin_shuffle(Lanes{x}, Mask{});
#endif
}
SMOTELAB_LANE_INLINE double lane_sum(const Lanes& v) { return (v[0] + v[1]) + (v[2] + v[3]); }
SMOTELAB_LANE_INLINE Lanes select(const Mask& m, const Lanes& a, const Lanes& b) {
  return reinterpret_cast<Lanes>((m & reinterpret_cast<Mask>(a)) | (~m & reinterpret_cast<Mask>(b)));
}

// exp(x) for x <= 0, within 2 ulp; 0 below -708 (where exp is subnormal).
// x = k ln 2 + r with |r| <= ln(2) / 2, exp(r) by its Taylor series to r^13
// (truncation below 1e-17), and 2^k written into the exponent bits.
SMOTELAB_LANE_INLINE Lanes exp_nonpositive(const Lanes& x_in) {
  const Mask tiny = x_in < broadcast(-708.0);
  const Lanes x = select(tiny, broadcast(-708.0), x_in);
  const Lanes shift = broadcast(0x1.8p52);
  Lanes k = x * broadcast(1.4426950408889634) + shift;  // round to nearest integer
  const Mask k_int = reinterpret_cast<Mask>(k) - reinterpret_cast<Mask>(shift);
  k -= shift;
  // ln 2 split so that k * ln2_hi is exact (fdlibm's constants).
  const Lanes r = (x - k * broadcast(6.93147180369123816490e-01)) - k * broadcast(1.90821492927058770002e-10);
  Lanes p = broadcast(1.0 / 6227020800.0);  // 1 / 13!
  const double inverse_factorial[13] = {1.0 / 479001600.0,
                                        1.0 / 39916800.0,
                                        1.0 / 3628800.0,
                                        1.0 / 362880.0,
                                        1.0 / 40320.0,
                                        1.0 / 5040.0,
                                        1.0 / 720.0,
                                        1.0 / 120.0,
                                        1.0 / 24.0,
                                        1.0 / 6.0,
                                        0.5,
                                        1.0,
                                        1.0};
  for (double c : inverse_factorial) p = p * r + broadcast(c);
  const Mask scale_bits = (k_int + 1023) << 52;
  const Lanes out = p * reinterpret_cast<Lanes>(scale_bits);
  return select(tiny, broadcast(0.0), out);
}

// log(1 + e) for 0 <= e <= 1, within a few ulp: 2 atanh(s) with s = e / (2 + e)
// in [0, 1/3], by its odd series to s^37 (truncation below 1e-18 relative).
SMOTELAB_LANE_INLINE Lanes log1p_unit(const Lanes& e) {
  const Lanes s = e / (broadcast(2.0) + e);
  const Lanes s2 = s * s;
  Lanes p = broadcast(1.0 / 37.0);
  for (int k = 17; k >= 0; --k) p = p * s2 + broadcast(1.0 / (2 * k + 1));
  return broadcast(2.0) * s * p;
}

// out[i] = offset + sum_j coef[j] * cols[j][i] for i < rows. Columns are
// taken four at a time, so that out is read and written once per four.
SMOTELAB_CLONES
inline void affine(const double* const* cols, const double* coef, std::size_t n_cols, std::size_t rows, double offset,
                   double* out) {
  const std::size_t body = rows - rows % kLanes;
  for (std::size_t i = 0; i < body; i += kLanes) store(out + i, broadcast(offset));
  for (std::size_t i = body; i < rows; ++i) out[i] = offset;
  std::size_t j = 0;
  for (; j + 4 <= n_cols; j += 4) {
    const double *c0 = cols[j], *c1 = cols[j + 1], *c2 = cols[j + 2], *c3 = cols[j + 3];
    const Lanes b0 = broadcast(coef[j]), b1 = broadcast(coef[j + 1]), b2 = broadcast(coef[j + 2]),
                b3 = broadcast(coef[j + 3]);
    for (std::size_t i = 0; i < body; i += kLanes) {
      Lanes acc = load(out + i);
      acc += b0 * load(c0 + i);
      acc += b1 * load(c1 + i);
      acc += b2 * load(c2 + i);
      acc += b3 * load(c3 + i);
      store(out + i, acc);
    }
    for (std::size_t i = body; i < rows; ++i)
      out[i] = (((out[i] + coef[j] * c0[i]) + coef[j + 1] * c1[i]) + coef[j + 2] * c2[i]) + coef[j + 3] * c3[i];
  }
  for (; j < n_cols; ++j) {
    const double* c = cols[j];
    const Lanes b = broadcast(coef[j]);
    for (std::size_t i = 0; i < body; i += kLanes) {
      Lanes acc = load(out + i);
      acc += b * load(c + i);
      store(out + i, acc);
    }
    for (std::size_t i = body; i < rows; ++i) out[i] += coef[j] * c[i];
  }
}

// Column j of out (rows long, stored one after the other) is a[j] * x.
SMOTELAB_CLONES
inline void scale_columns(const double* const* a, std::size_t n_cols, const double* x, std::size_t rows, double* out) {
  const std::size_t body = rows - rows % kLanes;
  for (std::size_t j = 0; j < n_cols; ++j) {
    const double* c = a[j];
    double* o = out + j * rows;
    for (std::size_t i = 0; i < body; i += kLanes) store(o + i, load(c + i) * load(x + i));
    for (std::size_t i = body; i < rows; ++i) o[i] = c[i] * x[i];
  }
}

// Inner products of columns: out[a * n_b + b] = sum_i A[a][i] * B[b][i] for
// every a < n_a and b <= a (b < n_b), the lower triangle of A'B. n_a and n_b
// must be multiples of 4 (callers pad with a column of zeros); entries above
// the diagonal may be written too.
SMOTELAB_CLONES
inline void lower_products(const double* const* A, std::size_t n_a, const double* const* B, std::size_t n_b,
                           std::size_t rows, double* out) {
  const std::size_t body = rows - rows % kLanes;
  for (std::size_t a0 = 0; a0 < n_a; a0 += 4) {
    for (std::size_t b0 = 0; b0 <= a0 && b0 < n_b; b0 += 4) {
      // Sixteen named accumulators: GCC keeps them in registers only when
      // no array indexing is left after unrolling.
      const double *x0 = A[a0], *x1 = A[a0 + 1], *x2 = A[a0 + 2], *x3 = A[a0 + 3];
      const double *y0 = B[b0], *y1 = B[b0 + 1], *y2 = B[b0 + 2], *y3 = B[b0 + 3];
      Lanes c00 = broadcast(0.0), c01 = c00, c02 = c00, c03 = c00, c10 = c00, c11 = c00, c12 = c00, c13 = c00,
            c20 = c00, c21 = c00, c22 = c00, c23 = c00, c30 = c00, c31 = c00, c32 = c00, c33 = c00;
      for (std::size_t i = 0; i < body; i += kLanes) {
        const Lanes u0 = load(x0 + i), u1 = load(x1 + i), u2 = load(x2 + i), u3 = load(x3 + i);
        Lanes v = load(y0 + i);
        c00 += u0 * v;
        c10 += u1 * v;
        c20 += u2 * v;
        c30 += u3 * v;
        v = load(y1 + i);
        c01 += u0 * v;
        c11 += u1 * v;
        c21 += u2 * v;
        c31 += u3 * v;
        v = load(y2 + i);
        c02 += u0 * v;
        c12 += u1 * v;
        c22 += u2 * v;
        c32 += u3 * v;
        v = load(y3 + i);
        c03 += u0 * v;
        c13 += u1 * v;
        c23 += u2 * v;
        c33 += u3 * v;
      }
      const Lanes acc[4][4] = {{c00, c01, c02, c03}, {c10, c11, c12, c13}, {c20, c21, c22, c23}, {c30, c31, c32, c33}};
      for (int u = 0; u < 4; ++u) {
        for (int v = 0; v < 4; ++v) {
          double s = lane_sum(acc[u][v]);
          for (std::size_t i = body; i < rows; ++i) s += A[a0 + u][i] * B[b0 + v][i];
          out[(a0 + u) * n_b + b0 + v] = s;
        }
      }
    }
  }
}

// out[b] = sum_i a[i] * B[b][i] for b < n_b; n_b must be a multiple of 4.
SMOTELAB_CLONES
inline void column_products(const double* a, const double* const* B, std::size_t n_b, std::size_t rows, double* out) {
  const std::size_t body = rows - rows % kLanes;
  for (std::size_t b0 = 0; b0 < n_b; b0 += 4) {
    Lanes acc[4];
    for (int v = 0; v < 4; ++v) acc[v] = broadcast(0.0);
    for (std::size_t i = 0; i < body; i += kLanes) {
      const Lanes x = load(a + i);
      for (int v = 0; v < 4; ++v) acc[v] += x * load(B[b0 + v] + i);
    }
    for (int v = 0; v < 4; ++v) {
      double s = lane_sum(acc[v]);
      for (std::size_t i = body; i < rows; ++i) s += a[i] * B[b0 + v][i];
      out[b0 + v] = s;
    }
  }
}

// Four rows of logistic_rows() below.
SMOTELAB_LANE_INLINE void logistic_lanes(const double* eta, const int* y, const double* s, double tiny,
                                         double* residual, double* weight, Lanes& loss, Mask& count) {
  const Lanes zero = broadcast(0.0), one = broadcast(1.0);
  const Lanes t = load(eta), yi = load_ints(y), si = load(s);
  const Mask positive = t >= zero;
  const Lanes e = exp_nonpositive(select(positive, -t, t));
  const Lanes inv = one / (one + e);
  const Lanes prob = select(positive, inv, e * inv);
  loss += si * (select(positive, t, zero) + log1p_unit(e) - yi * t);
  store(residual, si * (prob - yi));
  store(weight, si * e * inv * inv);
  count -= (prob < broadcast(tiny)) | (prob > broadcast(1.0 - tiny));
}

// The per-row part of a logistic-regression pass. From the linear predictor
// eta, the class y (0 or 1) and the row weight s of each row: residual =
// s * (prob - y), weight = s * prob * (1 - prob); returns sum s * logloss and
// adds to *extreme the rows whose probability is within `tiny` of 0 or 1.
// One exponential e = exp(-|eta|) gives both tails: prob is 1 / (1 + e) or
// e / (1 + e), log(1 + exp(eta)) = max(eta, 0) + log1p(e), and
// prob * (1 - prob) = e / (1 + e)^2.
SMOTELAB_CLONES
inline double logistic_rows(const double* eta, const int* y, const double* s, std::size_t rows, double tiny,
                            double* residual, double* weight, std::size_t* extreme) {
  Lanes loss = broadcast(0.0);
  Mask count = Mask{0, 0, 0, 0};
  const std::size_t body = rows - rows % kLanes;
  for (std::size_t i = 0; i < body; i += kLanes)
    logistic_lanes(eta + i, y + i, s + i, tiny, residual + i, weight + i, loss, count);
  if (body < rows) {
    // The last rows, padded with rows of weight 0 (which add nothing).
    double eta_t[kLanes] = {0, 0, 0, 0}, s_t[kLanes] = {0, 0, 0, 0}, residual_t[kLanes], weight_t[kLanes];
    int y_t[kLanes] = {0, 0, 0, 0};
    for (std::size_t i = body; i < rows; ++i) {
      eta_t[i - body] = eta[i];
      y_t[i - body] = y[i];
      s_t[i - body] = s[i];
    }
    logistic_lanes(eta_t, y_t, s_t, tiny, residual_t, weight_t, loss, count);
    for (std::size_t i = body; i < rows; ++i) {
      residual[i] = residual_t[i - body];
      weight[i] = weight_t[i - body];
    }
  }
  *extreme += static_cast<std::size_t>((count[0] + count[1]) + (count[2] + count[3]));
  return lane_sum(loss);
}

// ---- Boosting (boost.hpp) ----

// The interleaved pairs (a[0], b[0], a[1], b[1], ...) of four lanes each.
SMOTELAB_LANE_INLINE void store_pairs(double* out, const Lanes& a, const Lanes& b) {
#if defined(__clang__)
  store(out, __builtin_shufflevector(a, b, 0, 4, 1, 5));
  store(out + kLanes, __builtin_shufflevector(a, b, 2, 6, 3, 7));
#else
  store(out, __builtin_shuffle(a, b, Mask{0, 4, 1, 5}));
  store(out + kLanes, __builtin_shuffle(a, b, Mask{2, 6, 3, 7}));
#endif
}

// Four rows of boost_gradients() below.
SMOTELAB_LANE_INLINE void boost_lanes(double* margin, const std::uint32_t* leaf, const double* value, const int* y,
                                      const double* row_weight, double pos_weight, double min_hessian, double* gh) {
  const Lanes zero = broadcast(0.0), one = broadcast(1.0);
  Lanes m = load(margin);
  if (leaf != nullptr) {
    m += Lanes{value[leaf[0]], value[leaf[1]], value[leaf[2]], value[leaf[3]]};
    store(margin, m);
  }
  const Lanes yi = load_ints(y);
  const Mask positive = m >= zero;
  const Lanes e = exp_nonpositive(select(positive, -m, m));
  const Lanes inv = one / (one + e);
  const Lanes prob = select(positive, inv, e * inv);
  Lanes w = select(yi > broadcast(0.5), broadcast(pos_weight), one);
  if (row_weight != nullptr) w *= load(row_weight);
  const Lanes curvature = prob * (one - prob);
  const Lanes h = select(curvature > broadcast(min_hessian), curvature, broadcast(min_hessian));
  store_pairs(gh, (prob - yi) * w, h * w);
}

// A boosting round's per-row work, over rows in storage order: when `leaf`
// is given, margin[i] += value[leaf[i]] (the leaf the new tree puts row i
// in); then, at the margin, the gradient g = (p - y) w and hessian
// h = max(p (1 - p), min_hessian) w of the log loss go to gh[2i] and
// gh[2i + 1], where p = sigmoid(margin) and w is pos_weight for y = 1, else 1,
// times row_weight[i] when row weights are given.
SMOTELAB_CLONES
inline void boost_gradients(double* margin, const std::uint32_t* leaf, const double* value, const int* y,
                            const double* row_weight, double pos_weight, double min_hessian, std::size_t rows,
                            double* gh) {
  const std::size_t body = rows - rows % kLanes;
  for (std::size_t i = 0; i < body; i += kLanes)
    boost_lanes(margin + i, leaf == nullptr ? nullptr : leaf + i, value, y + i,
                row_weight == nullptr ? nullptr : row_weight + i, pos_weight, min_hessian, gh + 2 * i);
  if (body < rows) {
    // The last rows, padded, so that they take the same arithmetic path.
    double margin_t[kLanes] = {0, 0, 0, 0}, weight_t[kLanes] = {1, 1, 1, 1}, gh_t[2 * kLanes];
    std::uint32_t leaf_t[kLanes] = {0, 0, 0, 0};
    int y_t[kLanes] = {0, 0, 0, 0};
    for (std::size_t i = body; i < rows; ++i) {
      margin_t[i - body] = margin[i];
      if (leaf != nullptr) leaf_t[i - body] = leaf[i];
      if (row_weight != nullptr) weight_t[i - body] = row_weight[i];
      y_t[i - body] = y[i];
    }
    boost_lanes(margin_t, leaf == nullptr ? nullptr : leaf_t, value, y_t, row_weight == nullptr ? nullptr : weight_t,
                pos_weight, min_hessian, gh_t);
    for (std::size_t i = body; i < rows; ++i) {
      margin[i] = margin_t[i - body];
      gh[2 * i] = gh_t[2 * (i - body)];
      gh[2 * i + 1] = gh_t[2 * (i - body) + 1];
    }
  }
}

// ---- Tree bins (binning.hpp) ----

typedef double Lanes8 __attribute__((vector_size(8 * sizeof(double))));
typedef std::int64_t Mask8 __attribute__((vector_size(8 * sizeof(std::int64_t))));

SMOTELAB_LANE_INLINE Lanes8 load8(const double* p) {
  Lanes8 v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

// How many of the 16 values at p are below x.
SMOTELAB_LANE_INLINE int count_below(const double* p, const Lanes8& x) {
  const Mask8 m = (load8(p) < x) + (load8(p + 8) < x);  // lanes of 0, -1 or -2
  return static_cast<int>(-(((m[0] + m[1]) + (m[2] + m[3])) + ((m[4] + m[5]) + (m[6] + m[7]))));
}

// codes[i] = #{thresholds < x[i]} for i < rows, where `padded` holds a
// feature's ascending thresholds padded with +inf to 256 and `group_last`
// its entries 15, 31, ..., 255. The count is taken in two steps of 16
// comparisons, each a few vector instructions: first how many groups of 16
// lie wholly below x, then how many thresholds of the next group do.
SMOTELAB_CLONES
inline void bin_codes(const double* x, std::size_t rows, const double* padded, const double* group_last,
                      std::uint8_t* codes) {
  for (std::size_t i = 0; i < rows; ++i) {
    Lanes8 xi = Lanes8{} + x[i];
    const int group = count_below(group_last, xi);
    codes[i] = static_cast<std::uint8_t>(16 * group + count_below(padded + 16 * group, xi));
  }
}

// The screen of the k-nearest-neighbour brute force over query rows x
// reference rows. Query i (coordinate j at `q_rows[i * q_row + j * q_col]`:
// row-major with q_row = p, q_col = 1, or, as a self-join may pass the
// reference columns themselves, q_row = 1, q_col = ld) and reference c
// (column-major with leading dimension `ld`: coordinate j of reference c at
// `ref_cols[j * ld + c]`) are a candidate unless the lower bound
//   q_kept[i] + r_kept[c] - 2 q.r
// exceeds limit[i]. The caller makes the kept norms and the limits
// conservative (norms shrunk by the slack that covers every rounding of the
// bound, rounded down; limits rounded up), so the bound is formed in the
// coordinates' type: in float, twice as many pairs per instruction. A
// self-join passes r_limit too, each reference's own limit, and then a pair
// is also a candidate when the bound is within r_limit[c]: one product
// screens both directions. nq must be a multiple of 4, and the reference
// columns, r_kept and r_limit included, readable up to a multiple of
// kScreenRefTile past nr. Candidates are written as (i, c) pairs in
// query-major order into arrays of at least nq * nr + 1 entries (a lane that
// does not pass may still be written one past the last candidate); returns
// how many.
//
// Each product is summed over the coordinates in their order whatever the
// vector width, so every compiled version screens the same pairs up to the
// fusing of multiply-adds.
constexpr std::size_t kScreenRefTile = 64;

namespace screen {

// W coordinates of type Real, and the lanes of a comparison of them.
template <typename Real, int W>
struct Vectors {
  typedef Real Coord __attribute__((vector_size(W * sizeof(Real))));
  typedef typename std::conditional<sizeof(Real) == 4, std::int32_t, std::int64_t>::type Lane;
  typedef Lane Mask __attribute__((vector_size(W * sizeof(Real))));
};

template <typename V>
SMOTELAB_LANE_INLINE V load_vector(const void* at) {
  V v;
  std::memcpy(&v, at, sizeof v);
  return v;
}

// Which lanes of the bound pass: within the query's limit or, in a symmetric
// screen, within the reference's own. Written as "not above", so that a
// bound that overflowed to NaN passes.
template <typename Real, int W, bool Symmetric>
SMOTELAB_LANE_INLINE typename Vectors<Real, W>::Mask passes(const typename Vectors<Real, W>::Coord& bound, Real q_limit,
                                                            const Real* r_limit, std::size_t first) {
  using Coord = typename Vectors<Real, W>::Coord;
  const Coord query = Coord{} + q_limit;
  if (!Symmetric) return ~(bound > query);
  const Coord own = load_vector<Coord>(r_limit + first);
  return ~(bound > (own > query ? own : query));
}

// Whether any lane of a comparison is set.
template <int W, typename Mask>
SMOTELAB_LANE_INLINE bool any_lane(const Mask& m) {
  typedef typename std::remove_reference<decltype(m[0])>::type Lane;
  Lane lanes[W];
  std::memcpy(lanes, &m, sizeof lanes);
  Lane any = 0;
  for (Lane lane : lanes) any |= lane;
  return any != 0;
}

// A tile of 4 query rows x 4 W reference rows: 16 accumulators, few enough
// for the registers of every instruction set.
template <typename Real, int W, bool Symmetric>
SMOTELAB_LANE_INLINE std::size_t run(const Real* q_rows, std::size_t q_row, std::size_t q_col, const Real* q_kept,
                                     const Real* limit, std::size_t nq, const Real* ref_cols, std::size_t ld,
                                     const Real* r_kept, const Real* r_limit, std::size_t nr, std::size_t p,
                                     std::uint32_t* cand_query, std::uint32_t* cand_ref) {
  using V = Vectors<Real, W>;
  using Coord = typename V::Coord;
  using Mask = typename V::Mask;
  static_assert(kScreenRefTile % (4 * W) == 0, "the reference tile must hold whole vector tiles");
  std::size_t found = 0;
  for (std::size_t i0 = 0; i0 < nq; i0 += 4) {
    const Real *x0 = q_rows + i0 * q_row, *x1 = x0 + q_row, *x2 = x1 + q_row, *x3 = x2 + q_row;
    for (std::size_t c0 = 0; c0 < nr; c0 += 4 * W) {
      Coord d00 = Coord{}, d01 = d00, d02 = d00, d03 = d00, d10 = d00, d11 = d00, d12 = d00, d13 = d00, d20 = d00,
            d21 = d00, d22 = d00, d23 = d00, d30 = d00, d31 = d00, d32 = d00, d33 = d00;
      for (std::size_t j = 0; j < p; ++j) {
        const Real* r = ref_cols + j * ld + c0;
        const Coord r0 = load_vector<Coord>(r), r1 = load_vector<Coord>(r + W), r2 = load_vector<Coord>(r + 2 * W),
                    r3 = load_vector<Coord>(r + 3 * W);
        Real u = x0[j * q_col];
        d00 += r0 * u;
        d01 += r1 * u;
        d02 += r2 * u;
        d03 += r3 * u;
        u = x1[j * q_col];
        d10 += r0 * u;
        d11 += r1 * u;
        d12 += r2 * u;
        d13 += r3 * u;
        u = x2[j * q_col];
        d20 += r0 * u;
        d21 += r1 * u;
        d22 += r2 * u;
        d23 += r3 * u;
        u = x3[j * q_col];
        d30 += r0 * u;
        d31 += r1 * u;
        d32 += r2 * u;
        d33 += r3 * u;
      }
      const Coord dots[4][4] = {{d00, d01, d02, d03}, {d10, d11, d12, d13}, {d20, d21, d22, d23}, {d30, d31, d32, d33}};
      // Nearly every tile has no candidate: one test for the whole tile,
      // and a look at the lanes only when some lane passes. The masks are
      // kept, not recomputed, and a vector's lanes are written without a
      // branch per lane (the count moves only for the lanes that pass), so
      // a tile with a candidate or two costs little more than one without.
      Mask hits[4][4];
      Mask pass = Mask{};
      for (int u = 0; u < 4; ++u)
        for (int v = 0; v < 4; ++v) {
          const std::size_t first = c0 + static_cast<std::size_t>(v * W);
          const Coord bound = (load_vector<Coord>(r_kept + first) + q_kept[i0 + u]) - Real(2) * dots[u][v];
          hits[u][v] = passes<Real, W, Symmetric>(bound, limit[i0 + u], r_limit, first);
          pass |= hits[u][v];
        }
      if (!any_lane<W>(pass)) continue;
      for (int u = 0; u < 4; ++u) {
        const auto query = static_cast<std::uint32_t>(i0 + static_cast<std::size_t>(u));
        for (int v = 0; v < 4; ++v) {
          const Mask& hit = hits[u][v];
          if (!any_lane<W>(hit)) continue;
          const std::size_t first = c0 + static_cast<std::size_t>(v) * W;
          for (int l = 0; l < W; ++l) {
            const std::size_t c = first + static_cast<std::size_t>(l);
            cand_query[found] = query;
            cand_ref[found] = static_cast<std::uint32_t>(c);
            found += static_cast<std::size_t>((hit[l] != 0) & (c < nr));
          }
        }
      }
    }
  }
  return found;
}

}  // namespace screen

// knn_screen() below for coordinates of type Real in vectors of W.
template <typename Real, int W>
SMOTELAB_LANE_INLINE std::size_t screen_pairs(const Real* q_rows, std::size_t q_row, std::size_t q_col,
                                              const Real* q_kept, const Real* limit, std::size_t nq,
                                              const Real* ref_cols, std::size_t ld, const Real* r_kept,
                                              const Real* r_limit, std::size_t nr, std::size_t p,
                                              std::uint32_t* cand_query, std::uint32_t* cand_ref) {
  return r_limit != nullptr ? screen::run<Real, W, true>(q_rows, q_row, q_col, q_kept, limit, nq, ref_cols, ld, r_kept,
                                                         r_limit, nr, p, cand_query, cand_ref)
                            : screen::run<Real, W, false>(q_rows, q_row, q_col, q_kept, limit, nq, ref_cols, ld, r_kept,
                                                          r_limit, nr, p, cand_query, cand_ref);
}

SMOTELAB_CLONES
inline std::size_t knn_screen(const double* q_rows, std::size_t q_row, std::size_t q_col, const double* q_kept,
                              const double* limit, std::size_t nq, const double* ref_cols, std::size_t ld,
                              const double* r_kept, const double* r_limit, std::size_t nr, std::size_t p,
                              std::uint32_t* cand_query, std::uint32_t* cand_ref) {
  return screen_pairs<double, 4>(q_rows, q_row, q_col, q_kept, limit, nq, ref_cols, ld, r_kept, r_limit, nr, p,
                                 cand_query, cand_ref);
}

// The float screen is the hot loop of SMOTE in many dimensions. AVX-512
// machines run it on 16 floats per instruction; target_clones would compile
// one body for every instruction set, so each width gets its own version here
// and the loader picks as for target_clones.
#define SMOTELAB_KNN_SCREEN_FLOAT(W)                                                                             \
  inline std::size_t knn_screen(const float* q_rows, std::size_t q_row, std::size_t q_col, const float* q_kept,  \
                                const float* limit, std::size_t nq, const float* ref_cols, std::size_t ld,       \
                                const float* r_kept, const float* r_limit, std::size_t nr, std::size_t p,        \
                                std::uint32_t* cand_query, std::uint32_t* cand_ref) {                            \
    return screen_pairs<float, W>(q_rows, q_row, q_col, q_kept, limit, nq, ref_cols, ld, r_kept, r_limit, nr, p, \
                                  cand_query, cand_ref);                                                         \
  }
#if defined(SMOTELAB_HAVE_CLONES)
__attribute__((target("arch=x86-64-v4"))) SMOTELAB_KNN_SCREEN_FLOAT(16) __attribute__((target("arch=x86-64-v3")))
SMOTELAB_KNN_SCREEN_FLOAT(8) __attribute__((target("default"))) SMOTELAB_KNN_SCREEN_FLOAT(8)
#else
SMOTELAB_KNN_SCREEN_FLOAT(8)
#endif
#undef SMOTELAB_KNN_SCREEN_FLOAT

}  // namespace simd
}  // namespace smotelab
