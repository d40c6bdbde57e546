#' Binary classification metrics
#'
#' `metrics_binary()` computes every metric smotelab knows from the true
#' classes and the predicted probability of the event, with
#' scikit-learn's definitions.
#'
#' The predicted class is the event when `prob > threshold` (strictly), which
#' is what scikit-learn's `LogisticRegression.predict()` does: it predicts the
#' second class when the decision value is `> 0`, that is when the probability
#' is `> 0.5`.
#'
#' * `accuracy`, `balanced_accuracy` (mean recall over the classes present in
#'   `truth`), `precision`, `recall` (sensitivity), `specificity`, `f1`,
#'   `gmean` (`sqrt(recall * specificity)`) and `mcc` (Matthews correlation)
#'   are computed from the confusion counts at `threshold`.
#' * `precision_macro`, `recall_macro` and `f1_macro` are the unweighted means
#'   over both classes (scikit-learn's `average = "macro"` with both labels).
#' * `roc_auc` is `roc_auc_score()`: the trapezoidal area under the ROC curve,
#'   with one point per distinct probability, so tied probabilities count half.
#' * `pr_auc` is `average_precision_score()`: the step-wise sum
#'   \eqn{\sum_n (R_n - R_{n-1}) P_n} over distinct thresholds, not a
#'   trapezoid. A model that ranks at random scores about the prevalence.
#' * `brier` is `brier_score_loss()`, the mean of \eqn{(y - p)^2}, and
#'   `log_loss` is `log_loss()`, the mean of \eqn{-\log} of the probability
#'   given to the true class, with \eqn{p} clipped to
#'   \eqn{[\epsilon, 1 - \epsilon]} (\eqn{\epsilon} the double precision
#'   machine epsilon, scikit-learn's `eps = "auto"`). They judge the
#'   probabilities themselves, not a threshold or a ranking, and lower is
#'   better: [grid_search()] and [tune_threshold()] minimise them.
#'
#' With `case_weights`, every metric is scikit-learn's with `sample_weight`:
#' a row of weight \eqn{w} counts as \eqn{w} rows in the confusion counts,
#' in the cumulative counts of the ROC and precision-recall curves and in the
#' means of the Brier score and log loss, so integer weights give the metrics
#' of the data with each row repeated that many times. Rows of weight 0 count
#' as absent.
#'
#' Where scikit-learn divides by zero and returns 0 with a warning (for
#' example precision when no row is predicted as the event), the metric is 0
#' and a warning of class `smotelab_warning_zero_division` is raised. When
#' `truth` holds one class only, `roc_auc` is `NA` (scikit-learn raises an
#' error), `balanced_accuracy` is the recall of the class present, `pr_auc` is
#' 0 if no event is present, and a warning of class `smotelab_warning_one_class`
#' is raised. `mcc` is 0 when undefined, silently, as in scikit-learn.
#'
#' @param truth The true classes: a factor with two levels, or a character
#'   vector with two distinct values (levels in sorted order).
#' @param prob The predicted probability of the event: numbers in `[0, 1]`, one
#'   per element of `truth`.
#' @param threshold The probability above which the event is predicted, a
#'   number in `[0, 1]`.
#' @param event The level of `truth` that is the event (the positive class).
#'   `NULL` takes the second level, as scikit-learn's `pos_label = 1`.
#' @param case_weights `NULL`, or one case weight per element of `truth`:
#'   finite numbers `>= 0`, not all 0 (scikit-learn's `sample_weight`).
#' @return A tibble with columns `.metric` (character) and `.estimate`
#'   (double), one row for each of `accuracy`, `balanced_accuracy`,
#'   `precision`, `recall`, `specificity`, `f1`, `gmean`, `mcc`,
#'   `precision_macro`, `recall_macro`, `f1_macro`, `roc_auc`, `pr_auc`,
#'   `brier` and `log_loss`.
#' @family metrics
#' @export
#' @examples
#' truth <- factor(c("neg", "neg", "pos", "pos", "neg", "pos"))
#' prob <- c(0.1, 0.6, 0.35, 0.8, 0.2, 0.9)
#' metrics_binary(truth, prob)
#' metrics_binary(truth, prob, threshold = 0.3)
#' metrics_binary(truth, prob, case_weights = c(1, 1, 2, 2, 1, 0.5))
metrics_binary <- function(truth, prob, threshold = 0.5, event = NULL, case_weights = NULL) {
  input <- check_binary_prob(truth, prob, event)
  check_number_decimal(threshold, min = 0, max = 1, class = argument_error)
  case_weights <- check_metric_weights(case_weights, length(input$prob))
  values <- compute_metrics(input$truth, input$prob, metric_names(), threshold,
    event = input$event, case_weights = case_weights
  )
  tibble::tibble(.metric = names(values), .estimate = unname(values))
}

# The metric names every evaluation accepts, in the order metrics_binary()
# reports them, from the core's registry (smotelab/metrics.hpp).
metric_names <- function() {
  with_core(metric_names_cpp())$name
}

# Metrics of the confusion counts at a threshold (the others rank scores).
class_metric_names <- function() {
  registry <- with_core(metric_names_cpp())
  registry$name[!registry$ranking & !registry$probability]
}

# Metrics of the probabilities themselves (losses such as the Brier score).
probability_metric_names <- function() {
  registry <- with_core(metric_names_cpp())
  registry$name[registry$probability]
}

# Whether a larger value of each metric (names or aliases) is better, from
# the registry: losses are minimised by grid_search() and tune_threshold().
metric_higher_is_better <- function(metrics) {
  registry <- with_core(metric_names_cpp())
  canonical <- ifelse(metrics %in% names(registry$alias), registry$alias[metrics], metrics)
  !registry$lower_is_better[match(canonical, registry$name)]
}

# Alias -> metric, e.g. c(average_precision = "pr_auc").
metric_aliases <- function() {
  with_core(metric_names_cpp())$alias
}

check_metric_names <- function(metrics, call = caller_env()) {
  if (!is.character(metrics) || length(metrics) == 0 || anyNA(metrics)) {
    abort_smotelab(
      "{.arg metrics} must be a character vector of metric names.",
      "argument",
      call = call
    )
  }
  valid <- c(metric_names(), names(metric_aliases()))
  unknown <- setdiff(metrics, valid)
  if (length(unknown) > 0) {
    abort_smotelab(
      c(
        "{.arg metrics} must name known metrics.",
        "x" = "Unknown: {.val {unknown}}.",
        "i" = "Valid names: {.val {valid}}."
      ),
      "argument",
      call = call
    )
  }
  metrics
}

# Scores 0/1 labels (1 = event) against probabilities for the named metrics.
# Shared with the evaluation engines, which have validated their inputs.
# `truth01` may instead be a two-level factor with `event` one of its levels:
# the ranking metrics then read its codes in place, with no indicator vector.
# `case_weights`: NULL or checked weights, one per row.
# Returns a double vector named as `metrics` was given.
compute_metrics <- function(truth01, prob, metrics = metric_names(),
                            threshold = 0.5, call = caller_env(), event = NULL, case_weights = NULL) {
  metrics <- check_metric_names(metrics, call = call)
  aliases <- metric_aliases()
  canonical <- ifelse(metrics %in% names(aliases), aliases[metrics], metrics)
  codes <- c(1L, 0L)
  if (is.factor(truth01)) {
    codes[1] <- match(event, levels(truth01))
    codes[2] <- 3L - codes[1]
  } else {
    truth01 <- as.integer(truth01)
  }
  prob <- as.double(prob)
  values <- stats::setNames(rep(NA_real_, length(metrics)), metrics)

  one_class <- character()
  n_non_event <- NULL
  class_wanted <- canonical %in% class_metric_names()
  if (any(class_wanted)) {
    labels01 <- if (is.factor(truth01)) with_core(event_indicator_cpp(truth01, codes[1]), call = call) else truth01
    counts <- with_core(metric_confusion_cpp(labels01, prob, threshold, case_weights), call = call)
    scored <- class_metric_values(counts, unique(canonical[class_wanted]), call = call)
    values[class_wanted] <- scored$values[canonical[class_wanted]]
    one_class <- scored$one_class
    n_non_event <- counts[["fp"]] + counts[["tn"]]
  }
  proba_wanted <- canonical %in% probability_metric_names()
  if (any(proba_wanted)) {
    scored <- with_core(metric_probability_cpp(truth01, prob, codes[1], codes[2], case_weights), call = call)
    values[proba_wanted] <- scored[canonical[proba_wanted]]
  }
  rank_wanted <- !class_wanted & !proba_wanted
  if (any(rank_wanted)) {
    ranking <- with_core(
      metric_ranking_cpp(truth01, prob, resolve_threads(call = call), codes[1], codes[2], case_weights),
      call = call
    )
    auc <- ranking[setdiff(names(ranking), c("n_pos", "n_neg"))]
    auc[is.nan(auc)] <- NA_real_
    values[rank_wanted] <- auc[canonical[rank_wanted]]
    if ("roc_auc" %in% canonical && is.na(auc[["roc_auc"]])) {
      one_class <- c(one_class, "roc_auc")
    }
    if ("pr_auc" %in% canonical && ranking[["n_pos"]] == 0) {
      one_class <- c(one_class, "pr_auc")
    }
    n_non_event <- ranking[["n_neg"]]
  }
  warn_one_class(one_class, present = if (isTRUE(n_non_event == 0)) "event" else "non-event")
  values
}

# Class metrics from counts c(tp, fp, fn, tn), raising the zero-division
# warning for the requested metrics that hit one. Returns the values and the
# requested metrics that saw one class only (for the caller to report).
class_metric_values <- function(counts, metrics, call = caller_env()) {
  scored <- with_core(metric_class_cpp(counts), call = call)
  zero <- scored$zero_division
  hit <- intersect(metrics, names(zero)[zero])
  if (length(hit) > 0) {
    warn_smotelab(
      c(
        "{.val {hit}} {cli::qty(length(hit))}{?has a/have} zero denominator{?s} and {?is/are} set to 0, as in scikit-learn.", # nolint: line_length_linter.
        "i" = "Counts: tp = {counts[['tp']]}, fp = {counts[['fp']]}, fn = {counts[['fn']]}, tn = {counts[['tn']]}."
      ),
      "zero_division"
    )
  }
  list(
    values = scored$values,
    one_class = if (scored$one_class && "balanced_accuracy" %in% metrics) "balanced_accuracy" else character()
  )
}

warn_one_class <- function(metrics, present) {
  if (length(metrics) == 0) {
    return(invisible())
  }
  why <- c(
    roc_auc = "{.val roc_auc} is NA: it needs both classes.",
    pr_auc = "{.val pr_auc} is 0: there is no event to find.",
    balanced_accuracy = "{.val balanced_accuracy} is the recall of the class present."
  )
  bullets <- why[unique(metrics)]
  names(bullets) <- rep("i", length(bullets))
  warn_smotelab(
    c("{.arg truth} has only one class present (the {present} class).", bullets),
    "one_class"
  )
}
