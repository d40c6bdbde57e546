#' Compare fitted pipelines on held-out data
#'
#' Scores every fitted pipeline on `new_data` as [evaluate()] does and stacks
#' the results, so models can be tabulated or drawn with [plot_metrics()].
#'
#' @inheritParams plot_roc
#' @param threshold Probability above which a row is predicted as the event.
#' @return A tibble with columns `model` (the names of `fits`, in their
#'   order), `.metric` and `.estimate`: one row per model and metric of
#'   [metrics_binary()].
#' @family plots
#' @export
#' @examples
#' d <- make_imbalanced(n_samples = 600, seed = 1)
#' split <- split_stratified(d, class, seed = 1)
#' fits <- list(
#'   baseline = fit(imb_pipeline(scale = step_scale(), clf = model_logistic()),
#'                  class ~ ., split$train, seed = 1, n_threads = 1),
#'   balanced = fit(imb_pipeline(scale = step_scale(), clf = model_logistic(class_weight = "balanced")),
#'                  class ~ ., split$train, seed = 1, n_threads = 1)
#' )
#' scores <- compare_models(fits, split$test)
#' scores
#' plot_metrics(scores, metrics = c("accuracy", "recall", "precision", "f1", "pr_auc"))
compare_models <- function(fits, new_data, threshold = 0.5, event = NULL) {
  call <- rlang::current_env()
  fits <- check_fits(fits, call)
  check_data(new_data, call = call)
  check_number_decimal(threshold, min = 0, max = 1, allow_infinite = FALSE, call = call, class = argument_error)
  event <- resolve_event(fits[[1]]$blueprint$outcome_levels, event, whose = "the outcome", call = call)
  parts <- lapply(names(fits), function(name) {
    scores <- held_out_scores(fits[[name]], new_data, event, call = call)
    values <- metrics_binary(scores$truth, scores$prob, threshold = threshold, event = event)
    tibble::tibble(model = name, .metric = values$.metric, .estimate = values$.estimate)
  })
  do.call(rbind, parts)
}

#' Plot metrics of several models side by side
#'
#' A bar chart with one group of bars per metric and one bar per model, on a
#' common 0 to 1 scale (it extends below 0 only for a negative `mcc`, above 1
#' only for a `log_loss` above 1).
#'
#' @param x A data frame with columns `model`, `.metric` and `.estimate`, one
#'   row per model and metric: the result of [compare_models()], or rows bound
#'   from several [evaluate()] results with a `model` column added. Models are
#'   drawn in the order of the levels of `model` if it is a factor, else in the
#'   order they first appear.
#' @param metrics `NULL` for every metric in `x` in the order they first
#'   appear, or a character vector of metric names to draw, in that order.
#' @return A ggplot object, which can be extended with `+`.
#' @family plots
#' @export
#' @examples
#' d <- make_imbalanced(n_samples = 600, seed = 1)
#' split <- split_stratified(d, class, seed = 1)
#' pipe <- imb_pipeline(scale = step_scale(), smote = step_smote(), clf = model_logistic())
#' smote_fit <- fit(pipe, class ~ ., split$train, seed = 1, n_threads = 1)
#' scores <- evaluate(smote_fit, split$test)
#' scores$model <- "SMOTE"
#' plot_metrics(scores, metrics = c("recall", "specificity", "gmean", "roc_auc"))
plot_metrics <- function(x, metrics = NULL) {
  call <- rlang::current_env()
  x <- check_metrics_table(x, call)
  metrics <- check_plot_metrics(metrics, x$.metric, call)
  df <- x[x$.metric %in% metrics, , drop = FALSE]
  df$.metric <- factor(df$.metric, levels = metrics)
  df$model <- if (is.factor(df$model)) droplevels(df$model) else factor(df$model, levels = unique(df$model))
  df <- df[!is.na(df$.estimate), , drop = FALSE]
  bottom <- min(0, df$.estimate)
  top <- max(1, df$.estimate)
  ggplot2::ggplot(df, ggplot2::aes(x = .data$.metric, y = .data$.estimate, fill = .data$model)) +
    ggplot2::geom_col(position = ggplot2::position_dodge(width = 0.8, preserve = "single"), width = 0.8) +
    ggplot2::coord_cartesian(ylim = c(bottom, top)) +
    ggplot2::labs(x = NULL, y = "Estimate", fill = "Model") +
    ggplot2::theme_minimal() +
    ggplot2::theme(legend.position = "bottom", axis.text.x = ggplot2::element_text(angle = 30, hjust = 1))
}

check_metrics_table <- function(x, call = caller_env()) {
  check_data(x, call = call)
  check_known(c("model", ".metric", ".estimate"), names(x), c(
    "{.arg x} must have the columns {.code model}, {.code .metric} and {.code .estimate}.",
    "x" = "Missing: {.val {unknown}}."
  ), "columns", call = call)
  if (!is.numeric(x$.estimate)) {
    abort_smotelab("Column {.code .estimate} of {.arg x} must be numeric, not {.obj_type_friendly {x$.estimate}}.",
      "type",
      call = call
    )
  }
  if (!is.character(x$.metric) && !is.factor(x$.metric)) {
    abort_smotelab("Column {.code .metric} of {.arg x} must hold metric names, not {.obj_type_friendly {x$.metric}}.",
      "type",
      call = call
    )
  }
  if (!is.character(x$model) && !is.factor(x$model)) {
    abort_smotelab("Column {.code model} of {.arg x} must hold model names, not {.obj_type_friendly {x$model}}.",
      "type",
      call = call
    )
  }
  n_missing <- sum(is.na(x$model) | is.na(x$.metric))
  if (n_missing) {
    abort_smotelab(
      c("Columns {.code model} and {.code .metric} of {.arg x} can't contain missing values.",
        "x" = "{n_missing} row{?s} {?has/have} a missing model or metric."
      ),
      "missing",
      call = call
    )
  }
  x$.metric <- as.character(x$.metric)
  pairs <- paste(x$model, x$.metric, sep = "\r")
  if (anyDuplicated(pairs)) {
    first <- which(duplicated(pairs))[1]
    n_dup <- sum(duplicated(pairs))
    abort_smotelab(
      c("{.arg x} must have one row per model and metric.",
        "x" = "{n_dup} row{?s} repeat{?s/} an earlier pair, the first being model {.val {as.character(x$model[first])}} and metric {.val {x$.metric[first]}}." # nolint: line_length_linter.
      ),
      "argument",
      call = call
    )
  }
  x
}

check_plot_metrics <- function(metrics, available, call = caller_env()) {
  available <- unique(available)
  if (is.null(metrics)) {
    return(available)
  }
  if (!is.character(metrics) || length(metrics) == 0 || anyNA(metrics)) {
    abort_smotelab("{.arg metrics} must be NULL or a character vector of metric names.", "argument", call = call)
  }
  if (anyDuplicated(metrics)) {
    dup <- unique(metrics[duplicated(metrics)])
    abort_smotelab("{.arg metrics} can't repeat a name; {.val {dup}} appear{?s/} more than once.",
      "argument",
      call = call
    )
  }
  check_known(metrics, available, c(
    "{.arg metrics} must name metrics present in {.arg x}.",
    "x" = "Not in {.arg x}: {.val {unknown}}.",
    "i" = "{.arg x} has: {.val {known}}."
  ), "argument", call = call)
  metrics
}
