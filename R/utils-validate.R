# Checks shared by every family. Each names the argument as the user wrote
# it and reports against the user's call. Scalar arguments are checked with
# rlang's standalone checks (R/import-standalone-types-check.R), given
# smotelab's classes.

argument_error <- c("smotelab_error_argument", "smotelab_error")
type_error <- c("smotelab_error_type", "smotelab_error")

# Counts cross into C++ as int.
int_max <- .Machine$integer.max

is_whole_number <- function(x) {
  is.numeric(x) && length(x) == 1 && !is.na(x) && is.finite(x) && x == round(x)
}

# A data frame with rows.
check_data <- function(x, arg = rlang::caller_arg(x), call = caller_env()) {
  check_data_frame(x, arg = arg, call = call, class = type_error)
  if (nrow(x) == 0) {
    abort_smotelab("{.arg {arg}} must have at least one row.", "empty", call = call)
  }
  check_column_names(names(x), arg, call = call)
  invisible(x)
}

# Columns are found by name everywhere (formula terms, outcome, predict), so
# a second column of the same name would be silently ignored or mangled.
check_column_names <- function(nms, arg, noun = "column", kind = "columns", call = caller_env()) {
  empty <- is.na(nms) | nms == ""
  if (any(empty)) {
    abort_smotelab(
      c("{.arg {arg}} must have a name for every {noun}.",
        "x" = "{noun} {which(empty)} {?has/have} no name."
      ),
      kind,
      call = call
    )
  }
  dup <- unique(nms[duplicated(nms)])
  if (length(dup)) {
    abort_smotelab(
      c("{.arg {arg}} must have unique {noun} names.",
        "x" = "{.val {dup}} {?appears/appear} more than once."
      ),
      kind,
      call = call
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
    value <- if (rlang::as_string(expr) %in% names(data)) {
      NULL
    } else {
      tryCatch(rlang::eval_tidy(quo), error = function(e) NULL)
    }
    if (is.character(value) && length(value) == 1) value else rlang::as_string(expr)
  } else {
    abort_smotelab(
      "{.arg outcome} must be a column name, bare or quoted.",
      "argument",
      call = call
    )
  }
  if (!name %in% names(data)) {
    abort_smotelab(
      c("{.arg outcome} must be a column of {.arg data}.",
        "x" = "There is no column {.val {name}}."
      ),
      "columns",
      call = call
    )
  }
  name
}

# Matrix and data frame columns (from I(), cbind() or tidyr::pack()) hold
# several values per row, where the core reads one.
check_vector_columns <- function(data, cols, call = caller_env()) {
  bad <- cols[vapply(data[cols], function(v) !is.null(dim(v)), logical(1))]
  if (length(bad)) {
    abort_smotelab(
      c("Predictors must be plain vector columns, one value per row.",
        column_bullets(bad, "is {.obj_type_friendly {data[[bad[[i]]]]}}"),
        "i" = "Split such columns into one column each."
      ),
      "type",
      call = call
    )
  }
}

# rlang's number checks have inclusive bounds; these arguments must be > 0
# (and at most `max`).
check_number_positive <- function(x, max = Inf, allow_infinite = FALSE, arg = rlang::caller_arg(x),
                                  call = caller_env()) {
  check_number_decimal(x, allow_infinite = allow_infinite, arg = arg, call = call, class = argument_error)
  if (x <= 0 || x > max) {
    what <- if (is.finite(max)) paste("a number larger than 0 and at most", max) else "a number larger than 0"
    stop_input_type(x, what, arg = arg, call = call, class = argument_error)
  }
  invisible(x)
}

# A whole number of at least `min` that fits in C++'s int.
check_count <- function(x, min = 1, allow_null = FALSE, arg = rlang::caller_arg(x), call = caller_env()) {
  check_number_whole(x, min = min, allow_null = allow_null, arg = arg, call = call, class = argument_error)
  if (!is.null(x) && x > int_max) {
    stop_input_type(x, paste("a whole number smaller than or equal to", int_max),
      arg = arg, call = call,
      class = argument_error
    )
  }
  invisible(x)
}

# One string out of `values`, as rlang::arg_match() checks it, with
# smotelab's class and a clear word for `NA`. The whole vector of choices (a
# default, as in match.arg()) means the first.
check_choice <- function(x, values, arg = rlang::caller_arg(x), call = caller_env()) {
  if (identical(x, values)) {
    return(values[[1]])
  }
  check_string(x, arg = arg, call = call, class = argument_error)
  if (!x %in% values) {
    abort_smotelab("{.arg {arg}} must be one of {.or {.val {values}}}, not {.val {x}}.", "argument", call = call)
  }
  x
}

# R versions of the two C checks that rlang >= 1.1.0 provides to its
# standalone file; see .standalone_types_check_dot_call there.
ffi_standalone_is_bool_1.0.7 <- function(x, allow_na, allow_null) {
  (is.logical(x) && length(x) == 1 && !is.object(x) && (allow_na || !is.na(x))) || (allow_null && is.null(x))
}

# 0: valid; 1: not a number of the right kind; 2: out of [min, max].
ffi_standalone_check_number_1.0.7 <- function(x, allow_decimal, min, max, allow_infinite, allow_na, allow_null) {
  if (allow_null && is.null(x)) {
    return(0L)
  }
  if (!typeof(x) %in% c("integer", "double") || is.object(x) || length(x) != 1) {
    return(1L)
  }
  if (is.na(x)) {
    return(if (allow_na && !is.nan(x)) 0L else 1L)
  }
  if (is.infinite(x)) {
    if (!allow_infinite) {
      return(1L)
    }
  } else if (!allow_decimal && x != trunc(x)) {
    return(1L)
  }
  if ((!is.null(min) && x < min) || (!is.null(max) && x > max)) {
    return(2L)
  }
  0L
}

# ---- Metrics, curves and plots ---------------------------------------------

# `what` names the vector in the message; by default the argument.
check_no_missing <- function(x, arg = rlang::caller_arg(x), call = caller_env(),
                             what = cli::format_inline("{.arg {arg}}")) {
  n_na <- sum(is.na(x))
  if (n_na > 0) {
    abort_smotelab(
      c("{what} can't contain missing values.", "x" = "{n_na} of {length(x)} value{?s} {?is/are} missing."),
      "missing",
      call = call
    )
  }
  invisible(x)
}

# Refuses the values of `x` that are not in `known`. The cli text `problem`
# is interpolated where the check is called, with `unknown` (the values
# refused) and `known` added.
check_known <- function(x, known, problem, class, call = caller_env(), env = caller_env()) {
  unknown <- setdiff(x, known)
  if (length(unknown)) {
    abort_smotelab(problem, class, call = call, .envir = rlang::env(env, unknown = unknown, known = known))
  }
  invisible(x)
}

# Splitting, folding and resampling all need an outcome `f` (a factor, from
# the column `name`) with two classes or more.
check_two_classes <- function(f, name, call = caller_env()) {
  if (nlevels(f) < 2) {
    abort_smotelab(
      c("The outcome {.field {name}} must have at least two classes.", "x" = "It has only {.val {levels(f)}}."),
      "levels",
      call = call
    )
  }
  invisible(f)
}

# `x` must match `ref` in length, or in rows when `ref` is a data frame.
check_same_length <- function(x, ref, arg = rlang::caller_arg(x), ref_arg = "truth", call = caller_env()) {
  n <- NROW(x)
  n_ref <- NROW(ref)
  if (n == n_ref) {
    return(invisible(x))
  }
  problem <- if (is.data.frame(ref)) {
    c(
      "{.arg {arg}} must have one row per row of {.arg {ref_arg}}.",
      "x" = "{.arg {arg}} has {n} rows; {.arg {ref_arg}} has {n_ref}."
    )
  } else {
    c(
      "{.arg {arg}} and {.arg {ref_arg}} must have the same length.",
      "x" = "{.arg {ref_arg}} has {n_ref} element{?s}; {.arg {arg}} has {n}."
    )
  }
  abort_smotelab(problem, "length", call = call)
}

# A two-level factor of true classes (character vectors are converted).
check_truth <- function(truth, arg = "truth", call = caller_env()) {
  if (is.character(truth)) truth <- factor(truth)
  if (!is.factor(truth)) {
    abort_smotelab("{.arg {arg}} must be a factor or a character vector, not {.obj_type_friendly {truth}}.",
      "type",
      call = call
    )
  }
  if (length(truth) == 0) {
    abort_smotelab("{.arg {arg}} must have at least one element.", "empty", call = call)
  }
  check_no_missing(truth, arg = arg, call = call)
  if (nlevels(truth) != 2) {
    lv <- levels(truth)
    abort_smotelab(c("{.arg {arg}} must have exactly 2 levels.", "x" = "It has {length(lv)} level{?s}: {.val {lv}}."),
      "levels",
      call = call
    )
  }
  truth
}

# The event level: `NULL` means the second of `levels`. `whose` names what
# the levels belong to in the message.
resolve_event <- function(levels, event, whose = cli::format_inline("{.arg truth}"), call = caller_env()) {
  if (is.null(event)) {
    return(levels[2])
  }
  if (!is.character(event) || length(event) != 1 || is.na(event) || !event %in% levels) {
    shown <- if (is.character(event) && length(event) == 1) event else format(event)
    abort_smotelab(
      c("{.arg event} must be one of the levels of {whose}.", "x" = "{.val {shown}} is not one of {.val {levels}}."),
      "levels",
      call = call
    )
  }
  event
}

# The inputs of a binary metric or curve: `truth` (see check_truth()), the
# event level and `prob`, one score per element of `truth`. Metrics at a
# threshold need probabilities in [0, 1]; ranking metrics and curves
# (`ranking = TRUE`) take any finite score, as scikit-learn, pROC and
# yardstick do. Returns list(truth, event, prob).
check_binary_prob <- function(truth, prob, event, ranking = FALSE, call = caller_env()) {
  truth <- check_truth(truth, call = call)
  event <- resolve_event(levels(truth), event, call = call)
  if (!is.numeric(prob) || is.factor(prob)) {
    abort_smotelab("{.arg prob} must be a numeric vector of scores, not {.obj_type_friendly {prob}}.", "type",
      call = call
    )
  }
  check_same_length(prob, truth, call = call)
  prob <- as.double(prob)
  problems <- with_core(prob_problems_cpp(prob), call = call)
  if (problems[["missing"]] > 0) check_no_missing(prob, call = call)
  if (ranking && problems[["infinite"]] > 0) {
    abort_smotelab(
      c("{.arg prob} must hold finite scores.", "x" = "{problems[['infinite']]} value{?s} {?is/are} infinite."),
      "infinite",
      call = call
    )
  }
  if (!ranking && problems[["outside"]] > 0) {
    outside <- prob < 0 | prob > 1
    abort_smotelab(
      c("{.arg prob} must hold probabilities in [0, 1].",
        "x" = "{problems[['outside']]} value{?s} {?lies/lie} outside, e.g. {.val {prob[outside][1]}}.",
        "i" = "Ranking metrics take any finite score: use {.fn roc_auc_vec}, {.fn pr_auc_vec} or the curves."
      ),
      "argument",
      call = call
    )
  }
  list(truth = truth, event = event, prob = prob)
}

# Predicted classes must use the levels of `truth`; returns a factor with them.
check_estimate <- function(estimate, truth, arg = "estimate", call = caller_env()) {
  if (!is.factor(estimate) && !is.character(estimate)) {
    abort_smotelab(
      "{.arg {arg}} must be a factor or a character vector of predicted classes, not {.obj_type_friendly {estimate}}.",
      "type",
      call = call
    )
  }
  check_same_length(estimate, truth, arg = arg, call = call)
  check_no_missing(estimate, arg = arg, call = call)
  lv <- levels(truth)
  used <- if (is.factor(estimate)) levels(estimate) else unique(estimate)
  check_known(used, lv, c(
    "{.arg {arg}} must use the levels of {.arg truth}.",
    "x" = "{.val {unknown}} {?is/are} not among {.val {known}}."
  ), "levels", call = call)
  factor(as.character(estimate), levels = lv)
}

# 1 where a factor (truth or estimate) equals the event level, else 0,
# compared on the factor's integer codes rather than on strings.
event_indicator <- function(x, event, call = caller_env()) {
  with_core(event_indicator_cpp(x, match(event, levels(x))), call = call)
}

# The core fills an R matrix of `a` x `b` cells, indexed by R integers.
# `labels` name the two arguments, `nouns` what they count.
check_cells <- function(a, b, labels, nouns, unit, call = caller_env()) {
  cells <- a * b
  if (cells > int_max) {
    big <- function(x) format(x, big.mark = ",", scientific = FALSE)
    abort_smotelab(
      c("{labels[1]} x {labels[2]} must not exceed {big(int_max)} {unit}.",
        "x" = "{big(a)} {nouns[1]} x {big(b)} {nouns[2]} make {big(cells)}."
      ),
      "size",
      call = call
    )
  }
}
