# `sampling_strategy`, as imbalanced-learn reads it: a ratio in (0, 1] for a
# binary outcome, one of a few strings, or a named vector of final class
# counts. These helpers check the form in R, turn it into the core's struct,
# and let the core (inst/include/smotelab/sampling.hpp) compute how many rows
# each class gains or keeps. Every resampler and resampling step uses them.

# With two classes, "not minority" over-sampling and "not majority"
# under-sampling change nothing, so pipeline steps do not offer them.
sampling_strings <- function(direction, binary = FALSE) {
  switch(direction,
    over = c("auto", "minority", if (!binary) "not minority", "not majority", "all"),
    under = c("auto", "majority", "not minority", if (!binary) "not majority", "all"),
    clean = c("auto", "majority", "not minority", "not majority", "all")
  )
}

# Checks the form of `x`; `levels = NULL` when the classes are not known yet
# (a pipeline step), `binary = TRUE` where only two classes can occur.
check_sampling_strategy <- function(x, direction, levels = NULL, binary = FALSE,
                                    arg = rlang::caller_arg(x), call = caller_env()) {
  if (direction == "clean") {
    return(check_cleaning_strategy(x, levels, arg = arg, call = call))
  }
  strings <- sampling_strings(direction, binary)
  sampler <- if (direction == "over") "an over-sampler" else "an under-sampler"
  if (is.character(x) && length(x) == 1 && !is.na(x)) {
    if (!x %in% strings) {
      other <- setdiff(c("minority", "majority"), strings)
      abort_smotelab(
        c("{.arg {arg}} must be a number, a named vector of class counts, or one of {.val {strings}}.",
          "x" = "It is {.val {x}}.",
          "i" = if (identical(x, other)) "{.val {other}} can't be used with {sampler}.",
          "i" = if (binary && x %in% sampling_strings(direction)) "With a binary outcome, {.val {x}} changes nothing."
        ),
        "sampling",
        call = call
      )
    }
    return(invisible(x))
  }
  if (!is.numeric(x) || length(x) == 0) {
    abort_smotelab(
      "{.arg {arg}} must be a number, a named vector of class counts, or one of {.val {strings}}, not {.obj_type_friendly {x}}.", # nolint: line_length_linter.
      "sampling",
      call = call
    )
  }
  if (is.null(names(x))) {
    if (length(x) != 1) {
      abort_smotelab(
        c("{.arg {arg}} must be named when it gives class counts.",
          "i" = "For example {.code c(neg = 500, pos = 300)}."
        ),
        "sampling",
        call = call
      )
    }
    if (is.na(x) || x <= 0 || x > 1) {
      abort_smotelab(
        c("{.arg {arg}} must be a ratio in (0, 1] when it is a single number, not {format(x)}.",
          "i" = "Give final class counts as a named vector, e.g. {.code c(pos = 300)}."
        ),
        "sampling",
        call = call
      )
    }
    if (!is.null(levels) && length(levels) != 2) {
      abort_smotelab(
        c("{.arg {arg}} can't be a ratio when the outcome has {length(levels)} classes.",
          "i" = "A ratio needs a binary outcome; give final counts per class as a named vector instead."
        ),
        "sampling",
        call = call
      )
    }
    return(invisible(x))
  }
  nms <- names(x)
  if (anyNA(nms) || any(nms == "") || anyDuplicated(nms)) {
    abort_smotelab("Every class count in {.arg {arg}} must have a unique class name.", "sampling", call = call)
  }
  bad <- is.na(x) | !is.finite(x) | x < 0 | x != round(x)
  if (any(bad)) {
    abort_smotelab(
      c("Class counts in {.arg {arg}} must be whole numbers >= 0.",
        "x" = "{.val {nms[bad]}} {?has/have} {format(x[bad])}."
      ),
      "sampling",
      call = call
    )
  }
  huge <- x > .Machine$integer.max
  if (any(huge)) {
    abort_smotelab(
      c("Class counts in {.arg {arg}} must be at most {format(.Machine$integer.max, big.mark = ',')}, R's largest row count.", # nolint: line_length_linter.
        "x" = "{.val {nms[huge]}} {?has/have} {format(x[huge], big.mark = ',', scientific = FALSE)}."
      ),
      "sampling",
      call = call
    )
  }
  if (!is.null(levels)) {
    check_known(nms, levels, c(
      "{.arg {arg}} must name classes of the outcome.",
      "x" = "{.val {unknown}} {?is/are} not {?a class/classes}.",
      "i" = "The classes are {.val {known}}."
    ), "sampling", call = call)
  }
  if (binary && length(nms) > 2) {
    abort_smotelab(
      "{.arg {arg}} can name at most two classes in a pipeline, whose outcome is binary; it names {length(nms)}.",
      "sampling",
      call = call
    )
  }
  invisible(x)
}

# A cleaning method's `sampling_strategy` names the classes it may clean, as
# imbalanced-learn's "clean-sampling" reads it: one of the strings, or class
# names (a character vector, where a single string that is one of the
# strings means that string, or a list of strings, always class names, as
# imbalanced-learn's list). Numbers are refused, as there.
check_cleaning_strategy <- function(x, levels = NULL, arg = rlang::caller_arg(x), call = caller_env()) {
  strings <- sampling_strings("clean")
  names_only <- is.list(x) && length(x) > 0 && all(vapply(x, rlang::is_string, logical(1)))
  if (names_only) x <- unlist(x)
  if (!is.character(x) || length(x) == 0 || anyNA(x)) {
    abort_smotelab(
      c(
        paste(
          "{.arg {arg}} must be one of {.or {.val {strings}}} or the names of the classes to clean,",
          "not {.obj_type_friendly {x}}."
        ),
        "i" = if (is.numeric(x)) {
          "A cleaning method removes the rows its rule finds; it can't be asked for a ratio or for counts."
        }
      ),
      "sampling",
      call = call
    )
  }
  if (!names_only && length(x) == 1 && x %in% c(strings, "minority")) {
    if (x == "minority") {
      abort_smotelab(
        c("{.arg {arg}} can't be {.val minority} for a cleaning method.",
          "i" = paste(
            "It cleans other classes; use one of {.or {.val {strings}}}, or name the classes",
            "(a class named {.val minority}: {.code list(\"minority\")})."
          )
        ),
        "sampling",
        call = call
      )
    }
    return(invisible(x))
  }
  if (anyDuplicated(x) || any(x == "")) {
    abort_smotelab("The classes named in {.arg {arg}} must be unique and non-empty.", "sampling", call = call)
  }
  if (!is.null(levels) && length(setdiff(x, levels))) {
    unknown <- setdiff(x, levels)
    abort_smotelab(
      c("{.arg {arg}} must be one of {.or {.val {strings}}} or name classes of the outcome.",
        "x" = "{.val {unknown}} {?is/are} not {?a class/classes}.",
        "i" = "The classes are {.val {levels}}."
      ),
      "sampling",
      call = call
    )
  }
  invisible(x)
}

# The core's view of a checked `sampling_strategy`, given the outcome levels.
# Class names (cleaning methods) become counts of 0 for those classes: the
# core reads a class with a count as a target.
sampling_to_core <- function(x, levels) {
  counts <- rep(-1L, length(levels))
  if (is.list(x) || (is.character(x) && (length(x) > 1 || !x %in% c(sampling_strings("clean"), "minority")))) {
    x <- unlist(x)
    counts[match(x, levels)] <- 0L
    return(list(kind = "counts", ratio = 1, counts = counts))
  }
  if (is.character(x)) {
    return(list(kind = x, ratio = 1, counts = counts))
  }
  if (is.null(names(x))) {
    return(list(kind = "ratio", ratio = as.double(x), counts = counts))
  }
  counts[match(names(x), levels)] <- as.integer(x)
  list(kind = "counts", ratio = 1, counts = counts)
}

# Rows to add (direction "over") or keep ("under") per class of the factor `y`.
sampling_counts <- function(x, y, direction, arg = "sampling_strategy", call = caller_env()) {
  levels <- levels(y)
  check_sampling_strategy(x, direction, levels = levels, arg = arg, call = call)
  class_counts <- tabulate(as.integer(y), nbins = length(levels))
  with_core(sampling_counts_cpp(sampling_to_core(x, levels), class_counts, levels, direction == "over"), call = call)
}


# ---- Shared by every standalone resampler ---------------------------------

# The outcome as a factor with every level present, plus what is needed to
# rebuild the original column type.
resample_outcome <- function(data, quo, call = caller_env()) {
  check_data(data, call = call)
  name <- outcome_name(quo, data, call = call)
  y <- data[[name]]
  if (!is.factor(y) && !is.character(y)) {
    abort_smotelab(
      "The outcome column {.field {name}} must be a factor or a character vector, not {.obj_type_friendly {y}}.",
      "type",
      call = call
    )
  }
  check_no_missing(y, call = call, what = cli::format_inline("The outcome column {.field {name}}"))
  f <- if (is.factor(y)) y else factor(y)
  counts <- tabulate(as.integer(f), nbins = nlevels(f))
  if (any(counts == 0)) {
    empty <- levels(f)[counts == 0]
    abort_smotelab(
      c("Every level of the outcome {.field {name}} must have rows.",
        "x" = "Level{?s} {.val {empty}} {?has/have} none.",
        "i" = "Drop unused levels with {.fn droplevels}."
      ),
      "levels",
      call = call
    )
  }
  check_two_classes(f, name, call = call)
  list(name = name, y = f, counts = stats::setNames(counts, levels(f)), is_factor = is.factor(y))
}

# The outcome column extended by new rows of the given 0-based class codes.
extend_outcome <- function(out, codes) {
  lev <- levels(out$y)
  if (out$is_factor) {
    factor(c(as.character(out$y), lev[codes + 1L]), levels = lev, ordered = is.ordered(out$y))
  } else {
    c(as.character(out$y), lev[codes + 1L])
  }
}

check_synthetic_flag <- function(x, data, arg = rlang::caller_arg(x), call = caller_env()) {
  check_bool(x, arg = arg, call = call, class = argument_error)
  if (x && ".synthetic" %in% names(data)) {
    abort_smotelab("{.arg data} can't have a column named {.field .synthetic} when {.code .synthetic = TRUE}.",
      "columns",
      call = call
    )
  }
  invisible(x)
}

add_synthetic_column <- function(out, n_old, n_new, synthetic) {
  if (synthetic) out[[".synthetic"]] <- c(rep(FALSE, n_old), rep(TRUE, n_new))
  out
}
