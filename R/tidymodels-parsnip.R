# parsnip engines "smotelab" for logistic_reg(), rand_forest() and
# boost_tree(). parsnip is in Suggests: the engines are registered when
# smotelab loads if parsnip is installed; if parsnip loads later, a hook
# registers them then.

#' Fit smotelab's models as parsnip engines
#'
#' These functions are what the `"smotelab"` engines of
#' [parsnip::logistic_reg()], [parsnip::rand_forest()] and
#' [parsnip::boost_tree()] call; use the engines, not these functions. Each
#' fits `fit(imb_pipeline(clf = model), ...)` of the corresponding smotelab
#' model on the rows it is given (put a [step_resample()] in the recipe to
#' resample them first), and parsnip's `predict()` returns smotelab's class
#' and probability predictions.
#'
#' How parsnip's arguments map:
#' * `logistic_reg()`: `penalty` to `C = 1 / penalty` of [model_logistic()]
#'   (`penalty = 0` is `C = Inf`, no penalty), as parsnip's LiblineaR engine
#'   maps it: the objective is scikit-learn's, the ridge term
#'   \eqn{\frac12 \lVert w \rVert^2} plus `C` times the summed log-loss.
#'   `mixture` must be 0 (ridge): there is no lasso. Default `penalty` is 1.
#' * `rand_forest()`: `trees` to `n_trees`, `mtry` to `mtry`, `min_n` to
#'   `min_node_size` of [model_forest()].
#' * `boost_tree()`: `trees` to `n_rounds`, `learn_rate` to `learning_rate`,
#'   `tree_depth` to `max_depth`, `sample_size` (a proportion) to
#'   `subsample`, `mtry` (a count of predictors) to `colsample = mtry / p`,
#'   `min_n` to `min_child_weight`, `stop_iter` to `early_stopping_rounds` of
#'   [model_boost()]. `loss_reduction` has no counterpart (smotelab's trees
#'   do not prune on a minimum loss reduction) and is refused.
#'
#' Engine arguments, given to [parsnip::set_engine()]: `class_weight` (for
#' the logistic regression and the forest), `scale_pos_weight`, `lambda` and
#' `max_bins` (boosting), `max_depth` (forest), `seed` (`NULL` draws from R's
#' generator, so [set.seed()] and tune's per-resample seeds work),
#' `pipeline_steps` and `n_threads`.
#'
#' @param x A data frame of numeric predictors.
#' @param y The outcome, a factor with two levels; the event is the second.
#' @param penalty,mixture,trees,mtry,min_n,learn_rate,tree_depth,sample_size,loss_reduction,stop_iter
#'   parsnip's main arguments, mapped as described above.
#' @param class_weight,max_depth,scale_pos_weight,lambda,max_bins Engine
#'   arguments passed to the smotelab model.
#' @param seed,n_threads As in [fit.smotelab_pipeline()].
#' @param pipeline_steps The model draws the random stream that
#'   `fit(seed = seed)` gives the model of a pipeline with this many
#'   resampling steps (a whole number, default 0: a pipeline of the model
#'   alone). With `step_resample(seed = s)` in the recipe and
#'   `set_engine("smotelab", seed = s, pipeline_steps = 1)`, a workflow fits
#'   exactly what `fit(imb_pipeline(sampler, model), seed = s)` fits, also for
#'   the forest and boosting, whose trees draw random numbers.
#' `penalty` has submodels: `tune_grid()` fits a workflow once per setting of
#' the other parameters and predicts every penalty of its grid with
#' [parsnip::multi_predict()], which fits each other penalty on the rows the
#' fit was given, so each penalty predicts exactly what a fit at that penalty
#' alone predicts. For that the logistic engine's fit keeps those rows (in
#' memory it shares their columns with the workflow; a saved fit holds them).
#'
#' @return A `smotelab_fit`.
#' @keywords internal
#' @name smotelab_engines
NULL

#' @rdname smotelab_engines
#' @export
parsnip_fit_logistic <- function(x, y, penalty = NULL, mixture = NULL, class_weight = NULL, seed = NULL,
                                 n_threads = NULL, pipeline_steps = 0) {
  call <- rlang::current_env()
  refuse_nonzero(mixture)
  C <- 1
  if (!is.null(penalty)) {
    check_number_decimal(penalty, min = 0, call = call, class = argument_error)
    C <- if (penalty == 0) Inf else 1 / penalty
  }
  fitted <- parsnip_fit_model(
    model_logistic(C = C, class_weight = class_weight), x, y, seed, n_threads, pipeline_steps, call
  )
  # What multi_predict() needs to fit the other penalties of a tune grid as
  # this one was fitted. x and y hold the workflow's own columns (the fitted
  # workflow keeps them in its mold), so in memory they are shared, not copied.
  fitted$penalty_path <- list(
    x = x, y = y, penalty = penalty,
    args = list(class_weight = class_weight, seed = fitted$seed, n_threads = n_threads, pipeline_steps = pipeline_steps)
  )
  fitted
}

#' @rdname smotelab_engines
#' @export
parsnip_fit_forest <- function(x, y, trees = 500, mtry = NULL, min_n = 1, class_weight = NULL, max_depth = NULL,
                               seed = NULL, n_threads = NULL, pipeline_steps = 0) {
  model <- model_forest(
    n_trees = trees, mtry = mtry, min_node_size = min_n, max_depth = max_depth,
    class_weight = class_weight
  )
  parsnip_fit_model(model, x, y, seed, n_threads, pipeline_steps, rlang::current_env())
}

#' @rdname smotelab_engines
#' @export
parsnip_fit_boost <- function(x, y, trees = 100, learn_rate = 0.3, tree_depth = 6, sample_size = 1, mtry = NULL,
                              min_n = 1, loss_reduction = NULL, stop_iter = NULL, scale_pos_weight = 1, lambda = 1,
                              max_bins = 255, seed = NULL, n_threads = NULL, pipeline_steps = 0) {
  call <- rlang::current_env()
  refuse_nonzero(loss_reduction)
  colsample <- 1
  if (!is.null(mtry)) {
    check_count(mtry, call = call)
    colsample <- min(1, mtry / ncol(x))
  }
  model <- model_boost(
    n_rounds = trees, learning_rate = learn_rate, max_depth = tree_depth, subsample = sample_size,
    colsample = colsample, min_child_weight = min_n, early_stopping_rounds = stop_iter,
    scale_pos_weight = scale_pos_weight, lambda = lambda, max_bins = max_bins
  )
  parsnip_fit_model(model, x, y, seed, n_threads, pipeline_steps, call)
}

# A parsnip argument smotelab has no counterpart for: only none or 0, the
# value that changes nothing, passes; `unsupported_args` says why.
refuse_nonzero <- function(value, arg = rlang::caller_arg(value), call = caller_env()) {
  if (!is.null(value) && !identical(as.double(value), 0)) {
    abort_smotelab(c(unsupported_args[[arg]], "x" = "{.arg {arg}} is {format(value)}."), "argument", call = call)
  }
}

unsupported_args <- c(
  mixture = "{.arg mixture} must be 0 with the smotelab engine: its logistic regression has a ridge penalty only.",
  loss_reduction = paste(
    "{.arg loss_reduction} can't be used with the smotelab engine:",
    "its trees have no minimum loss reduction."
  )
)

# fit() of a one-model pipeline, except that the model draws the stream a
# pipeline with `pipeline_steps` resampling steps gives its model; the
# outcome gets a name no predictor has.
parsnip_fit_model <- function(model, x, y, seed, n_threads, pipeline_steps, call) {
  check_count(pipeline_steps, min = 0, arg = "pipeline_steps", call = call)
  outcome <- "..y"
  while (outcome %in% names(x)) outcome <- paste0(outcome, "_")
  data <- tibble::as_tibble(x)
  data[[outcome]] <- y
  formula <- stats::as.formula(paste0("`", outcome, "` ~ ."))
  pipeline <- imb_pipeline(clf = model)
  n_threads <- resolve_threads(n_threads, call = call)
  fit_pipeline_data(pipeline, formula, data, seed, n_threads, NULL,
    fit_core = function(spec, x, y, seed) {
      pipeline_fit_model_cpp(spec, x, y, seed, as.integer(pipeline_steps), n_threads)
    },
    call = call
  )
}

#' Predict a smotelab logistic engine at several penalties
#'
#' The `multi_predict()` method of parsnip's `"smotelab"` engine for
#' [parsnip::logistic_reg()], which tune's `tune_grid()` calls so that it
#' fits a workflow once per set of the other parameters and predicts every
#' `penalty` of the grid from it (tune's submodel trick). Each penalty's
#' predictions are those of a model fitted at that penalty alone: the fitted
#' object keeps the rows it was fitted on and fits each other penalty on them
#' with the same engine arguments.
#'
#' @param object A parsnip `model_fit` of `logistic_reg()` with the
#'   `"smotelab"` engine.
#' @param new_data A data frame of predictors.
#' @param type `"class"` (the default) or `"prob"`.
#' @param penalty The penalties to predict at; `NULL` takes the fitted one.
#' @param ... Not used.
#' @return A tibble with one row per row of `new_data` and a list column
#'   `.pred`: for each row, a tibble with a `penalty` column and parsnip's
#'   prediction columns, one row per penalty in increasing order.
#' @noRd
#' @rawNamespace S3method(parsnip::multi_predict, "_smotelab_fit")
multi_predict._smotelab_fit <- function(object, new_data, type = NULL, penalty = NULL, ...) {
  call <- rlang::current_env()
  path <- object$fit$penalty_path
  if (!inherits(object$spec, "logistic_reg") || is.null(path)) {
    abort_smotelab(
      c("{.fn multi_predict} needs a {.fn logistic_reg} fit of the smotelab engine.",
        "i" = "Only its {.arg penalty} has submodels; the forest and boosting engines have none."
      ),
      "type",
      call = call
    )
  }
  rlang::check_dots_empty()
  type <- type %||% "class"
  type <- check_choice(type, c("class", "prob"), call = call)
  fitted_penalty <- path$penalty %||% 1
  penalty <- penalty %||% fitted_penalty
  for (p in penalty) check_number_decimal(p, min = 0, arg = "penalty", call = call, class = argument_error)
  penalty <- sort(unique(penalty))
  preds <- lapply(penalty, function(p) {
    at <- object
    if (!identical(p, fitted_penalty)) {
      at$fit <- rlang::exec(parsnip_fit_logistic, x = path$x, y = path$y, penalty = p, !!!path$args)
    }
    stats::predict(at, new_data = new_data, type = type)
  })
  n <- nrow(preds[[1]])
  columns <- lapply(rlang::set_names(names(preds[[1]])), function(nm) do.call(c, lapply(preds, `[[`, nm)))
  offsets <- n * (seq_along(penalty) - 1L)
  per_row <- lapply(seq_len(n), function(i) {
    tibble::new_tibble(c(list(penalty = penalty), lapply(columns, `[`, i + offsets)), nrow = length(penalty))
  })
  tibble::new_tibble(list(.pred = per_row), nrow = n)
}

parsnip_pred_prob <- function(results, object) {
  names(results) <- sub("^\\.pred_", "", names(results))
  results
}

parsnip_pred_class <- function(results, object) results$.pred_class

# parsnip's registry refuses the same engine registered twice with
# different (re-created) functions, so a second load registers nothing.
register_parsnip_engines <- function(...) {
  env <- parsnip::get_model_env()
  if ("smotelab" %in% env$logistic_reg$engine) {
    return(invisible(FALSE))
  }
  models <- list(
    logistic_reg = list(
      fit = "parsnip_fit_logistic",
      args = list(penalty = "penalty", mixture = "mixture"),
      submodels = "penalty"
    ),
    rand_forest = list(
      fit = "parsnip_fit_forest",
      args = list(trees = "trees", mtry = "mtry", min_n = "min_n")
    ),
    boost_tree = list(
      fit = "parsnip_fit_boost",
      args = list(
        trees = "trees", learn_rate = "learn_rate", tree_depth = "tree_depth", sample_size = "sample_size",
        mtry = "mtry", min_n = "min_n", loss_reduction = "loss_reduction", stop_iter = "stop_iter"
      )
    )
  )
  dials_fun <- c(
    penalty = "penalty", mixture = "mixture", trees = "trees", mtry = "mtry", min_n = "min_n",
    learn_rate = "learn_rate", tree_depth = "tree_depth", sample_size = "sample_prop",
    loss_reduction = "loss_reduction", stop_iter = "stop_iter"
  )
  for (model in names(models)) {
    m <- models[[model]]
    parsnip::set_model_engine(model, mode = "classification", eng = "smotelab")
    parsnip::set_dependency(model, eng = "smotelab", pkg = "smotelab", mode = "classification")
    for (arg in names(m$args)) {
      parsnip::set_model_arg(
        model = model, eng = "smotelab", parsnip = arg, original = m$args[[arg]],
        func = list(pkg = "dials", fun = dials_fun[[arg]]), has_submodel = arg %in% m$submodels
      )
    }
    parsnip::set_fit(
      model = model, eng = "smotelab", mode = "classification",
      value = list(
        interface = "data.frame", protect = c("x", "y"),
        func = c(pkg = "smotelab", fun = m$fit), defaults = list()
      )
    )
    parsnip::set_encoding(
      model = model, eng = "smotelab", mode = "classification",
      options = list(
        predictor_indicators = "traditional", compute_intercept = FALSE, remove_intercept = TRUE,
        allow_sparse_x = FALSE
      )
    )
    parsnip::set_pred(
      model = model, eng = "smotelab", mode = "classification", type = "class",
      value = list(
        pre = NULL, post = parsnip_pred_class, func = c(fun = "predict"),
        args = list(object = quote(object$fit), new_data = quote(new_data), type = "class")
      )
    )
    parsnip::set_pred(
      model = model, eng = "smotelab", mode = "classification", type = "prob",
      value = list(
        pre = NULL, post = parsnip_pred_prob, func = c(fun = "predict"),
        args = list(object = quote(object$fit), new_data = quote(new_data), type = "prob")
      )
    )
  }
  invisible(TRUE)
}
