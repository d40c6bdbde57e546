#' Resolve the number of threads
#'
#' `n_threads = NULL` falls back to `getOption("smotelab.threads")`, then the
#' environment variable `SMOTELAB_THREADS`, then
#' `RcppParallel::defaultNumThreads()`.
#'
#' @param n_threads `NULL` or a positive whole number.
#' @return A positive integer.
#' @noRd
resolve_threads <- function(n_threads = NULL, call = caller_env()) {
  source <- "n_threads"
  if (is.null(n_threads)) {
    n_threads <- getOption("smotelab.threads")
    source <- "getOption(\"smotelab.threads\")"
  }
  if (is.null(n_threads)) {
    env <- Sys.getenv("SMOTELAB_THREADS", "")
    if (nzchar(env)) {
      n_threads <- suppressWarnings(as.numeric(env))
      source <- "The environment variable SMOTELAB_THREADS"
    }
  }
  if (is.null(n_threads)) {
    return(as.integer(RcppParallel::defaultNumThreads()))
  }
  if (!is_whole_number(n_threads) || n_threads < 1) {
    abort_smotelab(
      "{.code {source}} must be a positive whole number, not {format(n_threads)}.",
      "argument",
      call = call
    )
  }
  as.integer(n_threads)
}

# Seeds cross into C++ as doubles holding whole numbers below 2^53. `NULL`
# draws one from R's generator so that set.seed() governs the result.
resolve_seed <- function(seed, call = caller_env()) {
  if (is.null(seed)) {
    return(floor(stats::runif(1) * 2^31) * 2^21 + floor(stats::runif(1) * 2^21))
  }
  if (!is_whole_number(seed) || seed < 0 || seed >= 2^53) {
    abort_smotelab(
      "{.arg seed} must be {.code NULL} or a whole number in [0, 2^53).",
      "argument",
      call = call
    )
  }
  as.double(seed)
}
