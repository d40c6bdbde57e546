cv_data <- function() make_imbalanced(n_samples = 800, weights = c(0.85, 0.15), seed = 3)
smote_pipe <- function(...) {
  imb_pipeline(scale = step_scale(), smote = step_smote(...), clf = model_logistic())
}

test_that("cross_validate() equals a hand-written loop over the same folds and seeds (no leakage)", {
  d <- cv_data()
  pipe <- smote_pipe(sampling_strategy = 0.75)
  metrics <- c("roc_auc", "f1_macro", "recall_macro", "pr_auc")
  cv <- cross_validate(pipe, class ~ ., d, folds = 4, metrics = metrics, seed = 11)
  folds <- folds_stratified(d, class, v = 4, seed = 11)
  for (k in 1:4) {
    train <- d[folds$repeat_1 != k, ]
    test <- d[folds$repeat_1 == k, ]
    fitted <- fit(pipe, class ~ ., train, seed = 11 + (k - 1))
    by_hand <- evaluate(fitted, test)
    got <- cv[cv$fold == k, ]
    expect_identical(got$.estimate, by_hand$.estimate[match(metrics, by_hand$.metric)])
  }
})

test_that("SMOTE inside the folds scores lower than SMOTE before the split", {
  d <- cv_data()
  inside <- summary(cross_validate(smote_pipe(), class ~ ., d, folds = 5, metrics = "recall", seed = 2))
  leaked <- smote(d, class, seed = 2)
  outside <- summary(cross_validate(imb_pipeline(scale = step_scale(), clf = model_logistic()), class ~ ., leaked,
    folds = 5, metrics = "recall", seed = 2
  ))
  expect_gt(outside$mean, inside$mean)
})

test_that("results do not depend on n_threads and follow the seed", {
  d <- cv_data()
  pipe <- smote_pipe()
  one <- cross_validate(pipe, class ~ ., d, seed = 5, n_threads = 1)
  two <- cross_validate(pipe, class ~ ., d, seed = 5, n_threads = 2)
  expect_identical(one, two)
  other <- cross_validate(pipe, class ~ ., d, seed = 6, n_threads = 2)
  expect_false(identical(one$.estimate, other$.estimate))
  withr::with_seed(9, a <- cross_validate(pipe, class ~ ., d))
  withr::with_seed(9, b <- cross_validate(pipe, class ~ ., d))
  expect_identical(a, b)
})

test_that("repeated folds and summary()", {
  d <- cv_data()
  folds <- folds_stratified(d, class, v = 3, repeats = 2, seed = 1)
  cv <- cross_validate(smote_pipe(), class ~ ., d, folds = folds, metrics = c("f1", "average_precision"), seed = 1)
  expect_s3_class(cv, "smotelab_cv")
  expect_named(cv, c("repeat_id", "fold", ".metric", ".estimate"))
  expect_equal(nrow(cv), 3 * 2 * 2)
  s <- summary(cv)
  expect_named(s, c(".metric", "mean", "sd", "n"))
  expect_equal(s$.metric, c("f1", "average_precision"))
  expect_equal(s$n, c(6L, 6L))
  expect_equal(s$mean[1], mean(cv$.estimate[cv$.metric == "f1"]))
  expect_equal(s$sd[2], stats::sd(cv$.estimate[cv$.metric == "average_precision"]))
  built <- ggplot2::ggplot_build(autoplot(cv))
  expect_equal(nrow(built$data[[2]]), 12)
})

test_that("a multisession future plan gives the in-process results", {
  skip_if_not_installed("future")
  skip_if_not_installed("future.apply")
  skip_if_not(nzchar(Sys.getenv("_R_CHECK_PACKAGE_NAME_")), "workers need the installed package")
  d <- cv_data()
  pipe <- smote_pipe()
  grid <- list(smote__k_neighbors = c(3, 5), clf__C = c(0.1, 1))
  local <- grid_search(pipe, class ~ ., d, grid = grid, folds = 3, seed = 4)
  old <- future::plan(future::multisession, workers = 2)
  on.exit(future::plan(old), add = TRUE)
  remote <- grid_search(pipe, class ~ ., d, grid = grid, folds = 3, seed = 4)
  expect_identical(remote$results, local$results)
  expect_identical(remote$resamples, local$resamples)
})

test_that("cross_validate() errors are classed and say where they happened", {
  d <- cv_data()
  pipe <- smote_pipe()
  expect_snapshot(error = TRUE, cross_validate(pipe, class ~ ., d, metrics = "auc"))
  expect_snapshot(error = TRUE, cross_validate(pipe, class ~ ., d, folds = 1))
  expect_snapshot(error = TRUE, cross_validate(pipe, class ~ ., d, folds = folds_stratified(d[1:100, ], class, v = 3)))
  expect_snapshot(error = TRUE, cross_validate("pipe", class ~ ., d))
  expect_snapshot(error = TRUE, cross_validate(pipe, class ~ ., d, threshold = 2))
  small <- d[c(which(d$class == "majority")[1:60], which(d$class == "minority")[1:6]), ]
  expect_snapshot(error = TRUE, cross_validate(pipe, class ~ ., small, folds = 4, seed = 1))
  expect_error(cross_validate(pipe, class ~ ., small, folds = 4, seed = 1), class = "smotelab_error_too_few_rows")
  unknown <- imb_pipeline(smote = step_smote(sampling_strategy = c(pos = 10)), clf = model_logistic())
  expect_snapshot(error = TRUE, cross_validate(unknown, class ~ ., d))
})

test_that("autoplot() draws every fold's estimate over a box per metric", {
  cv <- cross_validate(smote_pipe(), class ~ ., cv_data(), folds = 4, metrics = c("recall", "roc_auc"), seed = 3)
  built <- ggplot2::ggplot_build(autoplot(cv))
  labels <- built$layout$panel_params[[1]]$x$get_labels()
  boxes <- built$data[[1]]
  points <- built$data[[2]]
  for (i in seq_along(labels)) {
    folds <- cv$.estimate[cv$.metric == labels[i]]
    expect_equal(sort(points$y[round(points$x) == i]), sort(folds))
    expect_equal(boxes$middle[boxes$x == i], stats::median(folds))
  }
})

# ---- numpy-exact streams (issue 15) ----------------------------------------

test_that("rng = 'numpy': a pipeline's SMOTE draws as the standalone numpy SMOTE with the same seed (#15)", {
  d <- make_imbalanced(n_samples = 400, seed = 3, rng = "numpy")
  pipe <- imb_pipeline(smote = step_smote(k_neighbors = 4, sampling_strategy = 0.6), clf = model_logistic(C = 1))
  inside <- fit(pipe, class ~ ., d, seed = 11, n_threads = 1, rng = "numpy")
  resampled <- smote(d, class, k_neighbors = 4, sampling_strategy = 0.6, seed = 11, n_threads = 1, rng = "numpy")
  outside <- fit(imb_pipeline(clf = model_logistic(C = 1)), class ~ ., resampled, seed = 1, n_threads = 1)
  expect_equal(inside$state$model$coef, outside$state$model$coef, tolerance = 1e-12)
  expect_identical(inside$state$fit_counts, outside$state$fit_counts)

  over <- imb_pipeline(over = step_random_oversample(0.8), clf = model_logistic(C = 1))
  inside <- fit(over, class ~ ., d, seed = 8, n_threads = 1, rng = "numpy")
  copied <- random_oversample(d, class, sampling_strategy = 0.8, seed = 8, rng = "numpy")
  outside <- fit(imb_pipeline(clf = model_logistic(C = 1)), class ~ ., copied, seed = 1, n_threads = 1)
  expect_equal(inside$state$model$coef, outside$state$model$coef, tolerance = 1e-12)
  # A different seed draws other rows, so the check above could fail.
  other <- fit(over, class ~ ., d, seed = 9, n_threads = 1, rng = "numpy")
  expect_false(isTRUE(all.equal(other$state$model$coef, outside$state$model$coef)))

  under <- imb_pipeline(under = step_random_undersample(0.5), clf = model_logistic(C = 1))
  inside <- fit(under, class ~ ., d, seed = 5, n_threads = 1, rng = "numpy")
  kept <- random_undersample(d, class, sampling_strategy = 0.5, seed = 5, rng = "numpy")
  outside <- fit(imb_pipeline(clf = model_logistic(C = 1)), class ~ ., kept, seed = 1, n_threads = 1)
  expect_equal(inside$state$model$coef, outside$state$model$coef, tolerance = 1e-12)
})

test_that("rng = 'numpy' cross-validation equals imblearn's Pipeline in cross_validate(), fold by fold (#15)", {
  ref <- numpy_refs()$cross_validate
  d <- numpy_frame(ref$x, ref$y)
  pipe <- imb_pipeline(scale = step_scale(), smote = step_smote(), clf = model_logistic(C = 1))
  cv <- withr::with_options(
    list(smotelab.rng = "numpy"),
    cross_validate(pipe, class ~ ., d, folds = 5, seed = 42, n_threads = 2)
  )
  for (metric in c("roc_auc", "f1_macro", "recall_macro")) {
    got <- cv[cv$.metric == metric, ]
    expect_equal(got$.estimate[order(got$fold)], ref[[metric]], tolerance = 1e-8, label = metric)
  }
})
