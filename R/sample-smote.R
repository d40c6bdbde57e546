#' SMOTE: synthetic minority over-sampling
#'
#' Grows classes with synthetic rows, as imbalanced-learn's `SMOTE`: for each
#' class to grow, each new row picks a seed row of that class at random (with
#' replacement), one of the seed's `k_neighbors` nearest neighbours in the same
#' class at random, and a gap `u` uniform in \[0, 1), and is
#' `seed + u * (neighbour - seed)`. Nearest neighbours are exact (squared
#' Euclidean distance), found with a k-d tree in low dimension and a blocked
#' brute force in high dimension, in parallel.
#'
#' Use SMOTE on training rows only. Inside cross-validation, put
#' [step_smote()] in a pipeline from [imb_pipeline()]: resampling before the
#' split lets synthetic copies of held-out rows into training and inflates the
#' scores.
#'
#' Every predictor must be numeric; integer columns come back as doubles,
#' since synthetic values lie between integers. For factor predictors use
#' [smote_nc()]. Predictors are used as they are: scale them first if their
#' units differ, since distances decide the neighbours.
#'
#' @param data A data frame: the outcome column and numeric predictors.
#' @param outcome The outcome column, bare or quoted: a factor or a character
#'   vector with any number of classes.
#' @param k_neighbors Number of nearest same-class neighbours to interpolate
#'   towards. A class that grows needs at least `k_neighbors + 1` rows.
#' @param sampling_strategy Which classes grow and by how much, as in
#'   imbalanced-learn:
#'   * a number `r` in (0, 1] (binary outcome): the minority ends with
#'     `floor(r * n_majority)` rows; a ratio that would remove rows is an
#'     error, one that adds none adds none;
#'   * `"auto"` or `"not majority"`: every class but the majority grows to the
#'     majority's size; `"minority"`: the minority only; `"not minority"`:
#'     every class but the minority; `"all"`: every class;
#'   * a named vector of final counts, e.g. `c(pos = 500)`; classes not named
#'     are left as they are.
#' @param seed `NULL` (draw from R's generator, so [set.seed()] works) or a
#'   whole number.
#' @param n_threads Number of threads; `NULL` resolves as described in
#'   [smotelab-package]. The result does not depend on it.
#' @param rng `"smotelab"` or `"numpy"`: whose random stream to draw from;
#'   `NULL` takes `getOption("smotelab.rng", "smotelab")`. With `"numpy"` the
#'   result equals imbalanced-learn's resampler with `random_state = seed`,
#'   row for row; see [smotelab-rng].
#' @param case_weights `NULL`, or case weights that follow the rows, as in
#'   [fit.smotelab_pipeline()]: the name of a numeric column of `data` (then
#'   not a predictor) or one value per row, finite and larger than 0. The
#'   result carries the weights of its rows in that column, in its place, or
#'   in a last column `.case_weight` when they were given as a vector: kept
#'   rows keep their weight, a copy copies its row's, and a synthetic row gets
#'   its seed's and neighbour's weights interpolated with the same gap as its
#'   features, exactly as inside a pipeline. So
#'   `fit(pipeline, formula, smote(d, y, case_weights = w), case_weights = ".case_weight")`
#'   fits what a pipeline with [step_smote()] fits with `case_weights = w`.
#' @param .synthetic If `TRUE`, add a logical column `.synthetic` marking the
#'   new rows.
#' @return A tibble with the columns of `data`: the original rows first, in
#'   their order, then the synthetic rows, grouped by class in level order.
#'   The outcome keeps its type and levels.
#' @seealso [step_smote()] for SMOTE inside a pipeline; [random_oversample()].
#' @export
#' @examples
#' d <- data.frame(
#'   x1 = c(rnorm(90), rnorm(10, 2)),
#'   x2 = c(rnorm(90), rnorm(10, 2)),
#'   class = factor(rep(c("majority", "minority"), c(90, 10)))
#' )
#' balanced <- smote(d, class, seed = 1, n_threads = 1)
#' table(balanced$class)
#' table(smote(d, "class", sampling_strategy = 0.5, seed = 1, n_threads = 1)$class)
smote <- function(data, outcome, k_neighbors = 5, sampling_strategy = "auto", seed = NULL, n_threads = NULL,
                  rng = NULL, case_weights = NULL, .synthetic = FALSE) {
  check_count(k_neighbors)
  run <- if (resolve_rng(rng) == "numpy") smote_numpy_cpp else smote_cpp
  oversample_numeric(data, rlang::enquo(outcome), sampling_strategy, seed, n_threads, .synthetic, run, k_neighbors,
    rng = rng, case_weights = case_weights
  )$data
}

#' SMOTE as a pipeline step
#'
#' Adds synthetic rows with [smote()] to the training rows of each fit; at
#' predict time the step does nothing. In cross-validation and grid search
#' only training folds are resampled, so held-out scores stay honest.
#'
#' @inheritParams smote
#' @param sampling_strategy As in [smote()], for the pipeline's binary
#'   outcome: a ratio in (0, 1], `"auto"`, `"minority"`, `"not majority"`,
#'   `"all"`, or final counts named by class.
#' @return A `smotelab_step` object for [imb_pipeline()].
#' @export
#' @examples
#' step_smote(k_neighbors = 5, sampling_strategy = 0.75)
step_smote <- function(k_neighbors = 5, sampling_strategy = "auto") {
  oversampling_step("smote", sampling_strategy, k_neighbors = k_neighbors)
}

# A step of the SMOTE family: its neighbour counts (named) and a strategy.
oversampling_step <- function(type, sampling_strategy, ..., extra = list(), call = caller_env()) {
  counts <- list(...)
  for (arg in names(counts)) check_count(counts[[arg]], arg = arg, call = call)
  check_sampling_strategy(sampling_strategy, "over", binary = TRUE, call = call)
  new_step(type, c(lapply(counts, as.integer), extra, list(sampling_strategy = sampling_strategy)))
}

# The body of the numeric over-samplers: validate, count the rows each class
# gains, and call the core, `run(x, y, n_new, k, seed, n_threads, algorithm,
# classes)`, as smote_cpp() and adasyn_cpp() take them. The caller checks its
# own arguments first; errors name the caller's call.
oversample_numeric <- function(data, quo, sampling_strategy, seed, n_threads, synthetic, run, k, rng = NULL,
                               case_weights = NULL, call = caller_env()) {
  weights <- sampler_weights(case_weights, data, call = call)
  data <- weights$data
  out <- resample_outcome(data, quo, call = call)
  check_synthetic_flag(synthetic, data, arg = ".synthetic", call = call)
  x <- numeric_predictors(data, out$name, rlang::call_name(rlang::frame_call(call)), call = call)
  n_new <- sampling_counts(sampling_strategy, out$y, "over", call = call)
  seed <- resolve_rng_seed(seed, resolve_rng(rng, call = call), call = call)
  n_threads <- resolve_threads(n_threads, call = call)
  res <- with_core(
    run(x, as.integer(out$y) - 1L, n_new, as.integer(k), seed, n_threads, knn_algorithm(), levels(out$y)),
    call = call
  )
  resampled <- with_carried_weights(resampled_numeric(data, out, res, synthetic), weights, res = res, call = call)
  list(out = out, n_new = n_new, res = res, data = resampled)
}

# Predictors as a list of double vectors, read in place by the core; every
# column other than the outcome must be numeric and finite.
numeric_predictors <- function(data, outcome, fn, call = caller_env()) {
  cols <- setdiff(names(data), outcome)
  if (length(cols) == 0) {
    abort_smotelab("{.arg data} must have at least one predictor column besides the outcome.", "empty", call = call)
  }
  check_vector_columns(data, cols, call = call)
  check_predictor_kinds(data, cols, vapply(data[cols], is.numeric, logical(1)),
    "{.fn {fn}} can't use non-numeric predictors.", fn, c("i" = "Use {.fn smote_nc} for data with factor predictors."),
    call = call
  )
  x <- lapply(data[cols], as.double)
  check_finite_columns(x, call = call)
  x
}

# `x`: a named list of double vectors. The scan runs in C++; R counts the
# bad values only to report them.
check_finite_columns <- function(x, call = caller_env()) {
  if (with_core(first_nonfinite_cpp(x, length(x[[1]]), 1L), call = call) > 0) {
    data <- x
    bad <- names(x)[!vapply(x, function(v) all(is.finite(v)), logical(1))]
    abort_smotelab(
      c(
        "Predictors can't contain missing or infinite values.",
        column_bullets(bad, "has {sum(!is.finite(data[[bad[[i]]]]))} such value{?s}")
      ),
      "missing",
      call = call
    )
  }
}

# Refuses the predictors `cols` of `data` whose flag in `ok` is FALSE: the
# message `problem` (it may name the function as {fn}), a bullet per such
# column with its type, then `hint`.
check_predictor_kinds <- function(data, cols, ok, problem, fn, hint = NULL, call = caller_env()) {
  if (all(ok)) {
    return(invisible(data))
  }
  bad <- cols[!ok]
  abort_smotelab(c(problem, column_bullets(bad, "is {.obj_type_friendly {data[[bad[[i]]]]}}"), hint), "type",
    call = call
  )
}

# One "x" bullet per offending column (at most five), for cli to interpolate
# in the caller, where `bad` and `data` are defined; `what` may use `i`.
column_bullets <- function(bad, what) {
  shown <- seq_len(min(length(bad), 5))
  bullets <- vapply(shown, function(i) {
    paste0("Column {.field {bad[[", i, "]]}} ", gsub("[[i]]", paste0("[[", i, "]]"), what, fixed = TRUE), ".")
  }, character(1))
  if (length(bad) > 5) bullets <- c(bullets, paste0("... and ", length(bad) - 5, " more."))
  stats::setNames(bullets, rep("x", length(bullets)))
}

# Original rows, then the new ones: `res$columns` holds each predictor whole,
# as the core assembled it.
resampled_numeric <- function(data, out, res, synthetic) {
  result <- vector("list", ncol(data))
  names(result) <- names(data)
  result[names(res$columns)] <- res$columns
  result[[out$name]] <- extend_outcome(out, res$y_new)
  result <- tibble::new_tibble(result, nrow = nrow(data) + length(res$y_new))
  add_synthetic_column(result, nrow(data), length(res$y_new), synthetic)
}

# An internal switch for tests and benchmarks: "auto", "kd_tree" or
# "brute_force" nearest neighbours.
knn_algorithm <- function(call = caller_env()) {
  algorithm <- getOption("smotelab.knn_algorithm", "auto")
  choices <- c("auto", "kd_tree", "brute_force")
  if (!rlang::is_string(algorithm) || !algorithm %in% choices) {
    abort_smotelab("Option {.code smotelab.knn_algorithm} must be one of {.or {.val {choices}}}.", "argument",
      call = call
    )
  }
  algorithm
}

# Exact k nearest neighbours of the rows of `query` among the rows of `ref`;
# `self[i]` is the row of `ref` that query row i is (excluded), or NA.
knn_impl <- function(ref, k, query = ref, self = if (identical(query, ref)) seq_len(nrow(ref)),
                     n_threads = 1L, algorithm = knn_algorithm()) {
  storage.mode(ref) <- "double"
  storage.mode(query) <- "double"
  with_core(knn_cpp(ref, query, as.integer(k), if (!is.null(self)) as.integer(self), as.integer(n_threads), algorithm))
}
