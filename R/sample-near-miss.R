#' NearMiss under-sampling
#'
#' Shrinks classes to the rows nearest the minority, as imbalanced-learn
#' 0.10's `NearMiss`. Each row of a class to shrink is scored by its
#' Euclidean distances to minority rows:
#' * `version = 1`: the sum of the distances to its `n_neighbors` nearest
#'   minority rows; the rows with the smallest sums are kept;
#' * `version = 2`: the sum of the distances to its `n_neighbors` farthest
#'   minority rows; the smallest are kept;
#' * `version = 3`: only the rows that are among the `n_neighbors_ver3`
#'   nearest rows of the class of some minority row are candidates; of
#'   those, the rows with the largest version-1 sums are kept. A class can
#'   keep fewer rows than `sampling_strategy` asks for; smotelab then warns,
#'   as imbalanced-learn does.
#'
#' Equal sums go to the earlier row, as in imbalanced-learn, whose sums
#' smotelab computes in the same order, so they tie when its do.
#' Version 2 compares every row of a class with every minority row, so it
#' costs their product; versions 1 and 3 use the exact nearest-neighbour
#' search of [smote()].
#'
#' @inheritParams random_undersample
#' @param version 1, 2 or 3.
#' @param n_neighbors Number of minority rows each score sums over; the
#'   minority needs at least this many rows.
#' @param n_neighbors_ver3 For version 3, how many nearest rows of the class
#'   each minority row makes candidates.
#' @param n_threads Number of threads; `NULL` resolves as described in
#'   [smotelab-package]. The result does not depend on it.
#' @return A tibble: the kept rows of `data`, in their original order
#'   (imbalanced-learn groups them by class, in score order).
#' @seealso [step_near_miss()]; [tomek_links()] and the other cleaning rules.
#' @export
#' @examples
#' d <- make_imbalanced(n_samples = 300, n_features = 4, n_informative = 2, seed = 1)
#' table(near_miss(d, class, n_threads = 1)$class)
#' table(near_miss(d, class, version = 3, sampling_strategy = 0.5, n_threads = 1)$class)
near_miss <- function(data, outcome, version = 1, n_neighbors = 3, n_neighbors_ver3 = 3, sampling_strategy = "auto",
                      n_threads = NULL, case_weights = NULL) {
  call <- rlang::current_env()
  weights <- sampler_weights(case_weights, data, call = call)
  data <- weights$data
  check_near_miss_version(version)
  check_count(n_neighbors)
  check_count(n_neighbors_ver3)
  out <- resample_outcome(data, rlang::enquo(outcome), call = call)
  x <- numeric_predictors(data, out$name, "near_miss", call = call)
  n_keep <- sampling_counts(sampling_strategy, out$y, "under", call = call)
  n_threads <- resolve_threads(n_threads, call = call)
  levels <- levels(out$y)
  keep <- with_core(
    near_miss_cpp(
      x, as.integer(out$y) - 1L, n_keep, sampling_to_core(sampling_strategy, levels), as.integer(version),
      as.integer(n_neighbors), as.integer(n_neighbors_ver3), n_threads, knn_algorithm(), levels
    ),
    call = call
  )
  got <- tabulate(as.integer(out$y)[keep], nbins = length(levels))
  short <- got < n_keep
  if (any(short)) {
    counts <- vapply(which(short), function(c) {
      cli::format_inline("Class {.val {levels[c]}}: {got[c]} row{?s} kept, {n_keep[c]} asked for.")
    }, character(1))
    warn_smotelab(
      c("NearMiss-3 kept fewer rows than {.arg sampling_strategy} asks for.",
        stats::setNames(counts, rep("i", length(counts))),
        "i" = paste(
          "Only rows among the {n_neighbors_ver3} nearest of some minority row can be kept;",
          "raise {.arg n_neighbors_ver3} to keep more."
        )
      ),
      "short_class"
    )
  }
  kept_rows(data, keep, weights, call)
}

#' NearMiss as a pipeline step
#'
#' Shrinks the training rows of each fit with [near_miss()]; at predict time
#' the step does nothing.
#'
#' @inheritParams near_miss
#' @param sampling_strategy As in [step_random_undersample()].
#' @return A `smotelab_step` object for [imb_pipeline()].
#' @export
#' @examples
#' step_near_miss(version = 2, sampling_strategy = 0.5)
step_near_miss <- function(version = 1, n_neighbors = 3, n_neighbors_ver3 = 3, sampling_strategy = "auto") {
  check_near_miss_version(version)
  check_count(n_neighbors)
  check_count(n_neighbors_ver3)
  check_sampling_strategy(sampling_strategy, "under", binary = TRUE)
  new_step("near_miss", list(
    version = as.integer(version), n_neighbors = as.integer(n_neighbors),
    n_neighbors_ver3 = as.integer(n_neighbors_ver3), sampling_strategy = sampling_strategy
  ))
}

check_near_miss_version <- function(version, call = caller_env()) {
  if (!is.numeric(version) || length(version) != 1 || is.na(version) || !version %in% 1:3) {
    shown <- if (is.numeric(version) && length(version) == 1) {
      format(version)
    } else {
      cli::format_inline("{.obj_type_friendly {version}}")
    }
    abort_smotelab("{.arg version} must be 1, 2 or 3, not {shown}.", "argument", call = call)
  }
  invisible(version)
}
