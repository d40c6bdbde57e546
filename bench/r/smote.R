# One SMOTE measurement in its own process:
#   Rscript bench/r/smote.R METHOD DATASET REPS WARMUP
# prints `BENCH {"seconds": ..., "n_synthetic": ...}`.
BENCH_DIR <- local({
  file <- sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)[1])
  dirname(dirname(normalizePath(file)))
})
source(file.path(BENCH_DIR, "common.R"))

args <- worker_args()
method <- args$method
df <- load_data_frame(args$dataset)
n <- nrow(df)

run <- switch(method,
  baseline = NULL,
  # The data frame plus the loaded smotelab namespace: what smote() starts from.
  baseline_smotelab = { loadNamespace("smotelab"); NULL },
  smotelab = function() {
    nrow(smotelab::smote(df, y, seed = 1, n_threads = 2)) - n
  },
  themis = {
    loadNamespace("themis")
    function() nrow(themis::smote(df, var = "y", k = 5, over_ratio = 1)) - n
  },
  smotefamily = {
    loadNamespace("smotefamily")
    x <- df[names(df) != "y"]
    function() nrow(smotefamily::SMOTE(x, df$y, K = 5, dup_size = 0)$syn_data)
  },
  stop("unknown method ", method, call. = FALSE)
)

if (is.null(run)) {
  emit(list(method = method, seconds = 0))
} else {
  timing <- time_median(run, args$reps, args$warmup)
  emit(list(method = method, seconds = timing$seconds, times = timing$times,
            n_synthetic = timing$value))
}
