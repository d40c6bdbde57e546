# Each resampling step in a pipeline must do exactly what the standalone
# resampler does to the training rows, with the seed the engine derives for
# that step, and nothing at predict time.
step_data <- function() {
  make_imbalanced(
    n_samples = 600, n_features = 5, n_informative = 3, n_redundant = 1,
    weights = c(0.85, 0.15), seed = 12
  )
}

expect_step_matches <- function(step, standalone) {
  d <- step_data()
  fitted <- fit(imb_pipeline(resample = step, clf = model_logistic(C = 1)), class ~ ., d, seed = 99)
  resampled <- standalone(d, pipeline_step_seed_cpp(99, 0))
  by_hand <- fit(imb_pipeline(clf = model_logistic(C = 1)), class ~ ., resampled, seed = 1)
  expect_identical(coef(fitted), coef(by_hand))
  expect_equal(unname(fitted$state$fit_counts), as.vector(table(resampled$class)))
  expect_equal(nrow(predict(fitted, d)), nrow(d))
}

test_that("step_smote() resamples the training rows as smote() does", {
  expect_step_matches(
    step_smote(k_neighbors = 3, sampling_strategy = 0.6),
    function(d, s) smote(d, class, k_neighbors = 3, sampling_strategy = 0.6, seed = s)
  )
})

test_that("step_borderline_smote() resamples as borderline_smote() does", {
  expect_step_matches(
    step_borderline_smote(kind = "borderline-2"),
    function(d, s) borderline_smote(d, class, kind = "borderline-2", seed = s)
  )
})

test_that("step_adasyn() resamples as adasyn() does", {
  expect_step_matches(
    step_adasyn(n_neighbors = 4),
    function(d, s) adasyn(d, class, n_neighbors = 4, seed = s)
  )
})

test_that("random over- and under-sampling steps match their functions", {
  expect_step_matches(
    step_random_oversample(sampling_strategy = 0.5),
    function(d, s) random_oversample(d, class, sampling_strategy = 0.5, seed = s)
  )
  expect_step_matches(
    step_random_undersample(),
    function(d, s) random_undersample(d, class, seed = s)
  )
})

test_that("a fitted pipeline with resampling prints what the model saw", {
  d <- step_data()
  fitted <- fit(imb_pipeline(
    scale = step_scale(), smote = step_smote(sampling_strategy = c(minority = 300)),
    clf = model_logistic()
  ), class ~ ., d, seed = 1)
  expect_equal(unname(fitted$state$fit_counts), c(sum(d$class == "majority"), 300))
  expect_snapshot(print(fitted))
})

test_that("a resampling step that can't run says why", {
  d <- step_data()
  expect_snapshot(error = TRUE, fit(imb_pipeline(smote = step_smote(sampling_strategy = 0.01), clf = model_logistic()),
    class ~ ., d,
    seed = 1
  ))
  tiny <- d[c(which(d$class == "majority")[1:40], which(d$class == "minority")[1:4]), ]
  expect_snapshot(error = TRUE, fit(imb_pipeline(smote = step_smote(), clf = model_logistic()), class ~ ., tiny, seed = 1)) # nolint: line_length_linter.
  expect_snapshot(error = TRUE, fit(imb_pipeline(adasyn = step_adasyn(), clf = model_logistic()), class ~ ., tiny, seed = 1)) # nolint: line_length_linter.
})
