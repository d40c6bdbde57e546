test_that("logistic regression with case weights and C = Inf equals glm(weights =) (issue 14)", {
  d <- logistic_data(800)
  w <- withr::with_seed(3, stats::runif(nrow(d), 0.2, 3))
  ref <- suppressWarnings(stats::glm(y ~ x1 + x2 + x3 + x4, data = d, family = stats::binomial, weights = w))
  fitted <- fit(imb_pipeline(clf = model_logistic(C = Inf)), y ~ ., data = d, case_weights = w, seed = 1)
  expect_equal(unname(coef(fitted)), unname(stats::coef(ref)), tolerance = 1e-8)
  expect_equal(predict(fitted, d, type = "prob")$.pred_pos, unname(stats::fitted(ref)), tolerance = 1e-8)

  # The same weights as a column: not a predictor, and format() names it.
  d$w <- w
  by_column <- fit(imb_pipeline(clf = model_logistic(C = Inf)), y ~ ., data = d, case_weights = "w", seed = 1)
  expect_equal(by_column$blueprint$columns, paste0("x", 1:4))
  expect_equal(coef(by_column), coef(fitted))
  expect_match(format(by_column), "case weights: column w", all = FALSE)
  expect_false(any(grepl("case weights", format(fit(imb_pipeline(clf = model_logistic()), y ~ x1, data = d)))))
})

test_that("a formula may remove the weight column with `- w`, and can't use it as a predictor", {
  d <- logistic_data(300)
  d$w <- withr::with_seed(5, stats::runif(nrow(d), 0.5, 2))
  pipe <- imb_pipeline(smote = step_smote(), clf = model_logistic())
  plain <- fit(pipe, y ~ ., data = d, case_weights = "w", seed = 1)
  removed <- fit(pipe, y ~ . - w, data = d, case_weights = "w", seed = 1)
  expect_equal(removed$blueprint$columns, paste0("x", 1:4))
  expect_identical(coef(removed), coef(plain))
  # Only the weight term goes: another removed column stays removed.
  fewer <- fit(pipe, y ~ . - w - x4, data = d, case_weights = "w", seed = 1)
  expect_equal(fewer$blueprint$columns, paste0("x", 1:3))
  expect_identical(
    cross_validate(pipe, y ~ . - w, d, folds = 3, case_weights = "w", seed = 1),
    cross_validate(pipe, y ~ ., d, folds = 3, case_weights = "w", seed = 1)
  )
  tuned <- tune_threshold(pipe, y ~ . - w, d, folds = 3, case_weights = "w", seed = 1)
  expect_equal(tuned$threshold, tune_threshold(pipe, y ~ ., d, folds = 3, case_weights = "w", seed = 1)$threshold)
  expect_s3_class(predict(tuned, d), "tbl_df")
  grid <- grid_search(pipe, y ~ . - w, d,
    grid = list(smote__k_neighbors = c(3, 5)), folds = 3, case_weights = "w", seed = 1
  )
  expect_equal(grid$best_fit$blueprint$columns, paste0("x", 1:4))
  expect_snapshot(error = TRUE, fit(pipe, y ~ x1 + w, data = d, case_weights = "w"))
})

test_that("whole-number case weights equal duplicated rows to 1e-10", {
  d <- logistic_data(500)
  # Fewer distinct values than bins: boosting then bins the rows and their
  # copies alike, one bin per value.
  d[paste0("x", 1:4)] <- round(d[paste0("x", 1:4)], 1)
  w <- withr::with_seed(4, sample(1:4, nrow(d), replace = TRUE))
  copies <- d[rep(seq_len(nrow(d)), w), ]
  for (model in list(
    model_logistic(C = 0.3), model_logistic(C = Inf),
    model_boost(n_rounds = 20, max_depth = 3, min_child_weight = 0.5)
  )) {
    pipe <- imb_pipeline(clf = model)
    weighted <- fit(pipe, y ~ ., data = d, case_weights = as.double(w), seed = 2, n_threads = 2)
    duplicated <- fit(pipe, y ~ ., data = copies, seed = 2, n_threads = 2)
    expect_equal(predict(weighted, d, type = "prob"), predict(duplicated, d, type = "prob"), tolerance = 1e-10)
  }
})

test_that("case weights change the fit and keep it identical across threads", {
  d <- logistic_data(600)
  w <- ifelse(d$y == "pos", 3, 1)
  pipe <- imb_pipeline(clf = model_boost(n_rounds = 15))
  one <- fit(pipe, y ~ ., data = d, case_weights = w, seed = 1, n_threads = 1)
  two <- fit(pipe, y ~ ., data = d, case_weights = w, seed = 1, n_threads = 2)
  expect_identical(one$state, two$state)
  # A weight of 3 on every event is scale_pos_weight = 3.
  spw <- fit(imb_pipeline(clf = model_boost(n_rounds = 15, scale_pos_weight = 3)), y ~ ., data = d, seed = 1)
  expect_equal(predict(one, d, type = "prob"), predict(spw, d, type = "prob"), tolerance = 1e-12)
  plain <- fit(pipe, y ~ ., data = d, seed = 1)
  expect_false(isTRUE(all.equal(predict(one, d, type = "prob"), predict(plain, d, type = "prob"))))
  # The same for class_weight = "balanced" in logistic regression.
  n <- table(d$y)
  bal <- ifelse(d$y == "pos", nrow(d) / (2 * n[["pos"]]), nrow(d) / (2 * n[["neg"]]))
  a <- fit(imb_pipeline(clf = model_logistic()), y ~ ., data = d, case_weights = bal, seed = 1)
  b <- fit(imb_pipeline(clf = model_logistic(class_weight = "balanced")), y ~ ., data = d, seed = 1)
  expect_equal(coef(a), coef(b), tolerance = 1e-10)
})

test_that("bad case weights and unsupported pipelines are refused", {
  d <- logistic_data(100)
  pipe <- imb_pipeline(clf = model_logistic())
  expect_snapshot(error = TRUE, fit(pipe, y ~ ., data = d, case_weights = "nope"))
  expect_snapshot(error = TRUE, fit(pipe, y ~ ., data = d, case_weights = rep(1, 3)))
  expect_snapshot(error = TRUE, fit(pipe, y ~ ., data = d, case_weights = c(0, rep(1, 99))))
  expect_snapshot(error = TRUE, fit(pipe, y ~ ., data = d, case_weights = c(NA, rep(1, 99))))
  expect_snapshot(error = TRUE, fit(pipe, y ~ ., data = d, case_weights = letters[1:2]))
  expect_error(fit(pipe, y ~ ., data = d, case_weights = c(Inf, rep(1, 99))), class = "smotelab_error_infinite")
  expect_error(fit(pipe, y ~ ., data = d, case_weights = TRUE), class = "smotelab_error_type")
})

test_that("case weights follow their rows into every fold of cross_validate() and grid_search()", {
  d <- logistic_data(600)
  w <- withr::with_seed(5, stats::runif(nrow(d), 0.1, 4))
  folds <- folds_stratified(d, y, v = 3, seed = 1)
  pipe <- imb_pipeline(clf = model_logistic(C = 0.05))
  cv <- cross_validate(pipe, y ~ ., d,
    folds = folds, metrics = "roc_auc", case_weights = w, seed = 1,
    n_threads = 2
  )
  by_hand <- vapply(1:3, function(k) {
    train <- folds$repeat_1 != k
    fitted <- fit(pipe, y ~ ., d[train, ], case_weights = w[train], seed = 1, n_threads = 1)
    roc_auc_vec(d$y[!train], predict(fitted, d[!train, ], type = "prob")$.pred_pos)
  }, numeric(1))
  expect_equal(cv$.estimate, by_hand, tolerance = 1e-12)
  plain <- cross_validate(pipe, y ~ ., d, folds = folds, metrics = "roc_auc", seed = 1, n_threads = 2)
  expect_false(isTRUE(all.equal(plain$.estimate, cv$.estimate)))

  d$w <- w
  gs <- grid_search(pipe, y ~ ., d,
    grid = list(clf__C = c(0.05, 1)), folds = folds, metric = "roc_auc",
    case_weights = "w", seed = 1, n_threads = 2
  )
  first <- gs$resamples[gs$resamples$clf__C == 0.05, ]
  expect_equal(first$.estimate, by_hand, tolerance = 1e-12)
  expect_equal(gs$best_fit$blueprint$columns, paste0("x", 1:4))
  refit <- fit(imb_pipeline(clf = model_logistic(C = gs$best_params$clf__C)), y ~ ., d, case_weights = "w")
  expect_equal(coef(gs$best_fit), coef(refit))
})

# The pipeline's step against its standalone resampler with the seed the
# engine derives for it; `weigh` gives the weight the resampled rows must
# carry.
expect_weights_follow <- function(step, standalone, weigh) {
  d <- logistic_data(500)
  w <- weigh(d)
  pipe <- imb_pipeline(resample = step, clf = model_logistic(C = Inf))
  fitted <- fit(pipe, y ~ ., data = d, case_weights = w, seed = 7, n_threads = 2)
  resampled <- standalone(d, smotelab:::pipeline_step_seed_cpp(7, 0))
  by_hand <- fit(imb_pipeline(clf = model_logistic(C = Inf)), y ~ ., resampled, case_weights = weigh(resampled, d))
  expect_equal(coef(fitted), coef(by_hand), tolerance = 1e-9)
  unweighted <- fit(pipe, y ~ ., data = d, seed = 7)
  expect_false(isTRUE(all.equal(coef(fitted), coef(unweighted), tolerance = 1e-6)))
}

test_that("a synthetic SMOTE row's weight is interpolated with the gap of its features", {
  # A weight linear in x1 stays linear in x1 on the synthetic rows only if
  # it is interpolated with their features' gap.
  linear <- function(rows, original = rows) 0.5 + rows$x1 - min(original$x1)
  expect_weights_follow(step_smote(), function(d, s) smote(d, y, seed = s), linear)
  expect_weights_follow(
    step_borderline_smote(kind = "borderline-2"),
    function(d, s) borderline_smote(d, y, kind = "borderline-2", seed = s), linear
  )
  expect_weights_follow(step_adasyn(), function(d, s) adasyn(d, y, seed = s), linear)
})

test_that("random over-sampling copies weights and under-sampling keeps them", {
  # Rows are told apart by x1, which is continuous; any weights will do.
  by_row <- function(rows, original = rows) {
    w <- withr::with_seed(8, stats::runif(nrow(original), 0.2, 5))
    w[match(rows$x1, original$x1)]
  }
  expect_weights_follow(step_random_oversample(), function(d, s) random_oversample(d, y, seed = s), by_row)
  expect_weights_follow(step_random_undersample(), function(d, s) random_undersample(d, y, seed = s), by_row)
})

test_that("steps whose new rows come from no single original row refuse case weights", {
  # Soft-voting cluster centroids replace a class by k-means centres: no row's
  # weight can follow them, so the fit must refuse rather than invent one.
  d <- make_imbalanced(n_samples = 300, seed = 3)
  w <- withr::with_seed(3, stats::runif(nrow(d), 0.5, 2))
  soft <- imb_pipeline(cc = step_cluster_centroids(voting = "soft"), clf = model_logistic())
  expect_error(fit(soft, class ~ ., d, case_weights = w, seed = 1), class = "smotelab_error_argument")
  # Hard voting keeps original rows, whose weights go with them.
  hard <- imb_pipeline(cc = step_cluster_centroids(voting = "hard"), clf = model_logistic())
  expect_true(all(is.finite(coef(fit(hard, class ~ ., d, case_weights = w, seed = 1)))))
  # Inside a calibrated pipeline the weights reach the step in every member.
  calibrated <- calibrate(soft, method = "sigmoid", folds = 3)
  expect_error(fit(calibrated, class ~ ., d, case_weights = w, seed = 1), class = "smotelab_error_argument")
})
