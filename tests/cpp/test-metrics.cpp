#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <vector>

#include "check.hpp"
#include "smotelab/metrics.hpp"
#include "smotelab/rng.hpp"

namespace m = smotelab::metrics;

// A second executor that runs the blocks in reverse order, one at a time, so
// that a kernel relying on block order or on a single call would show it.
static void run_reversed(std::size_t n, std::size_t, const smotelab::RangeKernel& kernel) {
  for (std::size_t i = n; i > 0; --i) kernel(i - 1, i);
}

// AUC by counting pairs: a tie counts one half.
static double auc_pairs(const std::vector<int>& y, const std::vector<double>& s) {
  double wins = 0, pairs = 0;
  for (std::size_t i = 0; i < y.size(); ++i) {
    if (y[i] != 1) continue;
    for (std::size_t j = 0; j < y.size(); ++j) {
      if (y[j] != 0) continue;
      pairs += 1;
      wins += s[i] > s[j] ? 1.0 : (s[i] == s[j] ? 0.5 : 0.0);
    }
  }
  return wins / pairs;
}

// Average precision from its definition: over distinct thresholds t (high to
// low), (recall(t) - recall(previous t)) * precision(t).
static double ap_definition(const std::vector<int>& y, const std::vector<double>& s) {
  std::vector<double> t(s);
  std::sort(t.begin(), t.end(), std::greater<double>());
  t.erase(std::unique(t.begin(), t.end()), t.end());
  const double pos = std::accumulate(y.begin(), y.end(), 0.0);
  double ap = 0, prev_recall = 0;
  for (double th : t) {
    double tp = 0, pp = 0;
    for (std::size_t i = 0; i < y.size(); ++i) {
      if (s[i] >= th) {
        pp += 1;
        tp += y[i];
      }
    }
    ap += (tp / pos - prev_recall) * (tp / pp);
    prev_recall = tp / pos;
  }
  return ap;
}

int main() {
  const auto serial = smotelab::serial_executor();
  const smotelab::Executor reversed(run_reversed);

  // A small case worked by hand.
  {
    std::vector<int> y = {0, 0, 1, 1};
    std::vector<double> s = {0.1, 0.4, 0.35, 0.8};
    const auto r = m::ranking_metrics(y.data(), s.data(), y.size(), serial);
    CHECK_NEAR(r.roc_auc, 0.75, 1e-15);
    CHECK_NEAR(r.average_precision, (0.5 * 1.0 + 0.5 * (2.0 / 3.0)), 1e-15);
    CHECK(r.n_pos == 2 && r.n_neg == 2);

    const auto c = m::confusion_at(y.data(), s.data(), y.size(), 0.35);
    // Strictly above the threshold is the event: 0.35 itself is not.
    CHECK(c.tp == 1 && c.fn == 1 && c.fp == 1 && c.tn == 1);
  }

  // Ties: all scores equal gives AUC 1/2 and AP = prevalence.
  {
    std::vector<int> y = {0, 1, 0, 0, 1};
    std::vector<double> s(5, 0.3);
    const auto r = m::ranking_metrics(y.data(), s.data(), y.size(), serial);
    CHECK_NEAR(r.roc_auc, 0.5, 1e-15);
    CHECK_NEAR(r.average_precision, 0.4, 1e-15);
    const auto curve = m::binary_clf_curve(y.data(), s.data(), y.size(), serial);
    CHECK(curve.thresholds.size() == 1);
    const auto roc = m::roc_points(curve);
    CHECK(roc.thresholds.size() == 2 && std::isinf(roc.thresholds[0]));
    CHECK(roc.fpr[1] == 1.0 && roc.tpr[1] == 1.0);
  }

  // One class present: AUC is NaN; AP is 0 with no events and 1 with no non-events.
  {
    std::vector<int> zeros = {0, 0, 0}, ones = {1, 1, 1};
    std::vector<double> s = {0.2, 0.5, 0.9};
    const auto a = m::ranking_metrics(zeros.data(), s.data(), 3, serial);
    CHECK(std::isnan(a.roc_auc));
    CHECK(a.average_precision == 0.0);
    const auto b = m::ranking_metrics(ones.data(), s.data(), 3, serial);
    CHECK(std::isnan(b.roc_auc));
    CHECK(b.average_precision == 1.0);
    const auto pr = m::pr_points(m::binary_clf_curve(zeros.data(), s.data(), 3, serial));
    CHECK(pr.recall[0] == 0.0 && pr.recall[1] == 1.0 && pr.recall[3] == 1.0);
  }

  // Zero rows are deterministic: NaN scores, no points.
  {
    const auto r = m::ranking_metrics(nullptr, nullptr, 0, serial);
    CHECK(std::isnan(r.roc_auc) && std::isnan(r.average_precision));
    const auto c = m::binary_clf_curve(nullptr, nullptr, 0, serial);
    CHECK(c.thresholds.empty());
  }

  // Labels are checked by the caller (internal); non-finite scores are the user's.
  {
    std::vector<int> y = {0, 1, 2};
    std::vector<double> s = {0.1, 0.2, 0.3};
    CHECK_THROWS(m::ranking_metrics(y.data(), s.data(), 3, serial), smotelab::internal_error);
    CHECK_THROWS(m::ranking_metrics(y.data(), s.data(), 3, serial, m::detail::LabelCodes{1, 2}),
                 smotelab::internal_error);
    std::vector<int> y2 = {0, 1, 1};
    std::vector<double> s2 = {0.1, std::numeric_limits<double>::quiet_NaN(), 0.3};
    CHECK_THROWS(m::ranking_metrics(y2.data(), s2.data(), 3, serial), smotelab::user_error);
    CHECK_THROWS(m::confusion_at(y2.data(), s2.data(), 3, 0.5), smotelab::user_error);
  }

  // Class metrics on known counts; zero division gives 0 and a flag.
  {
    m::Confusion c;
    c.tp = 3;
    c.fp = 1;
    c.fn = 2;
    c.tn = 4;
    const auto k = m::class_metrics(c);
    CHECK_NEAR(k.accuracy, 0.7, 1e-15);
    CHECK_NEAR(k.precision, 0.75, 1e-15);
    CHECK_NEAR(k.recall, 0.6, 1e-15);
    CHECK_NEAR(k.specificity, 0.8, 1e-15);
    CHECK_NEAR(k.f1, 2 * 0.75 * 0.6 / 1.35, 1e-15);
    CHECK_NEAR(k.gmean, std::sqrt(0.48), 1e-15);
    CHECK_NEAR(k.mcc, (3.0 * 4 - 1.0 * 2) / std::sqrt(4.0 * 5 * 5 * 6), 1e-15);
    CHECK_NEAR(k.balanced_accuracy, 0.7, 1e-15);
    CHECK(k.undefined == 0);

    m::Confusion none;
    none.fn = 2;
    none.tn = 3;
    const auto z = m::class_metrics(none);
    CHECK(z.precision == 0.0 && (z.undefined & m::undefined_precision));
    CHECK(!(z.undefined & m::undefined_f1));
    CHECK(z.mcc == 0.0);
  }

  // Keys order like the doubles, including negatives, -0.0 and infinities.
  {
    const double v[] = {
        -std::numeric_limits<double>::infinity(), -1e300, -1.0, -1e-300, -0.0, 0.0, 1e-300, 0.5, 1.0, 1e300,
        std::numeric_limits<double>::infinity()};
    for (std::size_t i = 0; i + 1 < sizeof v / sizeof v[0]; ++i) {
      const auto a = m::order_key(v[i]), b = m::order_key(v[i + 1]);
      CHECK(v[i] == v[i + 1] ? a == b : a < b);
      CHECK(m::key_value(a) == v[i]);
    }
  }

  // The radix sort agrees with std::stable_sort on random data: uniform,
  // heavily tied, and with negative scores (keys without packed labels), under both executors; AUC and AP agree with
  // their definitions.
  smotelab::Rng rng(20240601, 0);
  for (int trial = 0; trial < 6; ++trial) {
    const std::size_t n = trial < 3 ? 300 : 200000;
    std::vector<int> y(n);
    std::vector<double> s(n);
    for (std::size_t i = 0; i < n; ++i) {
      y[i] = rng.uniform() < 0.3 ? 1 : 0;
      const double u = rng.uniform();
      s[i] = trial % 3 == 0 ? u : trial % 3 == 1 ? std::floor(u * 7) / 7 : (u - 0.5) * 1e6;
    }
    for (const auto* exec : {&serial, &reversed}) {
      const auto sorted = m::sort_scores(y.data(), s.data(), n, *exec);
      std::vector<std::size_t> idx(n);
      std::iota(idx.begin(), idx.end(), 0);
      // A packed key orders tied scores by label; otherwise ties keep input order.
      std::stable_sort(idx.begin(), idx.end(), [&](std::size_t a, std::size_t b) {
        return s[a] < s[b] || (sorted.packed && s[a] == s[b] && y[a] < y[b]);
      });
      // Probabilities pack the label into the key; negative scores cannot.
      CHECK(sorted.packed == (trial % 3 != 2));
      bool same = true;
      for (std::size_t i = 0; i < n; ++i) {
        same &= sorted.score_of_key(sorted.score_key(i)) == s[idx[i]];
        same &= sorted.label(i) == y[idx[i]];
      }
      CHECK(same);
    }
    // The same labels as factor codes (event 1, non-event 2) give the same metrics.
    std::vector<int> codes(n);
    for (std::size_t i = 0; i < n; ++i) codes[i] = y[i] == 1 ? 1 : 2;
    const auto by_label = m::ranking_metrics(y.data(), s.data(), n, reversed);
    const auto by_code = m::ranking_metrics(codes.data(), s.data(), n, serial, m::detail::LabelCodes{1, 2});
    CHECK(by_label.roc_auc == by_code.roc_auc && by_label.average_precision == by_code.average_precision);
    CHECK(by_label.n_pos == by_code.n_pos);
    if (n <= 300) {
      const auto r = m::ranking_metrics(y.data(), s.data(), n, serial);
      CHECK_NEAR(r.roc_auc, auc_pairs(y, s), 1e-13);
      CHECK_NEAR(r.average_precision, ap_definition(y, s), 1e-13);
    }
  }

  // Case weights: whole numbers give the metrics of the rows repeated that
  // many times, 0 drops a row, and unit weights change nothing.
  {
    smotelab::Rng rng(7, 0);
    const std::size_t n = 200;
    std::vector<int> y(n);
    std::vector<double> s(n), w(n);
    std::vector<int> y_rep;
    std::vector<double> s_rep;
    for (std::size_t i = 0; i < n; ++i) {
      y[i] = rng.uniform() < 0.3 ? 1 : 0;
      s[i] = static_cast<double>(rng.below(6)) / 5.0;  // ties
      w[i] = static_cast<double>(rng.below(4));        // 0 to 3
      for (int k = 0; k < static_cast<int>(w[i]); ++k) {
        y_rep.push_back(y[i]);
        s_rep.push_back(s[i]);
      }
    }
    const auto weighted = m::ranking_metrics(y.data(), s.data(), n, serial, {}, w.data());
    const auto repeated = m::ranking_metrics(y_rep.data(), s_rep.data(), y_rep.size(), serial);
    CHECK_NEAR(weighted.roc_auc, repeated.roc_auc, 1e-14);
    CHECK_NEAR(weighted.average_precision, repeated.average_precision, 1e-14);
    const auto c_w = m::confusion_at(y.data(), s.data(), n, 0.5, w.data());
    const auto c_r = m::confusion_at(y_rep.data(), s_rep.data(), y_rep.size(), 0.5);
    CHECK(c_w.tp == c_r.tp && c_w.fp == c_r.fp && c_w.fn == c_r.fn && c_w.tn == c_r.tn);
    const auto p_w = m::probability_scores(y.data(), s.data(), n, {}, w.data());
    const auto p_r = m::probability_scores(y_rep.data(), s_rep.data(), y_rep.size());
    CHECK_NEAR(p_w.brier, p_r.brier, 1e-14);
    CHECK_NEAR(p_w.log_loss, p_r.log_loss, 1e-13);
    const std::vector<double> ones(n, 1.0);
    const auto unit = m::ranking_metrics(y.data(), s.data(), n, serial, {}, ones.data());
    const auto plain = m::ranking_metrics(y.data(), s.data(), n, serial);
    CHECK_NEAR(unit.roc_auc, plain.roc_auc, 1e-15);
    CHECK_NEAR(unit.average_precision, plain.average_precision, 1e-15);
  }

  return cpptest::report("test-metrics");
}
