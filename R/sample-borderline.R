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
                             n_threads = NULL, .synthetic = FALSE) {
  call <- rlang::current_env()
  out <- resample_outcome(data, rlang::enquo(outcome), call = call)
  check_number(k_neighbors, min = 1, whole = TRUE, call = call)
  check_number(m_neighbors, min = 1, whole = TRUE, call = call)
  kind <- check_borderline_kind(kind, call = call)
  check_synthetic_flag(.synthetic, data, call = call)
  x <- numeric_predictors(data, out$name, "borderline_smote", call = call)
  n_new <- sampling_counts(sampling_strategy, out$y, "over", call = call)
  check_smote_class_sizes(out$counts, n_new, k_neighbors, "Borderline-SMOTE", call = call)
  check_total_rows(nrow(data), n_new, m_neighbors, "Borderline-SMOTE", "m_neighbors", call = call)
  if (kind == "borderline-2") check_other_rows(out$counts, n_new, k_neighbors, call = call)
  seed <- resolve_seed(seed, call = call)
  n_threads <- resolve_threads(n_threads, call = call)
  res <- with_core(
    borderline_smote_cpp(x, as.integer(out$y) - 1L, n_new, as.integer(k_neighbors), as.integer(m_neighbors),
                         kind, seed, n_threads, knn_algorithm()),
    call = call
  )
  warn_no_danger(out$counts, n_new, res$y_new, m_neighbors)
  resampled_numeric(data, out, res, .synthetic)
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
  check_number(k_neighbors, min = 1, whole = TRUE)
  check_number(m_neighbors, min = 1, whole = TRUE)
  kind <- check_borderline_kind(kind)
  check_sampling_strategy(sampling_strategy, "over", binary = TRUE)
  new_step("borderline_smote", list(
    k_neighbors = as.integer(k_neighbors), m_neighbors = as.integer(m_neighbors), kind = kind,
    sampling_strategy = sampling_strategy
  ))
}

# The default `kind` is the vector of both choices; it means borderline-1.
check_borderline_kind <- function(kind, arg = rlang::caller_arg(kind), call = caller_env()) {
  kinds <- c("borderline-1", "borderline-2")
  if (identical(kind, kinds)) {
    return(kinds[1])
  }
  if (!rlang::is_string(kind) || !kind %in% kinds) {
    abort_smotelab(
      c("{.arg {arg}} must be one of {.or {.val {kinds}}}.",
        "x" = if (rlang::is_string(kind)) "It is {.val {kind}}." else "It is {.obj_type_friendly {kind}}."),
      "argument", call = call
    )
  }
  kind
}

# Neighbours among all rows (the row itself left out) need m + 1 rows.
check_total_rows <- function(n, n_new, m, method, arg, call = caller_env()) {
  if (any(n_new > 0) && n < m + 1) {
    abort_smotelab(
      c("The data have {n} row{?s}; {method} with {arg} = {m} needs at least {m + 1}.",
        "i" = "Lower {.arg {arg}} to at most {n - 1}."),
      "too_few_rows", call = call
    )
  }
}

# Borderline-2 also interpolates towards k rows of the other classes.
check_other_rows <- function(counts, n_new, k_neighbors, call = caller_env()) {
  others <- sum(counts) - counts
  small <- which(n_new > 0 & others < k_neighbors)
  if (length(small)) {
    cls <- names(counts)[small[1]]
    n <- others[[small[1]]]
    abort_smotelab(
      c("The class {.val {cls}} has {n} row{?s} of other classes; borderline-2 with k_neighbors = {k_neighbors} needs at least {k_neighbors}.",
        "i" = "Lower {.arg k_neighbors} to at most {n}, or use {.code kind = \"borderline-1\"}."),
      "too_few_rows", call = call
    )
  }
}

warn_no_danger <- function(counts, n_new, y_new, m_neighbors) {
  made <- tabulate(y_new + 1L, nbins = length(counts))
  none <- names(counts)[n_new > 0 & made == 0]
  if (length(none)) {
    warn_smotelab(
      c("Borderline-SMOTE added no rows to class{?es} {.val {none}}: no row is in danger.",
        "i" = "A row is in danger when at least half, but not all, of its {m_neighbors} nearest neighbours are of other classes."),
      "no_danger"
    )
  }
}
