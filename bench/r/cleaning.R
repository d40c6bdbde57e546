# One cleaning-sampler measurement in its own process:
#   Rscript bench/r/cleaning.R METHOD DATASET REPS WARMUP
# prints `BENCH {"seconds": ..., "n_out": ..., "n_minority": ...}`.
BENCH_DIR <- local({
  file <- sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)[1])
  dirname(dirname(normalizePath(file)))
})
source(file.path(BENCH_DIR, "common.R"))

args <- worker_args()
method <- args$method
df <- load_data_frame(args$dataset)

counted <- function(f) {
  function() {
    out <- f()
    c(nrow(out), sum(out$y == "1"))
  }
}

run <- switch(method,
  baseline = NULL,
  # The data frame plus the loaded smotelab namespace: what the samplers start from.
  baseline_smotelab = {
    loadNamespace("smotelab")
    NULL
  },
  smote_enn = counted(function() smotelab::smote_enn(df, y, seed = 1, n_threads = 2)),
  smote_tomek = counted(function() smotelab::smote_tomek(df, y, seed = 1, n_threads = 2)),
  tomek_links = counted(function() smotelab::tomek_links(df, y, n_threads = 2)),
  edited_nearest_neighbours = counted(function() smotelab::edited_nearest_neighbours(df, y, n_threads = 2)),
  near_miss = counted(function() smotelab::near_miss(df, y, n_threads = 2)),
  themis_tomek = {
    loadNamespace("themis")
    counted(function() themis::tomek(df, var = "y"))
  },
  themis_nearmiss = {
    loadNamespace("themis")
    counted(function() themis::nearmiss(df, var = "y", k = 3, under_ratio = 1))
  },
  stop("unknown method ", method, call. = FALSE)
)

if (is.null(run)) {
  emit(list(method = method, seconds = 0))
} else {
  # Python frees each run's output at once; R's garbage collector may not
  # before the next run, and the memory target is about one call.
  timing <- time_median(run, args$reps, args$warmup, fresh = TRUE)
  emit(list(
    method = method, seconds = timing$seconds, times = timing$times,
    n_out = timing$value[1], n_minority = timing$value[2]
  ))
}
