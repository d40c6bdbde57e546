#' Instance hardness threshold under-sampling
#'
#' Removes the rows a model finds hardest to classify, as imbalanced-learn
#' 0.10's `InstanceHardnessThreshold`: the rows are dealt to `cv` stratified
#' folds; the model, fitted on the other folds, gives each row the
#' probability of its own class; each class to shrink keeps the rows whose
#' probability is at least the `100 * (1 - kept / rows)` percentile of its
#' rows' probabilities (numpy's linear percentile). Rows tied at that
#' threshold all stay, so a class can keep more rows than asked for, as in
#' imbalanced-learn.
#'
#' The model is any smotelab model, fitted by the pipeline engine: the folds
#' run in parallel, each model on one thread. The outcome must be binary.
#'
#' @inheritParams random_undersample
#' @param model A model such as [model_forest()] (the default: 100 trees, as
#'   imbalanced-learn's default random forest) or [model_logistic()].
#' @param cv Number of cross-validation folds; each class needs at least
#'   `cv` rows.
#' @param n_threads Number of threads; `NULL` resolves as described in
#'   [smotelab-package]. The result does not depend on it.
#' @return A tibble: the kept rows of `data`, in their original order.
#' @seealso [step_instance_hardness_threshold()]; [random_undersample()].
#' @export
#' @examples
#' d <- make_imbalanced(n_samples = 300, n_features = 4, n_informative = 2, seed = 1)
#' kept <- instance_hardness_threshold(d, class, model = model_logistic(), seed = 1, n_threads = 1)
#' table(kept$class)
instance_hardness_threshold <- function(data, outcome, model = model_forest(n_trees = 100), cv = 5,
                                        sampling_strategy = "auto", seed = NULL, n_threads = NULL,
                                        case_weights = NULL) {
  call <- rlang::current_env()
  weights <- sampler_weights(case_weights, data, call = call)
  data <- weights$data
  check_hardness_model(model, call = call)
  check_count(cv, min = 2)
  out <- resample_outcome(data, rlang::enquo(outcome), call = call)
  if (nlevels(out$y) != 2) {
    abort_smotelab(
      c("{.fn instance_hardness_threshold} can't use an outcome with more than two classes.",
        "x" = "The outcome {.field {out$name}} has {nlevels(out$y)} classes.",
        "i" = "smotelab's models, which give the probabilities, are binary."
      ),
      "levels",
      call = call
    )
  }
  x <- numeric_predictors(data, out$name, "instance_hardness_threshold", call = call)
  n_keep <- sampling_counts(sampling_strategy, out$y, "under", call = call)
  seed <- resolve_seed(seed, call = call)
  n_threads <- resolve_threads(n_threads, call = call)
  levels <- levels(out$y)
  spec <- list(steps = list(), model = model_to_core(model, levels), class_names = levels, numpy_rng = FALSE)
  keep <- with_core(
    instance_hardness_cpp(
      x, as.integer(out$y) - 1L, n_keep, sampling_to_core(sampling_strategy, levels), spec, as.integer(cv),
      seed, n_threads, levels
    ),
    call = call
  )
  kept_rows(data, keep, weights, call)
}

#' Instance hardness threshold as a pipeline step
#'
#' Shrinks the training rows of each fit with [instance_hardness_threshold()];
#' at predict time the step does nothing. On a training fold it keeps the
#' rows the function keeps there.
#'
#' @inheritParams instance_hardness_threshold
#' @param sampling_strategy As in [step_random_undersample()].
#' @return A `smotelab_step` object for [imb_pipeline()].
#' @export
#' @examples
#' step_instance_hardness_threshold(model = model_logistic(), cv = 3)
step_instance_hardness_threshold <- function(model = model_forest(n_trees = 100), cv = 5,
                                             sampling_strategy = "auto") {
  check_hardness_model(model)
  check_count(cv, min = 2)
  check_sampling_strategy(sampling_strategy, "under", binary = TRUE)
  new_step(
    "instance_hardness_threshold",
    list(model = model, cv = as.integer(cv), sampling_strategy = sampling_strategy)
  )
}

check_hardness_model <- function(model, call = caller_env()) {
  if (!inherits(model, "smotelab_model")) {
    abort_smotelab(
      "{.arg model} must be a smotelab model such as {.fn model_forest}, not {.obj_type_friendly {model}}.",
      "argument",
      call = call
    )
  }
  invisible(model)
}
