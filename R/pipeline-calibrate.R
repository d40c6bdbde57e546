#' Calibrate the probabilities of a pipeline
#'
#' Resampling and class weights change a model's probabilities: a model
#' trained on SMOTE-balanced data predicts far more events than occur.
#' `calibrate()` maps its scores back to honest probabilities, with
#' scikit-learn's `CalibratedClassifierCV` methods or with a correction of the
#' class prior.
#'
#' **On a pipeline** (from [imb_pipeline()]), with `folds = k`: the result is
#' a pipeline whose model is wrapped with the calibration, fitted as
#' `CalibratedClassifierCV(pipeline, cv = k, ensemble = TRUE)`: the rows are
#' cut into `k` stratified folds (scikit-learn's `StratifiedKFold(k)`, without
#' shuffling); the whole pipeline, resampling included, is fitted on the other
#' folds and a calibrator on each fold's scores; a prediction is the mean of
#' the `k` calibrated members. [fit()], [predict()], [cross_validate()] and
#' [grid_search()] accept it, and its calibration parameters are tunable as
#' `<model>__method` and `<model>__folds` (with the model's element name).
#' In cross-validation the calibration folds are cut inside each training
#' fold, so held-out rows never inform a calibrator. Member `f` is fitted
#' with a seed derived from the fit's seed and `f`.
#'
#' **On a fitted pipeline** (from [fit()]) with held-out `data`: the prefit
#' mode (`cv = "prefit"`): one calibrator is fitted on the scores of `data`
#' and applied after the model. Use rows the model was not fitted on.
#'
#' The methods:
#' * `"sigmoid"`: Platt scaling, `p = 1 / (1 + exp(a s + b))`, fitted as
#'   scikit-learn's `_sigmoid_calibration` (targets smoothed to
#'   \eqn{(n_1 + 1) / (n_1 + 2)} and \eqn{1 / (n_0 + 2)}, the same
#'   cross-entropy, minimised by Newton's method to the optimum where
#'   scikit-learn's BFGS stops at a gradient of 1e-5).
#' * `"isotonic"`: scikit-learn's `IsotonicRegression(out_of_bounds =
#'   "clip")`: a non-decreasing step function by pool-adjacent-violators,
#'   interpolated linearly between its points and constant beyond them;
#'   O(n log n). It needs more rows than the sigmoid, which can also
#'   extrapolate.
#' * `"prior"`: no extra data. Every fit records the class counts its model
#'   trained on after resampling (`fit_counts`); class weights
#'   (`class_weight = "balanced"`, `scale_pos_weight`) move the share of
#'   events the model effectively saw further, to \eqn{w_1 n_1 / (w_1 n_1 +
#'   w_0 n_0)}. The model's log-odds are shifted by
#'   \eqn{\mathrm{logit}(\pi) - \mathrm{logit}(\pi_s)}, from that share
#'   \eqn{\pi_s} to the event share \eqn{\pi} of the training data (or of
#'   `data`, when given). This is the correction of Dal Pozzolo et al. (2015)
#'   for under-sampling, exact whenever resampling changes the class prior
#'   and not the distribution of the predictors within a class; SMOTE's
#'   synthetic rows do change that distribution a little, so the correction
#'   is close, not exact. `folds` is not used. With case weights both shares
#'   are shares of weight: \eqn{\pi_s} from the weight per class the model
#'   saw after resampling (each class weight multiplying it; `"balanced"`
#'   class weights are \eqn{n / (2 n_k)} from the row counts, as
#'   scikit-learn's), \eqn{\pi} from the weight per class of the training
#'   data (or of `data`, weighted by `case_weights` when given).
#'
#' **Case weights** follow scikit-learn's `CalibratedClassifierCV.fit(X, y,
#' sample_weight)`. A calibrated pipeline fitted with `case_weights` (in
#' [fit()], [cross_validate()], [grid_search()] or [tune_threshold()]) fits
#' each member's pipeline with the weights of its training rows, which follow
#' them through resampling as in [fit()], and each calibrator with the weights
#' of its held-out rows. In the prefit mode `case_weights` weighs the rows of
#' `data`. A weighted sigmoid minimises the weighted cross-entropy and smooths
#' its targets with the weight totals of the classes in place of \eqn{n_1}
#' and \eqn{n_0} (as `_sigmoid_calibration` does); a weighted isotonic
#' regression gives tied scores their weighted mean outcome and pools
#' adjacent violators by weight. Whole-number weights calibrate as that many
#' copies of each row would; weights of 1 as no weights.
#'
#' As in scikit-learn, the score calibrated is the model's decision value
#' when it has one (the log-odds of [model_logistic()]) and its predicted
#' probability otherwise ([model_forest()], [model_boost()]).
#'
#' @param x A pipeline from [imb_pipeline()] or a fitted pipeline from
#'   [fit()].
#' @param method `"sigmoid"`, `"isotonic"` or `"prior"`, as above.
#' @param folds For a pipeline: the number of calibration folds, a whole
#'   number >= 2.
#' @param data For a fitted pipeline: a data frame of held-out rows with the
#'   predictors and the outcome (required for `"sigmoid"` and `"isotonic"`;
#'   for `"prior"`, optional, the rows whose event share to correct to).
#' @param ... Not used; must be empty.
#' @param case_weights For a fitted pipeline with `data`: `NULL`, or case
#'   weights of the rows of `data`, as in [fit.smotelab_pipeline()] (the name
#'   of a numeric column of `data` or one value per row, each finite and
#'   larger than 0). The calibrator is fitted with them; with `"prior"` the
#'   event share corrected to is their share.
#' @inheritParams fit.smotelab_pipeline
#' @return For a pipeline, a calibrated `smotelab_pipeline`; for a fitted
#'   pipeline, the `smotelab_fit` with its calibrator (`$calibration` says
#'   which). [predict()] then returns calibrated probabilities.
#' @references Platt, J. (1999). Probabilistic outputs for support vector
#'   machines. Zadrozny, B. and Elkan, C. (2002). Transforming classifier
#'   scores into accurate multiclass probability estimates. Dal Pozzolo, A.,
#'   Caelen, O., Johnson, R. A. and Bontempi, G. (2015). Calibrating
#'   probability with undersampling for unbalanced classification.
#' @seealso [calibration_curve()], [plot_calibration()], [brier_vec()],
#'   [tune_threshold()].
#' @export
#' @examples
#' d <- make_imbalanced(n_samples = 1000, seed = 1)
#' split <- split_stratified(d, class, seed = 1)
#' pipe <- imb_pipeline(scale = step_scale(), smote = step_smote(), clf = model_logistic())
#' smote_fit <- fit(pipe, class ~ ., split$train, seed = 1, n_threads = 1)
#' corrected <- calibrate(smote_fit, method = "prior")
#' c(
#'   smote = mean(predict(smote_fit, split$test, type = "prob")$.pred_minority),
#'   prior = mean(predict(corrected, split$test, type = "prob")$.pred_minority),
#'   events = mean(split$test$class == "minority")
#' )
#'
#' # Calibrated inside every training fold of a cross-validation:
#' calibrated <- calibrate(pipe, method = "sigmoid", folds = 3)
#' summary(cross_validate(calibrated, class ~ ., d,
#'   folds = 3, metrics = c("brier", "roc_auc"),
#'   seed = 1, n_threads = 1
#' ))
calibrate <- function(x, method = c("sigmoid", "isotonic", "prior"), folds = 5, data = NULL, ...,
                      n_threads = NULL, case_weights = NULL) {
  rlang::check_dots_empty()
  call <- rlang::current_env()
  method <- check_choice(method, c("sigmoid", "isotonic", "prior"), call = call)
  if (inherits(x, "smotelab_pipeline")) {
    # Arguments for a fitted pipeline only, each with where it belongs.
    hints <- c(
      data = "A pipeline is calibrated on folds of the data it is fitted on; {.arg data} is for a fitted pipeline.",
      case_weights = "Give them to {.fn fit}, {.fn cross_validate} or {.fn grid_search}, which calibrate with them."
    )
    given <- names(hints)[c(!is.null(data), !is.null(case_weights))]
    if (length(given)) {
      abort_smotelab(
        c("{.arg {given[1]}} can't be used when {.arg x} is a pipeline.", "i" = hints[[given[1]]]),
        "argument",
        call = call
      )
    }
    if (inherits(pipeline_model(x), "smotelab_model_calibrated")) {
      abort_smotelab("{.arg x} is already calibrated; calibrate the pipeline it wraps instead.", "argument",
        call = call
      )
    }
    x$elements[[length(x$elements)]] <- model_calibrated(pipeline_model(x), method = method, folds = folds)
    return(x)
  }
  if (!inherits(x, "smotelab_fit")) {
    abort_smotelab(
      paste(
        "{.arg x} must be a pipeline from {.fn imb_pipeline} or a fitted pipeline from {.fn fit},",
        "not {.obj_type_friendly {x}}."
      ),
      "type",
      call = call
    )
  }
  check_fit_current(x, call = call)
  if (!is.null(x$state$calibration)) {
    abort_smotelab("{.arg x} is already calibrated; calibrate the uncalibrated fit instead.", "argument", call = call)
  }
  if (!is.null(case_weights) && is.null(data)) {
    abort_smotelab(
      c("{.arg case_weights} can't be used without {.arg data}.",
        "i" = "They are the weights of the rows of {.arg data}; a fit's own case weights are given to {.fn fit}."
      ),
      "argument",
      call = call
    )
  }
  weights <- resolve_case_weights(case_weights, data, call = call)
  data <- weights$data
  calibrator <- if (method == "prior") {
    prior_calibrator(x, data, weights$values, call)
  } else {
    if (is.null(data)) {
      abort_smotelab(
        c("{.arg data} must hold held-out rows to calibrate a fitted pipeline with {.val {method}}.",
          "i" = "Or calibrate the pipeline itself: {.code calibrate(pipeline, method = \"{method}\", folds = 5)}."
        ),
        "argument",
        call = call
      )
    }
    n_threads <- resolve_threads(n_threads, call = call)
    check_data(data, call = call)
    scores <- held_out_scores(x, data, call = call)
    x_cols <- blueprint_columns(x$blueprint, data, n_threads, call = call)
    y <- as.integer(scores$truth) - 1L
    check_both_classes(
      tabulate(y + 1L, 2), x$blueprint$outcome_levels,
      cli::format_inline("to calibrate with {.val {method}}."), call
    )
    with_core(calibrate_prefit_cpp(x$state, x_cols, y, method, n_threads, weights$values), call = call)
  }
  x$state$calibration <- list(calibrators = list(calibrator), members = list())
  x$calibration <- list(method = method, rows = if (is.null(data)) NA_integer_ else nrow(data))
  x
}

# The case-weight totals per class of 0/1 labels `y`, named by `levels`; NULL
# without weights.
class_weight_totals <- function(y, case_weights, levels) {
  if (is.null(case_weights)) {
    return(NULL)
  }
  rlang::set_names(c(sum(case_weights[which(y == 0L)]), sum(case_weights[which(y == 1L)])), levels)
}

# Held-out rows for a calibration must hold both classes; `purpose` ends the
# headline.
check_both_classes <- function(counts, levels, purpose, call) {
  if (any(counts == 0)) {
    abort_smotelab(
      c(paste("{.arg data} must contain both classes", purpose),
        "x" = "Class {.val {levels[counts == 0]}} has no rows."
      ),
      "levels",
      call = call
    )
  }
}

# The prior calibrator of `fitted`: from the event share its model trained at
# (rows, or with case weights their weight, per class after resampling) to
# that of its training data, or of `data` (weighted by `case_weights` when
# given).
prior_calibrator <- function(fitted, data, case_weights, call) {
  weighted_fit <- !is.null(fitted$case_weights)
  if (weighted_fit && (is.null(fitted$state$fit_weights) || is.null(fitted$class_weight_totals))) {
    abort_smotelab(
      c("The prior correction can't correct this fit: its case-weight totals were not recorded.",
        "i" = "It was made with case weights by an earlier version of smotelab; refit it with {.fn fit}."
      ),
      "outdated_fit",
      call = call
    )
  }
  mass <- unname(if (weighted_fit) fitted$class_weight_totals else fitted$class_counts)
  if (!is.null(data)) {
    check_data(data, call = call)
    bp <- fitted$blueprint
    if (!bp$outcome %in% names(data)) {
      abort_smotelab("{.arg data} must contain the outcome column {.val {bp$outcome}}.", "columns", call = call)
    }
    y <- match(as.character(data[[bp$outcome]]), bp$outcome_levels)
    counts <- tabulate(y, 2)
    check_both_classes(counts, bp$outcome_levels, "to set the prior it corrects to.", call)
    mass <- if (is.null(case_weights)) counts else unname(class_weight_totals(y - 1L, case_weights, bp$outcome_levels))
  }
  bp <- fitted$blueprint
  spec <- spec_to_core(fitted$pipeline, bp$outcome_levels, fitted$rng, blueprint_blocks(bp))
  with_core(
    calibrate_prior_cpp(spec, as.integer(fitted$state$fit_counts), as.double(mass), fitted$state$fit_weights),
    call = call
  )
}

#' A model wrapped with its calibration
#'
#' The last element of a calibrated pipeline: `calibrate(pipeline, method,
#' folds)` replaces the pipeline's model with `model_calibrated(model, method,
#' folds)`, and writing it by hand in [imb_pipeline()] is the same. The
#' engine fits the whole pipeline, resampling included, once per calibration
#' fold (see [calibrate()]). [grid_search()] can tune `<name>__method` and
#' `<name>__folds`.
#'
#' @param model An uncalibrated model such as [model_logistic()].
#' @inheritParams calibrate
#' @param folds The number of calibration folds, a whole number >= 2 (not
#'   used by `"prior"`).
#' @return A `smotelab_model` object for [imb_pipeline()].
#' @seealso [calibrate()]
#' @export
#' @examples
#' imb_pipeline(
#'   scale = step_scale(), smote = step_smote(),
#'   clf = model_calibrated(model_logistic(C = 1), method = "isotonic", folds = 5)
#' )
model_calibrated <- function(model = model_logistic(), method = "sigmoid", folds = 5) {
  # The element wraps the model with the calibration parameters; the engine
  # reads them from the pipeline spec (spec_to_core() adds `calibration`).
  if (!inherits(model, "smotelab_model") || inherits(model, "smotelab_model_calibrated")) {
    abort_smotelab("{.arg model} must be an uncalibrated model such as {.fn model_logistic}.", "type")
  }
  method <- check_choice(method, c("sigmoid", "isotonic", "prior"))
  check_count(folds, min = 2)
  new_model("calibrated", list(model = model, method = method, folds = as.integer(folds)))
}

calibration_to_core <- function(model) UseMethod("calibration_to_core")

#' @export
calibration_to_core.default <- function(model) NULL

#' @export
calibration_to_core.smotelab_model_calibrated <- function(model) {
  list(method = model$params$method, folds = model$params$folds)
}

#' @export
model_to_core.smotelab_model_calibrated <- function(model, levels) model_to_core(model$params$model, levels)

#' @export
model_check_columns.smotelab_model_calibrated <- function(model, columns, call = caller_env()) {
  model_check_columns(model$params$model, columns, call = call)
}

#' @export
format.smotelab_model_calibrated <- function(x, ...) {
  p <- x$params
  paste0(
    format(p$model), " calibrated (", p$method,
    if (p$method != "prior") paste0(", ", p$folds, " folds"), ")"
  )
}

#' @export
format_state.smotelab_model_calibrated <- function(model, fit) {
  if (model$params$method == "prior") {
    return(character())
  }
  paste0("an ensemble of ", length(fit$state$calibration$members), " calibrated fits, one per calibration fold")
}
