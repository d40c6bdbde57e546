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
# (a class too small for SMOTE inside a fold, a singular system). Rcpp turns
# them into conditions of class "C++Error"; we re-raise them as classed
# errors, a message's first line as the headline and the rest as bullets.
with_core <- function(expr, call = caller_env()) {
  tryCatch(expr, "C++Error" = function(e) {
    cls <- if (inherits(e, "smotelab::numeric_error")) "numeric" else "core"
    abort_core_lines(conditionMessage(e), cls, call)
  })
}

# A core message is a first line, then lines that become bullets. The lines
# are interpolated as values, so braces in class names stay literal.
abort_core_lines <- function(message, class, call) {
  lines <- strsplit(message, "\n", fixed = TRUE)[[1]]
  bullets <- character()
  if (length(lines) > 1) bullets <- paste0("{lines[", seq_along(lines)[-1], "]}")
  names(bullets) <- rep("i", length(bullets))
  abort_smotelab(c("{lines[1]}", bullets), class, call = call)
}
