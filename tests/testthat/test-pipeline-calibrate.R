sklearn_calibration <- function() readRDS(test_path("data", "sklearn-calibration.rds"))

test_that("the core's sigmoid and isotonic calibrators equal scikit-learn's on bare scores", {
  for (case in sklearn_calibration()$calibrators) {
    sig <- smotelab:::calibrator_fit_cpp(case$scores, case$y, "sigmoid")
    # scikit-learn's BFGS stops at a gradient norm of 1e-5; Newton goes on.
    expect_equal(c(sig$a, sig$b), c(case$a, case$b), tolerance = 1e-4, label = case$name)
    expect_equal(smotelab:::calibrator_predict_cpp(sig, case$new, FALSE), case$sigmoid, tolerance = 1e-4)
    iso <- smotelab:::calibrator_fit_cpp(case$scores, case$y, "isotonic")
    expect_equal(iso$x, case$iso_x, tolerance = 1e-12, label = case$name)
    expect_equal(iso$y, case$iso_y, tolerance = 1e-12, label = case$name)
    expect_equal(smotelab:::calibrator_predict_cpp(iso, case$new, FALSE), case$isotonic, tolerance = 1e-6)
  }
})

test_that("isotonic calibration is monotone and averages the outcome where it pools", {
  set.seed(1)
  s <- rnorm(500)
  y <- as.integer(runif(500) < plogis(2 * s))
  iso <- smotelab:::calibrator_fit_cpp(s, y, "isotonic")
  fitted <- smotelab:::calibrator_predict_cpp(iso, sort(s), FALSE)
  expect_true(all(diff(fitted) >= 0))
  # Pool-adjacent-violators keeps the total: the fitted values sum to the events.
  expect_equal(sum(smotelab:::calibrator_predict_cpp(iso, s, FALSE)), sum(y), tolerance = 1e-9)
  # Beyond the fitted range predictions are clipped to the end values.
  expect_equal(smotelab:::calibrator_predict_cpp(iso, c(-100, 100), FALSE), range(iso$y))
})

test_that("prefit calibration of a logistic model equals CalibratedClassifierCV(cv = 'prefit')", {
  p <- sklearn_calibration()$prefit
  fitted <- fit(imb_pipeline(clf = model_logistic(C = 1)), class ~ ., p$data[p$train, ], seed = 1, n_threads = 1)
  sig <- calibrate(fitted, "sigmoid", data = p$data[p$calib, ])
  iso <- calibrate(fitted, "isotonic", data = p$data[p$calib, ])
  expect_equal(predict(sig, p$data[p$test, ], type = "prob")$.pred_event, p$sigmoid, tolerance = 1e-4)
  expect_equal(predict(iso, p$data[p$test, ], type = "prob")$.pred_event, p$isotonic, tolerance = 1e-6)
  # scikit-learn calibrates decision values: calibrating probabilities gives
  # other isotonic interpolations, so equality above pins the score used.
  raw <- predict(fitted, p$data[p$calib, ], type = "prob")$.pred_event
  truth <- as.integer(p$data$class[p$calib] == "event")
  on_prob <- smotelab:::calibrator_fit_cpp(raw, truth, "isotonic")
  test_prob <- predict(fitted, p$data[p$test, ], type = "prob")$.pred_event
  expect_gt(max(abs(smotelab:::calibrator_predict_cpp(on_prob, test_prob, FALSE) - p$isotonic)), 1e-6)
  # The calibrated fit survives a round trip through saveRDS().
  path <- withr::local_tempfile(fileext = ".rds")
  saveRDS(iso, path)
  expect_equal(predict(readRDS(path), p$data[p$test, ], type = "prob"), predict(iso, p$data[p$test, ], type = "prob"))
  expect_match(format(iso), "calibrated \\(isotonic\\) on 300 held-out rows", all = FALSE)
})

lesson_data <- function() {
  d <- make_imbalanced(n_samples = 3000, weights = c(0.9, 0.1), seed = 42)
  split_stratified(d, class, test_size = 0.25, seed = 42)
}

test_that("the prior correction after SMOTE brings the mean probability to the event rate and lowers the Brier score", {
  split <- lesson_data()
  smote_fit <- fit(imb_pipeline(scale = step_scale(), smote = step_smote(), clf = model_logistic()),
    class ~ ., split$train,
    seed = 1, n_threads = 1
  )
  corrected <- calibrate(smote_fit, method = "prior")
  before <- predict(smote_fit, split$test, type = "prob")$.pred_minority
  after <- predict(corrected, split$test, type = "prob")$.pred_minority
  rate <- mean(split$test$class == "minority")
  expect_gt(abs(mean(before) - rate), 0.1)
  expect_lt(abs(mean(after) - rate), 0.01)
  expect_lt(brier_vec(split$test$class, after), brier_vec(split$test$class, before))
  # Exactly a shift of the log-odds from the resampled share to the data's.
  counts <- smote_fit$state$fit_counts
  share <- counts[["minority"]] / sum(counts)
  target <- mean(split$train$class == "minority")
  shift <- qlogis(target) - qlogis(share)
  expect_equal(qlogis(after), qlogis(before) + shift, tolerance = 1e-8)
})

test_that("the prior correction reads class weights as a change of prior", {
  split <- lesson_data()
  balanced <- fit(imb_pipeline(scale = step_scale(), clf = model_logistic(class_weight = "balanced")),
    class ~ ., split$train,
    seed = 1, n_threads = 1
  )
  corrected <- calibrate(balanced, method = "prior")
  before <- predict(balanced, split$test, type = "prob")$.pred_minority
  after <- predict(corrected, split$test, type = "prob")$.pred_minority
  target <- mean(split$train$class == "minority")
  expect_equal(qlogis(after), qlogis(before) + qlogis(target) - qlogis(0.5), tolerance = 1e-8)
  boost <- fit(imb_pipeline(clf = model_boost(n_rounds = 20, scale_pos_weight = 9)), class ~ ., split$train,
    seed = 1, n_threads = 1
  )
  b_before <- predict(boost, split$test, type = "prob")$.pred_minority
  b_after <- predict(calibrate(boost, method = "prior"), split$test, type = "prob")$.pred_minority
  n1 <- sum(split$train$class == "minority")
  n0 <- sum(split$train$class == "majority")
  expect_equal(qlogis(b_after), qlogis(b_before) + qlogis(n1 / (n1 + n0)) - qlogis(9 * n1 / (9 * n1 + n0)),
    tolerance = 1e-8
  )
})

test_that("a calibrated pipeline is CalibratedClassifierCV(cv = k, ensemble = TRUE) on the engine", {
  d <- make_imbalanced(n_samples = 600, seed = 7)
  # No random step, so the members' seeds do not matter to the hand-made copy.
  pipe <- imb_pipeline(scale = step_scale(), clf = model_logistic())
  cal <- calibrate(pipe, method = "sigmoid", folds = 3)
  expect_s3_class(cal, "smotelab_pipeline")
  expect_match(format(cal)[2], "calibrated \\(sigmoid, 3 folds\\)")
  fitted <- fit(cal, class ~ ., d, seed = 11, n_threads = 1)
  got <- predict(fitted, d[1:50, ], type = "prob")$.pred_minority

  # By hand: StratifiedKFold(3) without shuffling, the pipeline on the other
  # folds (with the member's seed), Platt on the fold's decision values.
  y <- as.integer(d$class == "minority")
  fold <- integer(nrow(d))
  for (k in 0:1) {
    idx <- which(y == k)
    sorted <- sort(y)
    alloc <- vapply(1:3, function(f) sum(sorted[seq(f, length(sorted), by = 3)] == k), numeric(1))
    fold[idx] <- rep(1:3, alloc)
  }
  members <- lapply(1:3, function(f) {
    member <- fit(pipe, class ~ ., d[fold != f, ], seed = 1, n_threads = 1)
    held <- d[fold == f, ]
    scores <- qlogis(predict(member, held, type = "prob")$.pred_minority)
    sig <- smotelab:::calibrator_fit_cpp(scores, as.integer(held$class == "minority"), "sigmoid")
    smotelab:::calibrator_predict_cpp(sig, qlogis(predict(member, d[1:50, ], type = "prob")$.pred_minority), TRUE)
  })
  expect_equal(got, Reduce(`+`, members) / 3, tolerance = 1e-6)
  smote_cal <- calibrate(imb_pipeline(smote = step_smote(), clf = model_logistic()), "isotonic", folds = 3)
  one <- fit(smote_cal, class ~ ., d, seed = 11, n_threads = 1)
  two <- fit(smote_cal, class ~ ., d, seed = 11, n_threads = 2)
  expect_identical(predict(one, d, type = "prob"), predict(two, d, type = "prob"))
  expect_length(one$state$calibration$members, 3)
})

test_that("calibrated pipelines cross-validate and their method is tunable", {
  d <- make_imbalanced(n_samples = 600, seed = 7)
  cal <- calibrate(imb_pipeline(smote = step_smote(), clf = model_logistic()), folds = 3)
  cv <- cross_validate(cal, class ~ ., d, folds = 3, metrics = c("brier", "roc_auc"), seed = 2, n_threads = 2)
  expect_equal(nrow(cv), 6)
  expect_true(all(is.finite(cv$.estimate)))
  gs <- grid_search(cal, class ~ ., d,
    grid = list(clf__method = c("sigmoid", "isotonic", "prior")),
    folds = 3, metric = "brier", seed = 2, n_threads = 2
  )
  # Brier is a loss: the best point has the lowest mean.
  ranked <- gs$results[gs$results$.metric == "brier", ]
  expect_equal(gs$best_params$clf__method, ranked$clf__method[which.min(ranked$mean)])
  expect_equal(summary(gs)$.rank[1], 1L)
  expect_equal(summary(gs)$clf__method[1], gs$best_params$clf__method)
})

test_that("calibrate() refuses what it can't do", {
  d <- make_imbalanced(n_samples = 300, seed = 7)
  pipe <- imb_pipeline(clf = model_logistic())
  fitted <- fit(pipe, class ~ ., d, seed = 1, n_threads = 1)
  expect_snapshot(error = TRUE, calibrate(fitted, "sigmoid"))
  expect_snapshot(error = TRUE, calibrate(pipe, "sigmoid", data = d))
  expect_snapshot(error = TRUE, calibrate(calibrate(pipe), "isotonic"))
  expect_snapshot(error = TRUE, calibrate(calibrate(fitted, "prior"), "prior"))
  expect_snapshot(error = TRUE, calibrate(d))
  expect_error(calibrate(pipe, folds = 1), class = "smotelab_error_argument")
  expect_error(calibrate(fitted, "sigmoid", data = d[d$class == "majority", ]), class = "smotelab_error_levels")
  tiny <- d[c(which(d$class == "minority")[1:3], which(d$class == "majority")[1:40]), ]
  expect_error(fit(calibrate(pipe, folds = 5), class ~ ., tiny, seed = 1), class = "smotelab_error_too_few_rows")
})
