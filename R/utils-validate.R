# Small predicates and checks shared by every family. Each check names the
# argument as the user wrote it and reports against the user's call.

is_whole_number <- function(x) {
  is.numeric(x) && length(x) == 1 && !is.na(x) && is.finite(x) && x == round(x)
}

check_number <- function(x, arg = rlang::caller_arg(x), call = caller_env(),
                         min = -Inf, max = Inf, min_inclusive = TRUE,
                         allow_inf = FALSE, whole = FALSE) {
  ok <- is.numeric(x) && length(x) == 1 && !is.na(x) &&
    (allow_inf || is.finite(x))
  if (ok && whole) ok <- is.infinite(x) || x == round(x)
  if (ok) ok <- if (min_inclusive) x >= min else x > min
  if (ok) ok <- x <= max
  if (!ok) {
    what <- if (whole) "a whole number" else "a number"
    bound <- if (is.finite(min)) {
      paste(if (min_inclusive) ">=" else ">", min)
    }
    if (is.finite(max)) bound <- c(bound, paste("<=", max))
    range <- if (length(bound)) paste0(" ", paste(bound, collapse = " and ")) else ""
    shown <- if (is.numeric(x) && length(x) == 1) format(x) else cli::format_inline("{.obj_type_friendly {x}}")
    abort_smotelab(
      "{.arg {arg}} must be {what}{range}, not {shown}.",
      "argument",
      call = call
    )
  }
  invisible(x)
}

check_data_frame <- function(x, arg = rlang::caller_arg(x), call = caller_env()) {
  if (!is.data.frame(x)) {
    abort_smotelab(
      "{.arg {arg}} must be a data frame, not {.obj_type_friendly {x}}.",
      "data",
      call = call
    )
  }
  if (nrow(x) == 0) {
    abort_smotelab("{.arg {arg}} must have at least one row.", "empty", call = call)
  }
  check_column_names(names(x), arg, call = call)
  invisible(x)
}

# Columns are found by name everywhere (formula terms, outcome, predict), so
# a second column of the same name would be silently ignored or mangled.
check_column_names <- function(nms, arg, noun = "column", call = caller_env()) {
  empty <- is.na(nms) | nms == ""
  if (any(empty)) {
    abort_smotelab(
      c("{.arg {arg}} must have a name for every {noun}.",
        "x" = "{noun} {which(empty)} {?has/have} no name."),
      "duplicate_names", call = call
    )
  }
  dup <- unique(nms[duplicated(nms)])
  if (length(dup)) {
    abort_smotelab(
      c("{.arg {arg}} must have unique {noun} names.",
        "x" = "{.val {dup}} {?appears/appear} more than once."),
      "duplicate_names", call = call
    )
  }
}

# `outcome` may be a bare column name or a string, as in rsample and themis.
# Call as outcome_name(rlang::enquo(outcome), data).
outcome_name <- function(quo, data, call = caller_env()) {
  expr <- rlang::quo_get_expr(quo)
  name <- if (is.character(expr) && length(expr) == 1) {
    expr
  } else if (rlang::is_symbol(expr)) {
    value <- if (rlang::as_string(expr) %in% names(data)) NULL else
      tryCatch(rlang::eval_tidy(quo), error = function(e) NULL)
    if (is.character(value) && length(value) == 1) value else rlang::as_string(expr)
  } else {
    abort_smotelab(
      "{.arg outcome} must be a column name, bare or quoted.",
      "outcome",
      call = call
    )
  }
  if (!name %in% names(data)) {
    abort_smotelab(
      c("{.arg outcome} must be a column of {.arg data}.",
        "x" = "There is no column {.val {name}}."),
      "outcome",
      call = call
    )
  }
  name
}
