# Weighted metrics (issue 14): scikit-learn's sample_weight in every metric of
# the registry, from metrics_binary() to cross_validate(weighted = TRUE).

weighted_refs <- function() readRDS(test_path("data", "weighted-metrics.rds"))$cases

test_that("weighted metrics equal scikit-learn's with sample_weight to 1e-12", {
  for (ref in weighted_refs()) {
    truth <- factor(ref$truth, levels = 0:1)
    got <- suppressWarnings(metrics_binary(truth, ref$prob, threshold = ref$threshold, case_weights = ref$w))
    got <- stats::setNames(got$.estimate, got$.metric)
    expect_setequal(names(got), names(ref$metrics))
    expect_equal(got[names(ref$metrics)], ref$metrics, tolerance = 1e-12, info = ref$name)
  }
})

test_that("whole-number weights equal duplicated rows and zero weights equal dropped rows", {
  ref <- weighted_refs()$ties
  truth <- factor(ref$truth, levels = 0:1)
  w <- withr::with_seed(1, sample(0:3, length(truth), replace = TRUE))
  weighted <- metrics_binary(truth, ref$prob, case_weights = w)
  copies <- rep(seq_along(truth), w)
  duplicated <- metrics_binary(truth[copies], ref$prob[copies])
  expect_equal(weighted, duplicated, tolerance = 1e-12)
  # Unit weights are the unweighted metrics.
  expect_equal(
    metrics_binary(truth, ref$prob, case_weights = rep(1, length(truth))),
    metrics_binary(truth, ref$prob),
    tolerance = 1e-14
  )
  # Weights are relative: scaling them all changes nothing.
  expect_equal(
    metrics_binary(truth, ref$prob, case_weights = 7.5 * w),
    weighted,
    tolerance = 1e-12
  )
})

test_that("evaluate() weighs held-out rows by a column or a vector", {
  d <- logistic_data(600)
  train <- d[1:400, ]
  test <- d[401:600, ]
  fitted <- fit(imb_pipeline(clf = model_logistic()), y ~ ., train, seed = 1)
  w <- withr::with_seed(2, stats::runif(nrow(test), 0.1, 5))
  prob <- predict(fitted, test, type = "prob")$.pred_pos
  by_hand <- metrics_binary(test$y, prob, case_weights = w)
  expect_equal(evaluate(fitted, test, case_weights = w), by_hand)
  test$w <- w
  expect_equal(evaluate(fitted, test, case_weights = "w"), by_hand)
  expect_false(isTRUE(all.equal(evaluate(fitted, test), by_hand)))
})

test_that("cross_validate(weighted = TRUE) scores each fold with its rows' weights", {
  d <- logistic_data(600)
  w <- withr::with_seed(5, stats::runif(nrow(d), 0.1, 4))
  folds <- folds_stratified(d, y, v = 3, seed = 1)
  pipe <- imb_pipeline(smote = step_smote(), clf = model_logistic(C = 0.5))
  metrics <- c("roc_auc", "pr_auc", "f1", "mcc", "brier", "log_loss")
  cv <- cross_validate(pipe, y ~ ., d,
    folds = folds, metrics = metrics, case_weights = w, weighted = TRUE, seed = 11, n_threads = 2
  )
  for (k in 1:3) {
    train <- folds$repeat_1 != k
    fitted <- fit(pipe, y ~ ., d[train, ], case_weights = w[train], seed = 11 + k - 1, n_threads = 1)
    prob <- predict(fitted, d[!train, ], type = "prob")$.pred_pos
    by_hand <- metrics_binary(d$y[!train], prob, case_weights = w[!train])
    got <- cv[cv$fold == k, ]
    expect_equal(got$.estimate, by_hand$.estimate[match(got$.metric, by_hand$.metric)], tolerance = 1e-12)
  }
  unweighted <- cross_validate(pipe, y ~ ., d,
    folds = folds, metrics = metrics, case_weights = w, seed = 11, n_threads = 2
  )
  expect_false(isTRUE(all.equal(unweighted$.estimate, cv$.estimate)))
  one_thread <- cross_validate(pipe, y ~ ., d,
    folds = folds, metrics = metrics, case_weights = w, weighted = TRUE, seed = 11, n_threads = 1
  )
  expect_identical(one_thread, cv)

  d$w <- w
  gs <- grid_search(pipe, y ~ ., d,
    grid = list(clf__C = c(0.5, 5)), folds = folds, metric = c("pr_auc", "brier"),
    case_weights = "w", weighted = TRUE, seed = 11, n_threads = 2
  )
  first <- gs$resamples[gs$resamples$clf__C == 0.5, ]
  expect_equal(first$.estimate, cv$.estimate[cv$.metric %in% c("pr_auc", "brier")], tolerance = 1e-12)
})

test_that("bad metric weights are refused with classed errors", {
  truth <- factor(c("a", "b", "a", "b"))
  prob <- c(0.2, 0.7, 0.4, 0.9)
  expect_snapshot(error = TRUE, metrics_binary(truth, prob, case_weights = c(1, 2)))
  expect_snapshot(error = TRUE, metrics_binary(truth, prob, case_weights = c(1, -1, 1, 1)))
  expect_snapshot(error = TRUE, metrics_binary(truth, prob, case_weights = c(0, 0, 0, 0)))
  expect_error(metrics_binary(truth, prob, case_weights = c(1, NA, 1, 1)), class = "smotelab_error_missing")
  expect_error(metrics_binary(truth, prob, case_weights = c(1, Inf, 1, 1)), class = "smotelab_error_infinite")
  expect_error(metrics_binary(truth, prob, case_weights = letters[1:4]), class = "smotelab_error_type")
  d <- logistic_data(100)
  pipe <- imb_pipeline(clf = model_logistic())
  expect_snapshot(error = TRUE, cross_validate(pipe, y ~ ., d, folds = 3, weighted = TRUE))
  expect_error(
    grid_search(pipe, y ~ ., d, grid = list(clf__C = 1), folds = 3, weighted = NA),
    class = "smotelab_error_argument"
  )
})

test_that("*_vec() metrics take case weights: weighted counts by hand and duplicated rows", {
  truth <- factor(withr::with_seed(3, sample(c("neg", "pos"), 60, replace = TRUE, prob = c(0.7, 0.3))))
  prob <- withr::with_seed(4, round(stats::runif(60), 2))
  estimate <- factor(ifelse(prob > 0.4, "pos", "neg"), levels = levels(truth))
  w <- withr::with_seed(5, stats::runif(60, 0, 3))
  event <- truth == "pos"
  hit <- estimate == "pos"
  tp <- sum(w[event & hit])
  fp <- sum(w[!event & hit])
  fn <- sum(w[event & !hit])
  tn <- sum(w[!event & !hit])
  expect_equal(accuracy_vec(truth, estimate, case_weights = w), (tp + tn) / sum(w), tolerance = 1e-12)
  expect_equal(precision_vec(truth, estimate, case_weights = w), tp / (tp + fp), tolerance = 1e-12)
  expect_equal(recall_vec(truth, estimate, case_weights = w), tp / (tp + fn), tolerance = 1e-12)
  expect_equal(specificity_vec(truth, estimate, case_weights = w), tn / (tn + fp), tolerance = 1e-12)
  expect_equal(f1_vec(truth, estimate, case_weights = w), 2 * tp / (2 * tp + fp + fn), tolerance = 1e-12)
  expect_equal(gmean_vec(truth, estimate, case_weights = w), sqrt(tp / (tp + fn) * tn / (tn + fp)), tolerance = 1e-12)
  expect_equal(
    mcc_vec(truth, estimate, case_weights = w),
    (tp * tn - fp * fn) / sqrt((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn)),
    tolerance = 1e-12
  )
  expect_equal(brier_vec(truth, prob, case_weights = w), sum(w * (event - prob)^2) / sum(w), tolerance = 1e-12)
  # Whole-number weights equal repeated rows, for every metric.
  k <- withr::with_seed(6, sample(0:3, 60, replace = TRUE))
  rows <- rep(seq_along(truth), k)
  for (f in list(accuracy_vec, balanced_accuracy_vec, f1_vec, mcc_vec, gmean_vec)) {
    expect_equal(f(truth, estimate, case_weights = k), f(truth[rows], estimate[rows]), tolerance = 1e-12)
  }
  for (f in list(roc_auc_vec, pr_auc_vec, brier_vec, log_loss_vec)) {
    expect_equal(f(truth, prob, case_weights = k), f(truth[rows], prob[rows]), tolerance = 1e-12)
  }
  all_metrics <- metrics_binary(truth, prob, threshold = 0.4, case_weights = w)
  expect_equal(all_metrics$.estimate[all_metrics$.metric == "f1"], f1_vec(truth, estimate, case_weights = w))
  expect_error(f1_vec(truth, estimate, case_weights = rep(1, 3)), class = "smotelab_error_length")
  expect_error(roc_auc_vec(truth, prob, case_weights = rep(0, 60)), class = "smotelab_error_argument")
})

test_that("roc_curve() and pr_curve() with case weights: summed weights by hand and duplicated rows", {
  truth <- factor(withr::with_seed(7, sample(c("neg", "pos"), 50, replace = TRUE)))
  prob <- withr::with_seed(8, round(stats::runif(50), 1))
  w <- withr::with_seed(9, stats::runif(50, 0.1, 2))
  event <- truth == "pos"
  roc <- roc_curve(truth, prob, case_weights = w)
  pr <- pr_curve(truth, prob, case_weights = w)
  thresholds <- sort(unique(prob), decreasing = TRUE)
  expect_equal(roc$.threshold, c(Inf, thresholds))
  tps <- vapply(thresholds, function(t) sum(w[event & prob >= t]), 1)
  fps <- vapply(thresholds, function(t) sum(w[!event & prob >= t]), 1)
  expect_equal(roc$sensitivity, c(0, tps / sum(w[event])), tolerance = 1e-12)
  expect_equal(roc$specificity, 1 - c(0, fps / sum(w[!event])), tolerance = 1e-12)
  expect_equal(pr$recall, c(0, tps / sum(w[event])), tolerance = 1e-12)
  expect_equal(pr$precision, c(1, tps / (tps + fps)), tolerance = 1e-12)
  # The trapezoids under the weighted points are the weighted ROC-AUC.
  fpr <- 1 - roc$specificity
  area <- sum(diff(fpr) * (head(roc$sensitivity, -1) + tail(roc$sensitivity, -1)) / 2)
  expect_equal(roc_auc_vec(truth, prob, case_weights = w), area, tolerance = 1e-12)
  # Whole-number weights equal repeated rows; a weight of 0 drops the row.
  k <- withr::with_seed(10, sample(0:3, 50, replace = TRUE))
  rows <- rep(seq_along(truth), k)
  expect_equal(roc_curve(truth, prob, case_weights = k), roc_curve(truth[rows], prob[rows]), tolerance = 1e-12)
  expect_equal(pr_curve(truth, prob, case_weights = k), pr_curve(truth[rows], prob[rows]), tolerance = 1e-12)
})
