#' Simulate an imbalanced binary classification problem
#'
#' `make_imbalanced()` builds a data set the way scikit-learn's
#' `make_classification()` does, with a chosen class imbalance. Each class is
#' a mix of `n_clusters_per_class` Gaussian clusters whose centres sit on
#' vertices of a hypercube with side `2 * class_sep` in the space of the
#' informative features; every cluster gets its own random covariance. The
#' other features are redundant (random linear combinations of the informative
#' ones), repeated (exact copies of informative or redundant ones) or pure
#' noise. Then a share `flip_y` of the rows get a class drawn at random, and
#' rows and columns are shuffled.
#'
#' By default the numbers come from smotelab's own generator, so they differ
#' from scikit-learn's for the same seed; the construction and the class
#' counts are the same. With `rng = "numpy"` (or `options(smotelab.rng =
#' "numpy")`) the result equals scikit-learn's
#' `make_classification(..., random_state = seed)` itself: see
#' [smotelab-rng]. Rows are split among the clusters as scikit-learn does: each
#' cluster of class `k` gets `floor(n_samples * weights[k] / n_clusters_per_class)`
#' rows, and the rows left over go one per cluster, alternating between the
#' classes. With `flip_y = 0`, `weights = c(0.9, 0.1)` and 3000 rows that is
#' exactly 2700 majority and 300 minority rows.
#'
#' @param n_samples Number of rows, a whole number >= 2.
#' @param n_features Number of feature columns, a whole number >= 1.
#' @param n_informative Number of informative features, at least 1.
#' @param n_redundant Number of redundant features: random linear combinations
#'   of the informative ones.
#' @param n_repeated Number of features that duplicate informative or
#'   redundant ones.
#' @param n_clusters_per_class Number of Gaussian clusters per class. The
#'   `2 * n_clusters_per_class` cluster centres need distinct hypercube
#'   vertices, so `2^n_informative` must be at least that.
#' @param weights The share of rows in the majority and the minority class:
#'   two numbers in (0, 1) summing to at most 1, the second no larger than the
#'   first, or one number (the majority share; the minority gets the rest).
#' @param flip_y The share of rows whose class is replaced by one drawn at
#'   random from both classes, in \[0, 1\]. About half of those draws change
#'   the class, so about `flip_y / 2` of the labels end up wrong.
#' @param class_sep Half the side of the hypercube: larger values separate
#'   the classes more. A positive number.
#' @param seed `NULL` (draw a seed from R's generator, so [set.seed()]
#'   governs the result) or a whole number (below 2^32 with `rng = "numpy"`).
#' @param rng `"smotelab"` or `"numpy"`: whose random stream to draw from;
#'   `NULL` takes `getOption("smotelab.rng", "smotelab")`. See [smotelab-rng].
#'
#' @return A tibble with `n_samples` rows: numeric columns `x1`, ...,
#'   `x<n_features>` and a factor `class` with levels `majority` and
#'   `minority` (the event class is `minority`, the second level). It carries
#'   two attributes that say how it was made:
#'   * `roles`: a character vector named by column, each element
#'     `"informative"`, `"redundant"`, `"repeated"` or `"noise"`;
#'   * `flipped`: a logical vector, `TRUE` for the rows whose class differs
#'     from that of the cluster they were drawn from.
#'
#' @references
#' Guyon, I. (2003). Design of experiments for the NIPS 2003 variable
#' selection benchmark.
#'
#' @seealso [split_stratified()] to split the result into training and test
#'   sets.
#' @export
#' @examples
#' d <- make_imbalanced(n_samples = 1000, seed = 1)
#' d
#' table(d$class)
#' attr(d, "roles")
make_imbalanced <- function(n_samples = 3000, n_features = 10, n_informative = 6,
                            n_redundant = 2, n_repeated = 0, n_clusters_per_class = 2,
                            weights = c(0.9, 0.1), flip_y = 0.01, class_sep = 1,
                            seed = NULL, rng = NULL) {
  check_count(n_samples, min = 2)
  check_count(n_features)
  check_count(n_informative)
  check_count(n_redundant, min = 0)
  check_count(n_repeated, min = 0)
  check_count(n_clusters_per_class)
  check_number_decimal(flip_y, min = 0, max = 1, allow_infinite = FALSE, class = argument_error)
  check_number_positive(class_sep)
  weights <- check_class_weights(weights)

  used <- n_informative + n_redundant + n_repeated
  if (used > n_features) {
    abort_smotelab(
      c("{.arg n_informative} + {.arg n_redundant} + {.arg n_repeated} must not exceed {.arg n_features}.",
        "x" = "They sum to {used}, but {.arg n_features} is {n_features}."
      ),
      "argument"
    )
  }
  check_cells(n_samples, n_features, c("`n_samples`", "`n_features`"), c("rows", "features"), "cells")
  n_clusters <- 2 * n_clusters_per_class
  if (n_informative < log2(n_clusters)) {
    abort_smotelab(
      c("{.arg n_informative} must be large enough to place every cluster on its own hypercube vertex.",
        "x" = "2 classes x {n_clusters_per_class} cluster{?s} need {n_clusters} vertices, but {n_informative} informative feature{?s} give {2^n_informative}." # nolint: line_length_linter.
      ),
      "argument"
    )
  }
  if (n_clusters_per_class > n_samples) {
    abort_smotelab(
      c("{.arg n_clusters_per_class} must not exceed {.arg n_samples}.",
        "x" = "{.arg n_clusters_per_class} is {n_clusters_per_class}, but there are {n_samples} rows."
      ),
      "argument"
    )
  }
  rng <- resolve_rng(rng)
  seed <- resolve_rng_seed(seed, rng)

  make <- if (rng == "numpy") make_imbalanced_numpy_cpp else make_imbalanced_cpp
  sim <- with_core(make(
    n_samples, n_features, n_informative, n_redundant, n_repeated,
    n_clusters_per_class, weights, flip_y, class_sep, seed
  ))
  names <- paste0("x", seq_len(n_features))
  if (rng == "numpy") {
    out <- tibble::new_tibble(stats::setNames(sim$columns, names), nrow = n_samples)
  } else {
    colnames(sim$x) <- names
    out <- tibble::as_tibble(sim$x)
  }
  out$class <- factor(sim$y, levels = 0:1, labels = c("majority", "minority"))
  roles <- c("informative", "redundant", "repeated", "noise")[sim$roles + 1L]
  attr(out, "roles") <- stats::setNames(roles, names)
  attr(out, "flipped") <- sim$flipped
  out
}

check_class_weights <- function(weights, call = caller_env()) {
  ok <- is.numeric(weights) && length(weights) %in% 1:2 && !anyNA(weights) &&
    all(is.finite(weights))
  if (!ok) {
    abort_smotelab(
      "{.arg weights} must be one or two finite numbers, not {.obj_type_friendly {weights}}.",
      "argument",
      call = call
    )
  }
  if (length(weights) == 1) weights <- c(weights, 1 - weights)
  shown <- paste(format(weights), collapse = ", ")
  if (any(weights <= 0) || sum(weights) > 1 + 1e-9) {
    abort_smotelab(
      c("{.arg weights} must be positive shares that sum to at most 1.",
        "x" = "The shares are {shown}, summing to {format(sum(weights))}."
      ),
      "argument",
      call = call
    )
  }
  if (weights[2] > weights[1]) {
    abort_smotelab(
      c("{.arg weights} can't give the minority class a larger share than the majority class.",
        "x" = "The majority share is {format(weights[1])}, the minority share {format(weights[2])}.",
        "i" = "The first weight is the majority class, the second the minority class."
      ),
      "argument",
      call = call
    )
  }
  # Shares a rounding error above 1 would hand out more rows than exist.
  weights / max(1, sum(weights))
}
