# One random-forest measurement in its own process:
#   Rscript bench/r/forest.R METHOD DATASET REPS WARMUP
# fits on DATASET, predicts its held-out companion (the same name with
# "-test-" for "-n<rows>-") untimed, and prints
# `BENCH {"seconds": ..., "auc": ...}`.
BENCH_DIR <- local({
  file <- sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)[1])
  dirname(dirname(normalizePath(file)))
})
source(file.path(BENCH_DIR, "common.R"))
source(file.path(BENCH_DIR, "r", "forest-settings.R"))

args <- worker_args()
method <- args$method
train <- load_data_frame(args$dataset)
test <- load_data_frame(forest_test_name(args$dataset))
p <- ncol(train) - 1

# ROC-AUC by the rank-sum formula (ties get average ranks), so the peers'
# workers load no package for it.
auc <- function(truth, prob) {
  r <- rank(prob)
  n1 <- sum(truth == 1)
  n0 <- length(truth) - n1
  (sum(r[truth == 1]) - n1 * (n1 + 1) / 2) / (n0 * n1)
}

run <- switch(method,
  baseline = NULL,
  smotelab = {
    model <- smotelab::model_forest(n_trees = forest_trees, mtry = floor(sqrt(p)),
                                    min_node_size = forest_min_node_size)
    pipeline <- smotelab::imb_pipeline(clf = model)
    function() {
      fitted <- generics::fit(pipeline, y ~ ., data = train, seed = 1, n_threads = 2)
      list(fit = fitted, predict = function(d) stats::predict(fitted, d, type = "prob", n_threads = 2)$.pred_1)
    }
  },
  # imbalanced-learn 0.10's defaults (bench-ensembles.R): the majority
  # under-sampled to the minority's size without replacement, a bootstrap,
  # trees grown fully.
  balanced = {
    model <- smotelab::model_balanced_forest(n_trees = 100, mtry = floor(sqrt(p)))
    pipeline <- smotelab::imb_pipeline(clf = model)
    function() {
      fitted <- generics::fit(pipeline, y ~ ., data = train, seed = 1, n_threads = 2)
      list(fit = fitted, predict = function(d) stats::predict(fitted, d, type = "prob", n_threads = 2)$.pred_1)
    }
  },
  ranger = {
    loadNamespace("ranger")
    function() {
      fitted <- ranger::ranger(dependent.variable.name = "y", data = train, num.trees = forest_trees,
                               mtry = floor(sqrt(p)), min.node.size = forest_min_node_size, probability = TRUE,
                               num.threads = 2, seed = 1, verbose = FALSE)
      list(fit = fitted, predict = function(d) stats::predict(fitted, d, num.threads = 2)$predictions[, "1"])
    }
  },
  stop("unknown method ", method, call. = FALSE)
)

if (is.null(run)) {
  emit(list(method = method, seconds = 0))
} else {
  timing <- time_median(run, args$reps, args$warmup)
  prob <- timing$value$predict(test)
  emit(list(method = method, seconds = timing$seconds, times = timing$times,
            auc = auc(as.integer(test$y == "1"), prob)))
}
