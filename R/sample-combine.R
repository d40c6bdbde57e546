#' SMOTE followed by a cleaning rule
#'
#' `smote_enn()` grows classes with [smote()], then removes rows, original
#' or synthetic, with [edited_nearest_neighbours()] on all of them together;
#' `smote_tomek()` removes the rows in Tomek links instead
#' ([tomek_links()]). These are imbalanced-learn's `SMOTEENN` and
#' `SMOTETomek`, whose cleaning part cleans every class by default.
#'
#' @inheritParams smote
#' @inheritParams edited_nearest_neighbours
#' @param sampling_strategy SMOTE's, as in [smote()].
#' @param enn_sampling_strategy,tomek_sampling_strategy The classes the
#'   cleaning part may clean, as `sampling_strategy` in [tomek_links()]:
#'   `"all"` by default, as in imbalanced-learn.
#' @return A tibble with the columns of `data`: the original rows kept, in
#'   their order, then the synthetic rows kept, grouped by class in level
#'   order. Predictors come back as doubles.
#' @seealso [step_smote_enn()], [step_smote_tomek()] for use inside a
#'   pipeline.
#' @export
#' @examples
#' d <- make_imbalanced(n_samples = 300, n_features = 4, n_informative = 2, seed = 1)
#' table(smote_enn(d, class, seed = 1, n_threads = 1)$class)
#' table(smote_tomek(d, class, seed = 1, n_threads = 1)$class)
smote_enn <- function(data, outcome, k_neighbors = 5, n_neighbors = 3, kind_sel = c("all", "mode"),
                      sampling_strategy = "auto", enn_sampling_strategy = "all", seed = NULL, n_threads = NULL,
                      case_weights = NULL, .synthetic = FALSE) {
  check_count(k_neighbors)
  check_count(n_neighbors)
  kind_sel <- check_choice(kind_sel, c("all", "mode"))
  smote_then_clean(
    data, rlang::enquo(outcome), "enn", k_neighbors, sampling_strategy, enn_sampling_strategy, n_neighbors,
    kind_sel, seed, n_threads, .synthetic,
    case_weights = case_weights
  )
}

#' @rdname smote_enn
#' @export
smote_tomek <- function(data, outcome, k_neighbors = 5, sampling_strategy = "auto", tomek_sampling_strategy = "all",
                        seed = NULL, n_threads = NULL, case_weights = NULL, .synthetic = FALSE) {
  check_count(k_neighbors)
  smote_then_clean(
    data, rlang::enquo(outcome), "tomek", k_neighbors, sampling_strategy, tomek_sampling_strategy, 1L,
    "all", seed, n_threads, .synthetic,
    case_weights = case_weights
  )
}

smote_then_clean <- function(data, quo, cleaning, k_neighbors, sampling_strategy, cleaning_strategy, n_neighbors,
                             kind_sel, seed, n_threads, synthetic, case_weights = NULL, call = caller_env()) {
  weights <- sampler_weights(case_weights, data, call = call)
  data <- weights$data
  out <- resample_outcome(data, quo, call = call)
  check_synthetic_flag(synthetic, data, arg = ".synthetic", call = call)
  x <- numeric_predictors(data, out$name, rlang::call_name(rlang::frame_call(call)), call = call)
  levels <- levels(out$y)
  n_new <- sampling_counts(sampling_strategy, out$y, "over", call = call)
  arg <- paste0(cleaning, "_sampling_strategy")
  check_sampling_strategy(cleaning_strategy, "clean", levels = levels, arg = arg, call = call)
  seed <- resolve_seed(seed, call = call)
  n_threads <- resolve_threads(n_threads, call = call)
  res <- with_core(
    smote_cleaning_cpp(
      cleaning, x, as.integer(out$y) - 1L, n_new, as.integer(k_neighbors),
      sampling_to_core(cleaning_strategy, levels), as.integer(n_neighbors), kind_sel, seed, n_threads,
      knn_algorithm(), levels
    ),
    call = call
  )
  n_old <- length(res$keep)
  n_add <- length(res$y_new)
  result <- vector("list", ncol(data))
  names(result) <- names(data)
  for (j in seq_along(x)) {
    result[[names(x)[j]]] <- res$columns[[j]]
  }
  kept <- list(y = out$y[res$keep], is_factor = out$is_factor)
  result[[out$name]] <- extend_outcome(kept, res$y_new)
  result <- tibble::new_tibble(result, nrow = n_old + n_add)
  result <- add_synthetic_column(result, n_old, n_add, synthetic)
  with_carried_weights(result, weights, keep = res$keep, res = res, call = call)
}

#' SMOTE and a cleaning rule as pipeline steps
#'
#' Resample the training rows of each fit with [smote_enn()] or
#' [smote_tomek()]; at predict time the steps do nothing.
#'
#' @inheritParams smote_enn
#' @param sampling_strategy SMOTE's, as in [step_smote()].
#' @return A `smotelab_step` object for [imb_pipeline()].
#' @export
#' @examples
#' step_smote_enn(k_neighbors = 5, sampling_strategy = 0.75)
#' step_smote_tomek()
step_smote_enn <- function(k_neighbors = 5, n_neighbors = 3, kind_sel = "all", sampling_strategy = "auto",
                           enn_sampling_strategy = "all") {
  kind_sel <- check_choice(kind_sel, c("all", "mode"))
  check_sampling_strategy(enn_sampling_strategy, "clean")
  oversampling_step("smote_enn", sampling_strategy,
    k_neighbors = k_neighbors, n_neighbors = n_neighbors,
    extra = list(kind_sel = kind_sel, enn_sampling_strategy = enn_sampling_strategy)
  )
}

#' @rdname step_smote_enn
#' @export
step_smote_tomek <- function(k_neighbors = 5, sampling_strategy = "auto", tomek_sampling_strategy = "all") {
  check_sampling_strategy(tomek_sampling_strategy, "clean")
  oversampling_step("smote_tomek", sampling_strategy,
    k_neighbors = k_neighbors,
    extra = list(tomek_sampling_strategy = tomek_sampling_strategy)
  )
}
