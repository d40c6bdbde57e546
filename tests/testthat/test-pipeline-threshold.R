test_that("tune_threshold() picks the threshold a brute-force loop over the same folds picks", {
  d <- make_imbalanced(n_samples = 800, seed = 5)
  pipe <- imb_pipeline(scale = step_scale(), smote = step_smote(), clf = model_logistic())
  folds <- folds_stratified(d, class, v = 4, seed = 9)
  tuned <- tune_threshold(pipe, class ~ ., d, metric = "f1", folds = folds, seed = 3, n_threads = 2)

  # Fold f fitted as cross_validate() fits it (seed + f - 1); the metric at
  # 100 thresholds over the fold's range; np.interp onto a common grid.
  per_fold <- lapply(1:4, function(f) {
    member <- fit(pipe, class ~ ., d[folds$repeat_1 != f, ], seed = 3 + f - 1, n_threads = 1)
    held <- d[folds$repeat_1 == f, ]
    p <- predict(member, held, type = "prob")$.pred_minority
    grid <- seq(min(p), max(p), length.out = 100)
    list(grid = grid, f1 = vapply(grid, function(t) {
      suppressWarnings(f1_vec(held$class, factor(ifelse(p > t, "minority", "majority"), levels = levels(d$class))))
    }, double(1)))
  })
  common <- seq(min(vapply(per_fold, function(f) min(f$grid), 1)), max(vapply(per_fold, function(f) max(f$grid), 1)),
    length.out = 100
  )
  mean_f1 <- rowMeans(sapply(per_fold, function(f) approx(f$grid, f$f1, common, rule = 2)$y))
  expect_equal(tuned$threshold, common[which.max(mean_f1)])
  expect_equal(tuned$best_score, max(mean_f1))
  expect_equal(tuned$threshold_curve$mean, mean_f1, tolerance = 1e-12)

  # Refit on all rows with the seed, as grid_search() refits.
  refit <- fit(pipe, class ~ ., d, seed = 3, n_threads = 1)
  expect_equal(predict(tuned, d, type = "prob"), predict(refit, d, type = "prob"))
  # Classes are predicted at the tuned threshold, by predict() and evaluate().
  prob <- predict(refit, d, type = "prob")$.pred_minority
  expect_equal(
    as.character(predict(tuned, d)$.pred_class),
    ifelse(prob > tuned$threshold, "minority", "majority")
  )
  got <- evaluate(tuned, d)
  expect_equal(got$.estimate[got$.metric == "f1"], f1_vec(d$class, predict(tuned, d)$.pred_class))
  expect_match(format(tuned), "tuned for f1", all = FALSE)
  expect_s3_class(autoplot(tuned), "ggplot")
})

test_that("a constraint keeps the mean constraint metric at its level", {
  d <- make_imbalanced(n_samples = 800, seed = 5)
  pipe <- imb_pipeline(scale = step_scale(), clf = model_logistic())
  tuned <- tune_threshold(pipe, class ~ ., d,
    metric = "precision", constraint = c(recall = 0.8),
    folds = 4, seed = 3, n_threads = 1
  )
  curve <- tuned$threshold_curve
  allowed <- curve$constraint_mean >= 0.8
  expect_equal(tuned$threshold, curve$.threshold[allowed][which.max(curve$mean[allowed])])
  expect_gte(curve$constraint_mean[curve$.threshold == tuned$threshold], 0.8)
  # Without the constraint precision would pick a higher threshold.
  free <- tune_threshold(pipe, class ~ ., d, metric = "precision", folds = 4, seed = 3, n_threads = 1)
  expect_gt(free$threshold, tuned$threshold)
  expect_snapshot(error = TRUE, tune_threshold(pipe, class ~ ., d,
    metric = "precision", constraint = c(recall = 1.5), folds = 4, seed = 3, n_threads = 1
  ))
})

test_that("predict() and evaluate() take a fixed threshold", {
  d <- make_imbalanced(n_samples = 400, seed = 2)
  fitted <- fit(imb_pipeline(clf = model_logistic()), class ~ ., d, seed = 1, n_threads = 1)
  prob <- predict(fitted, d, type = "prob")$.pred_minority
  expect_equal(
    as.character(predict(fitted, d, threshold = 0.2)$.pred_class),
    ifelse(prob > 0.2, "minority", "majority")
  )
  expect_equal(evaluate(fitted, d, threshold = 0.2), metrics_binary(d$class, prob, threshold = 0.2))
  expect_equal(evaluate(fitted, d), metrics_binary(d$class, prob, threshold = 0.5))
  expect_error(predict(fitted, d, threshold = 2), class = "smotelab_error_argument")
})

test_that("tune_threshold() validates its arguments", {
  d <- make_imbalanced(n_samples = 300, seed = 2)
  pipe <- imb_pipeline(clf = model_logistic())
  expect_snapshot(error = TRUE, tune_threshold(pipe, class ~ ., d, metric = "roc_auc"))
  expect_snapshot(error = TRUE, tune_threshold(pipe, class ~ ., d, constraint = 0.8))
  expect_error(tune_threshold(pipe, class ~ ., d, thresholds = 1), class = "smotelab_error_argument")
  expect_error(tune_threshold(pipe, class ~ ., d, folds = folds_stratified(d, class, v = 3, repeats = 2, seed = 1)),
    class = "smotelab_error_argument"
  )
})

test_that("tune_threshold() with case weights picks what a weighted brute-force loop picks", {
  d <- make_imbalanced(n_samples = 600, seed = 6)
  w <- withr::with_seed(6, stats::runif(nrow(d), 0.2, 4))
  pipe <- imb_pipeline(scale = step_scale(), smote = step_smote(), clf = model_logistic())
  folds <- folds_stratified(d, class, v = 3, seed = 2)
  tuned <- tune_threshold(pipe, class ~ ., d,
    folds = folds, seed = 4, n_threads = 2, case_weights = w, weighted = TRUE
  )
  # Weighted F1 from weighted confusion counts, by hand.
  weighted_f1 <- function(truth, p, t, w) {
    event <- truth == "minority"
    hit <- p > t
    tp <- sum(w[event & hit])
    2 * tp / (2 * tp + sum(w[!event & hit]) + sum(w[event & !hit]))
  }
  per_fold <- lapply(1:3, function(f) {
    train <- folds$repeat_1 != f
    member <- fit(pipe, class ~ ., d[train, ], seed = 4 + f - 1, n_threads = 1, case_weights = w[train])
    held <- d[!train, ]
    p <- predict(member, held, type = "prob")$.pred_minority
    grid <- seq(min(p), max(p), length.out = 100)
    list(grid = grid, f1 = vapply(grid, function(t) weighted_f1(held$class, p, t, w[!train]), double(1)))
  })
  common <- seq(min(vapply(per_fold, function(f) min(f$grid), 1)), max(vapply(per_fold, function(f) max(f$grid), 1)),
    length.out = 100
  )
  mean_f1 <- rowMeans(sapply(per_fold, function(f) approx(f$grid, f$f1, common, rule = 2)$y))
  expect_equal(tuned$threshold, common[which.max(mean_f1)])
  expect_equal(tuned$threshold_curve$mean, mean_f1, tolerance = 1e-12)
  refit <- fit(pipe, class ~ ., d, seed = 4, n_threads = 1, case_weights = w)
  expect_equal(predict(tuned, d, type = "prob"), predict(refit, d, type = "prob"))
  expect_match(format(tuned), "case weights: a vector", all = FALSE)
  # Unweighted scoring keeps the weighted fits: its curve is the same fits'
  # unweighted F1, so it differs from the weighted one.
  unweighted <- tune_threshold(pipe, class ~ ., d, folds = folds, seed = 4, n_threads = 2, case_weights = w)
  expect_equal(predict(unweighted, d, type = "prob"), predict(refit, d, type = "prob"))
  expect_false(isTRUE(all.equal(unweighted$threshold_curve$mean, mean_f1)))
  # A weight column is not a predictor.
  d$w <- w
  by_column <- tune_threshold(pipe, class ~ ., d,
    folds = folds, seed = 4, n_threads = 2, case_weights = "w", weighted = TRUE
  )
  expect_equal(by_column$threshold, tuned$threshold)
  expect_error(
    tune_threshold(pipe, class ~ ., d[names(d) != "w"], folds = folds, weighted = TRUE),
    class = "smotelab_error_argument"
  )
})
