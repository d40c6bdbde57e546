#' Reliability diagrams of several models on one plot
#'
#' Each fitted pipeline predicts `new_data` (which must hold the outcome
#' column) and its [calibration_curve()] is drawn, with the diagonal of
#' perfect calibration. A rug along the bottom shows where each model's
#' predicted probabilities fall, which tells a bin of a few rows from a bin
#' of thousands. The legend gives each model's Brier score ([brier_vec()]).
#'
#' @inheritParams plot_roc
#' @inheritParams calibration_curve
#' @return A ggplot object, one line per model, which can be extended with `+`.
#' @family plots
#' @export
#' @examples
#' d <- make_imbalanced(n_samples = 800, seed = 1)
#' split <- split_stratified(d, class, seed = 1)
#' fits <- list(
#'   baseline = fit(imb_pipeline(scale = step_scale(), clf = model_logistic()),
#'                  class ~ ., split$train, seed = 1, n_threads = 1),
#'   smote = fit(imb_pipeline(scale = step_scale(), smote = step_smote(), clf = model_logistic()),
#'               class ~ ., split$train, seed = 1, n_threads = 1)
#' )
#' plot_calibration(fits, split$test, n_bins = 5)
plot_calibration <- function(fits, new_data, n_bins = 10, strategy = c("uniform", "quantile"), event = NULL) {
  call <- rlang::current_env()
  fits <- check_fits(fits, call)
  check_data(new_data, call = call)
  check_count(n_bins, min = 1, call = call)
  strategy <- check_choice(strategy, c("uniform", "quantile"), call = call)
  event <- resolve_event(fits[[1]]$blueprint$outcome_levels, event, whose = "the outcome", call = call)
  scores <- lapply(fits, held_out_scores, new_data = new_data, event = event, call = call)
  brier <- vapply(scores, function(s) brier_vec(s$truth, s$prob, event = event), double(1))
  labels <- paste0(names(fits), " (Brier = ", formatC(brier, format = "f", digits = 4), ")")
  curves <- do.call(rbind, lapply(seq_along(fits), function(i) {
    curve <- tibble::as_tibble(calibration_curve(scores[[i]]$truth, scores[[i]]$prob,
      n_bins = n_bins, strategy = strategy, event = event
    ))
    curve$model <- rep(labels[i], nrow(curve))
    curve
  }))
  curves$model <- factor(curves$model, levels = labels)
  rug <- tibble::tibble(
    prob = unlist(lapply(scores, `[[`, "prob"), use.names = FALSE),
    model = factor(rep(labels, vapply(scores, function(s) length(s$prob), integer(1))), levels = labels)
  )
  ggplot2::ggplot(curves, ggplot2::aes(x = .data$prob_pred, y = .data$prob_true, colour = .data$model)) +
    ggplot2::geom_abline(slope = 1, intercept = 0, linetype = "dashed", colour = "grey50") +
    ggplot2::geom_rug(
      data = rug, ggplot2::aes(x = .data$prob, colour = .data$model), inherit.aes = FALSE,
      sides = "b", alpha = 0.25, length = ggplot2::unit(0.03, "npc")
    ) +
    ggplot2::geom_line() +
    ggplot2::geom_point(size = 1.5) +
    ggplot2::coord_equal(xlim = c(0, 1), ylim = c(0, 1)) +
    ggplot2::labs(
      x = "Mean predicted probability (bins)", y = "Fraction of events", colour = NULL
    ) +
    curve_theme()
}
