# Reference held-out ROC-AUCs of xgboost (tree_method = "hist") for
# test-model-boost.R.
#
# Run from this folder:  Rscript make-xgboost-boost.R
# It writes the lesson split and a pima split to xgboost-boost-data.json,
# runs make-xgboost-boost.py with Debian's python3-xgboost (1.7), and stores
# the data sets, the cases and xgboost's AUCs in xgboost-boost.rds.
pkgload::load_all("../../..", quiet = TRUE)

lesson <- make_imbalanced(
  n_samples = 3000, n_features = 10, n_informative = 6, n_redundant = 2,
  weights = c(0.9, 0.1), flip_y = 0.01, seed = 42
)
datasets <- list(
  lesson = split_stratified(lesson, class, test_size = 0.25, seed = 42),
  pima = split_stratified(pima, diabetes, test_size = 0.25, seed = 42)
)
outcomes <- c(lesson = "class", pima = "diabetes")
as_json <- function(split, outcome) {
  side <- function(d) {
    x <- as.matrix(d[setdiff(names(d), outcome)])
    list(x = unname(x), y = as.integer(d[[outcome]]) - 1L)
  }
  list(train = side(split$train), test = side(split$test))
}
n_ratio <- function(split, outcome) {
  counts <- table(split$train[[outcome]])
  unname(counts[1] / counts[2])
}
cases <- list(
  list(
    data = "lesson", n_rounds = 100, learning_rate = 0.3, max_depth = 6, scale_pos_weight = 1,
    lambda = 1, min_child_weight = 1
  ),
  list(
    data = "lesson", n_rounds = 300, learning_rate = 0.05, max_depth = 6,
    scale_pos_weight = n_ratio(datasets$lesson, "class"), lambda = 1, min_child_weight = 1
  ),
  list(
    data = "pima", n_rounds = 100, learning_rate = 0.3, max_depth = 6, scale_pos_weight = 1,
    lambda = 1, min_child_weight = 1
  ),
  list(
    data = "pima", n_rounds = 200, learning_rate = 0.05, max_depth = 3,
    scale_pos_weight = n_ratio(datasets$pima, "diabetes"), lambda = 2, min_child_weight = 2
  )
)
jsonlite::write_json(
  list(datasets = Map(as_json, datasets, outcomes[names(datasets)]), cases = cases),
  "xgboost-boost-data.json",
  digits = NA, auto_unbox = TRUE
)
status <- system2("/usr/bin/python3", "make-xgboost-boost.py")
stopifnot(status == 0)
ref <- jsonlite::fromJSON("xgboost-boost.json", simplifyVector = TRUE)
saveRDS(
  list(
    xgboost = ref$xgboost, datasets = datasets, outcomes = outcomes,
    cases = lapply(cases, as.data.frame), roc_auc = ref$roc_auc
  ),
  "xgboost-boost.rds",
  version = 2
)
unlink(c("xgboost-boost-data.json", "xgboost-boost.json"))
