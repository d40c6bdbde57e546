// Glue for the metrics core: R vectors are read in place (truth as integer
// 0/1, prob as double; the R layer coerces before calling).
#include "glue.h"
#include "smotelab/metrics.hpp"

namespace {

namespace m = smotelab::metrics;

Rcpp::NumericVector counts_vector(const m::Confusion& c) {
  return Rcpp::NumericVector::create(Rcpp::Named("tp") = double(c.tp), Rcpp::Named("fp") = double(c.fp),
                                     Rcpp::Named("fn") = double(c.fn), Rcpp::Named("tn") = double(c.tn));
}

void check_same_length(R_xlen_t a, R_xlen_t b) {
  smotelab::require(a == b, "truth and scores differ in length");
}

}  // namespace

// Confusion counts c(tp, fp, fn, tn) at a threshold (event iff prob > threshold).
// [[Rcpp::export(rng = false)]]
Rcpp::NumericVector metric_confusion_cpp(Rcpp::IntegerVector truth, Rcpp::NumericVector prob, double threshold) {
  check_same_length(truth.size(), prob.size());
  return counts_vector(m::confusion_at(truth.begin(), prob.begin(), truth.size(), threshold));
}

// Confusion counts c(tp, fp, fn, tn) from predicted 0/1 labels.
// [[Rcpp::export(rng = false)]]
Rcpp::NumericVector metric_confusion_labels_cpp(Rcpp::IntegerVector truth, Rcpp::IntegerVector predicted) {
  check_same_length(truth.size(), predicted.size());
  return counts_vector(m::confusion_of(truth.begin(), predicted.begin(), truth.size()));
}

// Every class metric from counts c(tp, fp, fn, tn), the per-class values for
// reports, and which metrics hit a zero division or saw one class only.
// [[Rcpp::export(rng = false)]]
Rcpp::List metric_class_cpp(Rcpp::NumericVector counts) {
  smotelab::require(counts.size() == 4, "counts must have 4 entries");
  m::Confusion c;
  c.tp = std::uint64_t(counts[0]);
  c.fp = std::uint64_t(counts[1]);
  c.fn = std::uint64_t(counts[2]);
  c.tn = std::uint64_t(counts[3]);
  const m::ClassMetrics k = m::class_metrics(c);
  const unsigned u = k.undefined;
  Rcpp::NumericVector values = Rcpp::NumericVector::create(
      Rcpp::Named("accuracy") = k.accuracy, Rcpp::Named("balanced_accuracy") = k.balanced_accuracy,
      Rcpp::Named("precision") = k.precision, Rcpp::Named("recall") = k.recall,
      Rcpp::Named("specificity") = k.specificity, Rcpp::Named("f1") = k.f1, Rcpp::Named("gmean") = k.gmean,
      Rcpp::Named("mcc") = k.mcc, Rcpp::Named("precision_macro") = k.precision_macro,
      Rcpp::Named("recall_macro") = k.recall_macro, Rcpp::Named("f1_macro") = k.f1_macro);
  Rcpp::LogicalVector zero_division = Rcpp::LogicalVector::create(
      Rcpp::Named("precision") = bool(u & m::undefined_precision),
      Rcpp::Named("recall") = bool(u & m::undefined_recall),
      Rcpp::Named("specificity") = bool(u & m::undefined_specificity),
      Rcpp::Named("f1") = bool(u & m::undefined_f1), Rcpp::Named("gmean") = bool(u & m::undefined_gmean),
      Rcpp::Named("precision_macro") = bool(u & m::undefined_precision_macro),
      Rcpp::Named("recall_macro") = bool(u & m::undefined_recall_macro),
      Rcpp::Named("f1_macro") = bool(u & m::undefined_f1_macro));
  return Rcpp::List::create(
      Rcpp::Named("values") = values, Rcpp::Named("zero_division") = zero_division,
      Rcpp::Named("one_class") = bool(u & m::one_class_balanced_accuracy),
      Rcpp::Named("class_precision") = Rcpp::NumericVector::create(k.class_precision[0], k.class_precision[1]),
      Rcpp::Named("class_recall") = Rcpp::NumericVector::create(k.class_recall[0], k.class_recall[1]),
      Rcpp::Named("class_f1") = Rcpp::NumericVector::create(k.class_f1[0], k.class_f1[1]));
}

// ROC-AUC (NaN with one class) and average precision from one sort. truth
// holds 0/1, or other codes for the event and the non-event, such as a
// two-level factor's (which saves R an indicator vector as long as the data).
// [[Rcpp::export(rng = false)]]
Rcpp::NumericVector metric_ranking_cpp(Rcpp::IntegerVector truth, Rcpp::NumericVector prob, int n_threads,
                                       int event_code = 1, int non_event_code = 0) {
  check_same_length(truth.size(), prob.size());
  const m::detail::LabelCodes codes{event_code, non_event_code};
  const m::Ranking r = m::ranking_metrics(truth.begin(), prob.begin(), truth.size(), glue::executor(n_threads), codes);
  return Rcpp::NumericVector::create(Rcpp::Named("roc_auc") = r.roc_auc,
                                     Rcpp::Named("pr_auc") = r.average_precision,
                                     Rcpp::Named("n_pos") = double(r.n_pos), Rcpp::Named("n_neg") = double(r.n_neg));
}

// ROC curve points: threshold (+Inf first, then distinct scores descending), fpr, tpr.
// [[Rcpp::export(rng = false)]]
Rcpp::List metric_roc_curve_cpp(Rcpp::IntegerVector truth, Rcpp::NumericVector prob, int n_threads) {
  check_same_length(truth.size(), prob.size());
  const m::RocPoints p =
      m::roc_points(m::binary_clf_curve(truth.begin(), prob.begin(), truth.size(), glue::executor(n_threads)));
  return Rcpp::List::create(Rcpp::Named("threshold") = Rcpp::wrap(p.thresholds), Rcpp::Named("fpr") = Rcpp::wrap(p.fpr),
                            Rcpp::Named("tpr") = Rcpp::wrap(p.tpr));
}

// PR curve points: threshold (+Inf first, then distinct scores descending), recall, precision.
// [[Rcpp::export(rng = false)]]
Rcpp::List metric_pr_curve_cpp(Rcpp::IntegerVector truth, Rcpp::NumericVector prob, int n_threads) {
  check_same_length(truth.size(), prob.size());
  const m::PrPoints p =
      m::pr_points(m::binary_clf_curve(truth.begin(), prob.begin(), truth.size(), glue::executor(n_threads)));
  return Rcpp::List::create(Rcpp::Named("threshold") = Rcpp::wrap(p.thresholds),
                            Rcpp::Named("recall") = Rcpp::wrap(p.recall),
                            Rcpp::Named("precision") = Rcpp::wrap(p.precision));
}

// 1 where the factor codes equal the event's code, else 0: one pass, one
// allocation (R's `==` then as.integer() would make two vectors).
// [[Rcpp::export(rng = false)]]
Rcpp::IntegerVector event_indicator_cpp(const Rcpp::IntegerVector& codes, int event_code) {
  Rcpp::IntegerVector out(Rcpp::no_init(codes.size()));
  const int* in = codes.begin();
  int* to = out.begin();
  for (R_xlen_t i = 0; i < codes.size(); ++i) to[i] = in[i] == event_code;
  return out;
}

// Counts of missing values and of values outside [0, 1], in one pass.
// [[Rcpp::export(rng = false)]]
Rcpp::NumericVector prob_problems_cpp(const Rcpp::NumericVector& prob) {
  double missing = 0, outside = 0;
  for (double v : prob) {
    if (std::isnan(v)) ++missing;
    else if (v < 0 || v > 1) ++outside;
  }
  return Rcpp::NumericVector::create(missing, outside);
}
