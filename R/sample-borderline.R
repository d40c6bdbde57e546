#' Borderline-SMOTE: synthetic rows from the class border
#'
#' SMOTE that only grows a class from its rows "in danger", as
#' imbalanced-learn's `BorderlineSMOTE`: a row is in danger when at least half,
#' but not all, of its `m_neighbors` nearest neighbours among all rows are of
#' other classes. Rows deep inside their class are never seeds, and neither
#' are rows whose neighbours all belong to other classes (taken as noise).
#'
#' * `"borderline-1"`: each new row is a danger row plus a gap uniform in
#'   \[0, 1) times the way to one of its `k_neighbors` nearest same-class
#'   neighbours.
#' * `"borderline-2"`: a fraction `f`, drawn from Beta(10, 10) once per class,
#'   of the rows is made as in borderline-1 (`floor(f * (n + 1))` rows); the
#'   rest (`floor((1 - f) * n)` rows) go towards one of the seed's
#'   `k_neighbors` nearest rows of other classes, with a gap in \[0, 0.5), so
#'   they stay on the seed's side. As in imbalanced-learn, the class gains
#'   `n` or `n - 1` rows. imbalanced-learn 0.10 picks the other-class rows
#'   with the positions of same-class neighbours, which are unrelated rows;
#'   here they are the seed's true nearest other-class rows.
#'
#' A class with no row in danger gains no rows, as in imbalanced-learn; a
#' warning says so.
#'
#' @inheritParams smote
#' @param k_neighbors Number of nearest neighbours to interpolate towards. A
#'   class that grows needs at least `k_neighbors + 1` rows.
#' @param m_neighbors Number of nearest neighbours, among all rows, that
#'   decide whether a row is in danger. The data need at least
#'   `m_neighbors + 1` rows.
#' @param kind `"borderline-1"` or `"borderline-2"`.
#' @return A tibble with the columns of `data`: the original rows first, in
#'   their order, then the synthetic rows, grouped by class in level order.
#'   The outcome keeps its type and levels.
#' @seealso [step_borderline_smote()] for use inside a pipeline; [smote()],
#'   [adasyn()].
#' @export
#' @examples
#' d <- data.frame(
#'   x1 = c(rnorm(90), rnorm(15, 1)),
#'   x2 = c(rnorm(90), rnorm(15, 1)),
#'   class = factor(rep(c("majority", "minority"), c(90, 15)))
#' )
#' out <- borderline_smote(d, class, k_neighbors = 3, seed = 1, n_threads = 1, .synthetic = TRUE)
#' table(out$class, out$.synthetic)
#' table(borderline_smote(d, class, kind = "borderline-2", seed = 1, n_threads = 1)$class)
borderline_smote <- function(data, outcome, k_neighbors = 5, m_neighbors = 10,
                             kind = c("borderline-1", "borderline-2"), sampling_strategy = "auto", seed = NULL,
                             n_threads = NULL, case_weights = NULL, .synthetic = FALSE) {
  check_count(k_neighbors)
  check_count(m_neighbors)
  kind <- check_choice(kind, c("borderline-1", "borderline-2"))
  run <- function(x, y, n_new, k, seed, n_threads, algorithm, classes) {
    borderline_smote_cpp(
      x, y, n_new, k, as.integer(m_neighbors), kind, seed,
      n_threads, algorithm, classes
    )
  }
  made <- oversample_numeric(
    data, rlang::enquo(outcome), sampling_strategy, seed, n_threads, .synthetic, run,
    k_neighbors,
    case_weights = case_weights
  )
  warn_no_danger(made$out$counts, made$n_new, made$res$y_new, m_neighbors)
  made$data
}

#' Borderline-SMOTE as a pipeline step
#'
#' Adds synthetic rows with [borderline_smote()] to the training rows of each
#' fit; at predict time the step does nothing.
#'
#' @inheritParams borderline_smote
#' @inheritParams step_smote
#' @return A `smotelab_step` object for [imb_pipeline()].
#' @export
#' @examples
#' step_borderline_smote(k_neighbors = 5, m_neighbors = 10, kind = "borderline-2")
step_borderline_smote <- function(k_neighbors = 5, m_neighbors = 10, kind = "borderline-1",
                                  sampling_strategy = "auto") {
  kind <- check_choice(kind, c("borderline-1", "borderline-2"))
  oversampling_step("borderline_smote", sampling_strategy,
    k_neighbors = k_neighbors, m_neighbors = m_neighbors,
    extra = list(kind = kind)
  )
}

warn_no_danger <- function(counts, n_new, y_new, m_neighbors) {
  made <- tabulate(y_new + 1L, nbins = length(counts))
  none <- names(counts)[n_new > 0 & made == 0]
  if (length(none)) {
    warn_smotelab(
      c("Borderline-SMOTE added no rows to class{?es} {.val {none}}: no row is in danger.",
        "i" = "A row is in danger when at least half, but not all, of its {m_neighbors} nearest neighbours are of other classes." # nolint: line_length_linter.
      ),
      "no_danger"
    )
  }
}
