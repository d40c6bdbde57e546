#' ADASYN: adaptive synthetic over-sampling
#'
#' SMOTE that makes more rows where a class is harder to learn, as
#' imbalanced-learn's `ADASYN`. For each class to grow by `n` rows, each of
#' its rows gets a weight: the share of other-class rows among its
#' `n_neighbors` nearest neighbours among all rows. The weights are
#' normalised to sum to 1, and row i seeds `round(weight_i * n)` new rows,
#' rounded half to even as numpy's `rint()`; so, as in imbalanced-learn, a
#' class may gain a few rows more or fewer than `sampling_strategy` asks.
#' Each new row is its seed plus a gap uniform in \[0, 1) times the way to one
#' of the seed's `n_neighbors` nearest same-class neighbours.
#'
#' A class none of whose rows has another class among its neighbours can't be
#' weighted; that is an error, as in imbalanced-learn (use [smote()]).
#'
#' @inheritParams smote
#' @param n_neighbors Number of nearest neighbours used both for the weights
#'   (among all rows) and for interpolation (within the class). A class that
#'   grows needs at least `n_neighbors + 1` rows.
#' @return A tibble with the columns of `data`: the original rows first, in
#'   their order, then the synthetic rows, grouped by class in level order
#'   and, within a class, by seed row.
#' @seealso [step_adasyn()] for use inside a pipeline; [smote()],
#'   [borderline_smote()].
#' @export
#' @examples
#' d <- data.frame(
#'   x1 = c(rnorm(90), rnorm(15, 1)),
#'   x2 = c(rnorm(90), rnorm(15, 1)),
#'   class = factor(rep(c("majority", "minority"), c(90, 15)))
#' )
#' table(adasyn(d, class, seed = 1, n_threads = 1)$class)
adasyn <- function(data, outcome, n_neighbors = 5, sampling_strategy = "auto", seed = NULL, n_threads = NULL,
                   case_weights = NULL, .synthetic = FALSE) {
  check_count(n_neighbors)
  oversample_numeric(
    data, rlang::enquo(outcome), sampling_strategy, seed, n_threads, .synthetic, adasyn_cpp,
    n_neighbors,
    case_weights = case_weights
  )$data
}

#' ADASYN as a pipeline step
#'
#' Adds synthetic rows with [adasyn()] to the training rows of each fit; at
#' predict time the step does nothing.
#'
#' @inheritParams adasyn
#' @inheritParams step_smote
#' @return A `smotelab_step` object for [imb_pipeline()].
#' @export
#' @examples
#' step_adasyn(n_neighbors = 5, sampling_strategy = 0.75)
step_adasyn <- function(n_neighbors = 5, sampling_strategy = "auto") {
  oversampling_step("adasyn", sampling_strategy, n_neighbors = n_neighbors)
}
