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

checksums <- function(x, y) {
  list(x_sum = sum(x), x_first = unname(unlist(x[1, ])), y_sum = sum(y))
}

run <- switch(method,
  baseline_make = { loadNamespace("smotelab"); NULL },
  baseline_smote = { df <- load_data_frame(args$dataset); loadNamespace("smotelab"); NULL },
  make_imbalanced = {
    loadNamespace("smotelab")
    function() {
      d <- do.call(smotelab::make_imbalanced, c(numpy_make_args, list(rng = "numpy")))
      checksums(d[names(d) != "class"], as.integer(d$class) - 1L)
    }
  },
  smote = {
    df <- load_data_frame(args$dataset)
    loadNamespace("smotelab")
    function() {
      out <- smotelab::smote(df, y, seed = numpy_smote_seed, n_threads = 2, rng = "numpy")
      new <- out[-seq_len(nrow(df)), names(out) != "y"]
      c(list(n_synthetic = nrow(new)), checksums(new, 0))
    }
  },
  stop("unknown method ", method, call. = FALSE)
)

if (is.null(run)) {
  emit(list(method = method, seconds = 0))
} else {
  timing <- time_median(run, args$reps, args$warmup)
  emit(c(list(method = method, seconds = timing$seconds, times = timing$times), timing$value))
}
