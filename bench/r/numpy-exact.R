# One numpy-exact measurement in its own process:
#   Rscript bench/r/numpy-exact.R METHOD DATASET REPS WARMUP
# prints `BENCH {"seconds": ..., ...}` with checksums of the output, which
# must equal the Python worker's (bench/py/numpy_exact.py) up to rounding.
BENCH_DIR <- local({
  file <- sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)[1])
  dirname(dirname(normalizePath(file)))
})
source(file.path(BENCH_DIR, "common.R"))
source(file.path(BENCH_DIR, "r", "numpy-exact-settings.R"))

args <- worker_args()
method <- args$method

# Checksums of a data frame's feature columns, taken after the timing.
checksums <- function(x, y) {
  list(x_sum = sum(vapply(x, sum, 0)), x_first = unname(vapply(x, `[`, 0, 1)), y_sum = sum(y))
}

run <- switch(method,
  baseline_make = { loadNamespace("smotelab"); NULL },
  baseline_smote = { df <- load_data_frame(args$dataset); loadNamespace("smotelab"); NULL },
  make_imbalanced = {
    loadNamespace("smotelab")
    function() do.call(smotelab::make_imbalanced, c(numpy_make_args, list(rng = "numpy")))
  },
  smote = {
    df <- load_data_frame(args$dataset)
    loadNamespace("smotelab")
    function() smotelab::smote(df, y, seed = numpy_smote_seed, n_threads = 2, rng = "numpy")
  },
  stop("unknown method ", method, call. = FALSE)
)

if (is.null(run)) {
  emit(list(method = method, seconds = 0))
} else {
  timing <- time_median(run, args$reps, args$warmup)
  out <- timing$value
  sums <- if (method == "make_imbalanced") {
    checksums(out[names(out) != "class"], as.integer(out$class) - 1L)
  } else {
    new <- lapply(out[names(out) != "y"], function(col) col[-seq_len(nrow(df))])
    c(list(n_synthetic = length(new[[1]])), checksums(new, 0))
  }
  emit(c(list(method = method, seconds = timing$seconds, times = timing$times), sums))
}
