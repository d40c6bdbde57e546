# Fits a set of forests and boosters and saves what they predict, so two
# builds of smotelab can be checked for bit-identical results:
#   R_LIBS=/work/lib-main  Rscript bench/trees-identical.R save    /tmp/trees-before.rds
#   R_LIBS=/work/lib-trees Rscript bench/trees-identical.R compare /tmp/trees-before.rds
# The cases cover class weights, balanced_subsample, scale_pos_weight, row and
# column sampling, early stopping on each metric, a resampling step, and 1 and
# 2 threads; the boosting data are large enough (> 65,536 rows) that the
# trainer's levels run in parallel.
args <- commandArgs(trailingOnly = TRUE)
stopifnot(length(args) == 2, args[1] %in% c("save", "compare"))
suppressPackageStartupMessages(library(smotelab))

small <- make_imbalanced(n_samples = 4000, n_features = 8, weights = c(0.85, 0.15), seed = 7)
small_split <- split_stratified(small, class, test_size = 0.3, seed = 7)
large <- make_imbalanced(n_samples = 150000, n_features = 12, weights = c(0.9, 0.1), seed = 11)
large_split <- split_stratified(large, class, test_size = 0.2, seed = 11)

cases <- list(
  forest_plain = list(model_forest(n_trees = 60), small_split),
  forest_balanced = list(model_forest(n_trees = 60, class_weight = "balanced", min_node_size = 3), small_split),
  forest_subsample = list(model_forest(n_trees = 60, class_weight = "balanced_subsample", max_depth = 6,
                                       mtry = 3), small_split),
  forest_nobootstrap = list(model_forest(n_trees = 5, bootstrap = FALSE, max_bins = 16), small_split),
  forest_large = list(model_forest(n_trees = 12, min_node_size = 10), large_split),
  boost_plain = list(model_boost(n_rounds = 40), small_split),
  boost_weighted = list(model_boost(n_rounds = 40, scale_pos_weight = 5.5, max_depth = 4), small_split),
  boost_sampled = list(model_boost(n_rounds = 40, subsample = 0.7, colsample = 0.5, lambda = 2,
                                   min_child_weight = 0.5), small_split),
  boost_stop_logloss = list(model_boost(n_rounds = 300, max_depth = 8, early_stopping_rounds = 5,
                                        validation = 0.2), small_split),
  boost_stop_auc = list(model_boost(n_rounds = 300, early_stopping_rounds = 8, eval_metric = "auc"), small_split),
  boost_stop_aucpr = list(model_boost(n_rounds = 300, early_stopping_rounds = 8, eval_metric = "aucpr",
                                      subsample = 0.8), small_split),
  boost_large = list(model_boost(n_rounds = 30, subsample = 0.8, colsample = 0.75), large_split),
  boost_large_plain = list(model_boost(n_rounds = 20, max_depth = 8, scale_pos_weight = 3), large_split)
)

results <- list()
for (name in names(cases)) {
  model <- cases[[name]][[1]]
  split <- cases[[name]][[2]]
  for (threads in 1:2) {
    fitted <- fit(imb_pipeline(clf = model), class ~ ., split$train, seed = 3, n_threads = threads)
    # What the model reports beside its trees has the same names in both layouts.
    kept <- intersect(names(fitted$state$model), c("depth", "leaves", "importance", "rounds", "best_iteration",
                                                   "eval_history"))
    results[[paste0(name, "_t", threads)]] <- list(
      prob = predict(fitted, split$test, type = "prob", n_threads = threads),
      class = predict(fitted, split$test, n_threads = threads),
      reported = fitted$state$model[kept]
    )
  }
}
smoted <- fit(imb_pipeline(smote = step_smote(sampling_strategy = 0.5), clf = model_boost(n_rounds = 30)),
              class ~ ., small_split$train, seed = 4, n_threads = 2)
results$boost_smote <- list(prob = predict(smoted, small_split$test, type = "prob"))
smoted <- fit(imb_pipeline(smote = step_smote(), clf = model_forest(n_trees = 30)),
              class ~ ., small_split$train, seed = 4, n_threads = 2)
results$forest_smote <- list(prob = predict(smoted, small_split$test, type = "prob"))

if (args[1] == "save") {
  saveRDS(results, args[2])
  cat("saved", length(results), "cases to", args[2], "\n")
} else {
  before <- readRDS(args[2])
  stopifnot(identical(names(before), names(results)))
  same <- vapply(names(results), function(k) identical(before[[k]], results[[k]]), logical(1))
  print(same)
  cat(sum(same), "of", length(same), "cases identical\n")
  if (!all(same)) quit(status = 1)
}
