#' G-mean as a yardstick metric
#'
#' `gmean()` is the geometric mean of recall and specificity,
#' \eqn{\sqrt{\mathrm{recall} \cdot \mathrm{specificity}}}, in yardstick's
#' class-metric format, so that it joins yardstick's metrics in
#' [yardstick::metric_set()] (for example `metric_set(roc_auc, pr_auc,
#' gmean)`) and in tune's resampling and tuning. It computes the same number
#' as [gmean_vec()] and the `gmean` of [metrics_binary()].
#'
#' smotelab's own [gmean_vec()] (with its `event` argument) already exists, so
#' the vector form of this metric is that function: the G-mean does not
#' depend on which class is the event (swapping it swaps recall and
#' specificity), so `event_level` changes nothing here.
#'
#' @param data A data frame with the `truth` and `estimate` columns.
#' @param truth,estimate The columns of true and predicted classes (factors
#'   with the same two levels), as bare names.
#' @param estimator Must be `NULL` or `"binary"`: the G-mean is defined here
#'   for two classes.
#' @param na_rm Whether to drop rows where `truth` or `estimate` is missing;
#'   with `FALSE`, a missing value makes the estimate `NA`.
#' @param case_weights Must be left out: smotelab's metrics do not take case
#'   weights.
#' @param event_level Accepted for yardstick's interface; it does not change
#'   the G-mean.
#' @param ... Not used.
#' @return A tibble with `.metric` (`"gmean"`), `.estimator` and
#'   `.estimate`, as yardstick's metrics return.
#' @family metrics
#' @export
#' @examplesIf rlang::is_installed("yardstick")
#' d <- data.frame(
#'   truth = factor(c("neg", "neg", "pos", "pos", "neg", "pos")),
#'   estimate = factor(c("neg", "pos", "neg", "pos", "neg", "pos"))
#' )
#' gmean(d, truth, estimate)
#' gmean_vec(d$truth, d$estimate)
gmean <- structure(
  function(data, ...) UseMethod("gmean"),
  class = c("class_metric", "metric", "function"),
  direction = "maximize",
  range = c(0, 1)
)

#' @rdname gmean
#' @export
gmean.data.frame <- function(data, truth, estimate, estimator = NULL, na_rm = TRUE, case_weights = NULL,
                             event_level = "first", ...) {
  rlang::check_installed("yardstick", reason = "to use `gmean()` on a data frame.")
  if (!is.null(estimator) && !identical(estimator, "binary")) {
    abort_smotelab("{.arg estimator} must be {.code NULL} or {.val binary}, not {.val {estimator}}.", "argument")
  }
  yardstick::class_metric_summarizer(
    name = "gmean",
    fn = gmean_yardstick_vec,
    data = data,
    truth = !!rlang::enquo(truth),
    estimate = !!rlang::enquo(estimate),
    estimator = estimator,
    na_rm = na_rm,
    case_weights = !!rlang::enquo(case_weights),
    event_level = event_level
  )
}

# What yardstick's summariser calls on each group.
gmean_yardstick_vec <- function(truth, estimate, estimator = NULL, na_rm = TRUE, case_weights = NULL,
                                event_level = "first", ...) {
  if (!is.null(case_weights)) {
    abort_smotelab("{.fn gmean} can't use case weights.", "argument", call = NULL)
  }
  missing <- is.na(truth) | is.na(estimate)
  if (any(missing)) {
    if (!na_rm) {
      return(NA_real_)
    }
    truth <- truth[!missing]
    estimate <- estimate[!missing]
  }
  gmean_vec(truth, estimate)
}
