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
#'   is better, except for the losses `brier` and `log_loss`, which rank
#'   lowest first).
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
                        rng = NULL, case_weights = NULL, weighted = FALSE) {
  call <- rlang::current_env()
  problem <- cv_problem(
    pipeline, formula, data, folds, metric, threshold, seed, n_threads, call, rng, case_weights, weighted
  )
  points <- grid_points(grid, pipeline, call)
  pipelines <- lapply(seq_len(nrow(points)), function(g) grid_pipeline(pipeline, points[g, , drop = FALSE], g, call))
  specs <- lapply(pipelines, spec_to_core, levels = problem$levels, rng = problem$rng, blocks = problem$blocks)
  describe <- function(g) paste0("Parameters: ", grid_label(points[g, , drop = FALSE]), ".")
  values <- cv_run(problem, specs, call, describe)

  resamples <- lapply(seq_along(values), function(g) {
    folds <- cv_tibble(problem, values[[g]])
    tibble::as_tibble(c(as.list(points[rep(g, nrow(folds)), , drop = FALSE]), unclass_cv(folds)))
  })
  resamples <- do.call(rbind, resamples)
  results <- cv_summarise(resamples, names(points))
  ranked <- results[results$.metric == problem$metrics[1], , drop = FALSE]
  best <- which.max(if (metric_higher_is_better(problem$metrics[1])) ranked$mean else -ranked$mean)
  if (length(best) == 0) {
    abort_smotelab(c("No grid point has a finite {.val {problem$metrics[1]}}.",
      "i" = "Every fold's estimate was NA; a fold may hold one class only."
    ), "levels", call = call)
  }
  best_fit <- fit(pipelines[[best]], problem$formula, problem$data,
    seed = problem$seed, n_threads = problem$n_threads,
    rng = problem$rng, case_weights = problem$case_weights
  )
  structure(
    list(
      results = results, best_params = points[best, , drop = FALSE], best_fit = best_fit,
      resamples = resamples, metric = problem$metrics[1]
    ),
    class = "smotelab_grid"
  )
}

# Grid points as a tibble, one column per parameter, after checking every
# name against the pipeline's elements and their parameters.
grid_points <- function(grid, pipeline, call) {
  if (is.list(grid) && !is.null(names(grid))) {
    check_column_names(names(grid), "grid", "parameter", kind = "argument", call = call)
  }
  if (is.data.frame(grid)) {
    points <- tibble::as_tibble(grid)
  } else if (is.list(grid) && length(grid) && !is.null(names(grid))) {
    sizes <- lengths(grid)
    if (any(sizes == 0)) {
      abort_smotelab(
        "Every parameter in {.arg grid} needs at least one value; {.val {names(grid)[sizes == 0]}} has none.",
        "empty",
        call = call
      )
    }
    index <- expand.grid(rev(lapply(grid, seq_along)), KEEP.OUT.ATTRS = FALSE)[names(grid)]
    points <- tibble::as_tibble(lapply(names(grid), function(nm) grid[[nm]][index[[nm]]]), .name_repair = "minimal")
    names(points) <- names(grid)
  } else {
    abort_smotelab("{.arg grid} must be a named list of values or a data frame, not {.obj_type_friendly {grid}}.",
      "type",
      call = call
    )
  }
  if (nrow(points) == 0 || ncol(points) == 0) {
    abort_smotelab("{.arg grid} must have at least one parameter and one point.", "empty", call = call)
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
        "i" = "Tunable: {.val {valid}}."
      ), "argument", call = call)
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
  # The constructor's error keeps its class; the grid point is its parent.
  rebuilt <- tryCatch(
    lapply(elements, function(e) do.call(element_constructor(e$type), e$params)),
    smotelab_error = function(e) {
      abort_smotelab("Grid point {g} ({grid_label(point)}) is not a valid pipeline.", error_kind(e),
        parent = e, call = call
      )
    }
  )
  structure(list(elements = rebuilt), class = "smotelab_pipeline")
}

grid_label <- function(point) {
  values <- vapply(point, function(v) {
    v <- if (is.list(v)) v[[1]] else v
    paste(format(v), collapse = ", ")
  }, character(1))
  paste(names(point), values, sep = " = ", collapse = ", ")
}

#' Print, format and summarise a grid search
#'
#' `format()` gives the headline of a [grid_search()] result: how many grid
#' points were searched, the metric that ranks them and the best point.
#' `print()` shows it, then the grid points ranked by that metric.
#'
#' `summary()` returns a tibble in the layout of `$results` with a `.rank`
#' column first: every grid point and metric, the points in order of the
#' ranking metric's mean over folds (best first, ties in grid order, a point
#' whose mean is `NA` last), so `.rank == 1` holds `$best_params`. Filter on
#' `.metric` for one metric.
#'
#' @param x,object A `smotelab_grid` from [grid_search()].
#' @param ... Not used; must be empty.
#' @return `format()`: a character vector, one element per line. `print()`:
#'   `x`, invisibly. `summary()`: a tibble with `.rank`, one column per grid
#'   parameter, then `.metric`, `mean`, `sd`, `n`.
#' @export
#' @examples
#' d <- make_imbalanced(n_samples = 600, seed = 1)
#' pipe <- imb_pipeline(scale = step_scale(), smote = step_smote(), clf = model_logistic())
#' gs <- grid_search(pipe, class ~ ., d, grid = list(clf__C = c(0.1, 1)),
#'                   folds = 3, metric = c("f1_macro", "roc_auc"), seed = 1, n_threads = 1)
#' format(gs)
#' gs
#' summary(gs)
format.smotelab_grid <- function(x, ...) {
  c(
    paste0("<smotelab grid search> ", nrow(grid_ranking(x)), " grid points, ranked by ", x$metric),
    paste0("best: ", grid_label(x$best_params))
  )
}

#' @rdname format.smotelab_grid
#' @export
print.smotelab_grid <- function(x, ...) {
  cat(format(x), sep = "\n")
  print(grid_ranking(x))
  invisible(x)
}

#' @rdname format.smotelab_grid
#' @export
summary.smotelab_grid <- function(object, ...) {
  rlang::check_dots_empty()
  ranking <- grid_ranking(object)
  params <- names(object$best_params)
  # Grid points are told apart as cv_summarise() grouped them.
  key <- function(df) do.call(paste, c(unname(as.list(df[params])), sep = "\r"))
  rank <- match(key(object$results), key(ranking))
  out <- object$results[order(rank, match(object$results$.metric, unique(object$results$.metric))), , drop = FALSE]
  tibble::as_tibble(c(list(.rank = sort(rank)), as.list(out)))
}

# The rows of the ranking metric, best grid point first.
grid_ranking <- function(x) {
  ranked <- x$results[x$results$.metric == x$metric, , drop = FALSE]
  sign <- if (metric_higher_is_better(x$metric)) -1 else 1
  ranked[order(sign * ranked$mean), , drop = FALSE]
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
    ggplot2::geom_errorbar(ggplot2::aes(ymin = .data$mean - .data$sd, ymax = .data$mean + .data$sd),
      width = 0, alpha = 0.4
    ) +
    ggplot2::labs(
      x = x, y = paste("mean", object$metric, "(+/- 1 sd over folds)"),
      colour = if (length(params) >= 2) params[2] else NULL
    )
  if (length(params) < 2) plot <- plot + ggplot2::guides(colour = "none")
  if (length(params) >= 3) {
    plot <- plot + ggplot2::facet_wrap(params[-(1:2)], labeller = ggplot2::label_both)
  }
  plot
}
