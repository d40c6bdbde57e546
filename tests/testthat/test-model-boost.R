# Issue 4: gradient-boosted trees.

boost_fit <- function(model, data, formula = y ~ ., seed = 1, n_threads = 1) {
  fit(imb_pipeline(clf = model), formula, data, seed = seed, n_threads = n_threads)
}

event_prob <- function(fitted, data, n_threads = 1) {
  predict(fitted, data, type = "prob", n_threads = n_threads)[[2]]
}

test_that("held-out ROC-AUC is within 0.01 of xgboost hist's on the lesson data and pima", {
  ref <- readRDS(test_path("data", "xgboost-boost.rds"))
  for (k in seq_along(ref$cases)) {
    case <- ref$cases[[k]]
    split <- ref$datasets[[case$data]]
    outcome <- ref$outcomes[[case$data]]
    model <- do.call(model_boost, case[setdiff(names(case), "data")])
    fitted <- boost_fit(model, split$train, stats::as.formula(paste(outcome, "~ .")))
    auc <- roc_auc_vec(split$test[[outcome]], event_prob(fitted, split$test))
    expect_lt(abs(auc - ref$roc_auc[k]), 0.01)
  }
})

test_that("scale_pos_weight = w equals duplicating the event rows w times", {
  d <- withr::with_seed(4, {
    x <- matrix(sample(0:14, 4 * 1500, replace = TRUE), ncol = 4, dimnames = list(NULL, paste0("x", 1:4)))
    eta <- -2.5 + 0.25 * x[, 1] - 0.15 * x[, 2] + 0.1 * x[, 3] * (x[, 4] > 7)
    data.frame(x + 0, y = factor(ifelse(stats::runif(1500) < stats::plogis(eta), "pos", "neg"), c("neg", "pos")))
  })
  for (w in c(2, 5)) {
    weighted <- boost_fit(model_boost(n_rounds = 30, max_depth = 4, scale_pos_weight = w), d)
    events <- d[d$y == "pos", ]
    duplicated <- rbind(d, events[rep(seq_len(nrow(events)), w - 1), ])
    copies <- boost_fit(model_boost(n_rounds = 30, max_depth = 4), duplicated)
    expect_equal(event_prob(weighted, d), event_prob(copies, d), tolerance = 1e-10)
  }
  plain <- boost_fit(model_boost(n_rounds = 30, max_depth = 4), d)
  expect_gt(max(abs(event_prob(plain, d) - event_prob(weighted, d))), 0.01)
})

test_that("fits are identical for 1 and 2 threads and survive saveRDS()", {
  d <- logistic_data(3000)
  model <- model_boost(n_rounds = 25, subsample = 0.7, colsample = 0.5, max_depth = 5)
  one <- boost_fit(model, d, seed = 3, n_threads = 1)
  two <- boost_fit(model, d, seed = 3, n_threads = 2)
  expect_identical(one$state, two$state)
  expect_identical(event_prob(one, d, n_threads = 1), event_prob(one, d, n_threads = 2))
  path <- withr::local_tempfile(fileext = ".rds")
  saveRDS(one, path)
  expect_identical(event_prob(readRDS(path), d), event_prob(one, d))
  other <- boost_fit(model, d, seed = 4)
  expect_false(identical(one$state$model$trees$value, other$state$model$trees$value))
})

test_that("row and column sampling change the fit but keep it useful", {
  d <- logistic_data(3000)
  full <- boost_fit(model_boost(n_rounds = 30, max_depth = 3), d)
  sampled <- boost_fit(model_boost(n_rounds = 30, max_depth = 3, subsample = 0.5, colsample = 0.5), d)
  expect_false(identical(full$state$model$trees$value, sampled$state$model$trees$value))
  expect_gt(roc_auc_vec(d$y, event_prob(sampled, d)), 0.75)
  stumps <- boost_fit(model_boost(n_rounds = 5, max_depth = 1, colsample = 0.25), d)
  splits <- stumps$state$model$trees$feature[stumps$state$model$trees$feature >= 0]
  expect_length(splits, 5)
})

test_that("boosting runs after resampling steps and inside cross_validate()", {
  d <- make_imbalanced(n_samples = 800, weights = c(0.85, 0.15), seed = 3)
  steps <- list(
    smote = step_smote(sampling_strategy = 0.75),
    borderline_smote = step_borderline_smote(),
    adasyn = step_adasyn(),
    random_over = step_random_oversample(),
    random_under = step_random_undersample()
  )
  for (name in names(steps)) {
    pipe <- imb_pipeline(!!name := steps[[name]], clf = model_boost(n_rounds = 10))
    fitted <- fit(pipe, class ~ ., d, seed = 2, n_threads = 2)
    expect_false(identical(fitted$state$fit_counts, fitted$class_counts))
    expect_gt(roc_auc_vec(d$class, predict(fitted, d, type = "prob")$.pred_minority), 0.8)
  }
  pipe <- imb_pipeline(smote = step_smote(), clf = model_boost(n_rounds = 20, max_depth = 3))
  cv1 <- cross_validate(pipe, class ~ ., d, folds = 3, metrics = c("roc_auc", "pr_auc"), seed = 5, n_threads = 1)
  cv2 <- cross_validate(pipe, class ~ ., d, folds = 3, metrics = c("roc_auc", "pr_auc"), seed = 5, n_threads = 2)
  expect_identical(cv1, cv2)
  expect_true(all(cv1$.estimate[cv1$.metric == "roc_auc"] > 0.8))
  folds <- folds_stratified(d, class, v = 3, seed = 5)
  by_hand <- evaluate(fit(pipe, class ~ ., d[folds$repeat_1 != 2, ], seed = 5 + 1), d[folds$repeat_1 == 2, ])
  expect_identical(
    cv1$.estimate[cv1$fold == 2 & cv1$.metric == "roc_auc"],
    by_hand$.estimate[by_hand$.metric == "roc_auc"]
  )
  grid <- grid_search(pipe, class ~ ., d,
    grid = list(clf__max_depth = c(1, 3)), folds = 3, metric = "roc_auc",
    seed = 5, n_threads = 2
  )
  expect_identical(nrow(grid$results), 2L)
})

test_that("early stopping stops an overfitting fit and keeps the best round", {
  noise <- withr::with_seed(8, {
    x <- matrix(stats::rnorm(1500 * 3), ncol = 3, dimnames = list(NULL, paste0("x", 1:3)))
    data.frame(x, y = factor(ifelse(stats::runif(1500) < 0.2 + 0.1 * (x[, 1] > 0), "pos", "neg"), c("neg", "pos")))
  })
  for (metric in c("logloss", "auc", "aucpr")) {
    model <- model_boost(
      n_rounds = 300, max_depth = 8, min_child_weight = 0, early_stopping_rounds = 10,
      validation = 0.2, eval_metric = metric
    )
    state <- boost_fit(model, noise)$state$model
    expect_lt(state$rounds, 300)
    expect_identical(state$rounds, state$best_iteration + 10L)
    expect_identical(length(state$trees$tree_start) - 1L, state$best_iteration)
    best <- state$eval_history[state$best_iteration]
    if (metric == "logloss") {
      expect_identical(min(state$eval_history), best)
    } else {
      expect_identical(max(state$eval_history), best)
    }
  }
  full <- boost_fit(model_boost(n_rounds = 300, max_depth = 8, min_child_weight = 0), noise)$state$model
  expect_identical(full$rounds, 300L)
  expect_identical(full$best_iteration, 0L)
})

test_that("models and fits print what they hold", {
  d <- logistic_data(600)
  expect_snapshot({
    model_boost()
    model_boost(n_rounds = 50, scale_pos_weight = 9, subsample = 0.8, early_stopping_rounds = 5, eval_metric = "aucpr")
    boost_fit(model_boost(n_rounds = 20), d)
    boost_fit(model_boost(n_rounds = 200, max_depth = 8, early_stopping_rounds = 5), d)
  })
})

test_that("bad arguments get classed errors", {
  expect_snapshot(error = TRUE, model_boost(learning_rate = 0))
  expect_snapshot(error = TRUE, model_boost(max_depth = 0))
  expect_snapshot(error = TRUE, model_boost(max_depth = 2.5))
  expect_snapshot(error = TRUE, model_boost(n_rounds = 0))
  expect_snapshot(error = TRUE, model_boost(n_rounds = "10"))
  expect_snapshot(error = TRUE, model_boost(subsample = 0))
  expect_snapshot(error = TRUE, model_boost(subsample = 1.5))
  expect_snapshot(error = TRUE, model_boost(colsample = -0.1))
  expect_snapshot(error = TRUE, model_boost(lambda = -1))
  expect_snapshot(error = TRUE, model_boost(min_child_weight = -1))
  expect_snapshot(error = TRUE, model_boost(scale_pos_weight = 0))
  expect_snapshot(error = TRUE, model_boost(early_stopping_rounds = 0))
  expect_snapshot(error = TRUE, model_boost(validation = 1))
  expect_snapshot(error = TRUE, model_boost(eval_metric = "error"))
  expect_snapshot(error = TRUE, model_boost(max_bins = 256))
  expect_error(model_boost(learning_rate = -1), class = "smotelab_error_argument")
})

test_that("early stopping on too few rows and damaged fits get classed errors", {
  d <- logistic_data(40)
  expect_snapshot(error = TRUE, boost_fit(model_boost(early_stopping_rounds = 3, validation = 0.01), d))
  fitted <- boost_fit(model_boost(n_rounds = 3), logistic_data(300))
  fitted$state$model$trees$left[1] <- 0L
  expect_snapshot(error = TRUE, predict(fitted, logistic_data(10)))
  d_na <- logistic_data(50)
  d_na$x1[3] <- NA
  expect_error(boost_fit(model_boost(), d_na), class = "smotelab_error")
})

# issue 11, item 13: NA options gave "missing value where TRUE/FALSE needed".
test_that("an NA eval_metric is a classed error that names it", {
  err <- expect_error(model_boost(eval_metric = NA_character_), class = "smotelab_error_argument")
  expect_match(conditionMessage(err), "`eval_metric` must be a single string", fixed = TRUE)
})
