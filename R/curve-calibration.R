#' Calibration curve (reliability diagram data)
#'
#' Bins the predicted probabilities and compares, in each bin, the mean
#' predicted probability with the fraction of rows that are the event, as
#' scikit-learn's `calibration_curve()`. A calibrated model's points lie on
#' the diagonal: among rows predicted at 0.2, a fifth are events.
#'
#' With `strategy = "uniform"` the bins split `[0, 1]` into `n_bins` equal
#' widths; with `"quantile"` their edges are the quantiles of `prob` (numpy's
#' linear percentiles, R's [stats::quantile()] type 7), so bins hold about as
#' many rows each. A row falls in the bin whose upper edge is the first edge
#' at or above its probability, as numpy's `searchsorted()`; empty bins are
#' left out.
#'
#' @inheritParams metrics_binary
#' @param n_bins The number of bins, a whole number >= 1.
#' @param strategy `"uniform"` or `"quantile"`, as above.
#' @return A tibble of class `smotelab_calibration_curve`, one row per
#'   non-empty bin in increasing order: `bin` (1 to `n_bins`), `prob_pred`
#'   (mean predicted probability), `prob_true` (fraction of events) and `n`
#'   (rows). [autoplot()] draws it.
#' @seealso [plot_calibration()] for several fitted pipelines,
#'   [brier_vec()] and [log_loss_vec()] for one-number summaries,
#'   [calibrate()] to correct a model.
#' @family curves
#' @export
#' @examples
#' truth <- factor(c(0, 0, 0, 0, 1, 1, 1, 1, 1))
#' prob <- c(0.1, 0.2, 0.3, 0.4, 0.65, 0.7, 0.8, 0.9, 1)
#' calibration_curve(truth, prob, n_bins = 3)
#' autoplot(calibration_curve(truth, prob, n_bins = 3))
calibration_curve <- function(truth, prob, n_bins = 10, strategy = c("uniform", "quantile"), event = NULL) {
  input <- check_binary_prob(truth, prob, event)
  check_count(n_bins, min = 1)
  strategy <- check_choice(strategy, c("uniform", "quantile"))
  y <- event_indicator(input$truth, input$event)
  p <- input$prob
  edges <- if (strategy == "uniform") seq(0, 1, length.out = n_bins + 1) else numpy_percentiles(p, n_bins)
  bin <- findInterval(p, edges[-c(1, n_bins + 1)], left.open = TRUE) + 1L
  n <- tabulate(bin, n_bins)
  kept <- which(n > 0)
  sums <- rowsum(cbind(p, y), bin, reorder = TRUE)
  out <- tibble::tibble(
    bin = kept,
    prob_pred = unname(sums[, 1]) / n[kept],
    prob_true = unname(sums[, 2]) / n[kept],
    n = n[kept]
  )
  structure(out, class = c("smotelab_calibration_curve", class(out)), strategy = strategy, n_bins = n_bins)
}

# np.percentile(p, linspace(0, 1, n_bins + 1) * 100) with numpy's "linear"
# method, step by step, so that bin edges equal numpy's to the last bit (a
# probability equal to an edge falls in the same bin as in scikit-learn).
numpy_percentiles <- function(p, n_bins) {
  sorted <- sort(p)
  n <- length(sorted)
  q <- seq(0, 1, length.out = n_bins + 1) * 100 / 100
  virtual <- q * (n - 1)
  below <- floor(virtual)
  gamma <- virtual - below
  a <- sorted[below + 1]
  b <- sorted[pmin(below + 2, n)]
  diff <- b - a
  ifelse(gamma >= 0.5, b - diff * (1 - gamma), a + diff * gamma)
}

#' Plot a calibration curve
#'
#' A reliability diagram: the fraction of events against the mean predicted
#' probability per bin, with the diagonal of perfect calibration; point areas
#' show how many rows each bin holds.
#'
#' @param object A curve from [calibration_curve()].
#' @param ... Not used.
#' @return A ggplot object, which can be extended with `+`.
#' @family plots
#' @export
#' @examples
#' truth <- factor(c(0, 0, 0, 0, 1, 1, 1, 1, 1))
#' prob <- c(0.1, 0.2, 0.3, 0.4, 0.65, 0.7, 0.8, 0.9, 1)
#' autoplot(calibration_curve(truth, prob, n_bins = 3))
autoplot.smotelab_calibration_curve <- function(object, ...) {
  ggplot2::ggplot(tibble::as_tibble(object), ggplot2::aes(x = .data$prob_pred, y = .data$prob_true)) +
    ggplot2::geom_abline(slope = 1, intercept = 0, linetype = "dashed", colour = "grey50") +
    ggplot2::geom_line() +
    ggplot2::geom_point(ggplot2::aes(size = .data$n)) +
    ggplot2::scale_size_area(max_size = 4) +
    ggplot2::coord_equal(xlim = c(0, 1), ylim = c(0, 1)) +
    ggplot2::labs(x = "Mean predicted probability", y = "Fraction of events", size = "rows") +
    ggplot2::theme_minimal()
}
