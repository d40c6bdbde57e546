#' Random over- and under-sampling
#'
#' `random_oversample()` grows classes with copies of their own rows, drawn
#' at random with replacement, as imbalanced-learn's `RandomOverSampler`.
#' `random_undersample()` shrinks classes to a random subset of their rows,
#' drawn without replacement, as imbalanced-learn's `RandomUnderSampler`.
#'
#' Rows are copied or dropped whole, so predictors of any type are kept as
#' they are, missing values included; only the outcome must be complete.
#'
#' @inheritParams smote
#' @param data A data frame with the outcome column; other columns may be of
#'   any type.
#' @param sampling_strategy For `random_oversample()`, as in [smote()]. For
#'   `random_undersample()`, as in imbalanced-learn:
#'   * a number `r` in (0, 1] (binary outcome): the majority ends with
#'     `floor(n_minority / r)` rows; a ratio that would add rows is an error;
#'   * `"auto"` or `"not minority"`: every class but the minority shrinks to
#'     the minority's size; `"majority"`: the majority only; `"not majority"`:
#'     every class but the majority; `"all"`: every class;
#'   * a named vector of final counts, e.g. `c(neg = 200)`; classes not named
#'     are left as they are.
#' @return A tibble with the columns of `data`. `random_oversample()`: the
#'   original rows first, then the copies, grouped by class in level order.
#'   `random_undersample()`: the kept rows in their original order; with
#'   `rng = "numpy"`, in imbalanced-learn's order instead (by class in level
#'   order, the rows of each class the strategy targets in the order drawn).
#' @seealso [step_random_oversample()], [step_random_undersample()] for use
#'   inside a pipeline; [smote()].
#' @export
#' @examples
#' d <- data.frame(x = 1:12, class = rep(c("a", "b"), c(9, 3)))
#' random_oversample(d, class, seed = 1, .synthetic = TRUE)
#' random_undersample(d, class, sampling_strategy = 0.5, seed = 1)
random_oversample <- function(data, outcome, sampling_strategy = "auto", seed = NULL, rng = NULL,
                              case_weights = NULL, .synthetic = FALSE) {
  call <- rlang::current_env()
  weights <- sampler_weights(case_weights, data, call = call)
  data <- weights$data
  out <- resample_outcome(data, rlang::enquo(outcome), call = call)
  check_synthetic_flag(.synthetic, data, call = call)
  n_new <- sampling_counts(sampling_strategy, out$y, "over", call = call)
  rng <- resolve_rng(rng, call = call)
  seed <- resolve_rng_seed(seed, rng, call = call)
  run <- if (rng == "numpy") random_oversample_numpy_cpp else random_oversample_cpp
  res <- with_core(run(no_columns(data), as.integer(out$y) - 1L, n_new, seed), call = call)
  result <- tibble::as_tibble(data)[c(seq_len(nrow(data)), res$seed_row), , drop = FALSE]
  result <- add_synthetic_column(result, nrow(data), length(res$seed_row), .synthetic)
  with_carried_weights(result, weights, res = res, call = call)
}

#' @rdname random_oversample
#' @export
random_undersample <- function(data, outcome, sampling_strategy = "auto", seed = NULL, rng = NULL,
                               case_weights = NULL) {
  call <- rlang::current_env()
  weights <- sampler_weights(case_weights, data, call = call)
  data <- weights$data
  out <- resample_outcome(data, rlang::enquo(outcome), call = call)
  n_keep <- sampling_counts(sampling_strategy, out$y, "under", call = call)
  rng <- resolve_rng(rng, call = call)
  seed <- resolve_rng_seed(seed, rng, call = call)
  y <- as.integer(out$y) - 1L
  keep <- if (rng == "numpy") {
    strategy <- sampling_to_core(sampling_strategy, levels(out$y))
    with_core(random_undersample_numpy_cpp(no_columns(data), y, n_keep, strategy, seed), call = call)
  } else {
    with_core(random_undersample_cpp(no_columns(data), y, n_keep, seed), call = call)
  }
  kept_rows(data, keep, weights, call)
}

#' Random over- and under-sampling as pipeline steps
#'
#' Resample the training rows of each fit with [random_oversample()] or
#' [random_undersample()]; at predict time the steps do nothing.
#'
#' @param sampling_strategy For the pipeline's binary outcome: a ratio in
#'   (0, 1], final counts named by class, or a string: `"auto"`,
#'   `"minority"`, `"not majority"`, `"all"` for over-sampling; `"auto"`,
#'   `"majority"`, `"not minority"`, `"all"` for under-sampling.
#' @return A `smotelab_step` object for [imb_pipeline()].
#' @export
#' @examples
#' step_random_oversample(0.5)
#' step_random_undersample("auto")
step_random_oversample <- function(sampling_strategy = "auto") {
  check_sampling_strategy(sampling_strategy, "over", binary = TRUE)
  new_step("random_over", list(sampling_strategy = sampling_strategy))
}

#' @rdname step_random_oversample
#' @export
step_random_undersample <- function(sampling_strategy = "auto") {
  check_sampling_strategy(sampling_strategy, "under", binary = TRUE)
  new_step("random_under", list(sampling_strategy = sampling_strategy))
}

# The random resamplers only need row counts from the core.
no_columns <- function(data) {
  matrix(numeric(0), nrow = nrow(data), ncol = 0)
}
