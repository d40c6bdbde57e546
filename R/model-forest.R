#' Random forest
#'
#' A classification random forest grown in C++ on binned predictors: each
#' predictor is cut once per fit into at most `max_bins` quantile bins (one bin
#' per value when it has fewer distinct values), and each tree searches splits
#' between bins with the Gini impurity. Every tree is grown on a bootstrap
#' sample of the training rows and tries `mtry` randomly drawn predictors at
#' each node. Leaves hold the (weighted) proportion of the event class, and
#' the forest's probability is their mean over trees, as in ranger's
#' probability forests and scikit-learn's `RandomForestClassifier`.
#'
#' Trees are grown in parallel, each from its own random stream, so a fit is
#' identical for any `n_threads`.
#'
#' Binning is what makes the forest fast and small. Its price: a split can
#' only fall between bins, so an effect that changes within one bin (most
#' often in a predictor's tails, where quantile bins are widest) is fitted
#' more coarsely than by ranger, which can cut between any two values. On the
#' benchmark data in `bench/` this costs at most about 0.005 of held-out
#' ROC-AUC.
#'
#' @param n_trees Number of trees, a whole number >= 1.
#' @param mtry Number of predictors drawn at each node; `NULL` means
#'   `floor(sqrt(p))` for `p` predictor columns. It can't exceed `p`, which
#'   is checked when the pipeline is fitted.
#' @param min_node_size Nodes with at most this many training rows are not
#'   split (ranger's `min.node.size`; bootstrap copies of a row count
#'   separately; case weights do not change the count, as scikit-learn's
#'   `min_samples_leaf` counts rows whatever their `sample_weight`). The
#'   default 1 grows trees until their leaves are pure, as scikit-learn does
#'   by default.
#' @param max_depth `NULL` for no limit, or the largest depth of a leaf (the
#'   root has depth 0; `max_depth = 1` grows stumps).
#' @param class_weight `NULL` (rows weigh 1), `"balanced"` (a row of class
#'   \eqn{k} weighs \eqn{n / (2 n_k)} with counts from the training rows) or
#'   `"balanced_subsample"` (the same weights computed from each tree's
#'   bootstrap sample, as in scikit-learn). Weights enter the Gini criterion
#'   and the leaf proportions. Case weights given to [fit.smotelab_pipeline()]
#'   multiply them, row by row: a row's weight in a tree is its bootstrap
#'   copies times its case weight times its class weight.
#' @param bootstrap `TRUE` to grow each tree on a bootstrap sample of the
#'   rows; `FALSE` grows every tree on all rows (then only `mtry` makes trees
#'   differ).
#' @param max_bins Number of bins per predictor, between 2 and 255.
#' @return A `smotelab_model` object for [imb_pipeline()].
#' @seealso [feature_importance()] for the impurity importance of a fitted
#'   forest.
#' @export
#' @examples
#' d <- make_imbalanced(n_samples = 400, seed = 1)
#' fitted <- fit(imb_pipeline(clf = model_forest(n_trees = 50, class_weight = "balanced_subsample")),
#'               class ~ ., data = d, seed = 1, n_threads = 1)
#' fitted
#' feature_importance(fitted)
model_forest <- function(n_trees = 500, mtry = NULL, min_node_size = 1, max_depth = NULL, class_weight = NULL,
                         bootstrap = TRUE, max_bins = 255) {
  check_count(n_trees)
  check_count(mtry, allow_null = TRUE)
  check_count(min_node_size)
  check_count(max_depth, allow_null = TRUE)
  if (!is.null(class_weight)) {
    class_weight <- check_choice(class_weight, c("balanced", "balanced_subsample"))
  }
  check_bool(bootstrap, class = argument_error)
  check_number_whole(max_bins, min = 2, max = 255, class = argument_error)
  new_model("forest", list(
    n_trees = n_trees, mtry = mtry, min_node_size = min_node_size, max_depth = max_depth,
    class_weight = class_weight, bootstrap = bootstrap, max_bins = max_bins
  ))
}

#' @export
model_to_core.smotelab_model_forest <- function(model, levels) {
  p <- model$params
  list(
    type = "forest", n_trees = as.integer(p$n_trees), mtry = as.integer(p$mtry %||% 0L),
    min_node_size = as.integer(p$min_node_size), max_depth = as.integer(p$max_depth %||% 0L),
    class_weight = p$class_weight %||% "none", bootstrap = p$bootstrap, max_bins = as.integer(p$max_bins)
  )
}

#' @export
model_check_columns.smotelab_model_forest <- function(model, columns, call = caller_env()) {
  mtry <- model$params$mtry
  if (!is.null(mtry) && mtry > length(columns)) {
    abort_smotelab(
      c("{.arg mtry} can't exceed the number of predictor columns.",
        "x" = "{.code mtry = {mtry}}, but the design has {length(columns)} column{?s}."
      ),
      "argument",
      call = call
    )
  }
  invisible(model)
}

#' @export
format.smotelab_model_forest <- function(x, ...) {
  p <- x$params
  shown <- c(
    paste0("n_trees = ", format(p$n_trees)),
    if (!is.null(p$mtry)) paste0("mtry = ", format(p$mtry)),
    if (p$min_node_size != 1) paste0("min_node_size = ", format(p$min_node_size)),
    if (!is.null(p$max_depth)) paste0("max_depth = ", format(p$max_depth)),
    if (!is.null(p$class_weight)) paste0("class_weight = \"", p$class_weight, "\""),
    if (!isTRUE(p$bootstrap)) "bootstrap = FALSE",
    if (p$max_bins != 255) paste0("max_bins = ", format(p$max_bins))
  )
  paste0("random forest (", paste(shown, collapse = ", "), ")")
}

# One line on the grown trees for print() of a fitted pipeline.
#' @export
print_state.smotelab_model_forest <- function(model, fit) {
  state <- fit$state$model
  cat("forest: ", length(state$depth), " tree", if (length(state$depth) != 1) "s",
    ", mean depth ", format(round(mean(state$depth), 1), nsmall = 1),
    ", mean leaves ", format(round(mean(state$leaves), 1), nsmall = 1), "\n",
    sep = ""
  )
  invisible(NULL)
}

#' @export
summarise_state.smotelab_model_forest <- function(model, fit) {
  state <- fit$state$model
  list(
    trees = length(state$depth), mean_depth = mean(state$depth), mean_leaves = mean(state$leaves),
    importance = state_importance(model, fit)
  )
}

#' @export
state_importance.smotelab_model_forest <- function(model, fit, call = caller_env()) {
  out <- tibble::tibble(feature = fit$blueprint$columns, importance = fit$state$model$importance)
  out[order(-out$importance, seq_len(nrow(out))), , drop = FALSE]
}

#' Impurity importance of a fitted random forest
#'
#' The mean decrease in Gini impurity of each predictor column: for every
#' split on the column, the impurity of the node minus the impurities of its
#' children, each weighted by the share of the tree's training weight
#' (bootstrap copies and class weights included) that reaches it, summed per
#' tree and averaged over trees. The values are not rescaled to sum to 1;
#' dividing by their sum gives scikit-learn's `feature_importances_`
#' convention for a single tree. Like every impurity importance it favours
#' columns with many distinct values.
#'
#' @param fitted A fitted pipeline from [fit.smotelab_pipeline()] whose model
#'   is [model_forest()].
#' @return A tibble with one row per predictor column (after encoding), most
#'   important first: `feature` (character) and `importance` (double).
#' @export
#' @examples
#' d <- make_imbalanced(n_samples = 400, seed = 1)
#' fitted <- fit(imb_pipeline(clf = model_forest(n_trees = 50)), class ~ ., data = d,
#'               seed = 1, n_threads = 1)
#' feature_importance(fitted)
feature_importance <- function(fitted) {
  call <- rlang::current_env()
  if (!inherits(fitted, "smotelab_fit")) {
    abort_smotelab("{.arg fitted} must be a fitted pipeline from {.fn fit}, not {.obj_type_friendly {fitted}}.",
      "type",
      call = call
    )
  }
  state_importance(pipeline_model(fitted$pipeline), fitted, call = call)
}
