// Binary classification metrics with scikit-learn's semantics.
//
// Labels are 0/1 (1 = event) and scores are the predicted probability of the
// event (any finite double works for the ranking metrics). A class is
// predicted as the event iff score > threshold, which is what scikit-learn's
// LogisticRegression.predict does (decision > 0, i.e. probability > 0.5).
// Curves follow scikit-learn's _binary_clf_curve: a point per distinct score,
// counting the rows with score >= that threshold.
//
// Every metric also takes case weights (scikit-learn's sample_weight): a row
// with weight w counts as w rows in the confusion counts, in the curves'
// cumulative counts and in the means of the probability scores, so integer
// weights give the metrics of the data with each row repeated w times. Rows
// of weight 0 count as absent, as scikit-learn drops them from its curves.
//
// The ranking metrics sort scores once with an LSD radix sort on 64-bit keys
// that order like the doubles, carrying the labels (packed into the key for
// probabilities), so that ROC-AUC and
// average precision on ten million rows cost a few linear passes instead of a
// comparison sort of an index vector.
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "smotelab/errors.hpp"
#include "smotelab/memory.hpp"
#include "smotelab/parallel.hpp"

namespace smotelab {
namespace metrics {

// ---------------------------------------------------------------------------
// Confusion counts and the metrics computed from them

// Row counts, or sums of case weights. Doubles count rows exactly up to 2^53.
struct Confusion {
  double tp = 0, fp = 0, fn = 0, tn = 0;
  double n() const { return tp + fp + fn + tn; }
};

namespace detail {
inline void check_label(int y) {
  if (y != 0 && y != 1) throw internal_error("labels must be 0 or 1, got " + std::to_string(y));
}
// Labels given as two codes (such as an R factor's 1 and 2): 1 for `event`.
struct LabelCodes {
  int event = 1, non_event = 0;
  int operator()(int y) const {
    if (y == event) return 1;
    if (y != non_event)
      throw internal_error("labels must be " + std::to_string(non_event) + " or " + std::to_string(event) + ", got " +
                           std::to_string(y));
    return 0;
  }
};
inline void check_score(double s) {
  if (!std::isfinite(s)) fail(kind::numeric, "The predicted scores must be finite numbers.");
}
inline void add(Confusion& c, int truth, int predicted, double weight) {
  if (truth == 1) {
    (predicted == 1 ? c.tp : c.fn) += weight;
  } else {
    (predicted == 1 ? c.fp : c.tn) += weight;
  }
}
// Case weights are checked by the callers' validation; here only invariants.
inline double weight_of(const double* weight, std::size_t i) {
  if (weight == nullptr) return 1.0;
  const double w = weight[i];
  if (!(w >= 0 && std::isfinite(w))) throw internal_error("case weights must be finite and >= 0");
  return w;
}
}  // namespace detail

// Counts at a threshold: predicted event iff prob > threshold. `weight`:
// none, or one case weight per row.
inline Confusion confusion_at(const int* truth, const double* prob, std::size_t n, double threshold,
                              const double* weight = nullptr) {
  require(!std::isnan(threshold), "threshold must not be NaN");
  Confusion c;
  for (std::size_t i = 0; i < n; ++i) {
    detail::check_label(truth[i]);
    detail::check_score(prob[i]);
    detail::add(c, truth[i], prob[i] > threshold ? 1 : 0, detail::weight_of(weight, i));
  }
  return c;
}

// Counts from predicted labels.
inline Confusion confusion_of(const int* truth, const int* predicted, std::size_t n, const double* weight = nullptr) {
  Confusion c;
  for (std::size_t i = 0; i < n; ++i) {
    detail::check_label(truth[i]);
    detail::check_label(predicted[i]);
    detail::add(c, truth[i], predicted[i], detail::weight_of(weight, i));
  }
  return c;
}

// Which class metrics hit a zero division (scikit-learn returns 0 and warns)
// or were computed over one class only (balanced accuracy).
enum Undefined : unsigned {
  undefined_precision = 1u << 0,
  undefined_recall = 1u << 1,
  undefined_specificity = 1u << 2,
  undefined_f1 = 1u << 3,
  undefined_gmean = 1u << 4,
  undefined_precision_macro = 1u << 5,
  undefined_recall_macro = 1u << 6,
  undefined_f1_macro = 1u << 7,
  one_class_balanced_accuracy = 1u << 8,
};

struct ClassMetrics {
  double accuracy, balanced_accuracy, precision, recall, specificity, f1, gmean, mcc, precision_macro, recall_macro,
      f1_macro;
  // Per class (0 = non-event, 1 = event), for reports.
  std::array<double, 2> class_precision, class_recall, class_f1;
  unsigned undefined = 0;
};

namespace detail {
// A ratio whose zero denominator gives 0, as scikit-learn's zero_division="warn".
inline double ratio(double num, double den, bool& undefined) {
  if (den == 0) {
    undefined = true;
    return 0.0;
  }
  return num / den;
}
// F1 as scikit-learn 1.2 computes it, from precision and recall.
inline double f1_of(double p, double r) {
  const double den = p + r;
  return den == 0 ? 0.0 : 2 * p * r / den;
}
}  // namespace detail

inline ClassMetrics class_metrics(const Confusion& c) {
  ClassMetrics m;
  const double tp = c.tp, fp = c.fp, fn = c.fn, tn = c.tn;
  const double n = tp + fp + fn + tn;
  const double pos = tp + fn, neg = tn + fp;    // truth
  const double ppos = tp + fp, pneg = tn + fn;  // prediction
  bool u_prec = false, u_rec = false, u_spec = false, u_npv = false;

  m.accuracy = n > 0 ? (tp + tn) / n : std::numeric_limits<double>::quiet_NaN();
  m.precision = detail::ratio(tp, ppos, u_prec);
  m.recall = detail::ratio(tp, pos, u_rec);
  m.specificity = detail::ratio(tn, neg, u_spec);
  const double npv = detail::ratio(tn, pneg, u_npv);

  m.f1 = detail::f1_of(m.precision, m.recall);
  const double f1_neg = detail::f1_of(npv, m.specificity);
  m.gmean = std::sqrt(m.recall * m.specificity);

  // scikit-learn averages the recall of the classes present in the truth.
  if (pos > 0 && neg > 0) {
    m.balanced_accuracy = (m.recall + m.specificity) / 2;
  } else if (pos > 0) {
    m.balanced_accuracy = m.recall;
  } else if (neg > 0) {
    m.balanced_accuracy = m.specificity;
  } else {
    m.balanced_accuracy = std::numeric_limits<double>::quiet_NaN();
  }

  // matthews_corrcoef from the class sums, as scikit-learn writes it.
  const double cov_ytyp = (tp + tn) * n - (neg * pneg + pos * ppos);
  const double cov_ypyp = n * n - (pneg * pneg + ppos * ppos);
  const double cov_ytyt = n * n - (neg * neg + pos * pos);
  m.mcc = cov_ypyp * cov_ytyt == 0 ? 0.0 : cov_ytyp / std::sqrt(cov_ytyt * cov_ypyp);

  m.precision_macro = (npv + m.precision) / 2;
  m.recall_macro = (m.specificity + m.recall) / 2;
  m.f1_macro = (f1_neg + m.f1) / 2;
  m.class_precision = {npv, m.precision};
  m.class_recall = {m.specificity, m.recall};
  m.class_f1 = {f1_neg, m.f1};

  // F1 is ill-defined only when a class is neither present nor predicted.
  const bool u_f1 = tp + fp + fn == 0;
  const bool u_f1_neg = tn + fn + fp == 0;
  unsigned u = 0;
  if (u_prec) u |= undefined_precision;
  if (u_rec) u |= undefined_recall;
  if (u_spec) u |= undefined_specificity;
  if (u_f1) u |= undefined_f1;
  if (u_rec || u_spec) u |= undefined_gmean;
  if (u_prec || u_npv) u |= undefined_precision_macro;
  if (u_rec || u_spec) u |= undefined_recall_macro;
  if (u_f1 || u_f1_neg) u |= undefined_f1_macro;
  if ((pos > 0) != (neg > 0)) u |= one_class_balanced_accuracy;
  m.undefined = u;
  return m;
}

// ---------------------------------------------------------------------------
// Sorting scores

// A key whose unsigned order is the order of the doubles. -0.0 maps to the key
// of +0.0 so that equal scores always share a key.
inline std::uint64_t order_key(double x) {
  if (x == 0) x = 0.0;
  std::uint64_t u;
  std::memcpy(&u, &x, sizeof u);
  const std::uint64_t sign = std::uint64_t(1) << 63;
  return (u & sign) ? ~u : (u | sign);
}

inline double key_value(std::uint64_t key) {
  const std::uint64_t sign = std::uint64_t(1) << 63;
  const std::uint64_t u = (key & sign) ? (key & ~sign) : ~key;
  double x;
  std::memcpy(&x, &u, sizeof x);
  return x;
}

namespace detail {
// 11-bit digits: six passes over 64-bit keys, with histograms (2048 counters)
// that stay in the first-level cache.
constexpr int radix_bits = 11;
constexpr std::size_t radix_buckets = std::size_t(1) << radix_bits;
constexpr int radix_passes = (64 + radix_bits - 1) / radix_bits;

inline std::size_t digit(std::uint64_t key, int pass) {
  return std::size_t(key >> (pass * radix_bits)) & (radix_buckets - 1);
}

// Blocks are fixed by n alone, so the work split never depends on threads.
inline std::size_t radix_blocks(std::size_t n) { return std::max<std::size_t>(1, std::min<std::size_t>(64, n >> 16)); }
inline std::size_t block_begin(std::size_t b, std::size_t blocks, std::size_t n) { return b * n / blocks; }

// The bits of a score >= 0 with -0.0 folded into +0.0; their unsigned order
// is the order of the scores.
inline std::uint64_t nonnegative_bits(double x) {
  if (x == 0) return 0;
  std::uint64_t u;
  std::memcpy(&u, &x, sizeof u);
  return u;
}
}  // namespace detail

// Scores sorted ascending with their labels, in uninitialised buffers: each
// is written whole before it is read, and huge pages make the page faults of
// the first touch (a large share of sorting fresh memory) 512 times fewer.
// When every score is >= 0 (always so for probabilities) the bits of a score
// fit in 63 bits, and the label rides in the lowest bit of one 64-bit key: a
// single array to sort. Otherwise keys are order_key() values and the labels
// travel in their own array.
struct SortedScores {
  UninitBuffer<std::uint64_t> keys;
  UninitBuffer<std::uint8_t> labels;  // empty when packed
  bool packed = true;
  std::uint64_t n_pos = 0, n_neg = 0;

  // Equal for equal scores, ordered like the scores.
  std::uint64_t score_key(std::size_t i) const { return packed ? keys[i] >> 1 : keys[i]; }
  int label(std::size_t i) const { return packed ? int(keys[i] & 1) : int(labels[i]); }
  double score_of_key(std::uint64_t k) const {
    if (!packed) return key_value(k);
    double x;
    std::memcpy(&x, &k, sizeof x);
    return x;
  }
};

// Stable LSD radix sort of keys (and labels, when Payload), one digit per
// pass. Each pass builds per-block histograms, turns them into per-block
// output offsets, and scatters the blocks in parallel; a pass whose byte is
// the same for every key is skipped. `digit_counts` (radix_passes x
// radix_buckets) are the global histograms.
template <bool Payload>
void radix_sort(UninitBuffer<std::uint64_t>& keys, UninitBuffer<std::uint8_t>& labels,
                const std::vector<std::size_t>& digit_counts, const Executor& exec) {
  using namespace detail;
  const std::size_t n = keys.size();
  if (Payload) require(labels.size() == n, "radix_sort: keys and labels differ in length");
  if (n < 2) return;
  const std::size_t blocks = radix_blocks(n);
  UninitBuffer<std::uint64_t> keys_out(n);
  UninitBuffer<std::uint8_t> labels_out(Payload ? n : 0);
  std::vector<std::size_t> hist(blocks * radix_buckets);

  for (int pass = 0; pass < radix_passes; ++pass) {
    const std::size_t* global = digit_counts.data() + pass * radix_buckets;
    if (std::find(global, global + radix_buckets, n) != global + radix_buckets) continue;

    std::fill(hist.begin(), hist.end(), 0);
    exec(blocks, 1, [&](std::size_t b0, std::size_t b1) {
      for (std::size_t b = b0; b < b1; ++b) {
        std::size_t* h = hist.data() + b * radix_buckets;
        const std::size_t end = block_begin(b + 1, blocks, n);
        for (std::size_t i = block_begin(b, blocks, n); i < end; ++i) ++h[digit(keys[i], pass)];
      }
    });
    // Bucket-major, block-minor offsets keep equal digits in input order.
    std::size_t offset = 0;
    for (std::size_t d = 0; d < radix_buckets; ++d) {
      for (std::size_t b = 0; b < blocks; ++b) {
        std::size_t& h = hist[b * radix_buckets + d];
        const std::size_t count = h;
        h = offset;
        offset += count;
      }
    }
    exec(blocks, 1, [&](std::size_t b0, std::size_t b1) {
      for (std::size_t b = b0; b < b1; ++b) {
        std::size_t* next = hist.data() + b * radix_buckets;
        const std::size_t end = block_begin(b + 1, blocks, n);
        for (std::size_t i = block_begin(b, blocks, n); i < end; ++i) {
          const std::size_t to = next[digit(keys[i], pass)]++;
          keys_out[to] = keys[i];
          if (Payload) labels_out[to] = labels[i];
        }
      }
    });
    keys.swap(keys_out);
    if (Payload) labels.swap(labels_out);
  }
}

// Checks labels and scores, builds the keys and sorts them.
// Labels are 0/1, or the two codes in `codes`.
inline SortedScores sort_scores(const int* truth, const double* score, std::size_t n, const Executor& exec,
                                detail::LabelCodes codes = {}) {
  using namespace detail;
  SortedScores s;
  if (n == 0) return s;
  const std::size_t blocks = radix_blocks(n);
  std::vector<std::uint64_t> block_pos(blocks, 0);
  std::vector<char> block_negative(blocks, 0);
  exec(blocks, 1, [&](std::size_t b0, std::size_t b1) {
    for (std::size_t b = b0; b < b1; ++b) {
      std::uint64_t pos = 0;
      bool negative = false;
      const std::size_t end = block_begin(b + 1, blocks, n);
      for (std::size_t i = block_begin(b, blocks, n); i < end; ++i) {
        check_score(score[i]);
        pos += std::uint64_t(codes(truth[i]));
        negative |= score[i] < 0;
      }
      block_pos[b] = pos;
      block_negative[b] = negative;
    }
  });
  for (std::size_t b = 0; b < blocks; ++b) {
    s.n_pos += block_pos[b];
    if (block_negative[b]) s.packed = false;
  }
  s.n_neg = n - s.n_pos;

  s.keys = UninitBuffer<std::uint64_t>(n);
  if (!s.packed) s.labels = UninitBuffer<std::uint8_t>(n);
  std::vector<std::size_t> block_counts(blocks * radix_passes * radix_buckets);
  exec(blocks, 1, [&](std::size_t b0, std::size_t b1) {
    for (std::size_t b = b0; b < b1; ++b) {
      std::size_t* h = block_counts.data() + b * radix_passes * radix_buckets;
      const std::size_t end = block_begin(b + 1, blocks, n);
      for (std::size_t i = block_begin(b, blocks, n); i < end; ++i) {
        std::uint64_t key;
        if (s.packed) {
          key = (nonnegative_bits(score[i]) << 1) | std::uint64_t(truth[i] == codes.event);
        } else {
          key = order_key(score[i]);
          s.labels[i] = std::uint8_t(truth[i] == codes.event);
        }
        s.keys[i] = key;
        for (int p = 0; p < radix_passes; ++p) ++h[p * radix_buckets + digit(key, p)];
      }
    }
  });
  std::vector<std::size_t> counts(radix_passes * radix_buckets, 0);
  for (std::size_t b = 0; b < blocks; ++b) {
    const std::size_t* h = block_counts.data() + b * radix_passes * radix_buckets;
    for (std::size_t k = 0; k < counts.size(); ++k) counts[k] += h[k];
  }
  if (s.packed) {
    radix_sort<false>(s.keys, s.labels, counts, exec);
  } else {
    radix_sort<true>(s.keys, s.labels, counts, exec);
  }
  return s;
}

// Calls step(key, dtp, dfp) once per distinct score, from the highest down,
// with the events and non-events scored exactly at it: the walk of
// scikit-learn's _binary_clf_curve, shared by the metrics and the curves.
template <class Step>
inline void for_each_distinct_score(const SortedScores& s, std::size_t n, Step&& step) {
  std::size_t i = n;
  while (i > 0) {
    const std::uint64_t key = s.score_key(i - 1);
    std::uint64_t dtp = 0, dfp = 0;
    while (i > 0 && s.score_key(i - 1) == key) {
      --i;
      if (s.label(i))
        ++dtp;
      else
        ++dfp;
    }
    step(key, dtp, dfp);
  }
}

// ---------------------------------------------------------------------------
// ROC-AUC and average precision from one sort

struct Ranking {
  double roc_auc;            // NaN when one class is absent (scikit-learn raises)
  double average_precision;  // 0 when no event is present (scikit-learn warns)
  std::uint64_t n_pos, n_neg;
};

namespace detail {
// The sums of one walk over distinct scores, highest first, in the count type
// T (integers for rows, doubles for case weights): the doubled ROC area as
// trapezoids dfp * (2 * tp_before + dtp), divided once at the end so that
// ties cost no rounding, and the average precision.
template <typename T>
struct RankingSums {
  T tp = 0, fp = 0, area2 = 0;
  double ap = 0;

  void step(T dtp, T dfp) {
    area2 += dfp * (2 * tp + dtp);
    tp += dtp;
    fp += dfp;
    if (dtp > 0) ap += double(dtp) * (double(tp) / double(tp + fp));
  }
  // n: the rows given, whatever their weight.
  void finish(Ranking& r, std::size_t n) const {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    r.roc_auc = (tp > 0 && fp > 0) ? double(area2) / (2.0 * double(tp) * double(fp)) : nan;
    if (n == 0) {
      r.average_precision = nan;
    } else {
      r.average_precision = tp > 0 ? ap / double(tp) : 0.0;
    }
  }
};

// With case weights: the same walk over distinct scores, on a comparison
// sort of the rows of positive weight (the radix keys have no room for a
// weight), summing weights where the unweighted walk counts rows. A row of
// weight 0 counts as absent, as in scikit-learn's _binary_clf_curve.
struct WeightedRow {
  double score, weight;
  int label;
};

// The rows of positive weight, highest score first; `n_pos` and `n_neg`
// count them by class.
inline std::vector<WeightedRow> weighted_rows(const int* truth, const double* score, const double* weight,
                                              std::size_t n, LabelCodes codes, std::uint64_t& n_pos,
                                              std::uint64_t& n_neg) {
  std::vector<WeightedRow> rows;
  rows.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    check_score(score[i]);
    const int y = codes(truth[i]);
    const double w = weight_of(weight, i);
    if (w == 0) continue;
    rows.push_back({score[i], w, y});
    ++(y == 1 ? n_pos : n_neg);
  }
  std::sort(rows.begin(), rows.end(), [](const WeightedRow& a, const WeightedRow& b) { return a.score > b.score; });
  return rows;
}

// Calls step(score, dtp, dfp) once per distinct score of `rows`, highest
// first, with the weights of the events and non-events scored there.
template <class Step>
inline void for_each_weighted_score(const std::vector<WeightedRow>& rows, Step&& step) {
  for (std::size_t i = 0; i < rows.size();) {
    double dtp = 0, dfp = 0;
    const double s = rows[i].score;
    for (; i < rows.size() && rows[i].score == s; ++i) (rows[i].label == 1 ? dtp : dfp) += rows[i].weight;
    step(s, dtp, dfp);
  }
}

inline Ranking weighted_ranking_metrics(const int* truth, const double* score, const double* weight, std::size_t n,
                                        LabelCodes codes) {
  Ranking r{0, 0, 0, 0};
  const std::vector<WeightedRow> rows = weighted_rows(truth, score, weight, n, codes, r.n_pos, r.n_neg);
  RankingSums<double> sums;
  for_each_weighted_score(rows, [&](double, double dtp, double dfp) { sums.step(dtp, dfp); });
  sums.finish(r, n);
  return r;
}
}  // namespace detail

// Walks the sorted scores from the highest down, one step per distinct score,
// as _binary_clf_curve does, summing the ROC trapezoids in integers.
// `weight`: none, or one case weight per row (then n_pos and n_neg count the
// rows of positive weight).
inline Ranking ranking_metrics(const int* truth, const double* score, std::size_t n, const Executor& exec,
                               detail::LabelCodes codes = {}, const double* weight = nullptr) {
  if (weight != nullptr) return detail::weighted_ranking_metrics(truth, score, weight, n, codes);
  const SortedScores s = sort_scores(truth, score, n, exec, codes);
  detail::RankingSums<std::uint64_t> sums;
  for_each_distinct_score(s, n, [&](std::uint64_t, std::uint64_t dtp, std::uint64_t dfp) { sums.step(dtp, dfp); });
  Ranking r;
  r.n_pos = s.n_pos;
  r.n_neg = s.n_neg;
  sums.finish(r, n);
  return r;
}

// ---------------------------------------------------------------------------
// Curves

// One entry per distinct score, highest first: the threshold and the counts
// (with case weights, the summed weights) of events (tps) and non-events
// (fps) scored at or above it. n_pos and n_neg count the rows present;
// pos_total() and neg_total() are the final tps and fps.
struct Curve {
  std::vector<double> thresholds;
  std::vector<double> tps, fps;
  std::uint64_t n_pos = 0, n_neg = 0;

  double pos_total() const { return tps.empty() ? 0.0 : tps.back(); }
  double neg_total() const { return fps.empty() ? 0.0 : fps.back(); }
};

// `weight`: none, or one case weight per row; a row of weight 0 counts as
// absent, as in scikit-learn's _binary_clf_curve.
inline Curve binary_clf_curve(const int* truth, const double* score, std::size_t n, const Executor& exec,
                              detail::LabelCodes codes = {}, const double* weight = nullptr) {
  Curve c;
  if (weight != nullptr) {
    const auto rows = detail::weighted_rows(truth, score, weight, n, codes, c.n_pos, c.n_neg);
    double tp = 0, fp = 0;
    detail::for_each_weighted_score(rows, [&](double threshold, double dtp, double dfp) {
      tp += dtp;
      fp += dfp;
      c.thresholds.push_back(threshold);
      c.tps.push_back(tp);
      c.fps.push_back(fp);
    });
    return c;
  }
  const SortedScores s = sort_scores(truth, score, n, exec, codes);
  c.n_pos = s.n_pos;
  c.n_neg = s.n_neg;
  std::uint64_t tp = 0, fp = 0;
  for_each_distinct_score(s, n, [&](std::uint64_t key, std::uint64_t dtp, std::uint64_t dfp) {
    tp += dtp;
    fp += dfp;
    c.thresholds.push_back(s.score_of_key(key));
    c.tps.push_back(double(tp));
    c.fps.push_back(double(fp));
  });
  return c;
}

// roc_curve(drop_intermediate = False) with a first point at threshold +Inf
// (scikit-learn >= 1.3; 1.2 used max score + 1). fpr (tpr) is NaN throughout
// when no non-event (event) is present, as in scikit-learn.
struct RocPoints {
  std::vector<double> thresholds, fpr, tpr;
};

namespace detail {

// Writes a curve's three columns: the point `first` at threshold +Inf, then
// the point at(k) at each distinct threshold k, highest first.
template <typename At>
void curve_columns(const Curve& c, std::vector<double>& thresholds, std::vector<double>& a, std::vector<double>& b,
                   std::pair<double, double> first, At at) {
  const std::size_t m = c.thresholds.size() + 1;
  thresholds.reserve(m);
  a.reserve(m);
  b.reserve(m);
  thresholds.push_back(std::numeric_limits<double>::infinity());
  a.push_back(first.first);
  b.push_back(first.second);
  for (std::size_t k = 0; k < c.thresholds.size(); ++k) {
    thresholds.push_back(c.thresholds[k]);
    const auto [u, v] = at(k);
    a.push_back(u);
    b.push_back(v);
  }
}

}  // namespace detail

inline RocPoints roc_points(const Curve& c) {
  // `present`: rows of the class (NaN without one); `total`: their count or
  // summed weight.
  const auto rate = [](double count, std::uint64_t present, double total) {
    return present > 0 ? count / total : std::numeric_limits<double>::quiet_NaN();
  };
  RocPoints r;
  detail::curve_columns(
      c, r.thresholds, r.fpr, r.tpr, {rate(0.0, c.n_neg, c.neg_total()), rate(0.0, c.n_pos, c.pos_total())},
      [&](std::size_t k) {
        return std::pair{rate(c.fps[k], c.n_neg, c.neg_total()), rate(c.tps[k], c.n_pos, c.pos_total())};
      });
  return r;
}

// precision_recall_curve in reverse order (highest threshold first), its
// final (recall 0, precision 1) point first with threshold +Inf. With no event
// present recall is 1 at every threshold, as in scikit-learn.
struct PrPoints {
  std::vector<double> thresholds, recall, precision;
};

inline PrPoints pr_points(const Curve& c) {
  PrPoints p;
  detail::curve_columns(c, p.thresholds, p.recall, p.precision, {0.0, 1.0}, [&](std::size_t k) {
    const double predicted = c.tps[k] + c.fps[k];
    return std::pair{c.n_pos > 0 ? c.tps[k] / c.pos_total() : 1.0, predicted > 0 ? c.tps[k] / predicted : 0.0};
  });
  return p;
}

// ---------------------------------------------------------------------------
// Probability scores: how far the predicted probabilities are from the
// outcomes, not how they rank or classify the rows. Lower is better.

struct ProbabilityScores {
  double brier;     // brier_score_loss: mean (y - p)^2
  double log_loss;  // log_loss with eps = "auto" (double epsilon)
};

// As scikit-learn 1.2: p is clipped to [eps, 1 - eps], the pair (1 - p, p)
// is renormalised by its sum (which can differ from 1 by a rounding), and the
// loss is -log of the truth's share. Probabilities must lie in [0, 1].
// With case weights both are weighted means (NaN when the weights sum to 0).
inline ProbabilityScores probability_scores(const int* truth, const double* prob, std::size_t n,
                                            detail::LabelCodes codes = {}, const double* weight = nullptr) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  if (n == 0) return {nan, nan};
  const double eps = std::numeric_limits<double>::epsilon();
  double brier = 0, loss = 0, total = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const double p = prob[i];
    if (!(p >= 0 && p <= 1)) fail(kind::numeric, "Predicted probabilities must lie in [0, 1].");
    const int y = codes(truth[i]);
    const double w = detail::weight_of(weight, i);
    const double d = double(y) - p;
    brier += w * (d * d);
    const double clipped = std::min(std::max(p, eps), 1 - eps);
    const double other = 1 - clipped;
    loss -= w * std::log((y == 1 ? clipped : other) / (other + clipped));
    total += w;
  }
  if (total == 0) return {nan, nan};
  return {brier / total, loss / total};
}

// ---------------------------------------------------------------------------
// The metric registry: every metric smotelab reports, in the order
// metrics_binary() lists them. Cross-validation, the R metric functions and
// R's list of valid names all read this table, so a new metric is one row
// here (plus its definition above and its documentation).

struct MetricInfo {
  const char* name;
  double ClassMetrics::*at_threshold;                     // a metric of the confusion counts at a threshold...
  double Ranking::*from_ranking;                          // ...or of the ranking of the scores
  unsigned zero_division;                                 // the Undefined bit that flags its zero division, if any
  double ProbabilityScores::*from_probability = nullptr;  // ...or of the probabilities themselves
  // Losses: model selection (grid search, threshold tuning) minimises them.
  bool lower_is_better = false;
  bool ranking() const { return from_ranking != nullptr; }
  bool probability() const { return from_probability != nullptr; }
  bool at_a_threshold() const { return at_threshold != nullptr; }
};

inline constexpr MetricInfo kMetrics[] = {
    {"accuracy", &ClassMetrics::accuracy, nullptr, 0},
    {"balanced_accuracy", &ClassMetrics::balanced_accuracy, nullptr, 0},
    {"precision", &ClassMetrics::precision, nullptr, undefined_precision},
    {"recall", &ClassMetrics::recall, nullptr, undefined_recall},
    {"specificity", &ClassMetrics::specificity, nullptr, undefined_specificity},
    {"f1", &ClassMetrics::f1, nullptr, undefined_f1},
    {"gmean", &ClassMetrics::gmean, nullptr, undefined_gmean},
    {"mcc", &ClassMetrics::mcc, nullptr, 0},
    {"precision_macro", &ClassMetrics::precision_macro, nullptr, undefined_precision_macro},
    {"recall_macro", &ClassMetrics::recall_macro, nullptr, undefined_recall_macro},
    {"f1_macro", &ClassMetrics::f1_macro, nullptr, undefined_f1_macro},
    {"roc_auc", nullptr, &Ranking::roc_auc, 0},
    {"pr_auc", nullptr, &Ranking::average_precision, 0},
    {"brier", nullptr, nullptr, 0, &ProbabilityScores::brier, true},
    {"log_loss", nullptr, nullptr, 0, &ProbabilityScores::log_loss, true},
};
inline constexpr std::size_t kMetricCount = sizeof(kMetrics) / sizeof(kMetrics[0]);

// Other names accepted in metric lists, as scikit-learn's scorer strings.
struct MetricAlias {
  const char* alias;
  const char* name;
};
inline constexpr MetricAlias kMetricAliases[] = {{"average_precision", "pr_auc"}};

// The row of `name` (or of the metric it is an alias of) in kMetrics.
inline std::size_t metric_index(const std::string& name) {
  std::string target = name;
  for (const MetricAlias& a : kMetricAliases)
    if (name == a.alias) target = a.name;
  for (std::size_t i = 0; i < kMetricCount; ++i)
    if (target == kMetrics[i].name) return i;
  throw internal_error("unknown metric '" + name + "'");
}

inline double metric_value(std::size_t index, const ClassMetrics& cls, const Ranking& rank,
                           const ProbabilityScores& proba = {std::numeric_limits<double>::quiet_NaN(),
                                                             std::numeric_limits<double>::quiet_NaN()}) {
  const MetricInfo& m = kMetrics[index];
  if (m.probability()) return proba.*m.from_probability;
  return m.ranking() ? rank.*m.from_ranking : cls.*m.at_threshold;
}

}  // namespace metrics
}  // namespace smotelab
