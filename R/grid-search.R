#' Grid search over pipeline parameters, cross-validated without leakage
#'
#' Cross-validates the pipeline at every point of `grid` on the same folds
#' and, for resampling steps, the same random streams per fold, then refits
#' the best point on all of `data`. All (grid point x fold) tasks run in
#' parallel in the C++ engine (or on the workers of a [future::plan()], as in
#' [cross_validate()]). A progress bar shows in interactive sessions when the
#' search takes more than a couple of seconds; an interrupt stops it between
#' chunks of tasks.
#'
#' @inheritParams cross_validate
#' @param grid A named list of values (every combination is a grid point) or
#'   a data frame (one grid point per row). Names are
#'   `<element>__<parameter>`, with element names as given to
#'   [imb_pipeline()]: `smote__k_neighbors`, `smote__sampling_strategy`,
#'   `clf__C`.
#' @param metric Metric names; the first one ranks the grid points (higher
#'   is better).
#' @return An object of class `smotelab_grid`: `$results`, a tibble with one
#'   column per grid parameter, then `.metric`, `mean`, `sd`, `n`;
#'   `$best_params`, a one-row tibble; `$best_fit`, the best pipeline refitted
#'   on all of `data`; `$resamples`, the per-fold estimates. [autoplot()] shows
#'   the metric across the grid.
#' @export
#' @examples
#' d <- make_imbalanced(n_samples = 600, seed = 1)
#' pipe <- imb_pipeline(scale = step_scale(), smote = step_smote(), clf = model_logistic())
#' gs <- grid_search(pipe, class ~ ., d,
#'                   grid = list(smote__k_neighbors = c(3, 5), clf__C = c(0.1, 1)),
#'                   folds = 3, seed = 1, n_threads = 1)
#' gs$best_params
grid_search <- function(pipeline, formula, data,
                        grid = list(smote__k_neighbors = c(3, 5, 7), clf__C = c(0.1, 1, 10)),
                        folds = 5, metric = "f1_macro", threshold = 0.5, seed = NULL, n_threads = NULL,
                        rng = NULL) {
  call <- rlang::current_env()
  problem <- cv_problem(pipeline, formula, data, folds, metric, threshold, seed, n_threads, call, rng)
  points <- grid_points(grid, pipeline, call)
  pipelines <- lapply(seq_len(nrow(points)), function(g) grid_pipeline(pipeline, points[g, , drop = FALSE], g, call))
  specs <- lapply(pipelines, spec_to_core, levels = problem$levels, rng = problem$rng)
  describe <- function(g) paste0("Parameters: ", grid_label(points[g, , drop = FALSE]), ".")
  values <- cv_run(problem, specs, call, describe)

  resamples <- lapply(seq_along(values), function(g) {
    folds <- cv_tibble(problem, values[[g]])
    tibble::as_tibble(c(as.list(points[rep(g, nrow(folds)), , drop = FALSE]), unclass_cv(folds)))
  })
  resamples <- do.call(rbind, resamples)
  results <- cv_summarise(resamples, names(points))
  ranked <- results[results$.metric == problem$metrics[1], , drop = FALSE]
  best <- which.max(ranked$mean)
  if (length(best) == 0) {
    abort_smotelab(c("No grid point has a finite {.val {problem$metrics[1]}}.",
                     "i" = "Every fold's estimate was NA; a fold may hold one class only."), "grid", call = call)
  }
  best_fit <- fit(pipelines[[best]], formula, data, seed = problem$seed, n_threads = problem$n_threads,
                  rng = problem$rng)
  structure(
    list(results = results, best_params = points[best, , drop = FALSE], best_fit = best_fit,
         resamples = resamples, metric = problem$metrics[1]),
    class = "smotelab_grid"
  )
}

# Grid points as a tibble, one column per parameter, after checking every
# name against the pipeline's elements and their parameters.
grid_points <- function(grid, pipeline, call) {
  if (is.data.frame(grid)) {
    points <- tibble::as_tibble(grid)
  } else if (is.list(grid) && length(grid) && !is.null(names(grid))) {
    sizes <- lengths(grid)
    if (any(sizes == 0)) {
      abort_smotelab("Every parameter in {.arg grid} needs at least one value; {.val {names(grid)[sizes == 0]}} has none.",
                     "grid", call = call)
    }
    index <- expand.grid(rev(lapply(grid, seq_along)), KEEP.OUT.ATTRS = FALSE)[names(grid)]
    points <- tibble::as_tibble(lapply(names(grid), function(nm) grid[[nm]][index[[nm]]]), .name_repair = "minimal")
    names(points) <- names(grid)
  } else {
    abort_smotelab("{.arg grid} must be a named list of values or a data frame, not {.obj_type_friendly {grid}}.",
                   "grid", call = call)
  }
  if (nrow(points) == 0 || ncol(points) == 0) {
    abort_smotelab("{.arg grid} must have at least one parameter and one point.", "grid", call = call)
  }
  for (name in names(points)) {
    parts <- strsplit(name, "__", fixed = TRUE)[[1]]
    element <- if (length(parts) == 2) pipeline$elements[[parts[1]]]
    if (is.null(element) || !parts[2] %in% names(formals(element_constructor(element$type)))) {
      valid <- unlist(lapply(names(pipeline$elements), function(e) {
        params <- names(formals(element_constructor(pipeline$elements[[e]]$type)))
        if (length(params)) paste0(e, "__", params)
      }))
      abort_smotelab(c("{.arg grid} names must be {.code <element>__<parameter>} of this pipeline.",
                       "x" = "Can't tune {.val {name}}.",
                       "i" = "Tunable: {.val {valid}}."), "grid", call = call)
    }
  }
  points
}

# The pipeline at one grid point, rebuilt through the elements' constructors
# so that every value is validated as if the user had typed it.
grid_pipeline <- function(pipeline, point, g, call) {
  elements <- pipeline$elements
  for (name in names(point)) {
    parts <- strsplit(name, "__", fixed = TRUE)[[1]]
    value <- point[[name]]
    if (is.list(value)) value <- value[[1]]
    elements[[parts[1]]]$params[parts[2]] <- list(value)
  }
  rebuilt <- tryCatch(
    lapply(elements, function(e) do.call(element_constructor(e$type), e$params)),
    smotelab_error = function(e) {
      abort_smotelab(c("Grid point {g} ({grid_label(point)}) is not a valid pipeline."), "grid",
                     parent = e, call = call)
    }
  )
  structure(list(elements = rebuilt), class = "smotelab_pipeline")
}

element_constructor <- function(type) {
  switch(type,
    scale = step_scale,
    smote = step_smote,
    borderline_smote = step_borderline_smote,
    adasyn = step_adasyn,
    random_over = step_random_oversample,
    random_under = step_random_undersample,
    logistic = model_logistic,
    forest = model_forest,
    boost = model_boost,
    cli::cli_abort("No constructor for pipeline element type {.val {type}}.", .internal = TRUE)
  )
}

grid_label <- function(point) {
  values <- vapply(point, function(v) {
    v <- if (is.list(v)) v[[1]] else v
    paste(format(v), collapse = ", ")
  }, character(1))
  paste(names(point), values, sep = " = ", collapse = ", ")
}

#' @export
print.smotelab_grid <- function(x, ...) {
  n_points <- nrow(unique(x$results[setdiff(names(x$results), c(".metric", "mean", "sd", "n"))]))
  cat("<smotelab grid search> ", n_points, " grid points, ranked by ", x$metric, "\n", sep = "")
  cat("best: ", grid_label(x$best_params), "\n", sep = "")
  ranked <- x$results[x$results$.metric == x$metric, , drop = FALSE]
  print(ranked[order(-ranked$mean), , drop = FALSE])
  invisible(x)
}

#' @export
autoplot.smotelab_grid <- function(object, ...) {
  params <- names(object$best_params)
  df <- object$results[object$results$.metric == object$metric, , drop = FALSE]
  for (p in params) if (is.list(df[[p]])) df[[p]] <- vapply(df[[p]], function(v) paste(format(v), collapse = ","), "")
  x <- params[1]
  df$.x <- if (is.numeric(df[[x]])) df[[x]] else factor(df[[x]])
  df$.group <- if (length(params) >= 2) factor(df[[params[2]]]) else factor(1)
  plot <- ggplot2::ggplot(df, ggplot2::aes(x = .data$.x, y = .data$mean, colour = .data$.group, group = .data$.group)) +
    ggplot2::geom_line() +
    ggplot2::geom_point() +
    ggplot2::geom_errorbar(ggplot2::aes(ymin = .data$mean - .data$sd, ymax = .data$mean + .data$sd), width = 0, alpha = 0.4) +
    ggplot2::labs(x = x, y = paste("mean", object$metric, "(+/- 1 sd over folds)"),
                  colour = if (length(params) >= 2) params[2] else NULL)
  if (length(params) < 2) plot <- plot + ggplot2::guides(colour = "none")
  if (length(params) >= 3) {
    plot <- plot + ggplot2::facet_wrap(params[-(1:2)], labeller = ggplot2::label_both)
  }
  plot
}
