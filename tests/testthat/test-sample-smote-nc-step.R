# step_smote_nc() inside the engine must resample each training fold exactly
# as smote_nc() resamples that fold (issue 13): the engine sees each factor
# as one categorical variable, its block of dummies, not as numbers.
mixed_data <- function(n_major = 260, n_minor = 40, seed = 1) {
  withr::with_seed(seed, {
    n <- n_major + n_minor
    d <- data.frame(
      x1 = stats::rnorm(n),
      colour = factor(sample(c("red", "green", "blue"), n, TRUE), levels = c("red", "green", "blue")),
      x2 = stats::rnorm(n),
      flag = sample(c(TRUE, FALSE), n, TRUE),
      size = sample(c("S", "M", "L"), n, TRUE),
      class = factor(rep(c("majority", "minority"), c(n_major, n_minor)))
    )
    minority <- d$class == "minority"
    d$x1[minority] <- d$x1[minority] + 1.5
    d$colour[minority] <- sample(c("red", "green", "blue"), sum(minority), TRUE, prob = c(0.6, 0.3, 0.1))
    d
  })
}

nc_pipe <- function(k = 4, strategy = 0.8) {
  imb_pipeline(nc = step_smote_nc(k_neighbors = k, sampling_strategy = strategy), clf = model_logistic(C = 1))
}

# A logistic regression on the rows smote_nc() makes from `train`.
fit_on_smote_nc <- function(train, seed, k = 4, strategy = 0.8) {
  resampled <- smote_nc(train, class,
    k_neighbors = k, sampling_strategy = strategy,
    seed = pipeline_step_seed_cpp(seed, 0)
  )
  fit(imb_pipeline(clf = model_logistic(C = 1)), class ~ ., resampled, seed = 1)
}

test_that("step_smote_nc() in fit() resamples as smote_nc() does (issue 13)", {
  d <- mixed_data()
  fitted <- fit(nc_pipe(), class ~ ., d, seed = 99)
  by_hand <- fit_on_smote_nc(d, 99)
  expect_identical(coef(fitted), coef(by_hand))
  expect_identical(fitted$state$fit_counts, by_hand$class_counts)
  expect_identical(unname(fitted$state$fit_counts), c(260L, 208L))
})

test_that("step_smote_nc() gives synthetic rows whole levels, not fractional dummies", {
  d <- mixed_data()
  fitted <- fit(nc_pipe(), class ~ ., d, seed = 99)
  smote_fit <- fit(imb_pipeline(nc = step_smote(k_neighbors = 4, sampling_strategy = 0.8), clf = model_logistic(C = 1)),
    class ~ ., d,
    seed = 99
  )
  # SMOTE on the dummies makes other rows, so another fit: the step is not SMOTE.
  expect_false(identical(coef(fitted), coef(smote_fit)))
})

test_that("step_smote_nc() in cross_validate() equals smote_nc() on each training fold (issue 13)", {
  d <- mixed_data()
  metrics <- c("roc_auc", "f1", "recall")
  cv <- cross_validate(nc_pipe(), class ~ ., d, folds = 3, metrics = metrics, seed = 11)
  folds <- folds_stratified(d, class, v = 3, seed = 11)
  for (k in 1:3) {
    train <- d[folds$repeat_1 != k, ]
    test <- d[folds$repeat_1 == k, ]
    by_hand <- evaluate(fit_on_smote_nc(train, 11 + (k - 1)), test)
    got <- cv[cv$fold == k, ]
    expect_identical(got$.estimate, by_hand$.estimate[match(metrics, by_hand$.metric)])
  }
})

test_that("step_smote_nc() in grid_search() equals smote_nc() on each training fold (issue 13)", {
  d <- mixed_data()
  gs <- grid_search(nc_pipe(), class ~ ., d,
    grid = list(nc__k_neighbors = c(2, 5)), folds = 3, metric = "roc_auc", seed = 4
  )
  folds <- folds_stratified(d, class, v = 3, seed = 4)
  for (kn in c(2, 5)) {
    for (k in 1:3) {
      train <- d[folds$repeat_1 != k, ]
      test <- d[folds$repeat_1 == k, ]
      by_hand <- evaluate(fit_on_smote_nc(train, 4 + (k - 1), k = kn), test)
      got <- gs$resamples[gs$resamples$nc__k_neighbors == kn & gs$resamples$fold == k, ]
      expect_identical(got$.estimate, by_hand$.estimate[by_hand$.metric == "roc_auc"])
    }
  }
})

test_that("step_smote_nc() after step_scale() interpolates the scaled columns and keeps whole levels", {
  d <- mixed_data()
  pipe <- imb_pipeline(scale = step_scale(), nc = step_smote_nc(), clf = model_logistic(C = Inf))
  fitted <- fit(pipe, class ~ ., d, seed = 3)
  # By hand: scale the numeric columns as step_scale() does, then smote_nc();
  # an unpenalised logistic regression predicts the same whether or not its
  # dummies were scaled, so the fits agree exactly when the step chose whole
  # levels for the scaled dummies.
  scaled <- d
  for (v in c("x1", "x2")) scaled[[v]] <- (d[[v]] - mean(d[[v]])) / sqrt(mean((d[[v]] - mean(d[[v]]))^2))
  resampled <- smote_nc(scaled, class, seed = pipeline_step_seed_cpp(3, 1))
  by_hand <- fit(imb_pipeline(clf = model_logistic(C = Inf)), class ~ ., resampled, seed = 1)
  expect_equal(predict(fitted, d, type = "prob"), predict(by_hand, scaled, type = "prob"), tolerance = 1e-7)
  expect_identical(unname(fitted$state$fit_counts), c(260L, 260L))
  one <- fit(pipe, class ~ ., d, seed = 3, n_threads = 1)
  expect_identical(fit(pipe, class ~ ., d, seed = 3, n_threads = 2)$state, one$state)
})

test_that("step_smote_nc() refuses designs without both kinds of predictor", {
  d <- mixed_data()
  numeric_only <- d[c("x1", "x2", "class")]
  expect_snapshot(error = TRUE, fit(nc_pipe(), class ~ ., numeric_only, seed = 1))
  expect_error(fit(nc_pipe(), class ~ ., numeric_only, seed = 1), class = "smotelab_error_type")
  categorical_only <- d[c("colour", "size", "class")]
  expect_snapshot(error = TRUE, cross_validate(nc_pipe(), class ~ ., categorical_only, folds = 3, seed = 1))
  expect_error(cross_validate(nc_pipe(), class ~ ., categorical_only, folds = 3, seed = 1),
    class = "smotelab_error_type"
  )
})
