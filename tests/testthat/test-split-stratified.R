sklearn <- readRDS(test_path("data", "sklearn-split-data.rds"))

# Rows of class 1, 2, ... in turn, with an id column to track them.
class_data <- function(counts) {
  tibble::tibble(
    id = seq_len(sum(counts)),
    x = rnorm(sum(counts)),
    y = factor(rep(paste0("c", seq_along(counts)), counts), paste0("c", seq_along(counts)))
  )
}

# A data set whose rows are not sorted by class.
mixed_data <- function(counts, seed) {
  withr::with_seed(seed, {
    d <- class_data(counts)
    d$y <- d$y[sample(nrow(d))]
    d
  })
}

# ---- split_stratified() --------------------------------------------------

test_that("test rows per class match scikit-learn's stratified train_test_split", {
  for (case in sklearn$train_test_split) {
    d <- mixed_data(case$counts, 1)
    for (seed in 1:3) {
      parts <- split_stratified(d, y, test_size = case$test_size, seed = seed)
      expect_equal(as.vector(table(parts$test$y)), case$test_counts,
        info = paste(case$counts, collapse = "/")
      )
      expect_equal(as.vector(table(parts$train$y)), case$counts - case$test_counts)
    }
  }
})

test_that("ties in the fractional shares go to either class", {
  # 7 and 5 rows, 6 test rows: the training shares 3.5 and 2.5 tie.
  d <- class_data(c(7, 5))
  seen <- vapply(1:40, function(s) {
    paste(table(split_stratified(d, y, test_size = 0.5, seed = s)$test$y), collapse = "/")
  }, character(1))
  expect_setequal(unique(seen), c("4/2", "3/3"))
})

test_that("train and test partition the data and keep its row order", {
  d <- mixed_data(c(40, 13, 7), 2)
  parts <- split_stratified(d, y, test_size = 0.3, seed = 5)
  expect_named(parts, c("train", "test"))
  expect_s3_class(parts$train, "tbl_df")
  expect_s3_class(parts$test, "tbl_df")
  expect_equal(nrow(parts$test), ceiling(0.3 * 60))
  expect_equal(sort(c(parts$train$id, parts$test$id)), d$id)
  expect_false(is.unsorted(parts$train$id))
  expect_false(is.unsorted(parts$test$id))
  rejoined <- rbind(parts$train, parts$test)
  expect_equal(rejoined[order(rejoined$id), ], d)
})

test_that("test_size can be a whole number of rows", {
  d <- mixed_data(c(51, 49), 3)
  parts <- split_stratified(d, "y", test_size = 17, seed = 1)
  expect_equal(nrow(parts$test), 17)
  expect_equal(nrow(parts$train), 83)
})

test_that("0.1 of 30 rows is 3 test rows, not 4", {
  parts <- split_stratified(class_data(c(20, 10)), y, test_size = 0.1, seed = 1)
  expect_equal(nrow(parts$test), 3)
})

test_that("the test rows within a class are a random choice", {
  d <- class_data(c(50, 50))
  firsts <- vapply(1:5, function(s) split_stratified(d, y, seed = s)$test$id[1], integer(1))
  expect_gt(length(unique(firsts)), 1)
  # Every row can land in the test set.
  tested <- unique(unlist(lapply(1:60, function(s) split_stratified(d, y, seed = s)$test$id)))
  expect_setequal(tested, d$id)
})

test_that("split_stratified() is reproducible and set.seed() governs seed = NULL", {
  d <- mixed_data(c(30, 10), 4)
  expect_identical(split_stratified(d, y, seed = 9), split_stratified(d, y, seed = 9))
  expect_false(identical(split_stratified(d, y, seed = 9), split_stratified(d, y, seed = 10)))
  a <- withr::with_seed(3, split_stratified(d, y))
  b <- withr::with_seed(3, split_stratified(d, y))
  expect_identical(a, b)
})

test_that("outcome can be bare, quoted or held in a variable, and of any class type", {
  d <- mixed_data(c(30, 10), 5)
  column <- "y"
  expect_identical(split_stratified(d, y, seed = 1), split_stratified(d, "y", seed = 1))
  expect_identical(split_stratified(d, y, seed = 1), split_stratified(d, column, seed = 1))
  d$chr <- as.character(d$y)
  d$lgl <- d$y == "c2"
  d$int <- as.integer(d$y)
  ids <- split_stratified(d, y, seed = 1)$test$id
  expect_identical(split_stratified(d, chr, seed = 1)$test$id, ids)
  expect_identical(split_stratified(d, lgl, seed = 1)$test$id, ids)
  expect_identical(split_stratified(d, int, seed = 1)$test$id, ids)
})

test_that("unused factor levels do not count as classes", {
  d <- class_data(c(30, 10))
  d$y <- factor(d$y, levels = c("c1", "c2", "unused"))
  parts <- split_stratified(d, y, seed = 2)
  expect_equal(as.vector(table(parts$test$y)), c(7, 3, 0))
})

test_that("split_stratified() works on pima", {
  parts <- split_stratified(pima, diabetes, seed = 1)
  expect_equal(as.vector(table(parts$test$diabetes)), c(125, 67))
})

test_that("split_stratified() rejects bad input", {
  d <- class_data(c(8, 4))
  expect_snapshot(error = TRUE, split_stratified(list(y = 1), y))
  expect_snapshot(error = TRUE, split_stratified(d[0, ], y))
  expect_snapshot(error = TRUE, split_stratified(d, nope))
  expect_snapshot(error = TRUE, split_stratified(d, x))
  d_na <- d
  d_na$y[c(2, 5)] <- NA
  expect_snapshot(error = TRUE, split_stratified(d_na, y))
  expect_snapshot(error = TRUE, split_stratified(d[1:8, ], y))
  expect_snapshot(error = TRUE, split_stratified(class_data(c(10, 1)), y))
  expect_snapshot(error = TRUE, split_stratified(d, y, test_size = 0))
  expect_snapshot(error = TRUE, split_stratified(d, y, test_size = 12))
  expect_snapshot(error = TRUE, split_stratified(d, y, test_size = 2.5))
  expect_snapshot(error = TRUE, split_stratified(d, y, test_size = "a"))
  expect_snapshot(error = TRUE, split_stratified(d, y, test_size = 1))
  expect_snapshot(error = TRUE, split_stratified(d, y, test_size = 0.99))
  expect_snapshot(error = TRUE, split_stratified(d, y, seed = 1.5))
})

# ---- folds_stratified() ---------------------------------------------------

# Rows per fold and class as a plain integer matrix.
fold_table <- function(fold, y, v) {
  unclass(table(factor(fold, seq_len(v)), y))
}

test_that("rows per fold and class match scikit-learn's StratifiedKFold", {
  for (case in sklearn$stratified_kfold) {
    d <- class_data(case$counts)
    folds <- folds_stratified(d, y, v = case$v, seed = 1)
    expect_equal(fold_table(folds$repeat_1, d$y, case$v), case$table,
      ignore_attr = TRUE, info = paste(case$counts, collapse = "/")
    )
  }
})

test_that("fold class counts differ by at most one, for many sizes", {
  for (n in c(10, 37, 100, 503)) {
    for (v in c(2, 3, 5, 10)) {
      counts <- c(n, max(v, ceiling(n / 3)), v + 1)
      d <- mixed_data(counts, n + v)
      folds <- folds_stratified(d, y, v = v, repeats = 2, seed = n * v)
      for (r in 1:2) {
        tab <- fold_table(folds[[r]], d$y, v)
        expect_true(all(apply(tab, 2, function(k) max(k) - min(k)) <= 1), info = c(n, v))
        expect_equal(colSums(tab), counts, ignore_attr = TRUE)
        sizes <- rowSums(tab)
        expect_lte(max(sizes) - min(sizes), 1)
        expect_true(all(folds[[r]] %in% seq_len(v)))
      }
    }
  }
})

test_that("folds_stratified() returns a classed tibble with one column per repeat", {
  d <- mixed_data(c(30, 12), 6)
  folds <- folds_stratified(d, "y", v = 4, repeats = 3, seed = 2)
  expect_s3_class(folds, c("smotelab_folds", "tbl_df", "tbl", "data.frame"), exact = TRUE)
  expect_named(folds, c("repeat_1", "repeat_2", "repeat_3"))
  expect_equal(nrow(folds), 42)
  expect_true(all(vapply(folds, is.integer, logical(1))))
  expect_identical(attr(folds, "v"), 4L)
  expect_identical(attr(folds, "repeats"), 3L)
})

test_that("repeats differ, and each repeat has its own stream", {
  d <- mixed_data(c(60, 20), 7)
  folds <- folds_stratified(d, y, v = 5, repeats = 3, seed = 11)
  expect_false(identical(folds$repeat_1, folds$repeat_2))
  expect_false(identical(folds$repeat_2, folds$repeat_3))
  single <- folds_stratified(d, y, v = 5, repeats = 1, seed = 11)
  expect_identical(single$repeat_1, folds$repeat_1)
})

test_that("folds_stratified() is reproducible and set.seed() governs seed = NULL", {
  d <- mixed_data(c(25, 10), 8)
  expect_identical(folds_stratified(d, y, seed = 3), folds_stratified(d, y, seed = 3))
  expect_false(identical(
    folds_stratified(d, y, seed = 3)$repeat_1,
    folds_stratified(d, y, seed = 4)$repeat_1
  ))
  a <- withr::with_seed(5, folds_stratified(d, y))
  b <- withr::with_seed(5, folds_stratified(d, y))
  expect_identical(a, b)
})

test_that("each class is shuffled across folds, not dealt in row order", {
  d <- class_data(c(50, 50))
  folds <- folds_stratified(d, y, v = 5, seed = 1)
  expect_true(is.unsorted(folds$repeat_1[d$y == "c1"]))
  expect_true(is.unsorted(folds$repeat_1[d$y == "c2"]))
})

# pillar 1.9 changed tibble's footer from "# ... with 9 more rows" to
# "# i 9 more rows"; tidymodels' packages need the newer one.
pillar_footer <- function(lines) sub("^(\\s*)# (\\.\\.\\. with|i) ([0-9]+ more rows)", "\\1# \\3", lines)

test_that("printing folds shows rows per fold and class", {
  folds <- folds_stratified(pima, diabetes, v = 5, repeats = 2, seed = 1)
  expect_snapshot(print(folds), transform = pillar_footer)
  expect_snapshot(print(folds_stratified(class_data(c(7, 5)), y, v = 3, seed = 1), n = 3), transform = pillar_footer)
})

test_that("folds_stratified() rejects bad input", {
  d <- class_data(c(8, 3))
  expect_snapshot(error = TRUE, folds_stratified("data", y))
  expect_snapshot(error = TRUE, folds_stratified(d, nope))
  d_na <- d
  d_na$y[1] <- NA
  expect_snapshot(error = TRUE, folds_stratified(d_na, y))
  expect_snapshot(error = TRUE, folds_stratified(d[1:8, ], y))
  expect_snapshot(error = TRUE, folds_stratified(d, y, v = 5))
  pos <- tibble::tibble(diabetes = factor(rep(c("neg", "pos"), c(20, 3))))
  expect_snapshot(error = TRUE, folds_stratified(pos, diabetes))
  expect_snapshot(error = TRUE, folds_stratified(d, y, v = 1))
  expect_snapshot(error = TRUE, folds_stratified(d, y, v = 2.5))
  expect_snapshot(error = TRUE, folds_stratified(d, y, v = 2, repeats = 0))
  expect_snapshot(error = TRUE, folds_stratified(d, y, v = 2, repeats = 1e9))
  expect_snapshot(error = TRUE, folds_stratified(d, y, v = 1e10))
  expect_snapshot(error = TRUE, folds_stratified(d, y, v = 2, seed = "a"))
})

# ---- numpy-exact streams (issue 15) ----------------------------------------

test_that("rng = 'numpy' returns train_test_split(stratify = y)'s rows in its order (#15)", {
  for (case in numpy_refs()$train_test_split) {
    d <- data.frame(row = seq_along(case$y) - 1L, y = factor(case$y))
    parts <- split_stratified(d, y, test_size = case$test_size, seed = case$seed, rng = "numpy")
    label <- paste("seed", case$seed, "test_size", case$test_size)
    expect_identical(parts$train$row, as.integer(case$train), label = label)
    expect_identical(parts$test$row, as.integer(case$test), label = label)
  }
})

test_that("rng = 'numpy' folds equal StratifiedKFold(shuffle = True) and RepeatedStratifiedKFold (#15)", {
  for (case in numpy_refs()$stratified_kfold) {
    d <- data.frame(y = factor(case$y))
    folds <- withr::with_options(
      list(smotelab.rng = "numpy"),
      folds_stratified(d, y, v = case$v, repeats = case$repeats, seed = case$seed)
    )
    expected <- matrix(as.integer(case$folds) + 1L, ncol = case$repeats)
    expect_identical(unname(as.matrix(folds)), expected, label = paste("seed", case$seed))
  }
})

test_that("rng = 'numpy' counts test rows as Python does", {
  # 0.07 * 100 is 7.000000000000001 in floating point: scikit-learn's
  # train_test_split takes 8 test rows, smotelab's default 7.
  d <- data.frame(y = factor(rep(c("a", "b"), c(70, 30))))
  expect_identical(nrow(split_stratified(d, y, test_size = 0.07, seed = 1, rng = "numpy")$test), 8L)
  expect_identical(nrow(split_stratified(d, y, test_size = 0.07, seed = 1)$test), 7L)
})
