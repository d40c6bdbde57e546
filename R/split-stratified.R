#' Stratified train/test split
#'
#' `split_stratified()` splits a data frame into a training and a test set
#' that keep the class proportions of `outcome`, as scikit-learn's
#' `train_test_split(stratify = y)` does.
#'
#' The test set has `ceiling(test_size * nrow(data))` rows when `test_size`
#' is a proportion, or exactly `test_size` rows when it is a whole number. Each
#' class's share of the training set is its exact proportional share rounded
#' down, with the rows still missing given to the classes with the largest
#' fractional parts (ties broken at random); the test set takes the rest of
#' each class. Which rows of a class go to the test set is decided by a seeded
#' shuffle. Both sets keep the rows in their original order.
#'
#' With `rng = "numpy"` the split is scikit-learn's own: the rows of
#' `train_test_split(data, stratify = y, test_size = test_size,
#' random_state = seed)`, in its (shuffled) order, with
#' `ceiling(test_size * nrow(data))` test rows computed as Python does; see
#' [smotelab-rng].
#'
#' @param data A data frame.
#' @param outcome The column to stratify by, bare or quoted: a factor,
#'   character, logical or whole-number column with at least two classes.
#' @param test_size The size of the test set: a proportion in (0, 1), or a
#'   whole number of rows from 1 to `nrow(data) - 1`.
#' @param seed `NULL` (draw a seed from R's generator, so [set.seed()]
#'   governs the result) or a whole number (below 2^32 with `rng = "numpy"`).
#' @param rng `"smotelab"` or `"numpy"`: whose random stream to draw from;
#'   `NULL` takes `getOption("smotelab.rng", "smotelab")`. See [smotelab-rng].
#'
#' @return A list with two tibbles, `train` and `test`, with the columns of
#'   `data`.
#' @seealso [folds_stratified()] for cross-validation folds.
#' @export
#' @examples
#' parts <- split_stratified(pima, diabetes, test_size = 0.25, seed = 1)
#' nrow(parts$train)
#' table(parts$test$diabetes)
split_stratified <- function(data, outcome, test_size = 0.25, seed = NULL, rng = NULL) {
  check_data(data)
  name <- outcome_name(rlang::enquo(outcome), data)
  strata <- outcome_strata(data[[name]], name)
  rng <- resolve_rng(rng)
  n <- nrow(data)
  n_test <- resolve_test_size(test_size, n, exact = rng == "numpy")

  smallest <- which.min(strata$counts)
  if (strata$counts[smallest] < 2) {
    abort_smotelab(
      "The class {.val {strata$classes[smallest]}} has 1 row; a stratified split needs at least 2.",
      "too_few_rows"
    )
  }
  n_classes <- length(strata$classes)
  n_train <- n - n_test
  if (min(n_test, n_train) < n_classes) {
    abort_smotelab(
      c("{.arg test_size} must leave at least one row per class in each set.",
        "x" = "{.arg test_size} = {format(test_size)} gives {n_train} training and {n_test} test row{?s}, but there are {n_classes} classes." # nolint: line_length_linter.
      ),
      "argument"
    )
  }
  seed <- resolve_rng_seed(seed, rng)

  if (rng == "numpy") {
    rows <- with_core(split_stratified_numpy_cpp(strata$codes, n_classes, n_test, seed))
    return(list(
      train = tibble::as_tibble(data[rows$train, , drop = FALSE]),
      test = tibble::as_tibble(data[rows$test, , drop = FALSE])
    ))
  }
  is_test <- with_core(split_stratified_cpp(strata$codes, n_classes, n_test, seed))
  list(
    train = tibble::as_tibble(data[!is_test, , drop = FALSE]),
    test = tibble::as_tibble(data[is_test, , drop = FALSE])
  )
}

#' Stratified cross-validation folds
#'
#' `folds_stratified()` assigns every row of a data frame to one of `v` folds
#' so that each fold keeps the class proportions of `outcome`, as
#' scikit-learn's `StratifiedKFold(shuffle = TRUE)` does, and can do so
#' `repeats` times independently.
#'
#' Within each class the rows are shuffled and dealt to the folds in turn, so
#' the number of rows of a class differs by at most one between folds. The
#' classes are dealt one after another, each starting where the last one
#' stopped, so the fold sizes also differ by at most one. The counts per fold
#' and class are therefore the same in every repeat; only which rows go where
#' changes. Each repeat draws from its own random stream.
#'
#' With `rng = "numpy"` the folds are scikit-learn's
#' `StratifiedKFold(v, shuffle = True, random_state = seed)` (classes dealt in
#' order of first appearance, as it does); several repeats are
#' `RepeatedStratifiedKFold(n_splits = v, n_repeats = repeats,
#' random_state = seed)`, each repeat continuing the previous one's stream.
#' See [smotelab-rng].
#'
#' @inheritParams split_stratified
#' @param v Number of folds, a whole number >= 2. Every class needs at least
#'   `v` rows.
#' @param repeats Number of independent fold assignments, a whole number >= 1.
#'
#' @return A tibble of class `smotelab_folds` with one row per row of `data`
#'   and one integer column of fold ids (1 to `v`) per repeat, named
#'   `repeat_1`, `repeat_2`, .... Attributes `v` and `repeats` hold the
#'   arguments, `outcome` the classes stratified by and `outcome_name` the
#'   column they came from. Printing it shows the rows per fold and class.
#' @seealso [split_stratified()] for a single train/test split.
#' @export
#' @examples
#' folds <- folds_stratified(pima, diabetes, v = 5, seed = 1)
#' folds
#' # The rows of fold 1 are the held-out rows of the first split.
#' held_out <- pima[folds$repeat_1 == 1, ]
#' table(held_out$diabetes)
folds_stratified <- function(data, outcome, v = 5, repeats = 1, seed = NULL, rng = NULL) {
  check_data(data)
  name <- outcome_name(rlang::enquo(outcome), data)
  strata <- outcome_strata(data[[name]], name)
  check_count(v, min = 2)
  check_count(repeats)
  check_cells(repeats, nrow(data), c("`repeats`", "rows of `data`"), c("repeats", "rows"), "fold ids")

  smallest <- which.min(strata$counts)
  if (strata$counts[smallest] < v) {
    count <- strata$counts[smallest]
    abort_smotelab(
      "The class {.val {strata$classes[smallest]}} has {count} row{?s}; {v} folds need at least {v}.",
      "too_few_rows"
    )
  }
  rng <- resolve_rng(rng)
  seed <- resolve_rng_seed(seed, rng)

  make <- if (rng == "numpy") folds_stratified_numpy_cpp else folds_stratified_cpp
  ids <- with_core(make(strata$codes, length(strata$classes), v, repeats, seed))
  cols <- lapply(seq_len(repeats), function(r) ids[, r] + 1L)
  names(cols) <- paste0("repeat_", seq_len(repeats))
  tibble::new_tibble(
    cols,
    nrow = nrow(data),
    class = "smotelab_folds",
    v = as.integer(v),
    repeats = as.integer(repeats),
    outcome = factor(strata$classes[strata$codes + 1L], levels = strata$classes),
    outcome_name = name
  )
}

#' @export
print.smotelab_folds <- function(x, ...) {
  v <- attr(x, "v")
  repeats <- attr(x, "repeats")
  cat(sprintf(
    "# Stratified folds: %d folds x %d repeat%s of %d rows, by `%s`\n",
    v, repeats, if (repeats == 1) "" else "s", nrow(x), attr(x, "outcome_name")
  ))
  counts <- fold_class_counts(x)
  if (!is.null(counts)) {
    same <- all(vapply(counts, identical, logical(1), counts[[1]]))
    if (same) {
      cat(if (repeats == 1) {
        "# Rows per fold and class:\n"
      } else {
        "# Rows per fold and class (the same in every repeat):\n"
      })
      print(counts[[1]])
    } else {
      for (r in seq_along(counts)) {
        cat(sprintf("# Rows per fold and class, repeat %d:\n", r))
        print(counts[[r]])
      }
    }
  }
  NextMethod()
  invisible(x)
}

# Fold-by-class tables, one per repeat; NULL once the rows no longer match the
# outcome recorded at creation (e.g. after subsetting).
fold_class_counts <- function(x) {
  outcome <- attr(x, "outcome")
  columns <- paste0("repeat_", seq_len(attr(x, "repeats")))
  if (length(outcome) != nrow(x) || !all(columns %in% names(x))) {
    return(NULL)
  }
  lapply(columns, function(column) {
    fold <- factor(x[[column]], levels = seq_len(attr(x, "v")))
    counts <- table(fold, outcome)
    names(dimnames(counts)) <- c("fold", attr(x, "outcome_name"))
    stats::addmargins(counts, 2, FUN = list(total = sum), quiet = TRUE)
  })
}

# The classes of a stratification column, as 0-based codes for the core.
outcome_strata <- function(y, name, call = caller_env()) {
  discrete <- is.factor(y) || is.character(y) || is.logical(y) ||
    (is.numeric(y) && all(y == round(y), na.rm = TRUE))
  if (!discrete) {
    abort_smotelab(
      c("{.arg outcome} must be a column of classes: a factor, character, logical or whole-number column.",
        "x" = "Column {.field {name}} is {.obj_type_friendly {y}}."
      ),
      "type",
      call = call
    )
  }
  check_no_missing(y, call = call, what = cli::format_inline("The outcome column {.field {name}}"))
  f <- if (is.factor(y)) droplevels(y) else factor(y)
  check_two_classes(f, name, call = call)
  list(
    codes = as.integer(f) - 1L,
    classes = levels(f),
    counts = tabulate(f, nlevels(f))
  )
}

# Test rows as scikit-learn counts them: ceiling(test_size * n) for a
# proportion, the number itself for a whole number of rows. The product is
# nudged down by far more than its rounding error so that, e.g., 0.1 * 30
# gives 3 test rows rather than 4; `exact` keeps Python's product, for
# numpy-exact splits (0.07 * 100 is 7.000000000000001 there: 8 test rows).
resolve_test_size <- function(test_size, n, exact = FALSE, call = caller_env()) {
  ok <- is.numeric(test_size) && length(test_size) == 1 && !is.na(test_size) &&
    is.finite(test_size) && test_size > 0 &&
    (test_size < 1 || (test_size == round(test_size) && test_size < n))
  if (!ok) {
    shown <- if (is.numeric(test_size) && length(test_size) == 1) {
      format(test_size)
    } else {
      class(test_size)[1]
    }
    abort_smotelab(
      c("{.arg test_size} must be a proportion in (0, 1) or a whole number of rows from 1 to {n - 1}.",
        "x" = "It is {.val {shown}}; {.arg data} has {n} row{?s}."
      ),
      "argument",
      call = call
    )
  }
  if (test_size >= 1) {
    return(test_size)
  }
  product <- test_size * n
  if (exact) {
    return(ceiling(product))
  }
  ceiling(product - 1e-9 * max(1, product))
}
