#' SMOTE-NC: SMOTE for numeric and categorical predictors
#'
#' SMOTE for data with both numeric and categorical (factor, character or
#' logical) predictors, as imbalanced-learn's `SMOTENC`. Nearest neighbours
#' are found with the numeric columns as they are and each categorical column
#' one-hot encoded with the value `s / 2`, where `s` is the median, over the
#' numeric columns, of their standard deviations in the smallest class; so two
#' rows that differ in one categorical column are `s^2 / 2` apart in squared
#' distance on top of their numeric difference (imbalanced-learn's
#' arithmetic). Each new row picks a seed, one of its `k_neighbors` nearest
#' same-class neighbours and a gap as [smote()] does for the numeric columns,
#' and takes, for each categorical column, the most frequent value among the
#' seed's `k_neighbors` neighbours, ties broken at random as in
#' imbalanced-learn.
#'
#' Factor columns keep their levels (and orderedness), character columns stay
#' character, logical columns stay logical; numeric columns come back as
#' doubles.
#'
#' With `case_weights`, a synthetic row gets its seed's and neighbour's
#' weights interpolated with the same gap as its numeric predictors, as in
#' [smote()]; its categorical values, a vote of the neighbours, do not enter
#' the weight. [step_smote_nc()] carries weights the same way.
#'
#' @inheritParams smote
#' @param data A data frame: the outcome column, at least one numeric
#'   predictor and at least one factor, character or logical predictor.
#' @return A tibble with the columns of `data`: the original rows first, in
#'   their order, then the synthetic rows, grouped by class in level order.
#' @seealso [smote()] for numeric predictors only.
#' @export
#' @examples
#' d <- data.frame(
#'   x = c(rnorm(60), rnorm(12, 2)),
#'   colour = factor(sample(c("red", "green", "blue"), 72, replace = TRUE)),
#'   class = factor(rep(c("majority", "minority"), c(60, 12)))
#' )
#' out <- smote_nc(d, class, k_neighbors = 3, seed = 1, n_threads = 1)
#' table(out$class, out$colour)
smote_nc <- function(data, outcome, k_neighbors = 5, sampling_strategy = "auto", seed = NULL, n_threads = NULL,
                     case_weights = NULL, .synthetic = FALSE) {
  algorithm <- knn_algorithm()
  oversample_categorical(
    data, rlang::enquo(outcome), k_neighbors, sampling_strategy, seed, n_threads, .synthetic, case_weights,
    mixed_predictors, function(pred, y, n_new, k, seed, n_threads, classes) {
      smote_nc_cpp(pred$x, pred$codes, pred$n_levels, y, n_new, k, seed, n_threads, algorithm, classes)
    },
    call = rlang::current_env()
  )
}

# The body of smoten() and smote_nc(): validate, read the predictors with
# `predictors(data, outcome, call)`, count the rows each class gains, and make
# them with `run(pred, y, n_new, k, seed, n_threads, classes)` (0-based class
# codes); the rows come back with their case weights.
oversample_categorical <- function(data, quo, k_neighbors, sampling_strategy, seed, n_threads, synthetic,
                                   case_weights, predictors, run, call) {
  weights <- sampler_weights(case_weights, data, call = call)
  data <- weights$data
  out <- resample_outcome(data, quo, call = call)
  check_count(k_neighbors, call = call)
  check_synthetic_flag(synthetic, data, arg = ".synthetic", call = call)
  pred <- predictors(data, out$name, call = call)
  n_new <- sampling_counts(sampling_strategy, out$y, "over", call = call)
  seed <- resolve_seed(seed, call = call)
  n_threads <- resolve_threads(n_threads, call = call)
  res <- with_core(
    run(pred, as.integer(out$y) - 1L, n_new, as.integer(k_neighbors), seed, n_threads, levels(out$y)),
    call = call
  )
  rm(pred)
  resampled <- resampled_mixed(data, out, res$x_new, res$y_new, synthetic)
  with_carried_weights(resampled, weights, res = res, call = call)
}

is_categorical <- function(v) {
  is.factor(v) || is.character(v) || is.logical(v)
}

# Numeric predictors as a list of double vectors (read in place by the core),
# categorical ones as a matrix of 0-based level codes with the number of
# levels of each.
mixed_predictors <- function(data, outcome, call = caller_env()) {
  cols <- setdiff(names(data), outcome)
  check_vector_columns(data, cols, call = call)
  numeric <- vapply(data[cols], function(v) is.numeric(v) && !is.factor(v), logical(1))
  categorical <- vapply(data[cols], is_categorical, logical(1))
  check_predictor_kinds(data, cols, numeric | categorical,
    "{.fn {fn}} can't use predictors that are neither numeric nor categorical.", "smote_nc",
    c("i" = "Categorical predictors are factors, character or logical vectors."),
    call = call
  )
  if (!any(categorical)) {
    abort_smotelab(
      c("{.fn smote_nc} needs at least one factor, character or logical predictor.",
        "x" = "All {length(cols)} predictor{?s} {?is/are} numeric.",
        "i" = "Use {.fn smote} for numeric predictors only."
      ),
      "type",
      call = call
    )
  }
  if (!any(numeric)) {
    abort_smotelab(
      c("{.fn smote_nc} needs at least one numeric predictor.",
        "x" = "All {length(cols)} predictor{?s} {?is/are} categorical.",
        "i" = "SMOTE-NC interpolates numeric columns; with categorical predictors only, use {.fn random_oversample}."
      ),
      "type",
      call = call
    )
  }
  num <- cols[numeric]
  x <- lapply(data[num], as.double)
  check_finite_columns(x, call = call)
  cat <- cols[categorical]
  levels <- categorical_codes(data, cat, call)
  list(x = x, codes = levels$codes, n_levels = levels$n_levels, numeric = num, categorical = cat)
}

# 1-based codes and the level set of a categorical column: a factor's own
# levels, the sorted values of a character vector, FALSE/TRUE for logicals.
as_levels <- function(v) {
  if (is.logical(v)) {
    return(list(codes = as.integer(v) + 1L, levels = c(FALSE, TRUE)))
  }
  f <- if (is.factor(v)) v else factor(v)
  list(codes = as.integer(f), levels = levels(f))
}

# Original rows, then the new ones; each predictor keeps its kind.
resampled_mixed <- function(data, out, x_new, y_new, synthetic) {
  cols <- names(data)
  predictors <- setdiff(cols, out$name)
  numeric <- vapply(data[predictors], function(v) is.numeric(v) && !is.factor(v), logical(1))
  num <- predictors[numeric]
  cat <- predictors[!numeric]
  n_old <- nrow(data)
  n_add <- length(y_new)
  result <- vector("list", length(cols))
  names(result) <- cols
  for (j in seq_along(num)) result[[num[j]]] <- c(as.double(data[[num[j]]]), x_new[, j])
  for (j in seq_along(cat)) {
    v <- data[[cat[j]]]
    code <- x_new[, length(num) + j] + 1
    result[[cat[j]]] <- if (is.logical(v)) {
      c(v, code == 2)
    } else if (is.factor(v)) {
      grown <- v[c(seq_len(n_old), rep(NA_integer_, n_add))]
      grown[n_old + seq_len(n_add)] <- levels(v)[code]
      grown
    } else {
      c(v, as_levels(v)$levels[code])
    }
  }
  result[[out$name]] <- extend_outcome(out, y_new)
  result <- tibble::new_tibble(result, nrow = n_old + n_add)
  add_synthetic_column(result, n_old, n_add, synthetic)
}

#' SMOTE-NC as a pipeline step
#'
#' Adds synthetic rows with [smote_nc()] to the training rows of each fit; at
#' predict time the step does nothing. The pipeline encodes each factor as a
#' block of dummy columns (and each logical as one 0/1 column); this step
#' reads each block as one categorical variable, as [smote_nc()] reads the
#' factor, and gives the new rows exact dummies of the level it chooses. So on
#' each training fold of [fit()], [cross_validate()] and [grid_search()] it
#' makes the rows [smote_nc()] makes from that fold (with the seed the
#' pipeline derives for the step). After [step_scale()] the numeric columns it
#' interpolates are the scaled ones, and the dummies keep their scaled values.
#'
#' @inheritParams smote_nc
#' @inheritParams step_smote
#' @return A `smotelab_step` object for [imb_pipeline()].
#' @export
#' @examples
#' step_smote_nc(k_neighbors = 5, sampling_strategy = 0.75)
step_smote_nc <- function(k_neighbors = 5, sampling_strategy = "auto") {
  oversampling_step("smote_nc", sampling_strategy, k_neighbors = k_neighbors)
}
