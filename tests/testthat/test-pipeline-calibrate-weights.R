# Case weights through calibration (issue 14, "case weights end to end"):
# scikit-learn 1.2's sample_weight semantics for the calibrators, the prefit
# mode and CalibratedClassifierCV(cv = k, ensemble = True); properties that a
# wrong weighting breaks; the prior correction with weight shares.

sklearn_weighted <- function() readRDS(test_path("data", "sklearn-calibration-weights.rds"))

fit_calibrator <- function(scores, y, method, w = NULL) smotelab:::calibrator_fit_cpp(scores, y, method, w)
apply_calibrator <- function(cal, scores, log_odds = FALSE) smotelab:::calibrator_predict_cpp(cal, scores, log_odds)

# Rows repeated as many times as their whole-number weight, each copy right
# after its row: StratifiedKFold(k) without shuffling then deals a row and
# its copies to the same fold whenever each fold's weight per class is the
# copies' fold size (see weights_for_copies()).
copy_rows <- function(d, w) d[rep(seq_len(nrow(d)), w), , drop = FALSE]

# Weights 1, 2, 3 in turn within each class: with class sizes that are
# multiples of 3 k, every fold of StratifiedKFold(k) holds twice its rows in
# weight, which is the size of its fold in the copied data.
weights_for_copies <- function(y) {
  w <- numeric(length(y))
  for (level in unique(y)) {
    idx <- which(y == level)
    w[idx] <- rep_len(1:3, length(idx))
  }
  w
}

test_that("the weighted sigmoid and isotonic calibrators equal scikit-learn's with sample_weight", {
  for (case in sklearn_weighted()$calibrators) {
    sig <- fit_calibrator(case$scores, case$y, "sigmoid", case$w)
    # scikit-learn's BFGS stops at a gradient norm of 1e-5; Newton goes on.
    expect_equal(c(sig$a, sig$b), c(case$a, case$b), tolerance = 1e-4, label = case$name)
    expect_equal(apply_calibrator(sig, case$new), case$sigmoid, tolerance = 1e-4, label = case$name)
    iso <- fit_calibrator(case$scores, case$y, "isotonic", case$w)
    expect_equal(iso$x, case$iso_x, tolerance = 1e-12, label = case$name)
    expect_equal(iso$y, case$iso_y, tolerance = 1e-12, label = case$name)
    expect_equal(apply_calibrator(iso, case$new), case$isotonic, tolerance = 1e-6, label = case$name)
    # The weights matter: the unweighted fits are elsewhere.
    plain <- fit_calibrator(case$scores, case$y, "isotonic")
    expect_gt(max(abs(apply_calibrator(plain, case$new) - case$isotonic)), 1e-3)
  }
})

test_that("whole-number weights calibrate as copied rows and weights of 1 as none", {
  set.seed(14)
  s <- round(rnorm(300), 1)
  y <- as.integer(runif(300) < plogis(1.5 * s))
  w <- sample(1:4, 300, replace = TRUE)
  copies <- rep(seq_along(s), w)
  for (method in c("sigmoid", "isotonic")) {
    weighted <- fit_calibrator(s, y, method, as.double(w))
    copied <- fit_calibrator(s[copies], y[copies], method)
    expect_equal(weighted[c("a", "b", "x", "y")], copied[c("a", "b", "x", "y")], tolerance = 1e-10, label = method)
    expect_identical(fit_calibrator(s, y, method, rep(1, 300)), fit_calibrator(s, y, method), label = method)
  }
  # A weighted isotonic fit keeps the weighted total of the outcomes.
  u <- runif(300, 0.1, 3)
  iso <- fit_calibrator(s, y, "isotonic", u)
  expect_equal(sum(u * apply_calibrator(iso, s)), sum(u * y), tolerance = 1e-10)
})

test_that("prefit calibration with case weights equals CalibratedClassifierCV(cv = 'prefit') with sample_weight", {
  ref <- sklearn_weighted()
  d <- ref$data
  fitted <- fit(imb_pipeline(clf = model_logistic(C = 1)), class ~ ., d[ref$train, ],
    case_weights = "w", seed = 1, n_threads = 1
  )
  test <- d[ref$test, ]
  # The weighted model is scikit-learn's, so the calibrators see its scores.
  expect_equal(qlogis(predict(fitted, test, type = "prob")$.pred_event), ref$prefit$decision_test, tolerance = 1e-8)
  sig <- calibrate(fitted, "sigmoid", data = d[ref$calib, ], case_weights = "w")
  iso <- calibrate(fitted, "isotonic", data = d[ref$calib, ], case_weights = "w")
  expect_equal(predict(sig, test, type = "prob")$.pred_event, ref$prefit$sigmoid, tolerance = 1e-4)
  expect_equal(predict(iso, test, type = "prob")$.pred_event, ref$prefit$isotonic, tolerance = 1e-6)
  # A vector of weights is the same as the column.
  calib <- d[ref$calib, ]
  by_vector <- calibrate(fitted, "isotonic", data = calib[names(calib) != "w"], case_weights = calib$w)
  expect_identical(by_vector$state$calibration, iso$state$calibration)
  unweighted <- calibrate(fitted, "isotonic", data = calib)
  expect_gt(max(abs(predict(unweighted, test, type = "prob")$.pred_event - ref$prefit$isotonic)), 1e-3)
})

test_that("a calibrated pipeline fitted with case weights is CalibratedClassifierCV(...).fit(sample_weight = w)", {
  ref <- sklearn_weighted()
  d <- ref$data
  pipe <- imb_pipeline(clf = model_logistic(C = 1))
  tolerance <- c(sigmoid = 1e-4, isotonic = 1e-6)
  for (case in ref$cv) {
    cal <- calibrate(pipe, method = case$method, folds = case$folds)
    fitted <- fit(cal, class ~ ., d[ref$fit, ], case_weights = "w", seed = 3, n_threads = 2)
    got <- predict(fitted, d[ref$test, ], type = "prob")$.pred_event
    expect_equal(got, case$prob, tolerance = tolerance[[case$method]], label = paste(case$method, case$folds))
  }
})

test_that("a calibrated pipeline with whole-number weights fits what it fits on copied rows", {
  # 150 rows of each class: multiples of 3 k for k = 5, so every copy shares
  # its row's calibration fold (see weights_for_copies()). No scaling step,
  # whose means are unweighted.
  d <- logistic_data(2000, seed = 3)
  d <- d[c(which(d$y == "neg")[1:150], which(d$y == "pos")[1:150]), ]
  d <- d[withr::with_seed(4, sample(nrow(d))), ]
  w <- weights_for_copies(d$y)
  new <- logistic_data(100, seed = 5)
  for (method in c("sigmoid", "isotonic")) {
    cal <- calibrate(imb_pipeline(clf = model_logistic(C = 1)), method = method, folds = 5)
    weighted <- fit(cal, y ~ ., d, case_weights = w, seed = 2, n_threads = 1)
    copied <- fit(cal, y ~ ., copy_rows(d, w), seed = 2, n_threads = 1)
    expect_equal(predict(weighted, new, type = "prob"), predict(copied, new, type = "prob"),
      tolerance = 1e-8, label = method
    )
    unweighted <- fit(cal, y ~ ., d, seed = 2, n_threads = 1)
    expect_false(isTRUE(all.equal(predict(weighted, new, type = "prob"), predict(unweighted, new, type = "prob"),
      tolerance = 1e-6
    )))
  }
})

test_that("weights of 1 are no weights and 1 and 2 threads agree through a calibrated SMOTE pipeline", {
  d <- make_imbalanced(n_samples = 600, seed = 7)
  w <- withr::with_seed(7, runif(nrow(d), 0.3, 3))
  cal <- calibrate(imb_pipeline(scale = step_scale(), smote = step_smote(), clf = model_logistic()), "isotonic", 3)
  ones <- fit(cal, class ~ ., d, case_weights = rep(1, nrow(d)), seed = 11, n_threads = 1)
  none <- fit(cal, class ~ ., d, seed = 11, n_threads = 1)
  expect_identical(predict(ones, d, type = "prob"), predict(none, d, type = "prob"))
  one <- fit(cal, class ~ ., d, case_weights = w, seed = 11, n_threads = 1)
  two <- fit(cal, class ~ ., d, case_weights = w, seed = 11, n_threads = 2)
  expect_identical(predict(one, d, type = "prob"), predict(two, d, type = "prob"))
  expect_false(isTRUE(all.equal(predict(one, d, type = "prob"), predict(none, d, type = "prob"), tolerance = 1e-6)))
  # The fit survives saveRDS().
  path <- withr::local_tempfile(fileext = ".rds")
  saveRDS(one, path)
  expect_identical(predict(readRDS(path), d, type = "prob"), predict(one, d, type = "prob"))
})

test_that("cross_validate() and grid_search() calibrate with the weights of each training fold", {
  d <- make_imbalanced(n_samples = 600, seed = 8)
  w <- withr::with_seed(8, runif(nrow(d), 0.3, 3))
  cal <- calibrate(imb_pipeline(scale = step_scale(), smote = step_smote(), clf = model_logistic()), "sigmoid", 3)
  folds <- folds_stratified(d, class, v = 3, seed = 1)
  metrics <- c("brier", "roc_auc", "f1")
  # Calibrated probabilities of the rare class stay below 0.5: score F1 at 0.2.
  cv <- cross_validate(cal, class ~ ., d,
    folds = folds, metrics = metrics, threshold = 0.2, seed = 5, n_threads = 2,
    case_weights = w, weighted = TRUE
  )
  # By hand: fold f's pipeline with seed + f - 1 and its training rows'
  # weights, scored with its held-out rows' weights.
  for (f in 1:3) {
    held <- folds$repeat_1 == f
    fitted <- fit(cal, class ~ ., d[!held, ], seed = 5 + f - 1, case_weights = w[!held], n_threads = 1)
    expected <- evaluate(fitted, d[held, ], threshold = 0.2, case_weights = w[held])
    got <- cv[cv$fold == f, ]
    expect_equal(got$.estimate, expected$.estimate[match(got$.metric, expected$.metric)],
      tolerance = 1e-12, label = paste("fold", f)
    )
  }
  one <- cross_validate(cal, class ~ ., d,
    folds = folds, metrics = metrics, threshold = 0.2, seed = 5, n_threads = 1,
    case_weights = w, weighted = TRUE
  )
  expect_identical(one$.estimate, cv$.estimate)

  gs <- grid_search(cal, class ~ ., d,
    grid = list(clf__method = c("sigmoid", "isotonic")), folds = folds,
    metric = "brier", seed = 5, n_threads = 2, case_weights = w, weighted = TRUE
  )
  sigmoid_row <- gs$results[gs$results$clf__method == "sigmoid" & gs$results$.metric == "brier", ]
  expect_equal(sigmoid_row$mean, mean(cv$.estimate[cv$.metric == "brier"]), tolerance = 1e-12)
  best <- calibrate(
    imb_pipeline(scale = step_scale(), smote = step_smote(), clf = model_logistic()),
    gs$best_params$clf__method, 3
  )
  refit <- fit(best, class ~ ., d, seed = 5, case_weights = w, n_threads = 1)
  expect_identical(predict(gs$best_fit, d, type = "prob"), predict(refit, d, type = "prob"))
})

test_that("tune_threshold() refits a calibrated pipeline with its case weights", {
  d <- make_imbalanced(n_samples = 600, seed = 9)
  w <- withr::with_seed(9, runif(nrow(d), 0.3, 3))
  cal <- calibrate(imb_pipeline(scale = step_scale(), clf = model_logistic()), "sigmoid", 3)
  tuned <- tune_threshold(cal, class ~ ., d, folds = 3, seed = 4, n_threads = 2, case_weights = w)
  refit <- fit(cal, class ~ ., d, seed = 4, case_weights = w, n_threads = 1)
  expect_identical(predict(tuned, d, type = "prob"), predict(refit, d, type = "prob"))
})

test_that("the prior correction of a weighted fit shifts from the weight share the model saw to the data's", {
  d <- logistic_data(800, seed = 6)
  w <- 0.5 + d$x1 - min(d$x1)
  target <- sum(w[d$y == "pos"]) / sum(w)
  new <- logistic_data(200, seed = 7)
  shift_of <- function(fitted) {
    corrected <- calibrate(fitted, method = "prior")
    before <- predict(fitted, new, type = "prob")$.pred_pos
    after <- predict(corrected, new, type = "prob")$.pred_pos
    expect_true(all(abs(qlogis(after) - qlogis(before) - mean(qlogis(after) - qlogis(before))) < 1e-8))
    mean(qlogis(after) - qlogis(before))
  }
  # SMOTE: the synthetic rows' weights (interpolated, as the standalone
  # smote() makes them) set the share the model saw.
  pipe <- imb_pipeline(smote = step_smote(), clf = model_logistic())
  smote_fit <- fit(pipe, y ~ ., d, case_weights = w, seed = 7, n_threads = 1)
  resampled <- smote(d, y, seed = smotelab:::pipeline_step_seed_cpp(7, 0), case_weights = w)
  seen <- sum(resampled$.case_weight[resampled$y == "pos"]) / sum(resampled$.case_weight)
  expect_equal(shift_of(smote_fit), qlogis(target) - qlogis(seen), tolerance = 1e-10)
  # Balanced class weights n / (2 n_k) from the row counts times the case weights.
  balanced <- fit(imb_pipeline(clf = model_logistic(class_weight = "balanced")), y ~ ., d, case_weights = w, seed = 1)
  per_row <- tapply(w, d$y, sum) / tabulate(d$y)
  expect_equal(shift_of(balanced), qlogis(target) - qlogis(per_row[["pos"]] / sum(per_row)), tolerance = 1e-10)
  # No resampling, no class weights: the model saw the data's share.
  plain <- fit(imb_pipeline(clf = model_logistic()), y ~ ., d, case_weights = w, seed = 1)
  expect_equal(shift_of(plain), 0, tolerance = 1e-10)
  # scale_pos_weight multiplies the events' weight.
  boost_pipe <- imb_pipeline(clf = model_boost(n_rounds = 5, scale_pos_weight = 3))
  boost <- fit(boost_pipe, y ~ ., d, case_weights = w, seed = 1)
  mass <- tapply(w, d$y, sum)
  expect_equal(shift_of(boost), qlogis(target) - qlogis(3 * mass[["pos"]] / (3 * mass[["pos"]] + mass[["neg"]])),
    tolerance = 1e-10
  )

  # The engine's prior calibration is the same correction.
  engine <- fit(calibrate(pipe, method = "prior"), y ~ ., d, case_weights = w, seed = 7, n_threads = 1)
  expect_equal(
    predict(engine, new, type = "prob"), predict(calibrate(smote_fit, "prior"), new, type = "prob"),
    tolerance = 1e-12
  )
  # With held-out data and their weights, the target is their weight share.
  held <- logistic_data(300, seed = 8)
  hw <- withr::with_seed(8, runif(300, 0.2, 4))
  to_held <- calibrate(smote_fit, "prior", data = held, case_weights = hw)
  held_share <- sum(hw[held$y == "pos"]) / sum(hw)
  expect_equal(
    qlogis(predict(to_held, new, type = "prob")$.pred_pos),
    qlogis(predict(smote_fit, new, type = "prob")$.pred_pos) + qlogis(held_share) - qlogis(seen),
    tolerance = 1e-10
  )
})

test_that("the prior correction after weighted SMOTE brings the weighted mean probability to the weighted event rate", {
  d <- make_imbalanced(n_samples = 3000, weights = c(0.9, 0.1), seed = 42)
  d$w <- withr::with_seed(42, rgamma(nrow(d), shape = 2, scale = 0.5))
  split <- split_stratified(d, class, test_size = 0.25, seed = 42)
  pipe <- imb_pipeline(scale = step_scale(), smote = step_smote(), clf = model_logistic())
  smote_fit <- fit(pipe, class ~ ., split$train, case_weights = "w", seed = 1, n_threads = 1)
  corrected <- calibrate(smote_fit, method = "prior")
  test <- split$test
  before <- predict(smote_fit, test, type = "prob")$.pred_minority
  after <- predict(corrected, test, type = "prob")$.pred_minority
  rate <- weighted.mean(test$class == "minority", test$w)
  expect_gt(abs(weighted.mean(before, test$w) - rate), 0.1)
  expect_lt(abs(weighted.mean(after, test$w) - rate), 0.01)
  expect_lt(
    brier_vec(test$class, after, case_weights = test$w),
    brier_vec(test$class, before, case_weights = test$w)
  )
})

test_that("calibrate() refuses case weights it can't use", {
  d <- make_imbalanced(n_samples = 300, seed = 7)
  w <- withr::with_seed(7, runif(nrow(d), 0.5, 2))
  pipe <- imb_pipeline(clf = model_logistic())
  fitted <- fit(pipe, class ~ ., d, seed = 1, n_threads = 1)
  expect_snapshot(error = TRUE, calibrate(pipe, "sigmoid", case_weights = w))
  expect_snapshot(error = TRUE, calibrate(fitted, "sigmoid", case_weights = w))
  expect_snapshot(error = TRUE, calibrate(fitted, "isotonic", data = d, case_weights = w[-1]))
  expect_snapshot(error = TRUE, calibrate(fitted, "prior", data = d, case_weights = "nope"))
  # A weighted fit saved by an earlier version lacks the totals the prior
  # correction reads.
  weighted <- fit(pipe, class ~ ., d, case_weights = w, seed = 1, n_threads = 1)
  weighted$state$fit_weights <- NULL
  weighted$class_weight_totals <- NULL
  expect_snapshot(error = TRUE, calibrate(weighted, "prior"))
  expect_error(calibrate(weighted, "prior"), class = "smotelab_error_outdated_fit")
})
