#' Fit a pipeline
#'
#' Encodes the predictors named in `formula` (numeric columns as they are,
#' factors and character columns one-hot against their first level, logicals
#' as 0/1), then runs every step on the training rows and fits the model. The
#' encoding is recorded, so [predict()] treats new data the same way.
#'
#' The outcome must have two classes; the event (positive) class is the second
#' level of the outcome factor.
#'
#' @param object A pipeline from [imb_pipeline()].
#' @param formula `outcome ~ predictors`; `outcome ~ .` uses every other column.
#' @param data A data frame with the training rows.
#' @param seed `NULL` (draw from R's generator, so [set.seed()] works) or a
#'   whole number; fixes any randomness in the steps and the model.
#' @param n_threads Number of threads; `NULL` resolves as described in
#'   [smotelab-package]. Results do not depend on it.
#' @param rng `"smotelab"` or `"numpy"`; `NULL` takes
#'   `getOption("smotelab.rng", "smotelab")`. With `"numpy"`, SMOTE and the
#'   random samplers draw as imbalanced-learn's in a `Pipeline` with
#'   `random_state = seed` (a fresh `RandomState(seed)` for every fit); see
#'   [smotelab-rng].
#' @param case_weights `NULL`, or case weights: the name of a numeric column
#'   of `data` (which is then not a predictor: `y ~ .` leaves it out, and
#'   `y ~ . - w` may say so) or a numeric vector with one
#'   value per row, every value finite and larger than 0. A row of weight `w`
#'   counts as `w` rows: in [model_logistic()] its loss is multiplied by `w`
#'   (`glm()`'s prior weights; with `class_weight = "balanced"`, after the
#'   class weight), in [model_boost()] its gradient and hessian are (so a
#'   whole-number weight fits what that many copies of the row fit), in
#'   [model_forest()] and [model_balanced_forest()] its bootstrap copies are
#'   (as scikit-learn's `sample_weight`: the Gini criterion and the leaf
#'   proportions sum weights, `min_node_size` still counts rows), and each
#'   member of [model_balanced_bagging()] or [model_easy_ensemble()] fits
#'   with the weights of the rows it drew. Weights follow their
#'   rows through resampling steps: a row an under-sampler keeps keeps its
#'   weight, a random over-sampling copy copies it, and a synthetic SMOTE
#'   (borderline-SMOTE, ADASYN) row between a seed row and a neighbour gets
#'   their weights interpolated with the same gap as its features, so a
#'   weight that is a linear function of the predictors stays one. (The
#'   alternatives, the seed's weight alone or the mean weight of the class,
#'   would give a synthetic row a weight unrelated to where it lies.)
#'   [step_scale()] standardises with unweighted means and standard
#'   deviations.
#' @param ... Not used; must be empty.
#' @return A `smotelab_fit` object: plain R data that survives [saveRDS()].
#' @export
#' @examples
#' d <- make_imbalanced(n_samples = 500, seed = 1)
#' fitted <- fit(imb_pipeline(scale = step_scale(), clf = model_logistic()),
#'               class ~ ., data = d, seed = 1, n_threads = 1)
#' fitted
#' head(predict(fitted, d, type = "prob"))
fit.smotelab_pipeline <- function(object, formula, data, seed = NULL, n_threads = NULL, rng = NULL,
                                  case_weights = NULL, ...) {
  rlang::check_dots_empty()
  call <- rlang::current_env()
  n_threads <- resolve_threads(n_threads, call = call)
  weights <- resolve_case_weights(case_weights, data, call = call, formula = formula)
  fit_pipeline_data(object, weights$formula, weights$data, seed, n_threads, rng,
    fit_core = function(spec, x, y, seed) pipeline_fit_cpp(spec, x, y, seed, n_threads, weights$values),
    extra = list(case_weights = weights$label),
    case_weights = weights$values,
    call = call
  )
}

# The smotelab_fit of `pipeline` on `data`, as fit() and the parsnip engines
# make it: `fit_core(spec, x, y, seed)` runs the core's fit on the design
# columns and 0/1 labels and returns its state (the engines fit the model
# alone, on another stream); `extra` holds the fit's further entries.
# `n_threads` is already resolved; `case_weights` (NULL or one per row) only
# set the fit's class weight totals, which the prior correction reads.
fit_pipeline_data <- function(pipeline, formula, data, seed, n_threads, rng, fit_core, extra = list(),
                              case_weights = NULL, call) {
  prepared <- pipeline_data(pipeline, formula, data, n_threads, call)
  bp <- prepared$blueprint
  y <- prepared$y
  rng <- resolve_rng(rng, call = call)
  seed <- resolve_rng_seed(seed, rng, call = call)
  spec <- spec_to_core(pipeline, bp$outcome_levels, rng, blueprint_blocks(bp))
  state <- with_core(fit_core(spec, prepared$x, y, seed), call = call)
  counts <- c(sum(y == 0L), sum(y == 1L))
  names(counts) <- bp$outcome_levels
  names(state$fit_counts) <- bp$outcome_levels
  fitted <- structure(
    c(list(pipeline = pipeline, blueprint = bp, state = state, seed = seed, rng = rng, class_counts = counts), extra),
    class = "smotelab_fit"
  )
  fitted$class_weight_totals <- class_weight_totals(y, case_weights, bp$outcome_levels)
  report_fit(pipeline_model(pipeline), fitted)
  fitted
}

# The blueprint, 0/1 labels and design columns of `data` for `pipeline`,
# validated: what fit(), cross_validate() and grid_search() all start from.
# `n_threads` is already resolved.
pipeline_data <- function(pipeline, formula, data, n_threads, call) {
  check_data(data, call = call)
  bp <- blueprint_make(formula, data, call = call)
  y <- blueprint_outcome(bp, data, call = call)
  x <- blueprint_columns(bp, data, n_threads, call = call)
  check_pipeline_levels(pipeline, bp$outcome_levels, call = call)
  model_check_columns(pipeline_model(pipeline), bp$columns, call = call)
  list(blueprint = bp, y = y, x = x)
}

#' Predict with a fitted pipeline
#'
#' Applies the fitted transforms and the model to `new_data`. Resampling steps
#' never run at predict time.
#'
#' @param object A `smotelab_fit` from [fit.smotelab_pipeline()].
#' @param new_data A data frame with the predictor columns used at fit time.
#' @param type `"class"` for a tibble with the factor `.pred_class` (the event
#'   when its probability exceeds the threshold, 0.5 by default as
#'   scikit-learn's `predict()`), or `"prob"` for one `.pred_<level>` column
#'   per outcome level.
#' @param threshold For `type = "class"`: the probability of the event above
#'   which a row is predicted as the event. `NULL` takes the fit's own
#'   threshold (set by [tune_threshold()]), else 0.5.
#' @inheritParams fit.smotelab_pipeline
#' @return A tibble with one row per row of `new_data`.
#' @export
predict.smotelab_fit <- function(object, new_data, type = c("class", "prob"), n_threads = NULL, threshold = NULL,
                                 ...) {
  rlang::check_dots_empty()
  call <- rlang::current_env()
  type <- check_choice(type, c("class", "prob"), call = call)
  threshold <- fit_threshold(object, threshold, call)
  prob <- predict_event_prob(object, new_data, n_threads, call)
  lev <- object$blueprint$outcome_levels
  # new_tibble(): tibble()'s checks cost milliseconds, which tune pays for
  # every fold and grid point.
  if (type == "prob") {
    return(tibble::new_tibble(rlang::set_names(list(1 - prob, prob), paste0(".pred_", lev)), nrow = length(prob)))
  }
  tibble::new_tibble(
    list(.pred_class = factor(ifelse(prob > threshold, lev[2], lev[1]), levels = lev)),
    nrow = length(prob)
  )
}

# The decision threshold: the one given, else the fit's own, else 0.5.
fit_threshold <- function(fitted, threshold, call = caller_env()) {
  if (is.null(threshold)) {
    return(fitted$threshold %||% 0.5)
  }
  check_number_decimal(threshold, min = 0, max = 1, call = call, class = argument_error)
  threshold
}

predict_event_prob <- function(object, new_data, n_threads = NULL, call = caller_env()) {
  n_threads <- resolve_threads(n_threads, call = call)
  check_fit_current(object, call = call)
  x <- blueprint_columns(object$blueprint, new_data, n_threads, call = call)
  with_core(pipeline_predict_cpp(object$state, x, nrow(new_data), n_threads), call = call)
}

#' Evaluate a fitted pipeline on held-out data
#'
#' Predicts the event probability for `new_data` and scores it against the
#' outcome column of `new_data` with [metrics_binary()].
#'
#' @inheritParams predict.smotelab_fit
#' @param fitted A `smotelab_fit` from [fit.smotelab_pipeline()].
#' @param threshold Probability above which a row is predicted as the event.
#'   `NULL` takes the fit's own threshold (set by [tune_threshold()]), else
#'   0.5.
#' @param event The event class; `NULL` means the second outcome level.
#' @param case_weights `NULL`, or case weights of the rows of `new_data`, as
#'   in [fit.smotelab_pipeline()] (a column name or one value per row): every
#'   metric is then weighted, as scikit-learn's `sample_weight` (see
#'   [metrics_binary()]).
#' @return A tibble with columns `.metric` and `.estimate`.
#' @export
evaluate <- function(fitted, new_data, threshold = NULL, event = NULL, n_threads = NULL, case_weights = NULL) {
  call <- rlang::current_env()
  if (!inherits(fitted, "smotelab_fit")) {
    abort_smotelab("{.arg fitted} must be a fitted pipeline from {.fn fit}, not {.obj_type_friendly {fitted}}.",
      "type",
      call = call
    )
  }
  check_data(new_data, call = call)
  threshold <- fit_threshold(fitted, threshold, call)
  weights <- resolve_case_weights(case_weights, new_data, call = call)
  scores <- held_out_scores(fitted, weights$data, event, n_threads, call)
  metrics_binary(scores$truth, scores$prob, threshold = threshold, event = event, case_weights = weights$values)
}

# The true classes of `new_data` (its outcome column as a factor with the
# training levels) and the predicted probability of `event` for each row:
# what evaluate(), compare_models() and the curve plots all score.
held_out_scores <- function(fitted, new_data, event = NULL, n_threads = NULL, call = caller_env()) {
  bp <- fitted$blueprint
  if (!bp$outcome %in% names(new_data)) {
    abort_smotelab("{.arg new_data} must contain the outcome column {.val {bp$outcome}} to be evaluated.",
      "columns",
      call = call
    )
  }
  truth <- new_data[[bp$outcome]]
  check_no_missing(truth,
    call = call,
    what = cli::format_inline("The outcome column {.val {bp$outcome}} of {.arg new_data}")
  )
  check_known(unique(as.character(truth)), bp$outcome_levels, c(
    "The outcome in {.arg new_data} has class{?es} not seen in training: {.val {unknown}}.",
    "i" = "Training classes: {.val {known}}."
  ), "levels", call = call)
  truth <- factor(as.character(truth), levels = bp$outcome_levels)
  prob <- predict_event_prob(fitted, new_data, n_threads, call)
  if (!is.null(event) && identical(event, bp$outcome_levels[1])) prob <- 1 - prob
  list(truth = truth, prob = prob)
}

#' @export
coef.smotelab_fit <- function(object, ...) {
  state_coef(pipeline_model(object$pipeline), object, call = rlang::current_env())
}

#' Print, format and summarise a fitted pipeline
#'
#' `format()` describes a fit in a few lines: the training rows and
#' predictor columns, the outcome's class counts and event, the pipeline, the
#' class counts the model saw when resampling changed them, and what the
#' model kept (for boosting, the number of trees). `print()` shows those lines
#' and then the model's own details: the coefficients of a logistic
#' regression, the size of a forest's trees.
#'
#' `summary()` gathers the same facts as data: an object of class
#' `smotelab_fit_summary`, a list with
#' * `steps`: the formatted steps, named by element (empty without steps);
#' * `model`: the formatted model;
#' * `outcome`, `event`: the outcome column and its event class;
#' * `n_rows`, `predictors`: the training rows and the predictor columns
#'   after encoding;
#' * `class_counts`: a tibble with `class`, `before` (training rows) and
#'   `after` (rows the model was fitted on, after resampling);
#'
#' then what the model adds: for [model_logistic()], `coefficients` (a tibble
#' with `term` and `estimate`, `NA` for aliased columns), `iterations` and
#' `converged`; for [model_forest()], `trees`, `mean_depth`, `mean_leaves`
#' and `importance` (the tibble of [feature_importance()]); for
#' [model_boost()], `trees`, `rounds`, `best_iteration` and
#' `validation_score` (both `NA` without early stopping). Its `print()`
#' method shows the first ten rows of each table and leaves out `NA` values.
#'
#' @param x,object A `smotelab_fit` from [fit.smotelab_pipeline()], or for
#'   `print()` a `smotelab_fit_summary`.
#' @param ... Not used; must be empty.
#' @return `format()`: a character vector, one element per line. `print()`:
#'   `x`, invisibly. `summary()`: a `smotelab_fit_summary`.
#' @seealso [coef()] for the coefficients of a logistic regression,
#'   [feature_importance()] for a forest's importance.
#' @export
#' @examples
#' d <- make_imbalanced(n_samples = 500, seed = 1)
#' fitted <- fit(imb_pipeline(scale = step_scale(), smote = step_smote(), clf = model_logistic()),
#'               class ~ ., data = d, seed = 1, n_threads = 1)
#' format(fitted)
#' fitted
#' s <- summary(fitted)
#' s$class_counts
#' s
format.smotelab_fit <- function(x, ...) {
  bp <- x$blueprint
  counts <- paste0(names(x$class_counts), " (", x$class_counts, ")", collapse = ", ")
  c(
    paste0(
      "<smotelab fit> ", sum(x$class_counts), " training rows, ", length(bp$columns), " predictor column",
      if (length(bp$columns) != 1) "s"
    ),
    paste0("outcome ", bp$outcome, ": ", counts, "; event \"", bp$outcome_levels[2], "\""),
    paste0("pipeline: ", paste(vapply(x$pipeline$elements, format, character(1)), collapse = " -> ")),
    if (!identical(x$state$fit_counts, x$class_counts)) {
      paste0(
        "model fitted on ", paste0(names(x$state$fit_counts), " (", x$state$fit_counts, ")", collapse = ", "),
        " after resampling"
      )
    },
    if (!is.null(x$case_weights)) paste0("case weights: ", x$case_weights),
    format_state(pipeline_model(x$pipeline), x),
    if (!is.null(x$calibration)) {
      rows <- x$calibration$rows
      paste0("calibrated (", x$calibration$method, ")", if (!is.na(rows)) paste0(" on ", rows, " held-out rows"))
    },
    if (!is.null(x$threshold)) paste0("decision threshold: ", format(signif(x$threshold, 4)))
  )
}

#' @rdname format.smotelab_fit
#' @export
print.smotelab_fit <- function(x, ...) {
  cat(format(x), sep = "\n")
  print_state(pipeline_model(x$pipeline), x)
  invisible(x)
}

#' @rdname format.smotelab_fit
#' @export
summary.smotelab_fit <- function(object, ...) {
  rlang::check_dots_empty()
  bp <- object$blueprint
  model <- pipeline_model(object$pipeline)
  common <- list(
    steps = vapply(pipeline_steps(object$pipeline), format, character(1)),
    model = format(model),
    outcome = bp$outcome,
    event = bp$outcome_levels[2],
    n_rows = sum(object$class_counts),
    predictors = bp$columns,
    class_counts = tibble::tibble(
      class = bp$outcome_levels, before = unname(object$class_counts),
      after = unname(object$state$fit_counts)
    )
  )
  structure(c(common, summarise_state(model, object)), class = "smotelab_fit_summary")
}

#' @rdname format.smotelab_fit
#' @export
print.smotelab_fit_summary <- function(x, ...) {
  cat("<smotelab fit summary>\n",
    "steps: ", if (length(x$steps)) paste(x$steps, collapse = " -> ") else "none", "\n",
    "model: ", x$model, "\n",
    "training rows: ", x$n_rows, "; predictor columns: ", length(x$predictors),
    "; outcome: ", x$outcome, " (event \"", x$event, "\")\n",
    "class counts, before and after resampling:\n",
    sep = ""
  )
  print(x$class_counts)
  extra <- x[setdiff(names(x), fit_summary_fields)]
  tables <- vapply(extra, is.data.frame, logical(1))
  values <- extra[!tables & !vapply(extra, function(v) length(v) == 1 && is.na(v), logical(1))]
  if (length(values)) {
    shown <- vapply(values, function(v) format(if (is.double(v)) signif(v, 4) else v), character(1))
    cat(paste0(gsub("_", " ", names(shown)), ": ", shown, collapse = "; "), "\n", sep = "")
  }
  for (name in names(extra)[tables]) {
    cat(gsub("_", " ", name), ":\n", sep = "")
    print(extra[[name]], n = 10)
  }
  invisible(x)
}

fit_summary_fields <- c("steps", "model", "outcome", "event", "n_rows", "predictors", "class_counts")

# Case weights for fit(): `values` (a double vector, or NULL), `data` without
# the weight column when they were given as a column name (a new list of the
# same column vectors, not a copy of them), and `label`, how format() names
# them. A `formula`, when given, comes back as `formula` without a `- w` term
# for that column, which a user may well write although the column is no
# predictor anyway.
resolve_case_weights <- function(case_weights, data, call = caller_env(), formula = NULL) {
  if (is.null(case_weights)) {
    return(list(values = NULL, data = data, label = NULL, formula = formula))
  }
  check_data(data, call = call)
  label <- "a vector"
  if (is.character(case_weights)) {
    check_string(case_weights, arg = "case_weights", call = call, class = argument_error)
    if (!case_weights %in% names(data)) {
      abort_smotelab(
        "{.arg case_weights} must name a column of {.arg data}; there is no column {.val {case_weights}}.",
        "columns",
        call = call
      )
    }
    label <- paste0("column ", case_weights)
    column <- case_weights
    case_weights <- data[[column]]
    data <- data[setdiff(names(data), column)]
    if (!is.null(formula)) formula <- formula_without_weights(formula, column, call)
  }
  check_case_weight_values(case_weights, nrow(data),
    allow_zero = FALSE,
    length_problem = c("{.arg case_weights} must have one value per row of {.arg data}.",
      "x" = "It has {length(w)} value{?s}; {.arg data} has {n} row{?s}."
    ),
    range_problem = "Every case weight must be a finite number larger than 0.",
    call = call
  )
  list(values = as.double(case_weights), data = data, label = label, formula = formula)
}

# `formula` with every `- column` term dropped from its right side; any other
# use of the weight column there is refused, as it is not in the data the
# predictors are read from.
formula_without_weights <- function(formula, column, call) {
  if (!rlang::is_formula(formula) || !column %in% all.vars(rlang::f_rhs(formula))) {
    return(formula)
  }
  drop <- function(e) {
    if (rlang::is_call(e, "-", n = 2) && identical(e[[3]], as.name(column))) {
      return(drop(e[[2]]))
    }
    if (rlang::is_call(e)) {
      for (k in seq_along(e)[-1]) e[[k]] <- drop(e[[k]])
    }
    e
  }
  rhs <- drop(rlang::f_rhs(formula))
  if (column %in% all.vars(rhs)) {
    abort_smotelab(
      c("The case-weight column {.val {column}} can't be a predictor in {.arg formula}.",
        "i" = "Drop it from the formula, or remove it with {.code - {column}}."
      ),
      "formula",
      call = call
    )
  }
  rlang::f_rhs(formula) <- rhs
  formula
}

# The checks all case weights pass: numeric, `n` values, each finite and
# larger than 0 (or 0, with `allow_zero`). The messages are the caller's, as
# fit() and a metric word them differently; `length_problem` may interpolate
# the weights `w` and the rows `n`.
check_case_weight_values <- function(w, n, allow_zero, length_problem, range_problem, call) {
  if (!is.numeric(w)) {
    abort_smotelab("{.arg case_weights} must be numeric, not {.obj_type_friendly {w}}.", "type", call = call)
  }
  if (length(w) != n) {
    abort_smotelab(length_problem, "length", call = call)
  }
  bad <- which(!is.finite(w) | (if (allow_zero) w < 0 else w <= 0))
  if (length(bad)) {
    abort_smotelab(
      c(range_problem,
        "x" = "{length(bad)} value{?s} {?is/are} not, the first at row {bad[1]} ({format(w[bad[1]])})."
      ),
      if (anyNA(w[bad])) "missing" else if (any(is.infinite(w[bad]))) "infinite" else "argument",
      call = call
    )
  }
  invisible(w)
}
