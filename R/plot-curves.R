#' ROC and precision-recall curves of several models on one plot
#'
#' Each fitted pipeline predicts `new_data`, which must hold the outcome column
#' the pipelines were fitted on, and its curve is drawn as [roc_curve()] or
#' [pr_curve()] computes it. The legend gives each model's area:
#' [roc_auc_vec()] for the ROC plot, [pr_auc_vec()] (average precision) for
#' the precision-recall plot.
#'
#' `plot_roc()` adds the diagonal of a model that ranks at random.
#' `plot_pr()` draws each curve as steps (the area under the steps is the
#' average precision) and adds a dashed line at the prevalence of the event in
#' `new_data`, the precision of a model that ranks at random.
#'
#' @param fits A named list of fitted pipelines from [fit()]; the names label
#'   the models. A single fitted pipeline is accepted too and is labelled with
#'   its model.
#' @param new_data A data frame with the predictors and the outcome column,
#'   held out from training.
#' @param event The event class; `NULL` means the second outcome level.
#' @return A ggplot object, one line per model, which can be extended with `+`.
#' @seealso [compare_models()] and [plot_metrics()] for the metrics at one
#'   threshold.
#' @family plots
#' @export
#' @examples
#' d <- make_imbalanced(n_samples = 600, seed = 1)
#' split <- split_stratified(d, class, seed = 1)
#' fits <- list(
#'   baseline = fit(imb_pipeline(scale = step_scale(), clf = model_logistic()),
#'                  class ~ ., split$train, seed = 1, n_threads = 1),
#'   smote = fit(imb_pipeline(scale = step_scale(), smote = step_smote(), clf = model_logistic()),
#'               class ~ ., split$train, seed = 1, n_threads = 1)
#' )
#' plot_roc(fits, split$test)
#' plot_pr(fits, split$test) + ggplot2::ggtitle("Held-out precision-recall")
plot_roc <- function(fits, new_data, event = NULL) {
  call <- rlang::current_env()
  curves <- model_curves(fits, new_data, event, roc_curve, roc_auc_vec, "AUC", call)
  curves$data$fpr <- 1 - curves$data$specificity
  ggplot2::ggplot(curves$data, ggplot2::aes(x = .data$fpr, y = .data$sensitivity, colour = .data$model)) +
    ggplot2::geom_abline(slope = 1, intercept = 0, linetype = "dashed", colour = "grey50") +
    ggplot2::geom_path() +
    ggplot2::coord_equal(xlim = c(0, 1), ylim = c(0, 1)) +
    ggplot2::labs(
      x = "1 - specificity (false positive rate)", y = "Sensitivity (true positive rate)",
      colour = NULL
    ) +
    curve_theme()
}

#' @rdname plot_roc
#' @export
plot_pr <- function(fits, new_data, event = NULL) {
  call <- rlang::current_env()
  curves <- model_curves(fits, new_data, event, pr_curve, pr_auc_vec, "AP", call)
  ggplot2::ggplot(curves$data, ggplot2::aes(x = .data$recall, y = .data$precision, colour = .data$model)) +
    ggplot2::geom_hline(yintercept = curves$prevalence, linetype = "dashed", colour = "grey50") +
    ggplot2::geom_step(direction = "vh") +
    ggplot2::coord_equal(xlim = c(0, 1), ylim = c(0, 1)) +
    ggplot2::labs(x = "Recall", y = "Precision", colour = NULL) +
    curve_theme()
}

curve_theme <- function() {
  list(
    ggplot2::theme_minimal(),
    # Beside the panel: below it, a long legend of many models squeezes the
    # square panel (coord_equal) to a fraction of the figure.
    ggplot2::theme(legend.position = "right"),
    ggplot2::guides(colour = ggplot2::guide_legend(ncol = 1))
  )
}

# One curve per fit, stacked, with a `model` factor whose levels are the
# legend labels (name and area) in the order of `fits`; and the prevalence of
# the event in `new_data`.
model_curves <- function(fits, new_data, event, curve_fn, area_fn, area_name, call) {
  fits <- check_fits(fits, call)
  check_data(new_data, call = call)
  event <- resolve_event(fits[[1]]$blueprint$outcome_levels, event, whose = "the outcome", call = call)
  scores <- lapply(fits, held_out_scores, new_data = new_data, event = event, call = call)
  areas <- vapply(scores, function(s) area_fn(s$truth, s$prob, event = event), double(1))
  labels <- paste0(names(fits), " (", area_name, " = ", formatC(areas, format = "f", digits = 3), ")")
  parts <- lapply(seq_along(fits), function(i) {
    curve <- tibble::as_tibble(curve_fn(scores[[i]]$truth, scores[[i]]$prob, event = event))
    curve$model <- rep(labels[i], nrow(curve))
    curve
  })
  data <- do.call(rbind, parts)
  data$model <- factor(data$model, levels = labels)
  truth <- scores[[1]]$truth
  list(data = data, prevalence = mean(truth == event))
}

# `fits` as a named list of smotelab_fit objects that share one outcome.
check_fits <- function(fits, call = caller_env()) {
  if (inherits(fits, "smotelab_fit")) {
    fits <- stats::setNames(list(fits), format(pipeline_model(fits$pipeline)))
  }
  if (!is.list(fits) || is.data.frame(fits)) {
    abort_smotelab(
      "{.arg fits} must be a named list of fitted pipelines from {.fn fit}, not {.obj_type_friendly {fits}}.",
      "type",
      call = call
    )
  }
  if (length(fits) == 0) {
    abort_smotelab("{.arg fits} must hold at least one fitted pipeline; it is empty.", "empty", call = call)
  }
  not_fit <- which(!vapply(fits, inherits, logical(1), "smotelab_fit"))
  if (length(not_fit)) {
    first <- fits[[not_fit[1]]]
    abort_smotelab(
      c("Every element of {.arg fits} must be a fitted pipeline from {.fn fit}.",
        "x" = "Element {not_fit[1]} is {.obj_type_friendly {first}}.",
        "i" = if (length(not_fit) > 1) "{length(not_fit)} elements are not fitted pipelines."
      ),
      "type",
      call = call
    )
  }
  nms <- names(fits)
  if (is.null(nms) && length(fits) == 1) {
    nms <- format(pipeline_model(fits[[1]]$pipeline))
  }
  if (is.null(nms)) {
    abort_smotelab(
      c("{.arg fits} must be a named list: the names label the models.",
        "x" = "It has {length(fits)} unnamed elements."
      ),
      "argument",
      call = call
    )
  }
  unnamed <- which(is.na(nms) | nms == "")
  if (length(unnamed)) {
    abort_smotelab(
      c("Every element of {.arg fits} must have a name.",
        "x" = "{length(unnamed)} element{?s} {?has/have} none, at position{?s} {unnamed}."
      ),
      "argument",
      call = call
    )
  }
  if (anyDuplicated(nms)) {
    dup <- unique(nms[duplicated(nms)])
    abort_smotelab(
      c("The names of {.arg fits} must be unique.",
        "x" = "{.val {dup}} {?is/are} used more than once."
      ),
      "argument",
      call = call
    )
  }
  names(fits) <- nms
  outcomes <- vapply(
    fits, function(f) paste0(f$blueprint$outcome, " (", paste(f$blueprint$outcome_levels, collapse = ", "), ")"),
    character(1)
  )
  if (length(unique(outcomes)) > 1) {
    # Interpolated as values, so braces in names or levels stay literal.
    shown <- paste0(names(fits), ": ", outcomes)
    bullets <- stats::setNames(paste0("{shown[", seq_along(shown), "]}"), rep("*", length(shown)))
    abort_smotelab(
      c("Every fit in {.arg fits} must have the same outcome column and levels.", bullets),
      "levels",
      call = call
    )
  }
  fits
}
