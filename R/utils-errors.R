# Every error smotelab raises has class `smotelab_error` plus a specific
# subclass, and points at the user's call, not at an internal helper.
abort_smotelab <- function(message, class, ..., call = caller_env()) {
  cli::cli_abort(
    message,
    class = c(paste0("smotelab_error_", class), "smotelab_error"),
    ...,
    call = call,
    .envir = parent.frame()
  )
}

warn_smotelab <- function(message, class, ...) {
  cli::cli_warn(
    message,
    class = c(paste0("smotelab_warning_", class), "smotelab_warning"),
    ...,
    .envir = parent.frame()
  )
}

# The core throws C++ exceptions only for what R validation could not see
# (a singular system, an invariant broken deep in a kernel). Rcpp turns them
# into conditions of class "C++Error"; we re-raise them as classed errors.
with_core <- function(expr, call = caller_env()) {
  tryCatch(expr, "C++Error" = function(e) {
    cls <- if (inherits(e, "smotelab::numeric_error")) "numeric" else "core"
    abort_smotelab(conditionMessage(e), cls, call = call)
  })
}
