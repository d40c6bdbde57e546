# A blueprint records, at fit time, how a data frame becomes the numeric
# design matrix the core sees: which columns, their types, and the levels of
# factors (one-hot encoded against the first level, as glm() does). predict()
# reuses it, so new data are encoded exactly as the training data were.

blueprint_make <- function(formula, data, call = caller_env()) {
  if (!rlang::is_formula(formula, lhs = TRUE)) {
    abort_smotelab("{.arg formula} must be a two-sided formula such as {.code class ~ .}.", "formula", call = call)
  }
  lhs <- rlang::f_lhs(formula)
  if (!rlang::is_symbol(lhs)) {
    abort_smotelab("The left side of {.arg formula} must be one column name, not {.code {rlang::expr_deparse(lhs)}}.",
      "formula",
      call = call
    )
  }
  outcome <- rlang::as_string(lhs)
  if (!outcome %in% names(data)) {
    abort_smotelab(c("The outcome column {.val {outcome}} must be in {.arg data}.",
      "i" = "{.arg data} has columns {.val {names(data)}}."
    ), "formula", call = call)
  }
  check_known(
    setdiff(all.vars(rlang::f_rhs(formula)), "."), names(data),
    c("Every predictor in {.arg formula} must be a column of {.arg data}.", "x" = "Missing: {.val {unknown}}."),
    "formula",
    call = call
  )
  terms <- stats::terms(formula, data = data)
  # Every model fits an intercept (the logistic one unpenalised) and none
  # takes an offset, so a formula asking otherwise would be silently ignored.
  if (!is.null(attr(terms, "offset"))) {
    abort_smotelab(c("{.arg formula} can't have an {.code offset()} term.",
      "i" = "smotelab's models take no offset; drop it from the formula."
    ), "formula", call = call)
  }
  if (attr(terms, "intercept") == 0) {
    abort_smotelab(c("{.arg formula} can't remove the intercept with {.code - 1} or {.code 0 +}.",
      "i" = "smotelab's models always fit an intercept."
    ), "formula", call = call)
  }
  labels <- attr(terms, "term.labels")
  check_known(labels, names(data), c(
    "{.arg formula} can only name columns, joined by {.code +}.",
    "x" = "Can't use {.code {unknown}}; transform the data first."
  ), "formula", call = call)
  predictors <- setdiff(labels, outcome)

  types <- character(length(predictors))
  levels <- vector("list", length(predictors))
  for (i in seq_along(predictors)) {
    col <- data[[predictors[i]]]
    if (is.factor(col)) {
      types[i] <- "factor"
      levels[[i]] <- levels(col)
    } else if (is.character(col)) {
      types[i] <- "factor"
      levels[[i]] <- sort(unique(col[!is.na(col)]))
    } else if (is.logical(col)) {
      types[i] <- "logical"
    } else if (is.numeric(col)) {
      types[i] <- "numeric"
    } else {
      abort_smotelab(c("Predictors must be numeric, logical, factor or character columns.",
        "x" = "Column {.val {predictors[i]}} is {.obj_type_friendly {col}}."
      ), "type", call = call)
    }
  }
  names(types) <- predictors
  names(levels) <- predictors
  columns <- unlist(lapply(predictors, function(v) {
    if (types[[v]] == "factor") paste0(v, levels[[v]][-1]) else v
  }), use.names = FALSE)

  outcome_levels <- outcome_levels_of(data[[outcome]], outcome, call)
  list(
    outcome = outcome, outcome_levels = outcome_levels, predictors = predictors,
    types = types, levels = levels, columns = columns %||% character()
  )
}

outcome_levels_of <- function(y, outcome, call) {
  if (!(is.factor(y) || is.character(y) || is.logical(y))) {
    abort_smotelab(c("The outcome {.val {outcome}} must be a factor, character or logical column.",
      "x" = "It is {.obj_type_friendly {y}}."
    ), "type", call = call)
  }
  lev <- if (is.factor(y)) levels(y) else sort(unique(as.character(y[!is.na(y)])))
  if (length(lev) != 2) {
    abort_smotelab(c("The outcome {.val {outcome}} must have exactly two classes for a binary model.",
      "x" = "It has {length(lev)}: {.val {lev}}."
    ), "levels", call = call)
  }
  lev
}

# 0/1 labels, 1 = the event (second level), with the checks a fit needs.
blueprint_outcome <- function(bp, data, call = caller_env()) {
  y <- data[[bp$outcome]]
  check_no_missing(y, call = call, what = cli::format_inline("The outcome {.val {bp$outcome}}"))
  # Factor codes when the levels match, which avoids a string per row.
  codes <- if (is.factor(y) && identical(levels(y), bp$outcome_levels)) {
    as.integer(y)
  } else {
    match(as.character(y), bp$outcome_levels)
  }
  counts <- stats::setNames(tabulate(codes, 2), bp$outcome_levels)
  if (any(counts == 0)) {
    abort_smotelab(c("The training data must contain both classes of {.val {bp$outcome}}.",
      "x" = "Class {.val {names(counts)[counts == 0]}} has no rows."
    ), "levels", call = call)
  }
  codes - 1L
}

# The design as a named list of double vectors, one per design column. The
# core reads numeric columns of `data` in place; only logical and integer
# columns and factor dummies are new vectors. `n_threads` (resolved) share
# the scan for non-finite values.
blueprint_columns <- function(bp, data, n_threads = 1L, call = caller_env()) {
  check_data(data, arg = "new_data", call = call)
  check_known(bp$predictors, names(data), c(
    "{.arg new_data} must have every predictor the model was fitted on.",
    "x" = "Missing column{?s}: {.val {unknown}}."
  ), "columns", call = call)
  check_vector_columns(data, bp$predictors, call = call)
  columns <- lapply(bp$predictors, function(v) design_columns(bp, v, data[[v]], call))
  source <- rep(bp$predictors, lengths(columns))
  columns <- unlist(columns, recursive = FALSE) %||% list()
  bad <- with_core(first_nonfinite_cpp(columns, nrow(data), n_threads), call = call)
  if (bad > 0) {
    v <- source[bad]
    col <- data[[v]]
    if (anyNA(col)) {
      abort_smotelab(c("Predictors must not contain missing values.",
        "x" = "Column {.val {v}} has {sum(is.na(col))} NA{?s}."
      ), "missing", call = call)
    }
    abort_smotelab(c("Predictors must be finite.",
      "x" = "Column {.val {v}} has {sum(!is.finite(col))} infinite value{?s}."
    ), "infinite", call = call)
  }
  names(columns) <- bp$columns
  columns
}

# The design columns of one predictor, checked against its type at fit time:
# the column itself when numeric or logical, one 0/1 column per non-reference
# level for factors.
design_columns <- function(bp, v, col, call) {
  type <- bp$types[[v]]
  if (type == "numeric") {
    if (!is.numeric(col)) {
      abort_smotelab(c("Column {.val {v}} must be numeric, as it was at fit time.",
        "x" = "It is {.obj_type_friendly {col}}."
      ), "type", call = call)
    }
    return(list(as.double(col)))
  }
  if (type == "logical") {
    if (!is.logical(col)) {
      abort_smotelab("Column {.val {v}} must be logical, as it was at fit time.", "type", call = call)
    }
    return(list(as.double(col)))
  }
  if (!(is.factor(col) || is.character(col))) {
    abort_smotelab(c("Column {.val {v}} must be a factor or character column, as it was at fit time.",
      "x" = "It is {.obj_type_friendly {col}}."
    ), "type", call = call)
  }
  col_levels <- if (is.factor(col)) levels(col)
  col <- as.character(col)
  if (anyNA(col)) {
    abort_smotelab(
      c("Predictors must not contain missing values.",
        "x" = "Column {.val {v}} has {sum(is.na(col))} NA{?s}.",
        "i" = if (anyNA(col_levels)) "{.code NA} is one of its factor levels, as {.fn addNA} makes; give that level a name." # nolint: line_length_linter.
      ),
      "missing",
      call = call
    )
  }
  lev <- bp$levels[[v]]
  check_known(unique(col), lev, c(
    "Column {.val {v}} has {length(unknown)} level{?s} not seen in training: {.val {unknown}}.",
    "i" = "Training levels: {.val {lev}}."
  ), "levels", call = call)
  lapply(lev[-1], function(l) as.double(col == l))
}

# Where each categorical predictor's dummy columns sit in the design: 0-based
# first column and width, one entry per factor or character predictor with
# at least two levels and per logical predictor (a block of one 0/1 column),
# in predictor order. The categorical steps treat each block as one variable.
blueprint_blocks <- function(bp) {
  width <- vapply(bp$predictors, function(v) {
    switch(bp$types[[v]],
      factor = length(bp$levels[[v]]) - 1L,
      logical = 1L,
      numeric = 1L
    )
  }, integer(1))
  first <- cumsum(c(0L, width))[seq_along(width)]
  categorical <- bp$types != "numeric" & width > 0
  list(first = as.integer(first[categorical]), width = as.integer(width[categorical]))
}
