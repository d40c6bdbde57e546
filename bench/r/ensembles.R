# One balanced-forest measurement in its own process:
#   Rscript bench/r/ensembles.R METHOD DATASET REPS WARMUP
# fits on DATASET (the forest entry's data), predicts its held-out companion
# untimed, and prints `BENCH {"seconds": ..., "auc": ...}`. The settings are
# those of bench-ensembles.R (bench/py/ensembles.py repeats them).
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

auc <- function(truth, prob) {
  r <- rank(prob)
  n1 <- sum(truth == 1)
  n0 <- length(truth) - n1
  (sum(r[truth == 1]) - n1 * (n1 + 1) / 2) / (n0 * n1)
}

run <- switch(method,
  baseline = NULL,
  smotelab = {
    # imbalanced-learn 0.10's defaults: under-sample the majority to the
    # minority's size without replacement, bootstrap, grow trees fully.
    model <- smotelab::model_balanced_forest(n_trees = 100, mtry = floor(sqrt(p)))
    pipeline <- smotelab::imb_pipeline(clf = model)
    function() {
      fitted <- generics::fit(pipeline, y ~ ., data = train, seed = 1, n_threads = 2)
      list(fit = fitted, predict = function(d) stats::predict(fitted, d, type = "prob", n_threads = 2)$.pred_1)
    }
  },
  stop("unknown method ", method, call. = FALSE)
)

if (is.null(run)) {
  emit(list(method = method, seconds = 0))
} else {
  timing <- time_median(run, args$reps, args$warmup)
  prob <- timing$value$predict(test)
  emit(list(
    method = method, seconds = timing$seconds, times = timing$times,
    auc = auc(as.integer(test$y == "1"), prob)
  ))
}
