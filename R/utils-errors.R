#' Conditions raised by smotelab
#'
#' Every error smotelab raises has class `smotelab_error` and one class
#' `smotelab_error_<kind>` from the list below, whichever function reaches it:
#' a class too small for SMOTE is `smotelab_error_too_few_rows` from [smote()],
#' from [fit()] with [step_smote()], from [cross_validate()] and from
#' [grid_search()]. Inside [cross_validate()] and [grid_search()] the error
#' keeps its class and gains a bullet that names the fold and grid point; a
#' grid value that a step or model refuses keeps the class of that refusal,
#' with the refusal as its parent condition. Catch them with
#' `tryCatch(..., smotelab_error_too_few_rows = function(e) ...)` or test for
#' them with `testthat::expect_error(class = )`.
#'
#' @section Errors:
#' \describe{
#'   \item{`smotelab_error_argument`}{An argument's value is not allowed: a
#'     number out of range or not whole, a string that is not one of the
#'     choices, `NA` where a value is needed, an unknown metric or grid
#'     parameter name, a pipeline that does not end with one model.}
#'   \item{`smotelab_error_type`}{An argument or a column has a type smotelab
#'     can't use: `data` that is not a data frame, a non-numeric predictor for
#'     [smote()], a matrix column, `truth` that is not a factor, `prob` that is
#'     not numeric, an object that is not a pipeline or a fit.}
#'   \item{`smotelab_error_missing`}{Missing values (`NA`, `NaN`) where none
#'     are allowed: in the outcome, the predictors (including `NA` as a factor
#'     level), `truth`, `prob` or `estimate`.}
#'   \item{`smotelab_error_infinite`}{Infinite values in predictors.}
#'   \item{`smotelab_error_length`}{Inputs that must match in length do not:
#'     `prob` and `truth`, `folds` and `data`.}
#'   \item{`smotelab_error_empty`}{Nothing to work on: no rows, no predictor
#'     columns, an empty grid or list of fits, a fold with no rows.}
#'   \item{`smotelab_error_columns`}{The columns of a data frame don't fit: the
#'     outcome or a predictor is not a column, or a column name clashes.}
#'   \item{`smotelab_error_levels`}{The classes don't fit: an outcome without
#'     exactly two classes where two are needed, a class with no rows (also in a
#'     training fold), a level not seen in training, an `event` that is not a
#'     level, fits with different outcomes.}
#'   \item{`smotelab_error_formula`}{A formula smotelab can't use.}
#'   \item{`smotelab_error_too_few_rows`}{A class or the data are too small
#'     for the method: fewer than `k_neighbors + 1` rows in a class SMOTE
#'     grows, fewer rows than folds, too few rows to hold out for early
#'     stopping.}
#'   \item{`smotelab_error_size`}{More rows, cells or tree nodes than the
#'     method can index.}
#'   \item{`smotelab_error_sampling`}{`sampling_strategy` is malformed or
#'     can't be met: a ratio that would remove rows in an over-sampler, counts
#'     for unknown classes, an ADASYN class that can't be weighted.}
#'   \item{`smotelab_error_numeric`}{A numerical procedure could not finish,
#'     such as a singular Newton system in logistic regression.}
#'   \item{`smotelab_error_memory`}{The computer ran out of memory.}
#'   \item{`smotelab_error_damaged_fit`}{A fitted pipeline read back from a
#'     file fails validation (edited or damaged).}
#'   \item{`smotelab_error_outdated_fit`}{A fitted pipeline saved by an earlier
#'     version of smotelab whose format this version no longer reads.}
#'   \item{`smotelab_error_internal`}{A bug in smotelab; the message asks for
#'     a report.}
#' }
#'
#' @section Warnings:
#' Warnings have class `smotelab_warning` and one of:
#' \describe{
#'   \item{`smotelab_warning_one_class`}{`truth` holds one class only, so a
#'     metric or curve is `NA` or set by convention.}
#'   \item{`smotelab_warning_zero_division`}{A metric has a zero denominator
#'     and is set to 0, as in scikit-learn.}
#'   \item{`smotelab_warning_no_danger`}{Borderline-SMOTE found no row in
#'     danger and added no rows to a class.}
#'   \item{`smotelab_warning_separation`}{Unpenalised logistic regression met
#'     (quasi-)separated classes.}
#'   \item{`smotelab_warning_convergence`}{Logistic regression did not
#'     converge.}
#'   \item{`smotelab_warning_threads`}{More threads were asked for than the
#'     machine has; the machine's cores are used (once per session).}
#'   \item{`smotelab_warning_short_class`}{An under-sampler could not keep as
#'     many rows of a class as `sampling_strategy` asks for (NearMiss-3).}
#' }
#' A message of class `smotelab_message_aliased` says which predictor columns
#' logistic regression dropped as aliased.
#'
#' @name smotelab-conditions
#' @aliases smotelab_error
NULL

# The closed list of problem kinds. Every error smotelab raises has class
# `smotelab_error_<kind>` and `smotelab_error`; ?smotelab-conditions documents
# each kind, and the C++ core uses the same names (smotelab/errors.hpp).
error_kinds <- c(
  "argument", "type", "missing", "infinite", "length", "empty", "columns", "levels", "formula",
  "too_few_rows", "size", "sampling", "numeric", "memory", "damaged_fit", "outdated_fit", "internal"
)

warning_kinds <- c("one_class", "zero_division", "no_danger", "separation", "convergence", "threads", "short_class")

# Every error points at the user's call, not at an internal helper.
abort_smotelab <- function(message, class, ..., call = caller_env(), .envir = parent.frame()) {
  if (!class %in% error_kinds) {
    cli::cli_abort("Unknown error kind {.val {class}}.", .internal = TRUE)
  }
  cli::cli_abort(
    message,
    class = c(paste0("smotelab_error_", class), "smotelab_error"),
    ...,
    call = call,
    .envir = .envir
  )
}

warn_smotelab <- function(message, class, ...) {
  if (!class %in% warning_kinds) {
    cli::cli_abort("Unknown warning kind {.val {class}}.", .internal = TRUE)
  }
  cli::cli_warn(
    message,
    class = c(paste0("smotelab_warning_", class), "smotelab_warning"),
    ...,
    .envir = parent.frame()
  )
}

# The kind of a smotelab error condition, from its class.
error_kind <- function(cnd) {
  cls <- grep("^smotelab_error_", class(cnd), value = TRUE)
  if (length(cls)) sub("^smotelab_error_", "", cls[1]) else "internal"
}

# Every call into C++ goes through here. Rcpp turns a C++ exception into a
# condition of class "C++Error" whose message is the exception's what(): for
# a core user_error, "smotelab", its kind, headline and bullets separated by
# \x1f (smotelab/errors.hpp). The kind becomes the condition class, so the
# same failure has the same class from every function that reaches it.
with_core <- function(expr, call = caller_env()) {
  tryCatch(expr, "C++Error" = function(e) abort_core(core_failure(conditionMessage(e), class(e)), call))
}

# A core failure as list(kind, headline, bullets). Out of memory has its own
# kind; any other exception that is not a user_error is a bug.
core_failure <- function(message, classes = character()) {
  fields <- strsplit(message, "\x1f", fixed = TRUE)[[1]]
  if (length(fields) >= 3 && fields[1] == "smotelab" && fields[2] %in% error_kinds) {
    return(list(kind = fields[2], headline = fields[3], bullets = fields[-(1:3)]))
  }
  if ("std::bad_alloc" %in% classes || identical(message, "std::bad_alloc")) {
    return(list(
      kind = "memory", headline = "smotelab ran out of memory.",
      bullets = "Use fewer rows, or ask for fewer new rows in `sampling_strategy`."
    ))
  }
  list(kind = "internal", headline = message, bullets = character())
}

# Raises a core failure, with `where` (e.g. the fold) added as bullets. The
# lines are interpolated as values, so braces in class names stay literal.
abort_core <- function(failure, call, where = character()) {
  lines <- c(failure$headline, failure$bullets, where)
  bullets <- paste0("{lines[", seq_along(lines)[-1], "]}", recycle0 = TRUE)
  names(bullets) <- rep("i", length(bullets))
  message <- c("{lines[1]}", bullets)
  if (failure$kind == "internal") {
    cli::cli_abort(message, class = c("smotelab_error_internal", "smotelab_error"), call = call, .internal = TRUE)
  }
  abort_smotelab(message, failure$kind, call = call)
}
