# The random forest and boosting store their trees as one ensemble,
# `state$trees` (inst/include/smotelab/tree.hpp), converted to and from R in
# src/glue-tree.cpp. Fits made before that kept the node vectors at the top
# of the model state, in a different layout for each model; they can't be
# walked any more and are refused with a request to refit.
tree_state_outdated <- function(state) {
  isTRUE(state$type %in% c("forest", "boost")) && !is.list(state$trees)
}

check_fit_current <- function(fitted, call = caller_env()) {
  if (tree_state_outdated(fitted$state$model)) {
    abort_smotelab(
      c("The fitted pipeline can't be used: its trees were stored by an earlier version of smotelab.",
        "i" = "Refit the pipeline with {.fn fit} to predict with this version."
      ),
      "outdated_fit",
      call = call
    )
  }
  invisible(fitted)
}
