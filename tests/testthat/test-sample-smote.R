grid_with_duplicates <- function(n, p, seed) {
  withr::with_seed(seed, {
    x <- matrix(sample(0:2, n * p, replace = TRUE), n, p)
    x[seq(2, n, by = 7), ] <- x[seq(1, n - 1, by = 7), ]
    x
  })
}

test_that("knn equals a brute-force reference for both algorithms, with duplicates and ties", {
  for (p in c(2, 20)) {
    x <- grid_with_duplicates(150, p, seed = p)
    ref <- knn_reference(x, x, 6, self = seq_len(nrow(x)))
    for (algorithm in c("kd_tree", "brute_force", "auto")) {
      for (threads in 1:2) {
        got <- knn_impl(x, 6, n_threads = threads, algorithm = algorithm)
        expect_identical(got$index, ref$index)
        expect_equal(got$dist2, ref$dist2)
      }
    }
    # Duplicate rows are each other's neighbour at distance 0.
    got <- knn_impl(x, 1)
    expect_identical(got$index[1, 1], 2L)
    expect_identical(got$index[2, 1], 1L)
    expect_identical(got$dist2[1:2, 1], c(0, 0))
  }
})

test_that("knn of query rows among reference rows excludes a query's own row by index only", {
  x <- withr::with_seed(3, matrix(stats::rnorm(400 * 3), ncol = 3))
  x[11, ] <- x[10, ]
  q <- x[c(10, 11, 50, 77), ]
  self <- c(10L, NA, 50L, NA)
  ref <- knn_reference(x, q, 4, self = self)
  for (algorithm in c("kd_tree", "brute_force")) {
    got <- knn_impl(x, 4, query = q, self = self, algorithm = algorithm)
    expect_identical(got$index, ref$index)
    expect_equal(got$dist2, ref$dist2)
  }
  # Query row 2 is row 11 but not excluded: it finds itself and its twin at 0.
  expect_identical(sort(knn_impl(x, 2, query = q, self = self)$index[2, ]), c(10L, 11L))
})

test_that("smote() adds the asked rows, originals first and unchanged", {
  d <- smote_data()
  out <- smote(d, class, seed = 1, n_threads = 1)
  expect_s3_class(out, "tbl_df")
  expect_identical(names(out), names(d))
  expect_identical(nrow(out), 400L)
  expect_equal(as.data.frame(out[1:230, ]), d)
  expect_identical(levels(out$class), levels(d$class))
  expect_true(all(out$class[231:400] == "minority"))
})

test_that("every synthetic row lies between its seed and one of the seed's k nearest same-class neighbours", {
  d <- smote_data(n_minor = 25, p = 3)
  for (k in c(1, 5)) {
    out <- smote(d, "class", k_neighbors = k, sampling_strategy = c(minority = 80), seed = 2, n_threads = 1)
    synthetic <- out[-seq_len(nrow(d)), ]
    expect_true(all(on_some_segment(d, synthetic, c("x1", "x2", "x3"), "class", k)))
  }
  # A row that lies on no such segment is caught by the check.
  fake <- synthetic[1, ]
  fake$x1 <- fake$x1 + 10
  expect_false(on_some_segment(d, fake, c("x1", "x2", "x3"), "class", 5))
})

test_that("seed and neighbour rows reported by the core are k nearest same-class neighbours", {
  d <- smote_data(n_minor = 40, p = 4)
  x <- as.matrix(d[1:4])
  y <- as.integer(d$class) - 1L
  res <- smote_cpp(as.list(d[1:4]), y, c(0L, 300L), 3L, 7, 2L, "auto", levels(d$class))
  # Each column comes back whole: the original values, then the new ones.
  expect_identical(lapply(res$columns, `[`, seq_len(nrow(d))), as.list(d[1:4]))
  x_new <- sapply(res$columns, `[`, -seq_len(nrow(d)))
  minority <- which(y == 1L)
  nn <- knn_reference(x[minority, ], x[minority, ], 3, self = seq_along(minority))$index
  allowed <- cbind(minority[rep(seq_along(minority), 3)], minority[c(nn)])
  expect_true(all(paste(res$seed_row, res$neighbour_row) %in% paste(allowed[, 1], allowed[, 2])))
  gap <- (x_new[, 1] - x[res$seed_row, 1]) / (x[res$neighbour_row, 1] - x[res$seed_row, 1])
  expect_true(all(gap >= 0 & gap < 1))
  expect_equal(x_new, x[res$seed_row, ] + gap * (x[res$neighbour_row, ] - x[res$seed_row, ]),
    ignore_attr = TRUE
  )
})

test_that("duplicate rows are neighbours: a class of copies yields copies", {
  d <- data.frame(
    x1 = c(stats::rnorm(20), rep(3, 6)), x2 = c(stats::rnorm(20), rep(-1, 6)),
    y = rep(c("a", "b"), c(20, 6))
  )
  out <- smote(d, y, seed = 1, n_threads = 1)
  expect_identical(out$x1[27:40], rep(3, 14))
  expect_identical(out$x2[27:40], rep(-1, 14))
})

test_that("smote() works with several classes and a character outcome", {
  d <- withr::with_seed(4, data.frame(
    a = stats::rnorm(130), b = stats::rnorm(130),
    y = rep(c("low", "mid", "high"), c(100, 20, 10))
  ))
  out <- smote(d, y, seed = 3, n_threads = 1, .synthetic = TRUE)
  expect_type(out$y, "character")
  expect_identical(c(table(out$y)), c(high = 100L, low = 100L, mid = 100L))
  expect_identical(out$.synthetic, rep(c(FALSE, TRUE), c(130, 170)))
  synthetic <- out[out$.synthetic, ]
  # Classes grow in level order: "high" then "mid".
  expect_identical(synthetic$y, rep(c("high", "mid"), c(90, 80)))
  expect_true(all(on_some_segment(d, synthetic, c("a", "b"), "y", 5)))
})

test_that("integer predictors come back as doubles", {
  d <- data.frame(n = c(1:30, 101:110), y = factor(rep(c("a", "b"), c(30, 10))))
  out <- smote(d, y, k_neighbors = 3, seed = 1, n_threads = 1)
  expect_type(out$n, "double")
  expect_true(all(out$n[41:60] >= 101 & out$n[41:60] <= 110))
})

test_that("same seed, same output, for 1 and 2 threads and both neighbour algorithms", {
  d <- smote_data(n_major = 9000, n_minor = 400, p = 3)
  a <- smote(d, class, seed = 11, n_threads = 1)
  expect_identical(smote(d, class, seed = 11, n_threads = 2), a)
  withr::with_options(list(smotelab.knn_algorithm = "brute_force"), {
    expect_identical(smote(d, class, seed = 11, n_threads = 2), a)
  })
  expect_false(identical(smote(d, class, seed = 12, n_threads = 1), a))
  b <- withr::with_seed(5, smote(d, class, n_threads = 1))
  expect_identical(withr::with_seed(5, smote(d, class, n_threads = 2)), b)
})

test_that("smote() explains bad input", {
  d <- smote_data(n_minor = 4)
  expect_snapshot(error = TRUE, smote(d, class))
  expect_snapshot(error = TRUE, smote(d, class, k_neighbors = 0))
  expect_snapshot(error = TRUE, smote(d, class, k_neighbors = 2.5))
  d2 <- smote_data()
  d2$x1[c(3, 8)] <- NA
  d2$x2[5] <- Inf
  expect_snapshot(error = TRUE, smote(d2, class))
  d3 <- smote_data()
  d3$colour <- "red"
  d3$size <- factor("big")
  expect_snapshot(error = TRUE, smote(d3, class))
  d4 <- smote_data()
  d4$class[2] <- NA
  expect_snapshot(error = TRUE, smote(d4, class))
  expect_snapshot(error = TRUE, smote(smote_data(), x1))
  expect_snapshot(error = TRUE, smote(smote_data(), outcome_column))
  d5 <- smote_data()
  levels(d5$class) <- c("majority", "minority")
  d5$class <- factor(d5$class, levels = c("majority", "minority", "other"))
  expect_snapshot(error = TRUE, smote(d5, class))
  d6 <- smote_data()[1:200, ]
  expect_snapshot(error = TRUE, smote(d6, class))
  d6$class <- as.character(d6$class)
  expect_snapshot(error = TRUE, smote(d6, class))
  expect_snapshot(error = TRUE, smote(smote_data(), class, .synthetic = NA))
  expect_snapshot(error = TRUE, smote(smote_data()["class"], class))
  expect_snapshot(error = TRUE, smote(list(a = 1), class))
})

test_that("step_smote() records and checks its parameters", {
  step <- step_smote(k_neighbors = 3, sampling_strategy = 0.75)
  expect_s3_class(step, c("smotelab_step_smote", "smotelab_step"))
  expect_identical(step$type, "smote")
  expect_identical(step$params, list(k_neighbors = 3L, sampling_strategy = 0.75))
  expect_identical(step_smote(sampling_strategy = c(pos = 100))$params$sampling_strategy, c(pos = 100))
  expect_snapshot(step_smote())
  expect_snapshot(error = TRUE, step_smote(k_neighbors = 0))
  expect_snapshot(error = TRUE, step_smote(sampling_strategy = "majority"))
  expect_snapshot(error = TRUE, step_smote(sampling_strategy = 2))
  expect_snapshot(error = TRUE, step_smote(sampling_strategy = c(a = 1, b = 2, c = 3)))
})

# issue 11, item 12: a matrix column reached C++ and raised a raw Rcpp error.
test_that("a matrix column is refused with a classed error by every resampler", {
  d <- smote_data(n_minor = 20, p = 2)
  d$m <- matrix(rnorm(2 * nrow(d)), ncol = 2)
  for (f in list(smote, borderline_smote, adasyn)) {
    err <- expect_error(f(d, class, seed = 1, n_threads = 1), class = "smotelab_error_type")
    expect_match(conditionMessage(err), "plain vector columns", fixed = TRUE)
  }
})

# issue 11, item 15: a one-row class was told to lower k_neighbors to 0.
test_that("a one-row class is called too small for SMOTE", {
  d <- data.frame(x1 = c(rnorm(30), 5), x2 = c(rnorm(30), 5), class = factor(rep(c("a", "b"), c(30, 1))))
  err <- expect_error(smote(d, class, seed = 1, n_threads = 1), class = "smotelab_error_too_few_rows")
  expect_match(conditionMessage(err), "too small for SMOTE", fixed = TRUE)
  expect_no_match(conditionMessage(err), "at most 0", fixed = TRUE)
  expect_snapshot(smote(d, class, seed = 1, n_threads = 1), error = TRUE)
})

# ---- numpy-exact streams (issue 15) ----------------------------------------

numpy_strategy <- function(s) if (is.list(s)) unlist(s) else s

test_that("rng = 'numpy' equals imbalanced-learn's SMOTE(random_state = seed) row for row (#15)", {
  # Cases: binary auto and ratio, three classes with "not majority" and final
  # counts (a fresh RandomState per class), and duplicated minority rows.
  for (case in numpy_refs()$smote) {
    d <- numpy_frame(case$x, case$y)
    out <- smote(d, class,
      k_neighbors = case$k, sampling_strategy = numpy_strategy(case$strategy),
      seed = case$seed, n_threads = 2, rng = "numpy"
    )
    new <- out[-seq_len(nrow(d)), ]
    expect_equal(out[seq_len(nrow(d)), ], tibble::as_tibble(d))
    expect_equal(unname(as.matrix(new[, names(d) != "class"])),
      matrix(case$x_new, ncol = ncol(d) - 1, byrow = TRUE),
      tolerance = 1e-12
    )
    expect_identical(as.character(new$class), as.character(case$y_new))
  }
})

test_that("rng = 'numpy' SMOTE reproduces the lesson's resampled training set, on any number of threads (#15)", {
  ref <- numpy_refs()$smote_lesson
  withr::local_options(smotelab.rng = "numpy")
  d <- make_imbalanced(seed = 42)
  train <- split_stratified(d, class, seed = 42)$train
  one <- smote(train, class, seed = 42, n_threads = 1)
  two <- smote(train, class, seed = 42, n_threads = 2)
  expect_identical(one, two)
  new <- as.matrix(one[-seq_len(nrow(train)), 1:10])
  expect_identical(nrow(new), as.integer(ref$n_new))
  expect_equal(unname(colSums(new)), ref$col_sums, tolerance = 1e-12)
  expect_equal(unname(new[ref$rows, ]), matrix(ref$x_rows, ncol = 10, byrow = TRUE), tolerance = 1e-12)
})
