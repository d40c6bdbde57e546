#' ROSE: a smoothed bootstrap of both classes
#'
#' Replaces the data with a new, wholly synthetic sample, as the ROSE
#' package's `ROSE()` does for themis's `step_rose()`. The sample has
#' `floor(2 * n_majority * over_ratio)` rows; how many are of the minority
#' class is drawn from a binomial distribution with probability
#' `minority_prop`, the rest are of the majority class. Each new row copies a
#' row of its class drawn uniformly with replacement and adds Gaussian noise
#' to every numeric predictor: for a class of `n` rows and `q` numeric
#' predictors, predictor `j` gets standard deviation
#' `smoothness * (4 / ((q + 2) * n))^(1 / (q + 4)) * sd_j`, with `sd_j` its
#' standard deviation in the class (Silverman's rule) and `smoothness`
#' `minority_smoothness` or `majority_smoothness`. Factor, character and
#' logical predictors are copied from the drawn row.
#'
#' Unlike the other over-samplers, ROSE does not keep the original rows and
#' takes no `sampling_strategy`: `over_ratio` sets the size of the sample and
#' `minority_prop` its balance. The outcome must have two classes; the
#' majority is the class with more rows (the first level on ties).
#'
#' With `case_weights`, each new row gets the weight of the row it copies:
#' a draw of the smoothed bootstrap is that row plus noise, so it stands for
#' that row. No original row is kept, so no other weight appears.
#' [step_rose()] carries weights the same way.
#'
#' @inheritParams smote
#' @param case_weights `NULL`, or case weights that follow the rows, as in
#'   [smote()]: each new row gets the weight of the row it was drawn from.
#' @param data A data frame: the outcome column (two classes, each with at
#'   least two rows) and numeric, factor, character or logical predictors.
#' @param over_ratio The sample's size relative to twice the majority class.
#' @param minority_prop The probability that a new row is of the minority
#'   class.
#' @param minority_smoothness,majority_smoothness Factors on the noise's
#'   standard deviation in each class; 0 makes a plain bootstrap.
#' @return A tibble with the columns of `data` and only new rows: the
#'   majority class's first, then the minority class's.
#' @seealso [step_rose()] inside a pipeline.
#' @export
#' @examples
#' d <- make_imbalanced(n_samples = 300, n_features = 3, n_informative = 2, n_redundant = 1, seed = 1)
#' out <- rose(d, class, seed = 1, n_threads = 1)
#' table(out$class)
rose <- function(data, outcome, over_ratio = 1, minority_prop = 0.5, minority_smoothness = 1,
                 majority_smoothness = 1, seed = NULL, n_threads = NULL, case_weights = NULL) {
  call <- rlang::current_env()
  params <- rose_params(over_ratio, minority_prop, minority_smoothness, majority_smoothness, call)
  weights <- sampler_weights(case_weights, data, call = call)
  data <- weights$data
  out <- resample_outcome(data, rlang::enquo(outcome), call = call)
  if (nlevels(out$y) != 2) {
    abort_smotelab(
      c("ROSE needs an outcome with exactly two classes.",
        "x" = "{.field {out$name}} has {nlevels(out$y)}: {.val {levels(out$y)}}."
      ),
      "levels",
      call = call
    )
  }
  pred <- rose_predictors(data, out$name, call)
  seed <- resolve_seed(seed, call = call)
  n_threads <- resolve_threads(n_threads, call = call)
  res <- with_core(
    rose_cpp(pred$columns, pred$smooth, as.integer(out$y) - 1L, params, seed, n_threads, levels(out$y)),
    call = call
  )
  result <- vector("list", ncol(data))
  names(result) <- names(data)
  for (j in seq_along(pred$columns)) {
    v <- names(pred$columns)[j]
    result[[v]] <- if (pred$smooth[j]) res$x_new[, j] else level_values(data[[v]], res$x_new[, j])
  }
  none <- out
  none$y <- out$y[0]
  result[[out$name]] <- extend_outcome(none, res$y_new)
  result <- tibble::new_tibble(result, nrow = length(res$y_new))
  with_carried_weights(result, weights, keep = integer(0), res = res, call = call)
}

#' ROSE as a pipeline step
#'
#' Replaces the training rows of each fit with the smoothed bootstrap of
#' [rose()]; at predict time the step does nothing. Factor predictors, which
#' the pipeline holds as dummy columns, are copied from the drawn rows, not
#' smoothed, exactly as [rose()] copies factors.
#'
#' @inheritParams rose
#' @return A `smotelab_step` object for [imb_pipeline()].
#' @export
#' @examples
#' step_rose(over_ratio = 0.8, minority_smoothness = 0.5)
step_rose <- function(over_ratio = 1, minority_prop = 0.5, minority_smoothness = 1, majority_smoothness = 1) {
  params <- rose_params(over_ratio, minority_prop, minority_smoothness, majority_smoothness, rlang::current_env())
  new_step("rose", params)
}

rose_params <- function(over_ratio, minority_prop, minority_smoothness, majority_smoothness, call) {
  check_number_decimal(over_ratio, min = 0, allow_infinite = FALSE, call = call, class = argument_error)
  if (over_ratio <= 0) {
    abort_smotelab("{.arg over_ratio} must be positive, not {over_ratio}.", "argument", call = call)
  }
  check_number_decimal(minority_prop, min = 0, max = 1, call = call, class = argument_error)
  check_number_decimal(minority_smoothness, min = 0, allow_infinite = FALSE, call = call, class = argument_error)
  check_number_decimal(majority_smoothness, min = 0, allow_infinite = FALSE, call = call, class = argument_error)
  list(
    over_ratio = as.double(over_ratio), minority_prop = as.double(minority_prop),
    minority_smoothness = as.double(minority_smoothness), majority_smoothness = as.double(majority_smoothness)
  )
}

# Every predictor as a double vector, in column order: numeric ones to be
# smoothed, categorical ones as 0-based level codes to be copied.
rose_predictors <- function(data, outcome, call) {
  cols <- setdiff(names(data), outcome)
  if (length(cols) == 0) {
    abort_smotelab("{.arg data} must have at least one predictor column besides the outcome.", "empty", call = call)
  }
  check_vector_columns(data, cols, call = call)
  numeric <- vapply(data[cols], function(v) is.numeric(v) && !is.factor(v), logical(1))
  categorical <- vapply(data[cols], is_categorical, logical(1))
  check_predictor_kinds(data, cols, numeric | categorical,
    "{.fn {fn}} can only use numeric, factor, character or logical predictors.", "rose",
    call = call
  )
  columns <- lapply(cols, function(v) {
    if (numeric[[v]]) as.double(data[[v]]) else as.double(as_levels(data[[v]])$codes - 1L)
  })
  names(columns) <- cols
  check_finite_columns(columns, call = call)
  list(columns = columns, smooth = unname(numeric))
}

# A categorical column rebuilt from 0-based level codes, keeping its type.
level_values <- function(v, code) {
  lev <- as_levels(v)$levels
  if (is.logical(v)) {
    return(code == 1)
  }
  if (is.factor(v)) {
    return(factor(lev[code + 1], levels = levels(v), ordered = is.ordered(v)))
  }
  lev[code + 1]
}
