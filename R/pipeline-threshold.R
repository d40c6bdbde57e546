#' Tune the decision threshold by cross-validation
#'
#' scikit-learn 1.5's `TunedThresholdClassifierCV`: the pipeline is
#' cross-validated; on each fold the metric is computed at `thresholds`
#' evenly spaced thresholds from the fold's smallest to its largest predicted
#' probability; each fold's curve is interpolated linearly onto one grid of
#' thresholds spanning all folds (held constant beyond a fold's range) and
#' the curves are averaged; the best mean is the chosen threshold. The
#' pipeline is then refitted on all rows, and the result predicts classes at
#' that threshold.
#'
#' The folds are fitted exactly as [cross_validate()] fits them (fold `f`
#' with seed `seed + f - 1`), and the refit on all rows (with `seed`, as
#' [grid_search()] refits) runs as one more task beside them.
#'
#' With `constraint = c(recall = 0.8)` the threshold maximises `metric` among
#' the thresholds whose mean `recall` over folds is at least 0.8, e.g. the best
#' precision at a recall of 0.8 or more.
#'
#' A row is predicted as the event when its probability is above the
#' threshold (`>`, as everywhere in smotelab); scikit-learn's tuned
#' classifier uses `>=`, which differs only for a probability equal to the
#' threshold.
#'
#' @inheritParams cross_validate
#' @param metric The metric to maximise: a metric of [metrics_binary()] that
#'   needs a threshold (`f1`, `recall`, `gmean`, `balanced_accuracy`, ...).
#' @param folds The number of folds, or fold ids from [folds_stratified()]
#'   with one repeat.
#' @param constraint `NULL`, or a named number such as `c(recall = 0.8)`: a
#'   threshold metric and the least mean value it must keep.
#' @param thresholds The number of thresholds per fold and in the common grid,
#'   a whole number >= 2.
#' @param ... Not used; must be empty.
#' @param case_weights `NULL`, or case weights as in [cross_validate()]:
#'   every fold's fit and the refit on all rows use the weights of their
#'   training rows.
#' @param weighted `TRUE` to count each held-out row with its case weight in
#'   the metric curves (scikit-learn's `sample_weight` in the scorer); needs
#'   `case_weights`.
#' @return A `smotelab_fit` (class `smotelab_tuned_fit`) fitted on all of
#'   `data`, which [predict()] and [evaluate()] use at `$threshold`. It also
#'   holds `$threshold_curve`, a tibble with `.threshold`, `mean` (the metric
#'   averaged over folds) and, with a constraint, `constraint_mean`;
#'   `$metric`, `$constraint` and `$best_score`. [autoplot()] draws the curve
#'   with the chosen threshold marked.
#' @seealso [calibrate()] to make the probabilities themselves honest.
#' @export
#' @examples
#' d <- make_imbalanced(n_samples = 1000, seed = 1)
#' pipe <- imb_pipeline(scale = step_scale(), clf = model_logistic())
#' tuned <- tune_threshold(pipe, class ~ ., d, metric = "f1", folds = 3, seed = 1, n_threads = 1)
#' tuned$threshold
#' autoplot(tuned)
#' best_precision <- tune_threshold(pipe, class ~ ., d,
#'   metric = "precision", constraint = c(recall = 0.8),
#'   folds = 3, seed = 1, n_threads = 1
#' )
#' best_precision$threshold
tune_threshold <- function(pipeline, formula, data, metric = "f1", folds = 5, constraint = NULL, thresholds = 100,
                           ..., seed = NULL, n_threads = NULL, rng = NULL, case_weights = NULL, weighted = FALSE) {
  rlang::check_dots_empty()
  call <- rlang::current_env()
  check_threshold_metric(metric, "metric", call)
  if (!is.null(constraint)) {
    if (!is.numeric(constraint) || length(constraint) != 1 || is.null(names(constraint)) || is.na(constraint)) {
      abort_smotelab(
        paste(
          "{.arg constraint} must be a named number such as {.code c(recall = 0.8)},",
          "not {.obj_type_friendly {constraint}}."
        ),
        "argument",
        call = call
      )
    }
    check_threshold_metric(names(constraint), "constraint", call)
  }
  check_count(thresholds, min = 2, call = call)
  metrics <- c(metric, names(constraint))
  problem <- cv_problem(
    pipeline, formula, data, folds, metrics, 0.5, seed, n_threads, call, rng, case_weights, weighted
  )
  if (ncol(problem$folds) != 1) {
    abort_smotelab(
      c("{.arg folds} must hold one repeat of fold ids.",
        "x" = "It has {ncol(problem$folds)} repeats."
      ),
      "argument",
      call = call
    )
  }
  spec <- spec_to_core(pipeline, problem$levels, problem$rng, problem$blocks)
  out <- with_core(
    cv_predict_cpp(
      spec, problem$x, problem$y, problem$folds[, 1], problem$v, problem$seed, TRUE, problem$n_threads,
      problem$case_weights
    ),
    call = call
  )
  scoring_weights <- if (problem$weighted) problem$case_weights
  curves <- threshold_curves(
    problem$y, out$prob, problem$folds[, 1], problem$v, metrics, thresholds, call, scoring_weights
  )
  score <- curves$mean[, 1]
  allowed <- rep(TRUE, length(score))
  if (!is.null(constraint)) {
    allowed <- curves$mean[, 2] >= constraint[[1]]
    if (!any(allowed)) {
      abort_smotelab(
        c("No threshold keeps the mean {names(constraint)} at {constraint[[1]]} or more.",
          "i" = "The largest mean {names(constraint)} at any threshold is {signif(max(curves$mean[, 2]), 4)}."
        ),
        "argument",
        call = call
      )
    }
  }
  best <- which.max(ifelse(allowed, score, -Inf))
  curve <- tibble::tibble(.threshold = curves$thresholds, mean = score)
  if (!is.null(constraint)) curve$constraint_mean <- curves$mean[, 2]

  fitted <- new_fit(pipeline, problem, problem$formula, problem$data, out$fit, call)
  fitted$case_weights <- problem$case_weight_label
  fitted$threshold <- curves$thresholds[best]
  fitted$best_score <- score[best]
  fitted$metric <- metric
  fitted$constraint <- constraint
  fitted$threshold_curve <- curve
  class(fitted) <- c("smotelab_tuned_fit", class(fitted))
  fitted
}

check_threshold_metric <- function(metric, arg, call) {
  registry <- with_core(metric_names_cpp())
  valid <- registry$name[!registry$ranking & !registry$probability]
  if (!is.character(metric) || length(metric) != 1 || !metric %in% valid) {
    abort_smotelab(
      c("{.arg {arg}} must name one metric that needs a threshold.",
        "x" = "Can't use {.val {format(metric)}}.",
        "i" = "Valid names: {.val {valid}}."
      ),
      "argument",
      call = call
    )
  }
}

# Per fold: the metrics at `n` thresholds from the fold's smallest to its
# largest probability; then each curve interpolated onto the common grid
# (np.interp, constant beyond the ends) and averaged over folds, all in one
# core call. `weights`: NULL, or a case weight per row that each row's count
# carries.
threshold_curves <- function(y, prob, fold_ids, v, metrics, n, call, weights = NULL) {
  curves <- with_core(threshold_curves_cpp(y, prob, fold_ids, v, metrics, n, weights), call = call)
  if (curves$constant_fold > 0) {
    f <- curves$constant_fold
    abort_smotelab(
      c("The pipeline predicts one probability for every row of fold {f}, so no threshold separates them.",
        "i" = "Tune the threshold of a model whose predictions vary."
      ),
      "argument",
      call = call
    )
  }
  list(thresholds = curves$thresholds, mean = curves$mean)
}

# A smotelab_fit from a state the engine fitted on all of `data`, as fit()
# builds it.
new_fit <- function(pipeline, problem, formula, data, state, call) {
  bp <- blueprint_make(formula, data, call = call)
  counts <- c(sum(problem$y == 0L), sum(problem$y == 1L))
  names(counts) <- bp$outcome_levels
  names(state$fit_counts) <- bp$outcome_levels
  fitted <- structure(
    list(
      pipeline = pipeline, blueprint = bp, state = state, seed = problem$seed, rng = problem$rng,
      class_counts = counts
    ),
    class = "smotelab_fit"
  )
  fitted$class_weight_totals <- class_weight_totals(problem$y, problem$case_weights, bp$outcome_levels)
  report_fit(pipeline_model(pipeline), fitted)
  fitted
}

#' @export
format.smotelab_tuned_fit <- function(x, ...) {
  lines <- NextMethod()
  what <- paste0(
    "tuned for ", x$metric,
    if (!is.null(x$constraint)) paste0(" with mean ", names(x$constraint), " >= ", x$constraint[[1]]),
    " (mean over folds ", format(signif(x$best_score, 4)), ")"
  )
  c(lines, what)
}

#' Plot the metric against the decision threshold
#'
#' The mean over folds of the metric [tune_threshold()] maximised, against
#' the threshold, with the chosen threshold marked; with a constraint, its
#' metric too (dashed) and the level it must keep (dotted).
#'
#' @param object A tuned fit from [tune_threshold()].
#' @param ... Not used.
#' @return A ggplot object, which can be extended with `+`.
#' @family plots
#' @export
#' @examples
#' d <- make_imbalanced(n_samples = 1000, seed = 1)
#' pipe <- imb_pipeline(scale = step_scale(), clf = model_logistic())
#' autoplot(tune_threshold(pipe, class ~ ., d, folds = 3, seed = 1, n_threads = 1))
autoplot.smotelab_tuned_fit <- function(object, ...) {
  curve <- object$threshold_curve
  long <- tibble::tibble(.threshold = curve$.threshold, value = curve$mean, curve = object$metric)
  if (!is.null(object$constraint)) {
    long <- rbind(long, tibble::tibble(
      .threshold = curve$.threshold, value = curve$constraint_mean,
      curve = names(object$constraint)
    ))
  }
  long$curve <- factor(long$curve, levels = unique(long$curve))
  plot <- ggplot2::ggplot(long, ggplot2::aes(x = .data$.threshold, y = .data$value, linetype = .data$curve)) +
    ggplot2::geom_line() +
    ggplot2::geom_vline(xintercept = object$threshold, colour = "firebrick") +
    ggplot2::annotate("point", x = object$threshold, y = object$best_score, colour = "firebrick", size = 2.5) +
    ggplot2::annotate("text",
      x = object$threshold, y = object$best_score, colour = "firebrick", hjust = -0.1, vjust = 1.6,
      label = paste0("threshold ", format(signif(object$threshold, 3)))
    ) +
    ggplot2::labs(x = "Decision threshold", y = "Mean over folds", linetype = NULL) +
    ggplot2::theme_minimal() +
    ggplot2::theme(legend.position = "bottom")
  if (is.null(object$constraint)) {
    return(plot + ggplot2::labs(y = paste("Mean", object$metric, "over folds")) + ggplot2::guides(linetype = "none"))
  }
  plot + ggplot2::geom_hline(yintercept = object$constraint[[1]], linetype = "dotted", colour = "grey40")
}
