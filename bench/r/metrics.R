# One ROC-AUC / average-precision measurement in its own process:
#   Rscript bench/r/metrics.R METHOD DATASET REPS WARMUP
# prints `BENCH {"seconds": ..., "auc": ..., "ap": ...}`.
BENCH_DIR <- local({
  file <- sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)[1])
  dirname(dirname(normalizePath(file)))
})
source(file.path(BENCH_DIR, "common.R"))

args <- worker_args()
method <- args$method
d <- load_scores(args$dataset)

run <- switch(method,
  baseline = NULL,
  smotelab = function() {
    c(auc = smotelab::roc_auc_vec(d$truth, d$score),
      ap = smotelab::pr_auc_vec(d$truth, d$score))
  },
  smotelab_auc = function() c(auc = smotelab::roc_auc_vec(d$truth, d$score)),
  # Level order and direction are given so that pROC neither guesses them
  # from the data nor spends time doing so.
  proc = function() {
    curve <- pROC::roc(d$truth, d$score, levels = c("0", "1"),
                       direction = "<", quiet = TRUE)
    c(auc = as.numeric(pROC::auc(curve)))
  },
  stop("unknown method ", method, call. = FALSE)
)

if (is.null(run)) {
  emit(list(method = method, seconds = 0))
} else {
  timing <- time_median(run, args$reps, args$warmup)
  emit(c(list(method = method, seconds = timing$seconds, times = timing$times),
         as.list(timing$value)))
}
