#' ROC curve
#'
#' The points of the receiver operating characteristic curve, as
#' scikit-learn's `roc_curve(drop_intermediate = FALSE)`: one point per
#' distinct score, where a row counts as predicted event when
#' `prob >= .threshold`. The first row has `.threshold = Inf` (no row predicted
#' as the event; scikit-learn 1.2 used the largest probability plus one there).
#' [roc_auc_vec()] is the trapezoidal area under these points.
#'
#' @inheritParams metrics_binary
#' @param prob The predicted score of the event, one per element of `truth`:
#'   probabilities or any other finite scores, larger meaning more likely the
#'   event.
#' @param case_weights `NULL`, or one case weight per element of `truth`
#'   (finite, >= 0, not all 0), as scikit-learn's `sample_weight`: the rates
#'   are of summed weights, and a row of weight 0 is absent (it adds no point).
#' @return A tibble of class `smotelab_roc_curve` with columns `.threshold`
#'   (decreasing), `specificity` (1 - false positive rate) and `sensitivity`
#'   (true positive rate), going from `(1, 0)` to `(0, 1)`. When `truth` holds
#'   one class only, the rates that need the other class are `NA`, with a
#'   warning of class `smotelab_warning_one_class`. [autoplot()] draws it.
#' @family curves
#' @export
#' @examples
#' truth <- factor(c("neg", "neg", "pos", "pos", "neg", "pos"))
#' prob <- c(0.1, 0.6, 0.35, 0.8, 0.2, 0.9)
#' roc_curve(truth, prob)
#' autoplot(roc_curve(truth, prob))
roc_curve <- function(truth, prob, event = NULL, case_weights = NULL) {
  input <- check_binary_prob(truth, prob, event, ranking = TRUE)
  case_weights <- check_metric_weights(case_weights, length(input$prob))
  truth01 <- event_indicator(input$truth, input$event)
  pts <- with_core(metric_roc_curve_cpp(truth01, input$prob, resolve_threads(), case_weights))
  if (all(truth01 == truth01[1])) {
    warn_smotelab(
      c("{.arg truth} has only one class present, so the ROC curve is undefined.",
        "i" = "The rate that needs the missing class is NA."
      ),
      "one_class"
    )
  }
  out <- tibble::tibble(
    .threshold = pts$threshold,
    specificity = nan_to_na(1 - pts$fpr),
    sensitivity = nan_to_na(pts$tpr)
  )
  class(out) <- c("smotelab_roc_curve", class(out))
  out
}

nan_to_na <- function(x) {
  x[is.nan(x)] <- NA_real_
  x
}

#' Plot a ROC or precision-recall curve
#'
#' The ROC curve is drawn with the diagonal of a model that ranks at random;
#' the precision-recall curve as a step function (the area under the steps is
#' [pr_auc_vec()]) with a dashed line at the prevalence, the precision of a
#' model that ranks at random.
#'
#' @param object A curve from [roc_curve()] or [pr_curve()].
#' @param ... Not used.
#' @return A ggplot object, which can be extended with `+`.
#' @family plots
#' @name autoplot_curves
#' @examples
#' truth <- factor(c("neg", "neg", "pos", "pos", "neg", "pos"))
#' prob <- c(0.1, 0.6, 0.35, 0.8, 0.2, 0.9)
#' autoplot(roc_curve(truth, prob))
#' autoplot(pr_curve(truth, prob))
NULL

#' @rdname autoplot_curves
#' @export
autoplot.smotelab_roc_curve <- function(object, ...) {
  ggplot2::ggplot(
    tibble::as_tibble(object),
    ggplot2::aes(x = 1 - .data$specificity, y = .data$sensitivity)
  ) +
    ggplot2::geom_abline(slope = 1, intercept = 0, linetype = "dashed", colour = "grey50") +
    ggplot2::geom_path() +
    ggplot2::coord_equal(xlim = c(0, 1), ylim = c(0, 1)) +
    ggplot2::labs(x = "1 - specificity (false positive rate)", y = "Sensitivity (true positive rate)") +
    ggplot2::theme_minimal()
}
