#' Single metrics as numbers
#'
#' Each `*_vec()` function returns one metric as a number, with the same
#' definitions, warnings and validation as [metrics_binary()]. Class metrics
#' take the predicted classes; `roc_auc_vec()` and `pr_auc_vec()` take a score
#' of the event, which only has to rank the rows; `brier_vec()` and
#' `log_loss_vec()` take the predicted probability of the event (in `[0, 1]`)
#' and are losses: lower is better.
#'
#' @inheritParams metrics_binary
#' @param prob The predicted score of the event, one per element of `truth`:
#'   any finite numbers, larger meaning more likely the event. Probabilities,
#'   decision values, log-odds and risk scores give the same areas when they
#'   rank the rows alike (as in scikit-learn, pROC and yardstick).
#' @param estimate The predicted classes: a factor (or character vector) using
#'   the levels of `truth`.
#' @param case_weights `NULL`, or one case weight per element of `truth`
#'   (finite, >= 0, not all 0), as yardstick's `case_weights` and
#'   scikit-learn's `sample_weight`: each row counts with its weight, so
#'   whole-number weights equal repeated rows. See [metrics_binary()].
#' @return A single double. `roc_auc_vec()` returns `NA` (with a warning of
#'   class `smotelab_warning_one_class`) when `truth` holds one class only.
#' @family metrics
#' @name metric_vec
#' @examples
#' truth <- factor(c("neg", "neg", "pos", "pos", "neg", "pos"))
#' prob <- c(0.1, 0.6, 0.35, 0.8, 0.2, 0.9)
#' estimate <- factor(ifelse(prob > 0.5, "pos", "neg"), levels = levels(truth))
#' f1_vec(truth, estimate)
#' gmean_vec(truth, estimate)
#' roc_auc_vec(truth, prob)
#' pr_auc_vec(truth, prob)
#' brier_vec(truth, prob)
#' log_loss_vec(truth, prob)
NULL

#' @rdname metric_vec
#' @export
roc_auc_vec <- function(truth, prob, event = NULL, case_weights = NULL) {
  prob_metric_vec("roc_auc", truth, prob, event, case_weights = case_weights)
}

#' @rdname metric_vec
#' @export
pr_auc_vec <- function(truth, prob, event = NULL, case_weights = NULL) {
  prob_metric_vec("pr_auc", truth, prob, event, case_weights = case_weights)
}

#' @rdname metric_vec
#' @export
brier_vec <- function(truth, prob, event = NULL, case_weights = NULL) {
  prob_metric_vec("brier", truth, prob, event, ranking = FALSE, case_weights = case_weights)
}

#' @rdname metric_vec
#' @export
log_loss_vec <- function(truth, prob, event = NULL, case_weights = NULL) {
  prob_metric_vec("log_loss", truth, prob, event, ranking = FALSE, case_weights = case_weights)
}

#' @rdname metric_vec
#' @export
accuracy_vec <- function(truth, estimate, event = NULL, case_weights = NULL) {
  class_metric_vec("accuracy", truth, estimate, event, case_weights = case_weights)
}

#' @rdname metric_vec
#' @export
balanced_accuracy_vec <- function(truth, estimate, event = NULL, case_weights = NULL) {
  class_metric_vec("balanced_accuracy", truth, estimate, event, case_weights = case_weights)
}

#' @rdname metric_vec
#' @export
precision_vec <- function(truth, estimate, event = NULL, case_weights = NULL) {
  class_metric_vec("precision", truth, estimate, event, case_weights = case_weights)
}

#' @rdname metric_vec
#' @export
recall_vec <- function(truth, estimate, event = NULL, case_weights = NULL) {
  class_metric_vec("recall", truth, estimate, event, case_weights = case_weights)
}

#' @rdname metric_vec
#' @export
specificity_vec <- function(truth, estimate, event = NULL, case_weights = NULL) {
  class_metric_vec("specificity", truth, estimate, event, case_weights = case_weights)
}

#' @rdname metric_vec
#' @export
f1_vec <- function(truth, estimate, event = NULL, case_weights = NULL) {
  class_metric_vec("f1", truth, estimate, event, case_weights = case_weights)
}

#' @rdname metric_vec
#' @export
gmean_vec <- function(truth, estimate, event = NULL, case_weights = NULL) {
  class_metric_vec("gmean", truth, estimate, event, case_weights = case_weights)
}

#' @rdname metric_vec
#' @export
mcc_vec <- function(truth, estimate, event = NULL, case_weights = NULL) {
  class_metric_vec("mcc", truth, estimate, event, case_weights = case_weights)
}

prob_metric_vec <- function(metric, truth, prob, event, ranking = TRUE, case_weights = NULL, call = caller_env()) {
  input <- check_binary_prob(truth, prob, event, ranking = ranking, call = call)
  case_weights <- check_metric_weights(case_weights, length(input$prob), call = call)
  unname(compute_metrics(input$truth, input$prob, metric,
    call = call, event = input$event, case_weights = case_weights
  ))
}

class_metric_vec <- function(metric, truth, estimate, event, case_weights = NULL, call = caller_env()) {
  truth <- check_truth(truth, call = call)
  event <- resolve_event(levels(truth), event, call = call)
  estimate <- check_estimate(estimate, truth, call = call)
  case_weights <- check_metric_weights(case_weights, length(truth), call = call)
  counts <- with_core(
    metric_confusion_labels_cpp(
      event_indicator(truth, event, call), event_indicator(estimate, event, call), case_weights
    ),
    call = call
  )
  scored <- class_metric_values(counts, metric, call = call)
  only_events <- all(unclass(truth) == match(event, levels(truth)))
  warn_one_class(scored$one_class, present = if (only_events) "event" else "non-event")
  unname(scored$values[[metric]])
}
