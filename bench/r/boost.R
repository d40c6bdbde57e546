# One boosting measurement in its own process:
#   Rscript bench/r/boost.R METHOD DATASET REPS WARMUP
# fits on the first 80% of the rows, scores the last 20% and prints
# `BENCH {"seconds": ..., "roc_auc": ...}`; only the fit is timed.
BENCH_DIR <- local({
  file <- sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)[1])
  dirname(dirname(normalizePath(file)))
})
source(file.path(BENCH_DIR, "common.R"))
source(file.path(BENCH_DIR, "r", "boost-settings.R"))

args <- worker_args()
method <- args$method

df <- load_data_frame(args$dataset)
n_train <- boost_train_rows(nrow(df))
train <- df[seq_len(n_train), ]
test <- df[-seq_len(n_train), ]
rm(df)
invisible(gc())

run <- switch(method,
  baseline = NULL,
  smotelab = {
    s <- boost_settings
    pipeline <- smotelab::imb_pipeline(clf = smotelab::model_boost(
      n_rounds = s$n_rounds, learning_rate = s$learning_rate, max_depth = s$max_depth,
      lambda = s$lambda, min_child_weight = s$min_child_weight
    ))
    function() generics::fit(pipeline, y ~ ., data = train, seed = 1, n_threads = 2)
  },
  stop("unknown method ", method, call. = FALSE)
)

if (is.null(run)) {
  emit(list(method = method, seconds = 0))
} else {
  timing <- time_median(run, args$reps, args$warmup)
  prob <- stats::predict(timing$value, test, type = "prob", n_threads = 2)$.pred_1
  emit(list(method = method, seconds = timing$seconds, times = timing$times,
            roc_auc = smotelab::roc_auc_vec(test$y, prob)))
}
