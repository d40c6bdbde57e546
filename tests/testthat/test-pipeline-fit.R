test_that("predict() returns tidy class and probability columns", {
  d <- logistic_data(500)
  fitted <- fit(imb_pipeline(scale = step_scale(), clf = model_logistic()), y ~ ., data = d)
  prob <- predict(fitted, d, type = "prob")
  expect_named(prob, c(".pred_neg", ".pred_pos"))
  expect_equal(prob$.pred_neg + prob$.pred_pos, rep(1, nrow(d)))
  cls <- predict(fitted, d)
  expect_named(cls, ".pred_class")
  expect_equal(levels(cls$.pred_class), c("neg", "pos"))
  expect_equal(cls$.pred_class == "pos", prob$.pred_pos > 0.5)
})

test_that("the outcome may be character; columns may be in any order at predict", {
  d <- logistic_data(500)
  d$y <- as.character(d$y)
  fitted <- fit(imb_pipeline(clf = model_logistic()), y ~ x1 + x3, data = d)
  expect_equal(fitted$blueprint$outcome_levels, c("neg", "pos"))
  shuffled <- d[c("x3", "y", "x1")]
  expect_equal(predict(fitted, shuffled, type = "prob"), predict(fitted, d, type = "prob"))
})

test_that("a saved and reloaded fit predicts the same", {
  d <- logistic_data(800)
  fitted <- fit(imb_pipeline(scale = step_scale(), clf = model_logistic(C = 0.5)), y ~ ., data = d)
  path <- withr::local_tempfile(fileext = ".rds")
  saveRDS(fitted, path)
  reloaded <- readRDS(path)
  expect_identical(predict(reloaded, d, type = "prob"), predict(fitted, d, type = "prob"))
})

test_that("a fresh R session predicts the same from a saved fit", {
  skip_if_not_installed("callr")
  skip_if_not(nzchar(Sys.getenv("_R_CHECK_PACKAGE_NAME_")), "needs the installed package")
  d <- logistic_data(300)
  fitted <- fit(imb_pipeline(scale = step_scale(), clf = model_logistic()), y ~ ., data = d)
  path <- withr::local_tempfile(fileext = ".rds")
  saveRDS(list(fitted = fitted, d = d), path)
  fresh <- callr::r(function(path) {
    library(smotelab)
    obj <- readRDS(path)
    stats::predict(obj$fitted, obj$d, type = "prob")
  }, args = list(path = path))
  expect_identical(fresh, predict(fitted, d, type = "prob"))
})

test_that("imb_pipeline() checks its elements", {
  expect_snapshot(error = TRUE, imb_pipeline())
  expect_snapshot(error = TRUE, imb_pipeline(scale = step_scale()))
  expect_snapshot(error = TRUE, imb_pipeline(clf = model_logistic(), scale = step_scale()))
  expect_snapshot(error = TRUE, imb_pipeline(a = step_scale(), a = model_logistic()))
  expect_snapshot(error = TRUE, imb_pipeline(scale = "scale", clf = model_logistic()))
  expect_snapshot(error = TRUE, imb_pipeline(my__step = step_scale(), clf = model_logistic()))
  expect_named(imb_pipeline(step_scale(), model_logistic())$elements, c("scale", "logistic"))
})

test_that("fit() gives classed errors for bad training data", {
  pipe <- imb_pipeline(clf = model_logistic())
  d <- logistic_data(100)
  expect_snapshot(error = TRUE, fit(pipe, y ~ ., data = d[0, ]))
  expect_snapshot(error = TRUE, fit(pipe, y ~ ., data = "d"))
  expect_snapshot(error = TRUE, fit(pipe, ~x1, data = d))
  expect_snapshot(error = TRUE, fit(pipe, y ~ log(x1), data = d))
  expect_snapshot(error = TRUE, fit(pipe, y ~ x1 + nope, data = d))
  expect_snapshot(error = TRUE, fit(pipe, outcome ~ x1, data = d))

  na_x <- d
  na_x$x2[c(3, 7)] <- NA
  expect_snapshot(error = TRUE, fit(pipe, y ~ ., data = na_x))
  inf_x <- d
  inf_x$x1[1] <- Inf
  expect_snapshot(error = TRUE, fit(pipe, y ~ ., data = inf_x))
  na_y <- d
  na_y$y[5] <- NA
  expect_snapshot(error = TRUE, fit(pipe, y ~ ., data = na_y))
  one <- d[d$y == "neg", ]
  expect_snapshot(error = TRUE, fit(pipe, y ~ ., data = one))
  three <- d
  three$y <- factor(rep(c("a", "b", "c"), length.out = nrow(d)))
  expect_snapshot(error = TRUE, fit(pipe, y ~ ., data = three))
  numeric_y <- d
  numeric_y$y <- as.numeric(d$y)
  expect_snapshot(error = TRUE, fit(pipe, y ~ ., data = numeric_y))
  dates <- d
  dates$when <- as.Date("2020-01-01") + seq_len(nrow(d))
  expect_snapshot(error = TRUE, fit(pipe, y ~ ., data = dates))
  expect_snapshot(error = TRUE, fit(pipe, y ~ ., data = d, n_threads = 0))
  expect_snapshot(error = TRUE, fit(pipe, y ~ ., data = d, seed = -1))
  expect_error(fit(pipe, y ~ ., data = d, n_threads = 0), class = "smotelab_error")
})

test_that("the scan for non-finite values finds one anywhere, with any thread count", {
  # More rows than one piece of the threaded scan (65536), the bad value late
  # in the last column, so that a scan stopping early would miss it.
  n <- 70000
  d <- data.frame(x1 = rep(c(-1, 1), n / 2), x2 = seq_len(n) / n, x3 = cos(seq_len(n)))
  d$y <- factor(ifelse(d$x3 > 0, "pos", "neg"), levels = c("neg", "pos"))
  pipe <- imb_pipeline(clf = model_logistic())
  for (threads in 1:2) {
    bad <- d
    bad$x3[n - 3] <- -Inf
    err <- expect_error(fit(pipe, y ~ ., data = bad, n_threads = threads), class = "smotelab_error_infinite")
    expect_match(conditionMessage(err), "x3")
    bad$x3[n - 3] <- 0
    bad$x2[66000] <- NaN
    err <- expect_error(fit(pipe, y ~ ., data = bad, n_threads = threads), class = "smotelab_error_missing")
    expect_match(conditionMessage(err), "x2")
  }
})

test_that("predict() gives classed errors for data unlike the training data", {
  d <- logistic_data(200)
  d$group <- factor(rep(c("a", "b"), length.out = nrow(d)))
  fitted <- fit(imb_pipeline(clf = model_logistic()), y ~ ., data = d)
  expect_snapshot(error = TRUE, predict(fitted, d[c("x1", "x2")]))
  unseen <- d
  unseen$group <- factor(rep(c("a", "z"), length.out = nrow(d)))
  expect_snapshot(error = TRUE, predict(fitted, unseen))
  as_text <- d
  as_text$x1 <- as.character(d$x1)
  expect_snapshot(error = TRUE, predict(fitted, as_text))
  na_new <- d
  na_new$x3[2] <- NA
  expect_snapshot(error = TRUE, predict(fitted, na_new))
  expect_snapshot(error = TRUE, predict(fitted, d, type = "response"))
  expect_snapshot(error = TRUE, predict(fitted, d[0, ]))
})

# issue 11, item 12: a matrix column reached C++ and raised a raw Rcpp error.
test_that("a matrix column is refused with a classed error at fit and predict", {
  d <- logistic_data(100)
  pipe <- imb_pipeline(clf = model_logistic())
  bad <- d
  bad$m <- matrix(rnorm(200), ncol = 2)
  expect_error(fit(pipe, y ~ ., bad, seed = 1, n_threads = 1), class = "smotelab_error_type")
  fitted <- fit(pipe, y ~ ., d, seed = 1, n_threads = 1)
  bad <- d
  bad$x1 <- matrix(rnorm(200), ncol = 2)
  expect_error(predict(fitted, bad), class = "smotelab_error_type")
})

# issue 11, item 14: NA as a factor level was reported as "0 infinite values".
test_that("a factor predictor with NA as a level says so", {
  d <- logistic_data(100)
  d$f <- addNA(factor(sample(c("u", NA), nrow(d), replace = TRUE)))
  err <- expect_error(fit(imb_pipeline(clf = model_logistic()), y ~ ., d, seed = 1, n_threads = 1),
    class = "smotelab_error_missing"
  )
  expect_match(conditionMessage(err), "is one of its factor levels", fixed = TRUE)
  expect_no_match(conditionMessage(err), "infinite", fixed = TRUE)
})

test_that("summary() of a fit gives its steps, class counts before and after resampling, and the model's part", {
  d <- logistic_data(400)
  pipe <- imb_pipeline(scale = step_scale(), over = step_smote(sampling_strategy = 0.8), clf = model_logistic())
  fitted <- fit(pipe, y ~ ., data = d, seed = 3, n_threads = 1)
  s <- summary(fitted)
  expect_s3_class(s, "smotelab_fit_summary")
  expect_identical(s$steps, c(scale = "scale", over = "smote(k_neighbors = 5, sampling_strategy = 0.8)"))
  expect_identical(s$n_rows, nrow(d))
  expect_identical(s$predictors, paste0("x", 1:4))
  n <- as.vector(table(d$y))
  expect_identical(s$class_counts$class, c("neg", "pos"))
  expect_identical(s$class_counts$before, n)
  expect_identical(s$class_counts$after, c(n[1], as.integer(floor(0.8 * n[1]))))
  expect_identical(s$coefficients$term, names(coef(fitted)))
  expect_identical(s$coefficients$estimate, unname(coef(fitted)))
  expect_true(s$converged)
  expect_snapshot(print(s))
  expect_invisible(print(s))
  expect_identical(withVisible(print(fitted))$value, fitted)
  expect_identical(utils::capture.output(print(fitted))[seq_along(format(fitted))], format(fitted))
})

test_that("summary() of forest and boosting fits carries their importance and trees", {
  d <- logistic_data(300)
  forest <- fit(imb_pipeline(clf = model_forest(n_trees = 10)), y ~ ., data = d, seed = 1, n_threads = 1)
  s <- summary(forest)
  expect_identical(s$importance, feature_importance(forest))
  expect_identical(s$trees, 10L)
  expect_equal(s$mean_depth, mean(forest$state$model$depth))
  expect_identical(s$class_counts$before, s$class_counts$after)
  expect_snapshot(print(s))
  boost <- fit(imb_pipeline(clf = model_boost(n_rounds = 100, early_stopping_rounds = 3)), y ~ .,
    data = d,
    seed = 1, n_threads = 1
  )
  b <- summary(boost)
  expect_identical(b$best_iteration, boost$state$model$best_iteration)
  expect_identical(b$trees, b$best_iteration)
  expect_lt(b$best_iteration, b$rounds)
  expect_identical(b$validation_score, boost$state$model$eval_history[b$best_iteration])
  plain <- summary(fit(imb_pipeline(clf = model_boost(n_rounds = 4)), y ~ ., data = d, seed = 1, n_threads = 1))
  expect_identical(plain$trees, 4L)
  expect_true(is.na(plain$best_iteration))
  expect_snapshot(print(plain))
  expect_error(coef(forest), "logistic regression only", class = "smotelab_error_argument")
})
