#' Cross-validate a pipeline without leakage
#'
#' Splits `data` into stratified folds and, for each fold, fits the whole
#' pipeline on the other folds and scores the fold. Every step, resampling
#' included, sees training rows only: SMOTE never makes synthetic rows from a
#' held-out row, which is what keeps the scores honest.
#'
#' The folds run in parallel in the C++ engine, one fold per thread. Fold `f`
#' of repeat `r` (with `v` folds) is fitted with seed `seed + (r - 1) * v +
#' (f - 1)`, so `fit(pipeline, formula, training_rows, seed = that)` reproduces
#' it exactly. With `rng = "numpy"` every fold is fitted with `seed` itself,
#' as an imbalanced-learn pipeline with `random_state = seed` is, and
#' `folds = v` are scikit-learn's `StratifiedKFold(v, shuffle = True,
#' random_state = seed)` (see [smotelab-rng]). When a [future::plan()] other
#' than sequential is set and the
#' future.apply package is installed, chunks of folds are sent to the plan's
#' workers instead; the results are identical.
#'
#' @inheritParams fit.smotelab_pipeline
#' @param pipeline A pipeline from [imb_pipeline()].
#' @param folds The number of folds, or fold ids from [folds_stratified()]
#'   (which may hold several repeats).
#' @param metrics Metric names, as in [metrics_binary()]; `average_precision`
#'   is accepted for `pr_auc`.
#' @param threshold Probability above which a held-out row is predicted as
#'   the event, for the class metrics.
#' @param seed `NULL` or a whole number: fixes the folds (when `folds` is a
#'   number) and every resampling step.
#' @param case_weights `NULL`, or case weights as in [fit.smotelab_pipeline()]
#'   (a column name or one value per row): each fold's model is fitted with
#'   the weights of its training rows. Held-out rows are scored unweighted
#'   unless `weighted = TRUE`.
#' @param weighted `TRUE` to score each held-out row with its case weight
#'   (scikit-learn's `sample_weight` in every metric, see [metrics_binary()]);
#'   needs `case_weights`.
#' @return A tibble of class `smotelab_cv`, one row per repeat, fold and metric:
#'   `repeat_id`, `fold`, `.metric`, `.estimate`. [summary()] gives the mean and
#'   standard deviation per metric; [autoplot()] draws the folds.
#' @export
#' @examples
#' d <- make_imbalanced(n_samples = 600, seed = 1)
#' pipe <- imb_pipeline(scale = step_scale(), smote = step_smote(), clf = model_logistic())
#' cv <- cross_validate(pipe, class ~ ., d, folds = 3, seed = 1, n_threads = 1)
#' summary(cv)
cross_validate <- function(pipeline, formula, data, folds = 5,
                           metrics = c("roc_auc", "f1_macro", "recall_macro"),
                           threshold = 0.5, seed = NULL, n_threads = NULL, rng = NULL, case_weights = NULL,
                           weighted = FALSE) {
  call <- rlang::current_env()
  problem <- cv_problem(
    pipeline, formula, data, folds, metrics, threshold, seed, n_threads, call, rng, case_weights, weighted
  )
  values <- cv_run(problem, list(spec_to_core(pipeline, problem$levels, problem$rng, problem$blocks)), call)
  cv_tibble(problem, values[[1]])
}

# Everything a cross-validation or grid search needs, validated once.
cv_problem <- function(pipeline, formula, data, folds, metrics, threshold, seed, n_threads, call, rng = NULL,
                       case_weights = NULL, weighted = FALSE) {
  if (!inherits(pipeline, "smotelab_pipeline")) {
    abort_smotelab("{.arg pipeline} must be a pipeline from {.fn imb_pipeline}, not {.obj_type_friendly {pipeline}}.",
      "type",
      call = call
    )
  }
  n_threads <- resolve_threads(n_threads, call = call)
  weights <- resolve_case_weights(case_weights, data, call = call, formula = formula)
  weighted <- check_weighted(weighted, weights$values, call = call)
  data <- weights$data
  formula <- weights$formula
  prepared <- pipeline_data(pipeline, formula, data, n_threads, call)
  bp <- prepared$blueprint
  metrics <- check_metric_names(metrics, call = call)
  check_number_decimal(threshold, min = 0, max = 1, call = call, class = argument_error)
  rng <- resolve_rng(rng, call = call)
  seed <- resolve_rng_seed(seed, rng, call = call)
  fold_ids <- resolve_folds(folds, data, bp$outcome, seed, call, rng)
  list(
    x = prepared$x, y = prepared$y, levels = bp$outcome_levels, folds = fold_ids, v = attr(fold_ids, "v"),
    metrics = metrics, threshold = threshold, seed = seed, n_threads = n_threads, rng = rng,
    blocks = blueprint_blocks(bp), case_weights = weights$values, weighted = weighted, data = data,
    case_weight_label = weights$label, formula = formula
  )
}

# Fold ids as an integer matrix (rows x repeats) with attribute `v`.
resolve_folds <- function(folds, data, outcome, seed, call, rng = "smotelab") {
  if (inherits(folds, "smotelab_folds")) {
    check_same_length(folds, data, ref_arg = "data", call = call)
    return(check_fold_ids(folds, call))
  }
  check_count(folds, min = 2, call = call)
  made <- folds_stratified(data, outcome, v = folds, repeats = 1, seed = seed, rng = rng)
  structure(matrix(made$repeat_1, ncol = 1), v = as.integer(folds))
}

# A fold object may have been edited by hand: every id must be a whole number
# from 1 to v and every fold must hold rows, or rows would silently never be
# scored (the engine holds out the rows whose id is the fold's).
check_fold_ids <- function(folds, call) {
  v <- attr(folds, "v")
  if (!is_whole_number(v) || v < 2) {
    abort_smotelab("The {.arg folds} attribute {.field v} must be a whole number >= 2, not {.obj_type_friendly {v}}.",
      "argument",
      call = call
    )
  }
  if (ncol(folds) == 0) {
    abort_smotelab("{.arg folds} must have at least one column of fold ids.", "argument", call = call)
  }
  for (name in names(folds)) {
    ids <- folds[[name]]
    bad <- if (is.numeric(ids)) is.na(ids) | ids != round(ids) | ids < 1 | ids > v else rep(TRUE, length(ids))
    if (any(bad)) {
      shown <- if (is.numeric(ids)) {
        format(utils::head(ids[bad], 3))
      } else {
        cli::format_inline("{.obj_type_friendly {ids}}")
      }
      abort_smotelab(
        c("Fold ids in {.arg folds} must be whole numbers from 1 to {v}.",
          "x" = "Column {.field {name}} has {sum(bad)} bad value{?s}: {shown}."
        ),
        "argument",
        call = call
      )
    }
    empty <- setdiff(seq_len(v), ids)
    if (length(empty)) {
      abort_smotelab(
        c("Every fold in {.arg folds} must hold at least one row.",
          "x" = "Column {.field {name}} has no rows in fold{?s} {empty}."
        ),
        "argument",
        call = call
      )
    }
  }
  ids <- as.matrix(folds)
  storage.mode(ids) <- "integer"
  structure(ids, v = as.integer(v))
}

# Runs every (grid point x repeat x fold) task; returns one matrix per grid
# point, rows = repeat-major folds, columns = metrics.
cv_run <- function(problem, specs, call, describe = function(g) NULL) {
  v <- problem$v
  repeats <- ncol(problem$folds)
  tasks <- expand.grid(fold = seq_len(v), repeat_id = seq_len(repeats), grid = seq_along(specs))
  run <- function(rows, n_threads, progress) {
    cv_run_cpp(
      specs, problem$x, problem$y, problem$folds, v, problem$metrics, problem$threshold,
      problem$seed, tasks$grid[rows], tasks$repeat_id[rows], tasks$fold[rows], n_threads, progress,
      problem$case_weights, problem$weighted
    )
  }
  out <- with_core(
    if (cv_use_future()) cv_run_future(run, nrow(tasks)) else cv_run_local(run, nrow(tasks), problem$n_threads),
    call = call
  )
  if (!is.na(out$failed)) {
    task <- tasks[out$failed, ]
    where <- paste0(
      "This happened fitting fold ", task$fold, if (repeats > 1) paste0(" of repeat ", task$repeat_id),
      if (length(specs) > 1) paste0(" at grid point ", task$grid), "."
    )
    abort_core(core_failure(out$error), call, c(where, describe(task$grid)))
  }
  colnames(out$values) <- problem$metrics
  lapply(split(seq_len(nrow(tasks)), tasks$grid), function(rows) out$values[rows, , drop = FALSE])
}

# The progress bar is for people watching: interactive sessions only, and cli
# shows it only once the run has taken a couple of seconds.
cv_run_local <- function(run, n_tasks, n_threads) {
  progress <- NULL
  if (rlang::is_interactive()) {
    bar <- cli::cli_progress_bar("Cross-validating", total = n_tasks, clear = TRUE)
    progress <- function(done, total) cli::cli_progress_update(id = bar, set = done)
  }
  run(seq_len(n_tasks), n_threads, progress)
}

cv_use_future <- function() {
  requireNamespace("future", quietly = TRUE) &&
    requireNamespace("future.apply", quietly = TRUE) &&
    !inherits(future::plan(), "sequential")
}

# One chunk of tasks per worker of the plan; each worker runs the same C++
# engine on its chunk. Results are merged in task order.
cv_run_future <- function(run, n_tasks) {
  n_chunks <- min(n_tasks, max(1L, future::nbrOfWorkers()))
  chunks <- split(seq_len(n_tasks), cut(seq_len(n_tasks), n_chunks, labels = FALSE))
  parts <- future.apply::future_lapply(chunks, function(rows) run(rows, 1L, NULL), future.seed = NULL)
  failed <- vapply(parts, function(p) !is.na(p$failed), logical(1))
  if (any(failed)) {
    first <- which(failed)[1]
    return(list(values = NULL, failed = chunks[[first]][parts[[first]]$failed], error = parts[[first]]$error))
  }
  list(values = do.call(rbind, lapply(parts, `[[`, "values")), failed = NA_integer_, error = "")
}

cv_tibble <- function(problem, values) {
  v <- problem$v
  repeats <- ncol(problem$folds)
  n <- nrow(values)
  out <- tibble::tibble(
    repeat_id = rep(rep(seq_len(repeats), each = v), times = ncol(values)),
    fold = rep(rep(seq_len(v), times = repeats), times = ncol(values)),
    .metric = rep(colnames(values), each = n),
    .estimate = as.vector(values)
  )
  structure(out, class = c("smotelab_cv", class(out)))
}

#' @export
summary.smotelab_cv <- function(object, ...) {
  cv_summarise(tibble::as_tibble(unclass_cv(object)), character())
}

unclass_cv <- function(x) {
  class(x) <- setdiff(class(x), "smotelab_cv")
  x
}

# Mean, sd and count of `.estimate` per metric (and per `by` columns), in
# order of first appearance.
cv_summarise <- function(df, by) {
  keys <- do.call(paste, c(unname(as.list(df[c(by, ".metric")])), sep = "\r"))
  groups <- split(seq_len(nrow(df)), factor(keys, levels = unique(keys)))
  first <- vapply(groups, `[`, integer(1), 1)
  out <- df[first, c(by, ".metric"), drop = FALSE]
  est <- lapply(groups, function(rows) df$.estimate[rows])
  est <- unname(est)
  out$mean <- vapply(est, mean, numeric(1))
  out$sd <- vapply(est, function(e) if (length(e) > 1) stats::sd(e) else NA_real_, numeric(1))
  out$n <- lengths(est)
  out
}

#' @export
print.smotelab_cv <- function(x, ...) {
  cat("<smotelab cross-validation> one row per fold and metric; summary() averages them\n")
  print(unclass_cv(x), ...)
  invisible(x)
}

#' @export
autoplot.smotelab_cv <- function(object, ...) {
  ggplot2::ggplot(unclass_cv(object), ggplot2::aes(x = .data$.metric, y = .data$.estimate)) +
    ggplot2::geom_boxplot(outlier.shape = NA, width = 0.5) +
    ggplot2::geom_point(position = ggplot2::position_jitter(width = 0.08, height = 0, seed = 1), alpha = 0.7) +
    ggplot2::labs(x = NULL, y = "held-out estimate", title = "Cross-validation, one point per fold")
}
