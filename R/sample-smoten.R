#' SMOTEN: SMOTE for categorical predictors
#'
#' Over-samples data whose predictors are all categorical (factor, character
#' or logical columns), as imbalanced-learn's `SMOTEN`. Rows are compared with
#' the value difference metric: two levels of a column are as far apart as
#' their class distributions, `(sum over classes of |P(class | a) - P(class | b)|)^2`,
#' estimated on all rows, and a row's distance to another is the sum over
#' columns. Each new row of a class draws a seed row of that class uniformly
#' with replacement, and takes, in every column, the most frequent level among
#' the seed and its `k_neighbors` nearest rows of the class (ties to the
#' earlier level, as imbalanced-learn's mode does).
#'
#' Where several rows tie at the `k_neighbors`-th distance, the earlier rows
#' are the neighbours, and the seed itself is always in its own neighbourhood
#' (imbalanced-learn's search includes it too, but with duplicate rows it may
#' pick a duplicate instead). The rows drawn differ from imbalanced-learn's,
#' which uses numpy's generator; the counts are the same.
#'
#' Factor columns keep their levels, character columns stay character and
#' logical columns stay logical.
#'
#' With `case_weights`, a synthetic row gets its seed row's weight. A new
#' row has no gap to interpolate a weight with (each of its levels is a vote
#' of the seed and its neighbours, column by column, so no single neighbour
#' made it), and the seed is the one row it is always built around; the
#' alternative, the mean weight of the seed and its `k_neighbors`
#' neighbours, would give rows the weight of neighbours whose levels lost
#' every vote. [step_smoten()] carries weights the same way.
#'
#' @inheritParams smote
#' @param case_weights `NULL`, or case weights that follow the rows, as in
#'   [smote()]: original rows keep their weight, and a synthetic row gets its
#'   seed row's weight.
#' @param data A data frame: the outcome column and at least one factor,
#'   character or logical predictor, and no other predictors.
#' @param k_neighbors Number of nearest same-class rows, besides the seed,
#'   whose levels vote for each new row's levels.
#' @return A tibble with the columns of `data`: the original rows first, in
#'   their order, then the synthetic rows, grouped by class in level order.
#' @seealso [step_smoten()] inside a pipeline; [smote_nc()] for numeric and
#'   categorical predictors.
#' @export
#' @examples
#' d <- data.frame(
#'   colour = factor(sample(c("red", "green", "blue"), 80, replace = TRUE)),
#'   size = sample(c("S", "M", "L"), 80, replace = TRUE),
#'   class = factor(rep(c("majority", "minority"), c(65, 15)))
#' )
#' out <- smoten(d, class, k_neighbors = 3, seed = 1, n_threads = 1)
#' table(out$class)
smoten <- function(data, outcome, k_neighbors = 5, sampling_strategy = "auto", seed = NULL, n_threads = NULL,
                   case_weights = NULL, .synthetic = FALSE) {
  oversample_categorical(
    data, rlang::enquo(outcome), k_neighbors, sampling_strategy, seed, n_threads, .synthetic, case_weights,
    categorical_predictors, function(pred, y, n_new, k, seed, n_threads, classes) {
      smoten_cpp(pred$codes, pred$n_levels, y, n_new, k, seed, n_threads, classes)
    },
    call = rlang::current_env()
  )
}

#' SMOTEN as a pipeline step
#'
#' Adds synthetic rows with [smoten()] to the training rows of each fit; at
#' predict time the step does nothing. The pipeline encodes each factor as a
#' block of dummy columns; this step reads each block as one categorical
#' variable and gives the new rows exact dummies of the level it chooses, so
#' on each training fold it makes the rows [smoten()] makes there. Every
#' predictor must be a factor, character or logical column.
#'
#' @inheritParams smoten
#' @inheritParams step_smote
#' @return A `smotelab_step` object for [imb_pipeline()].
#' @export
#' @examples
#' step_smoten(k_neighbors = 5, sampling_strategy = 0.75)
step_smoten <- function(k_neighbors = 5, sampling_strategy = "auto") {
  oversampling_step("smoten", sampling_strategy, k_neighbors = k_neighbors)
}

# Categorical predictors as a matrix of 0-based level codes with the number
# of levels of each; numeric predictors are refused.
categorical_predictors <- function(data, outcome, call = caller_env()) {
  cols <- setdiff(names(data), outcome)
  check_vector_columns(data, cols, call = call)
  categorical <- vapply(data[cols], is_categorical, logical(1))
  if (length(cols) == 0) {
    abort_smotelab(
      c("{.fn smoten} needs at least one factor, character or logical predictor.",
        "x" = "{.arg data} has no column besides the outcome."
      ),
      "type",
      call = call
    )
  }
  check_predictor_kinds(data, cols, categorical, "{.fn {fn}} can only use factor, character or logical predictors.",
    "smoten", c("i" = "Use {.fn smote_nc} for numeric and categorical predictors."),
    call = call
  )
  categorical_codes(data, cols, call)
}

# The categorical columns `cols` as a matrix of 0-based level codes with the
# number of levels of each; missing values are refused.
categorical_codes <- function(data, cols, call) {
  missing <- vapply(data[cols], anyNA, logical(1))
  if (any(missing)) {
    bad <- cols[missing]
    abort_smotelab(
      c(
        "Predictors can't contain missing values.",
        column_bullets(bad, "has {sum(is.na(data[[bad[[i]]]]))} missing value{?s}")
      ),
      "missing",
      call = call
    )
  }
  codes <- matrix(0L, nrow(data), length(cols))
  n_levels <- integer(length(cols))
  for (j in seq_along(cols)) {
    f <- as_levels(data[[cols[j]]])
    codes[, j] <- as.integer(f$codes) - 1L
    n_levels[j] <- length(f$levels)
  }
  list(codes = codes, n_levels = n_levels)
}
