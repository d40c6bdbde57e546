#' Precision-recall curve
#'
#' The points of the precision-recall curve, as scikit-learn's
#' `precision_recall_curve()` in reverse order: one point per distinct
#' score, where a row counts as predicted event when
#' `prob >= .threshold`, highest threshold first. The first row is
#' scikit-learn's final point (recall 0, precision 1), given
#' `.threshold = Inf`. [pr_auc_vec()] (average precision) is
#' \eqn{\sum_n (R_n - R_{n-1}) P_n} over these rows.
#'
#' @inheritParams roc_curve
#' @param case_weights `NULL`, or one case weight per element of `truth`
#'   (finite, >= 0, not all 0), as scikit-learn's `sample_weight`: the rates
#'   are of summed weights, and a row of weight 0 is absent (it adds no point).
#' @return A tibble of class `smotelab_pr_curve` with columns `.threshold`
#'   (decreasing), `recall` and `precision`, and an attribute `prevalence`
#'   (the share of events in `truth`, of the summed weights with
#'   `case_weights`: the precision of a random ranking). With
#'   no event in `truth`, recall is 1 at every finite threshold as in
#'   scikit-learn, with a warning of class `smotelab_warning_one_class`.
#'   [autoplot()] draws it.
#' @family curves
#' @export
#' @examples
#' truth <- factor(c("neg", "neg", "pos", "pos", "neg", "pos"))
#' prob <- c(0.1, 0.6, 0.35, 0.8, 0.2, 0.9)
#' pr_curve(truth, prob)
#' autoplot(pr_curve(truth, prob))
pr_curve <- function(truth, prob, event = NULL, case_weights = NULL) {
  input <- check_binary_prob(truth, prob, event, ranking = TRUE)
  case_weights <- check_metric_weights(case_weights, length(input$prob))
  truth01 <- event_indicator(input$truth, input$event)
  pts <- with_core(metric_pr_curve_cpp(truth01, input$prob, resolve_threads(), case_weights))
  if (!any(truth01 == 1L)) {
    warn_smotelab(
      c("{.arg truth} has no event, so recall is undefined.",
        "i" = "Recall is set to 1 at every threshold, as in scikit-learn."
      ),
      "one_class"
    )
  }
  out <- tibble::tibble(.threshold = pts$threshold, recall = pts$recall, precision = pts$precision)
  prevalence <- if (is.null(case_weights)) mean(truth01) else sum(case_weights[truth01 == 1L]) / sum(case_weights)
  structure(out, prevalence = prevalence, class = c("smotelab_pr_curve", class(out)))
}

#' @rdname autoplot_curves
#' @export
autoplot.smotelab_pr_curve <- function(object, ...) {
  ggplot2::ggplot(
    tibble::as_tibble(object),
    ggplot2::aes(x = .data$recall, y = .data$precision)
  ) +
    ggplot2::geom_hline(yintercept = attr(object, "prevalence"), linetype = "dashed", colour = "grey50") +
    ggplot2::geom_step(direction = "vh") +
    ggplot2::coord_equal(xlim = c(0, 1), ylim = c(0, 1)) +
    ggplot2::labs(x = "Recall", y = "Precision") +
    ggplot2::theme_minimal()
}
