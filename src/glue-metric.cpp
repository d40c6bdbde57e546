// Glue for the metrics core: R vectors are read in place (truth as integer
// 0/1, prob as double; the R layer coerces before calling).
#include "glue.h"
#include "smotelab/metrics.hpp"

namespace {

namespace m = smotelab::metrics;

Rcpp::NumericVector counts_vector(const m::Confusion& c) {
  return Rcpp::NumericVector::create(Rcpp::Named("tp") = c.tp, Rcpp::Named("fp") = c.fp, Rcpp::Named("fn") = c.fn,
                                     Rcpp::Named("tn") = c.tn);
}

void check_same_length(R_xlen_t a, R_xlen_t b) { smotelab::require(a == b, "truth and scores differ in length"); }

}  // namespace

// Confusion counts c(tp, fp, fn, tn) at a threshold (event iff prob > threshold);
// sums of the case weights when `weights` is not NULL.
// [[Rcpp::export(rng = false)]]
Rcpp::NumericVector metric_confusion_cpp(Rcpp::IntegerVector truth, Rcpp::NumericVector prob, double threshold,
                                         SEXP weights = R_NilValue) {
  check_same_length(truth.size(), prob.size());
  return counts_vector(m::confusion_at(truth.begin(), prob.begin(), truth.size(), threshold,
                                       glue::case_weights_from_r(weights, truth.size())));
}

// Confusion counts c(tp, fp, fn, tn) from predicted 0/1 labels; sums of the
// case weights when `weights` is not NULL.
// [[Rcpp::export(rng = false)]]
Rcpp::NumericVector metric_confusion_labels_cpp(Rcpp::IntegerVector truth, Rcpp::IntegerVector predicted,
                                                SEXP weights = R_NilValue) {
  check_same_length(truth.size(), predicted.size());
  return counts_vector(m::confusion_of(truth.begin(), predicted.begin(), truth.size(),
                                       glue::case_weights_from_r(weights, truth.size())));
}

// Every class metric of the registry from counts c(tp, fp, fn, tn) (sums of
// case weights, possibly fractional, for weighted metrics), named as
// there; which of them hit a zero division; whether balanced accuracy saw one
// class only; and the per-class values for reports.
// [[Rcpp::export(rng = false)]]
Rcpp::List metric_class_cpp(Rcpp::NumericVector counts) {
  smotelab::require(counts.size() == 4, "counts must have 4 entries");
  m::Confusion c;
  c.tp = counts[0];
  c.fp = counts[1];
  c.fn = counts[2];
  c.tn = counts[3];
  const m::ClassMetrics k = m::class_metrics(c);
  const m::Ranking no_ranking{};
  std::vector<std::string> names;
  std::vector<double> values;
  std::vector<int> zero_division;
  for (std::size_t i = 0; i < m::kMetricCount; ++i) {
    if (!m::kMetrics[i].at_a_threshold()) continue;
    names.push_back(m::kMetrics[i].name);
    values.push_back(m::metric_value(i, k, no_ranking));
    zero_division.push_back((k.undefined & m::kMetrics[i].zero_division) != 0);
  }
  Rcpp::NumericVector v = Rcpp::wrap(values);
  Rcpp::LogicalVector z = Rcpp::wrap(zero_division);
  v.names() = Rcpp::wrap(names);
  z.names() = Rcpp::wrap(names);
  return Rcpp::List::create(
      Rcpp::Named("values") = v, Rcpp::Named("zero_division") = z,
      Rcpp::Named("one_class") = bool(k.undefined & m::one_class_balanced_accuracy),
      Rcpp::Named("class_precision") = Rcpp::NumericVector::create(k.class_precision[0], k.class_precision[1]),
      Rcpp::Named("class_recall") = Rcpp::NumericVector::create(k.class_recall[0], k.class_recall[1]),
      Rcpp::Named("class_f1") = Rcpp::NumericVector::create(k.class_f1[0], k.class_f1[1]));
}

// The registry for R: every metric's name, whether it ranks scores or scores
// the probabilities themselves (else it needs a threshold), whether lower is
// better, in report order, and the aliases accepted in lists.
// [[Rcpp::export(rng = false)]]
Rcpp::List metric_names_cpp() {
  Rcpp::CharacterVector names(m::kMetricCount);
  Rcpp::LogicalVector ranking(m::kMetricCount), probability(m::kMetricCount), lower(m::kMetricCount);
  for (std::size_t i = 0; i < m::kMetricCount; ++i) {
    names[i] = m::kMetrics[i].name;
    ranking[i] = m::kMetrics[i].ranking();
    probability[i] = m::kMetrics[i].probability();
    lower[i] = m::kMetrics[i].lower_is_better;
  }
  std::vector<std::string> aliases, targets;
  for (const m::MetricAlias& a : m::kMetricAliases) {
    aliases.push_back(a.alias);
    targets.push_back(a.name);
  }
  Rcpp::CharacterVector alias = Rcpp::wrap(targets);
  alias.names() = Rcpp::wrap(aliases);
  return Rcpp::List::create(Rcpp::Named("name") = names, Rcpp::Named("ranking") = ranking,
                            Rcpp::Named("probability") = probability, Rcpp::Named("lower_is_better") = lower,
                            Rcpp::Named("alias") = alias);
}

// Every ranking metric of the registry (ROC-AUC is NaN with one class) from
// one sort, and the class counts. truth
// holds 0/1, or other codes for the event and the non-event, such as a
// two-level factor's (which saves R an indicator vector as long as the data).
// `weights`: NULL or case weights (n_pos and n_neg then count rows of positive weight).
// [[Rcpp::export(rng = false)]]
Rcpp::NumericVector metric_ranking_cpp(Rcpp::IntegerVector truth, Rcpp::NumericVector prob, int n_threads,
                                       int event_code = 1, int non_event_code = 0, SEXP weights = R_NilValue) {
  check_same_length(truth.size(), prob.size());
  const m::detail::LabelCodes codes{event_code, non_event_code};
  const m::Ranking r = m::ranking_metrics(truth.begin(), prob.begin(), truth.size(), glue::executor(n_threads), codes,
                                          glue::case_weights_from_r(weights, truth.size()));
  const m::ClassMetrics no_class{};
  std::vector<std::string> names;
  std::vector<double> values;
  for (std::size_t i = 0; i < m::kMetricCount; ++i) {
    if (!m::kMetrics[i].ranking()) continue;
    names.push_back(m::kMetrics[i].name);
    values.push_back(m::metric_value(i, no_class, r));
  }
  names.insert(names.end(), {"n_pos", "n_neg"});
  values.insert(values.end(), {double(r.n_pos), double(r.n_neg)});
  Rcpp::NumericVector out = Rcpp::wrap(values);
  out.names() = Rcpp::wrap(names);
  return out;
}

// Every probability metric of the registry (Brier score, log loss), named as
// there; truth codes and weights as for metric_ranking_cpp().
// [[Rcpp::export(rng = false)]]
Rcpp::NumericVector metric_probability_cpp(Rcpp::IntegerVector truth, Rcpp::NumericVector prob, int event_code = 1,
                                           int non_event_code = 0, SEXP weights = R_NilValue) {
  check_same_length(truth.size(), prob.size());
  const m::ProbabilityScores p = m::probability_scores(truth.begin(), prob.begin(), truth.size(),
                                                       m::detail::LabelCodes{event_code, non_event_code},
                                                       glue::case_weights_from_r(weights, truth.size()));
  std::vector<std::string> names;
  std::vector<double> values;
  for (std::size_t i = 0; i < m::kMetricCount; ++i) {
    if (!m::kMetrics[i].probability()) continue;
    names.push_back(m::kMetrics[i].name);
    values.push_back(m::metric_value(i, m::ClassMetrics{}, m::Ranking{}, p));
  }
  Rcpp::NumericVector out = Rcpp::wrap(values);
  out.names() = Rcpp::wrap(names);
  return out;
}

// ROC curve points: threshold (+Inf first, then distinct scores descending), fpr, tpr;
// with `weights`, rates of summed case weights.
// [[Rcpp::export(rng = false)]]
Rcpp::List metric_roc_curve_cpp(Rcpp::IntegerVector truth, Rcpp::NumericVector prob, int n_threads,
                                SEXP weights = R_NilValue) {
  check_same_length(truth.size(), prob.size());
  const m::RocPoints p =
      m::roc_points(m::binary_clf_curve(truth.begin(), prob.begin(), truth.size(), glue::executor(n_threads), {},
                                        glue::case_weights_from_r(weights, truth.size())));
  return Rcpp::List::create(Rcpp::Named("threshold") = Rcpp::wrap(p.thresholds), Rcpp::Named("fpr") = Rcpp::wrap(p.fpr),
                            Rcpp::Named("tpr") = Rcpp::wrap(p.tpr));
}

// PR curve points: threshold (+Inf first, then distinct scores descending), recall, precision;
// with `weights`, of summed case weights.
// [[Rcpp::export(rng = false)]]
Rcpp::List metric_pr_curve_cpp(Rcpp::IntegerVector truth, Rcpp::NumericVector prob, int n_threads,
                               SEXP weights = R_NilValue) {
  check_same_length(truth.size(), prob.size());
  const m::PrPoints p =
      m::pr_points(m::binary_clf_curve(truth.begin(), prob.begin(), truth.size(), glue::executor(n_threads), {},
                                       glue::case_weights_from_r(weights, truth.size())));
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

// Counts of missing values, of values outside [0, 1] and of infinite ones
// (which are outside too), in one pass.
// [[Rcpp::export(rng = false)]]
Rcpp::NumericVector prob_problems_cpp(const Rcpp::NumericVector& prob) {
  double missing = 0, outside = 0, infinite = 0;
  for (double v : prob) {
    if (std::isnan(v))
      ++missing;
    else if (v < 0 || v > 1)
      ++outside, infinite += std::isinf(v);
  }
  return Rcpp::NumericVector::create(Rcpp::Named("missing") = missing, Rcpp::Named("outside") = outside,
                                     Rcpp::Named("infinite") = infinite);
}
