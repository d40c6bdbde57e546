#' Resolve the number of threads
#'
#' `n_threads = NULL` falls back to `getOption("smotelab.threads")`, then the
#' environment variable `SMOTELAB_THREADS`, then
#' `RcppParallel::defaultNumThreads()`.
#'
#' A request above the machine's cores is capped there, as data.table caps its
#' threads: results never depend on the thread count, so a script written on a
#' larger machine should still run, and TBB can't build a pool larger than
#' that (it warns on stderr and, far above it, crashes). The cap is reported
#' once per session with a classed warning, since a request of 1e6 is more
#' likely a typo than a wish. Anything that is not a positive whole number is
#' an error that names where the value came from.
#'
#' @param n_threads `NULL` or a positive whole number.
#' @return A positive integer.
#' @noRd
resolve_threads <- function(n_threads = NULL, call = caller_env()) {
  source <- "{.arg n_threads}"
  if (is.null(n_threads)) {
    n_threads <- getOption("smotelab.threads")
    source <- "The option {.code smotelab.threads}"
  }
  if (is.null(n_threads)) {
    env <- Sys.getenv("SMOTELAB_THREADS", "")
    if (!nzchar(env)) {
      return(as.integer(RcppParallel::defaultNumThreads()))
    }
    source <- "The environment variable {.envvar SMOTELAB_THREADS}"
    if (!grepl("^[[:space:]]*[0-9]+[[:space:]]*$", env)) {
      abort_smotelab(paste(source, "must be a positive whole number, not {.val {env}}."), "argument", call = call)
    }
    n_threads <- as.numeric(env)
  }
  if (!is_whole_number(n_threads) || n_threads < 1) {
    shown <- if (is.numeric(n_threads) && length(n_threads) == 1) {
      format(n_threads)
    } else if (is.character(n_threads) && length(n_threads) == 1) {
      cli::format_inline("the string {.val {n_threads}}")
    } else {
      cli::format_inline("{.obj_type_friendly {n_threads}}")
    }
    abort_smotelab(paste(source, "must be a positive whole number, not {shown}."), "argument", call = call)
  }
  cores <- RcppParallel::defaultNumThreads()
  if (n_threads > cores) {
    requested <- format(n_threads, big.mark = ",", scientific = FALSE)
    warn_smotelab(
      c(paste(source, "asks for {requested} threads; this machine has {cores} core{?s}, so {cores} {?is/are} used."),
        "i" = "Results do not depend on the number of threads."
      ),
      "threads",
      .frequency = "once",
      .frequency_id = "smotelab_threads_cap"
    )
    return(as.integer(cores))
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
