# Data and pieces shared by the tidymodels bridge tests.
tidy_data <- function(n = 400, seed = 11) {
  make_imbalanced(
    n_samples = n, n_features = 5, n_informative = 3, n_redundant = 1,
    weights = c(0.85, 0.15), class_sep = 0.8, seed = seed
  )
}

# The fold ids of an rsample rset as smotelab folds: row i is in fold f when
# it is in the assessment set of the f-th split.
rset_fold_ids <- function(rset, data) {
  ids <- integer(nrow(data))
  for (f in seq_along(rset$splits)) ids[rsample::complement(rset$splits[[f]])] <- f
  tibble::new_tibble(
    list(repeat_1 = ids),
    nrow = length(ids), class = "smotelab_folds", v = length(rset$splits), repeats = 1L,
    outcome = data$class, outcome_name = "class"
  )
}

# The metrics the bridge tests compare; tune is told (control's
# event_level = "second") that the event is the second level, as smotelab's.
tidy_metrics <- function() yardstick::metric_set(yardstick::roc_auc, yardstick::average_precision, gmean)

# The columns of a data frame as a plain named list (no data-frame or
# generator attributes), for comparing rows.
columns_of <- function(data) lapply(stats::setNames(names(data), names(data)), function(n) data[[n]])
