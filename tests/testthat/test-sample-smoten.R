# smoten() (issue 13): imbalanced-learn 0.10's SMOTEN counts
# (data/make-imblearn-oversample.py), the neighbour-mode rule checked against
# a value difference metric written here in R, threads, refusals, and the
# pipeline step.
smoten_ref <- function() readRDS(test_path("data", "imblearn-oversample.rds"))$smoten

# The rows SMOTEN may make for class `cls`: for each seed row of the class,
# the per-column mode (lowest level on ties) over the seed and its k nearest
# other rows of the class by the value difference metric, ties by row order.
smoten_candidates <- function(data, outcome, cls, k) {
  y <- data[[outcome]]
  cols <- setdiff(names(data), outcome)
  codes <- sapply(cols, function(v) as.integer(if (is.factor(data[[v]])) data[[v]] else factor(data[[v]])))
  codes <- matrix(codes, nrow(data))
  vdm <- lapply(seq_along(cols), function(j) {
    prob <- table(factor(codes[, j], levels = seq_len(max(codes[, j]))), y)
    prob <- prob / pmax(rowSums(prob), 1)
    as.matrix(stats::dist(prob, method = "manhattan"))^2
  })
  members <- which(y == cls)
  xc <- codes[members, , drop = FALSE]
  m <- length(members)
  dist <- matrix(0, m, m)
  for (j in seq_along(cols)) dist <- dist + vdm[[j]][xc[, j], xc[, j]]
  t(vapply(seq_len(m), function(s) {
    others <- setdiff(seq_len(m), s)
    hood <- c(s, others[order(dist[s, others], others)][seq_len(k)])
    vapply(seq_along(cols), function(j) {
      tab <- tabulate(xc[hood, j], nbins = max(codes[, j]))
      which.max(tab)
    }, integer(1))
  }, integer(length(cols))))
}

row_codes <- function(data, cols) {
  matrix(sapply(cols, function(v) as.integer(if (is.factor(data[[v]])) data[[v]] else factor(data[[v]]))), nrow(data))
}

test_that("smoten() grows classes to imbalanced-learn's counts", {
  ref <- smoten_ref()
  for (case in ref$cases) {
    out <- smoten(ref$data, y, sampling_strategy = case$strategy, seed = 1)
    expect_identical(c(table(out$y)), case$counts)
  }
})

test_that("every smoten() row is the neighbourhood mode of a seed row of its class", {
  d <- smoten_ref()$data
  for (k in c(2, 5)) {
    out <- smoten(d, y, k_neighbors = k, seed = 4, .synthetic = TRUE)
    expect_identical(as.data.frame(out[seq_len(nrow(d)), names(d)]), d)
    new <- out[out$.synthetic, names(d)]
    expect_true(all(new$y == "pos"))
    cols <- c("colour", "size", "shape")
    # Codes of the new rows in the levels of the original columns.
    new_codes <- sapply(cols, function(v) match(as.character(new[[v]]), levels(factor(d[[v]]))))
    allowed <- smoten_candidates(d, "y", "pos", k)
    key <- function(m) apply(m, 1, paste, collapse = "-")
    expect_true(all(key(new_codes) %in% key(allowed)))
    # Many different seeds were drawn, not one row copied.
    expect_gt(length(unique(key(new_codes))), 3)
  }
})

test_that("smoten() keeps each column's type and levels", {
  d <- smoten_ref()$data
  d$flag <- rep(c(TRUE, FALSE, FALSE), length.out = nrow(d))
  out <- smoten(d, "y", seed = 2, n_threads = 1)
  expect_identical(levels(out$colour), levels(d$colour))
  expect_type(out$size, "character")
  expect_type(out$flag, "logical")
  expect_true(all(out$size %in% d$size))
  expect_false(anyNA(out))
})

test_that("smoten() does not depend on the number of threads, but on the seed", {
  d <- smoten_ref()$data
  big <- d[rep(seq_len(nrow(d)), 30), ]
  a <- smoten(big, y, seed = 11, n_threads = 1)
  expect_identical(smoten(big, y, seed = 11, n_threads = 2), a)
  expect_false(identical(smoten(big, y, seed = 12, n_threads = 1), a))
  b <- withr::with_seed(5, smoten(d, y, n_threads = 1))
  expect_identical(withr::with_seed(5, smoten(d, y, n_threads = 2)), b)
})

test_that("step_smoten() resamples the training rows as smoten() does (issue 13)", {
  d <- smoten_ref()$data
  d$flag <- rep(c(TRUE, FALSE, FALSE), length.out = nrow(d))
  pipe <- imb_pipeline(sn = step_smoten(k_neighbors = 3, sampling_strategy = 0.8), clf = model_logistic(C = 1))
  fitted <- fit(pipe, y ~ ., d, seed = 5)
  resampled <- smoten(d, y, k_neighbors = 3, sampling_strategy = 0.8, seed = pipeline_step_seed_cpp(5, 0))
  by_hand <- fit(imb_pipeline(clf = model_logistic(C = 1)), y ~ ., resampled, seed = 1)
  expect_identical(coef(fitted), coef(by_hand))
  expect_identical(unname(fitted$state$fit_counts), c(150L, 120L))
  metrics <- c("roc_auc", "f1")
  cv <- cross_validate(pipe, y ~ ., d, folds = 3, metrics = metrics, seed = 8)
  folds <- folds_stratified(d, y, v = 3, seed = 8)
  for (k in 1:3) {
    train <- d[folds$repeat_1 != k, ]
    resampled <- smoten(train, y, k_neighbors = 3, sampling_strategy = 0.8, seed = pipeline_step_seed_cpp(8 + k - 1, 0))
    model <- fit(imb_pipeline(clf = model_logistic(C = 1)), y ~ ., resampled, seed = 1)
    by_hand <- evaluate(model, d[folds$repeat_1 == k, ])
    expect_identical(cv$.estimate[cv$fold == k], by_hand$.estimate[match(metrics, by_hand$.metric)])
  }
})

test_that("smoten() and step_smoten() explain bad input", {
  d <- smoten_ref()$data
  with_number <- d
  with_number$x <- seq_len(nrow(d))
  expect_snapshot(error = TRUE, smoten(with_number, y))
  expect_error(smoten(with_number, y), class = "smotelab_error_type")
  expect_snapshot(error = TRUE, smoten(d["y"], y))
  expect_error(smoten(d["y"], y), class = "smotelab_error_type")
  with_na <- d
  with_na$size[3] <- NA
  expect_snapshot(error = TRUE, smoten(with_na, y))
  small <- d[c(1:30, 151:153), ]
  expect_snapshot(error = TRUE, smoten(small, y))
  expect_error(smoten(small, y), class = "smotelab_error_too_few_rows")
  pipe <- imb_pipeline(sn = step_smoten(), clf = model_logistic())
  expect_snapshot(error = TRUE, fit(pipe, y ~ ., with_number, seed = 1))
  expect_error(fit(pipe, y ~ ., with_number, seed = 1), class = "smotelab_error_type")
})
