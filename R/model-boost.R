#' Gradient-boosted trees
#'
#' Gradient boosting of the logistic loss with second-order (Newton) steps, as
#' xgboost's `tree_method = "hist"` does it. Each round fits one tree to the
#' gradient \eqn{g = p - y} and hessian \eqn{h = p (1 - p)} of the log loss at
#' the current predictions; a split maximises
#' \eqn{G_L^2 / (H_L + \lambda) + G_R^2 / (H_R + \lambda) - G^2 / (H + \lambda)}
#' over per-feature quantile bins (at most `max_bins`), and a leaf predicts
#' \eqn{-G / (H + \lambda)} times `learning_rate`. Trees grow level by level
#' to `max_depth`. The predicted probability is the sigmoid of the sum of the
#' leaves a row reaches; the sum starts at 0, xgboost 1.7's `base_score = 0.5`.
#'
#' `scale_pos_weight` multiplies the gradient and hessian of every event row,
#' so `scale_pos_weight = w` fits what duplicating every event row `w` times
#' would fit. A common choice for imbalanced data is
#' `n_majority / n_minority`.
#'
#' With `early_stopping_rounds`, a stratified share `validation` of the
#' training rows is held out (drawn with the fit's seed), `eval_metric` is
#' computed on it after every round, and boosting stops once it has not
#' improved for `early_stopping_rounds` rounds; the fit keeps the trees up to
#' the best round. The held-out rows still inform the bin boundaries, which
#' use the predictors only.
#'
#' @param n_rounds Number of boosting rounds (trees), a whole number >= 1.
#' @param learning_rate Shrinkage of each tree's leaves, > 0 (xgboost's `eta`).
#' @param max_depth Maximum depth of each tree, a whole number >= 1.
#' @param scale_pos_weight Weight of event rows, > 0.
#' @param subsample Share of training rows each round uses, in (0, 1]; each
#'   row is drawn independently, as in xgboost.
#' @param colsample Share of predictors each tree may split on, in (0, 1]
#'   (xgboost's `colsample_bytree`); at least one predictor is drawn.
#' @param lambda L2 penalty on leaf values, >= 0.
#' @param min_child_weight Minimum hessian sum in each child of a split, >= 0.
#' @param early_stopping_rounds `NULL` (grow every round) or a whole number of
#'   at least 1: stop after this many rounds without improvement on the
#'   held-out rows.
#' @param validation Share of each class held out for early stopping, in (0, 1).
#' @param eval_metric The early-stopping metric: `"logloss"` (lower is
#'   better), `"auc"` (ROC-AUC) or `"aucpr"` (average precision, [pr_auc_vec()]).
#' @param max_bins Maximum number of bins per predictor, from 2 to 255.
#' @return A `smotelab_model` object for [imb_pipeline()].
#' @export
#' @examples
#' model_boost(n_rounds = 50, max_depth = 3, scale_pos_weight = 9)
#' d <- make_imbalanced(n_samples = 600, seed = 1)
#' fitted <- fit(imb_pipeline(clf = model_boost(n_rounds = 200, early_stopping_rounds = 10)),
#'               class ~ ., data = d, seed = 1, n_threads = 1)
#' fitted
model_boost <- function(n_rounds = 100, learning_rate = 0.3, max_depth = 6, scale_pos_weight = 1,
                        subsample = 1, colsample = 1, lambda = 1, min_child_weight = 1,
                        early_stopping_rounds = NULL, validation = 0.1,
                        eval_metric = c("logloss", "auc", "aucpr"), max_bins = 255) {
  check_count(n_rounds)
  check_number_positive(learning_rate)
  check_number_whole(max_depth, min = 1, max = 63, class = argument_error)
  check_number_positive(scale_pos_weight)
  check_number_positive(subsample, max = 1)
  check_number_positive(colsample, max = 1)
  check_number_decimal(lambda, min = 0, allow_infinite = FALSE, class = argument_error)
  check_number_decimal(min_child_weight, min = 0, allow_infinite = FALSE, class = argument_error)
  check_count(early_stopping_rounds, allow_null = TRUE)
  check_number_positive(validation, max = 1)
  if (validation == 1) {
    stop_input_type(validation, "a number larger than 0 and smaller than 1", class = argument_error)
  }
  eval_metric <- check_choice(eval_metric, c("logloss", "auc", "aucpr"))
  check_number_whole(max_bins, min = 2, max = 255, class = argument_error)
  new_model("boost", list(
    n_rounds = n_rounds, learning_rate = learning_rate, max_depth = max_depth,
    scale_pos_weight = scale_pos_weight, subsample = subsample, colsample = colsample,
    lambda = lambda, min_child_weight = min_child_weight,
    early_stopping_rounds = early_stopping_rounds, validation = validation,
    eval_metric = eval_metric, max_bins = max_bins
  ))
}

#' @export
model_to_core.smotelab_model_boost <- function(model, levels) {
  p <- model$params
  list(
    type = "boost", n_rounds = as.integer(p$n_rounds), learning_rate = as.double(p$learning_rate),
    max_depth = as.integer(p$max_depth), scale_pos_weight = as.double(p$scale_pos_weight),
    subsample = as.double(p$subsample), colsample = as.double(p$colsample), lambda = as.double(p$lambda),
    min_child_weight = as.double(p$min_child_weight),
    early_stopping_rounds = as.integer(p$early_stopping_rounds %||% 0L),
    validation = as.double(p$validation), eval_metric = p$eval_metric, max_bins = as.integer(p$max_bins)
  )
}

#' @export
format.smotelab_model_boost <- function(x, ...) {
  p <- x$params
  defaults <- formals(model_boost)
  shown <- c("n_rounds", "learning_rate", "max_depth")
  optional <- c("scale_pos_weight", "subsample", "colsample", "lambda", "min_child_weight", "max_bins")
  shown <- c(shown, optional[!vapply(optional, function(a) identical(p[[a]], eval(defaults[[a]])), logical(1))])
  if (!is.null(p$early_stopping_rounds)) {
    shown <- c(shown, "early_stopping_rounds", "validation", "eval_metric")
  }
  paste0(
    "boosted trees (", paste(shown, vapply(p[shown], format_param, character(1)), sep = " = ", collapse = ", "),
    ")"
  )
}

# One line on how many rounds a fitted boosting model kept.
# Early stopping is only "early" when fewer rounds ran than were asked for.
#' @export
format_state.smotelab_model_boost <- function(model, fit) {
  state <- fit$state$model
  if (tree_state_outdated(state)) {
    return("boosting: trees stored by an earlier version of smotelab; refit to predict")
  }
  n_rounds <- model$params$n_rounds
  trees <- boost_trees(state)
  if (state$best_iteration > 0) {
    best <- state$eval_history[state$best_iteration]
    ran <- if (state$rounds < n_rounds) {
      paste0("boosting stopped early after ", state$rounds, " of ", n_rounds, " rounds")
    } else {
      paste0("boosting ran all ", state$rounds, " rounds with early stopping on")
    }
    return(paste0(ran, "; kept the best round, ", state$best_iteration, " (validation score ", signif(best, 4), ")"))
  }
  paste0("boosting: ", trees, " tree", if (trees != 1) "s")
}

#' @export
summarise_state.smotelab_model_boost <- function(model, fit) {
  state <- fit$state$model
  best <- if (state$best_iteration > 0) state$best_iteration else NA_integer_
  list(
    trees = boost_trees(state), rounds = state$rounds, best_iteration = best,
    validation_score = if (is.na(best)) NA_real_ else state$eval_history[best]
  )
}

boost_trees <- function(state) length(state$trees$tree_start) - 1L
