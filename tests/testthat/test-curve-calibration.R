# scikit-learn 1.2 reference cases, made by data/make-sklearn-calibration.py.
sklearn_calibration <- function() readRDS(test_path("data", "sklearn-calibration.rds"))

test_that("brier_vec() and log_loss_vec() equal scikit-learn's, clipping included", {
  for (case in sklearn_calibration()$metrics) {
    truth <- as_truth(case$y)
    expect_equal(brier_vec(truth, case$prob), case$brier, tolerance = 1e-12, label = case$name)
    expect_equal(log_loss_vec(truth, case$prob), case$log_loss, tolerance = 1e-12, label = case$name)
    got <- suppressWarnings(metrics_binary(truth, case$prob))
    expect_equal(got$.estimate[got$.metric == "brier"], case$brier, tolerance = 1e-12)
    expect_equal(got$.estimate[got$.metric == "log_loss"], case$log_loss, tolerance = 1e-12)
  }
  # Probabilities of exactly 0 or 1 on the wrong class are clipped, not Inf.
  expect_equal(log_loss_vec(as_truth(c(1, 0)), c(0, 1)), -log(.Machine$double.eps))
})

test_that("the event can be the first level for the probability metrics", {
  truth <- factor(c("a", "b", "a", "b"))
  prob_b <- c(0.2, 0.7, 0.4, 0.9)
  expect_equal(brier_vec(truth, 1 - prob_b, event = "a"), brier_vec(truth, prob_b))
  expect_equal(log_loss_vec(truth, 1 - prob_b, event = "a"), log_loss_vec(truth, prob_b), tolerance = 1e-15)
})

test_that("probability metrics refuse scores outside [0, 1]", {
  expect_error(brier_vec(as_truth(c(0, 1)), c(0.2, 1.4)), class = "smotelab_error_argument")
  expect_error(log_loss_vec(as_truth(c(0, 1)), c(-0.1, 0.3)), class = "smotelab_error_argument")
})

test_that("calibration_curve() equals scikit-learn's for both strategies, edges and ties included", {
  for (case in sklearn_calibration()$curves) {
    curve <- calibration_curve(as_truth(case$y), case$prob, n_bins = case$n_bins, strategy = case$strategy)
    label <- paste(case$name, case$strategy, case$n_bins)
    expect_s3_class(curve, "smotelab_calibration_curve")
    expect_equal(curve$prob_true, case$prob_true, tolerance = 1e-12, label = label)
    expect_equal(curve$prob_pred, case$prob_pred, tolerance = 1e-12, label = label)
  }
})

test_that("calibration_curve() counts rows per bin and leaves empty bins out", {
  truth <- as_truth(c(0, 0, 1, 1, 1))
  curve <- calibration_curve(truth, c(0.05, 0.1, 0.15, 0.9, 0.95), n_bins = 10)
  expect_equal(curve$bin, c(1L, 2L, 9L, 10L))
  expect_equal(curve$n, c(2L, 1L, 1L, 1L))
  expect_equal(sum(curve$n), 5L)
  expect_equal(curve$prob_true, c(0, 1, 1, 1))
})

test_that("calibration_curve() validates its input", {
  truth <- as_truth(c(0, 1, 1))
  expect_error(calibration_curve(truth, c(0.1, 0.5, 1.2)), class = "smotelab_error_argument")
  expect_error(calibration_curve(truth, c(0.1, 0.5, 0.2), n_bins = 0), class = "smotelab_error_argument")
  expect_error(calibration_curve(truth, c(0.1, 0.5, 0.2), strategy = "kmeans"))
})

test_that("autoplot() of a calibration curve and plot_calibration() draw reliability diagrams", {
  truth <- as_truth(c(0, 0, 0, 0, 1, 1, 1, 1, 1))
  plot <- autoplot(calibration_curve(truth, c(0.1, 0.2, 0.3, 0.4, 0.65, 0.7, 0.8, 0.9, 1), n_bins = 3))
  expect_s3_class(plot, "ggplot")
  expect_equal(plot$data$prob_pred, c(0.2, 0.525, 0.85))

  d <- make_imbalanced(n_samples = 600, seed = 3)
  split <- split_stratified(d, class, seed = 3)
  fits <- list(
    plain = fit(imb_pipeline(clf = model_logistic()), class ~ ., split$train, seed = 1, n_threads = 1),
    smote = fit(imb_pipeline(smote = step_smote(), clf = model_logistic()), class ~ ., split$train,
      seed = 1, n_threads = 1
    )
  )
  plot <- plot_calibration(fits, split$test, n_bins = 5)
  expect_s3_class(plot, "ggplot")
  prob <- predict(fits$smote, split$test, type = "prob")$.pred_minority
  brier <- brier_vec(split$test$class, prob)
  expect_true(any(grepl(formatC(brier, format = "f", digits = 4), levels(plot$data$model), fixed = TRUE)))
  expect_equal(nrow(plot$layers[[2]]$data), 2 * nrow(split$test))
  expect_error(plot_calibration(unname(fits), split$test), class = "smotelab_error_argument")
})
