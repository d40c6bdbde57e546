forest_splits <- function() {
  lesson <- make_imbalanced(
    n_samples = 3000, n_features = 10, n_informative = 6, n_redundant = 2,
    weights = c(0.9, 0.1), flip_y = 0.01, seed = 42
  )
  list(
    lesson = c(split_stratified(lesson, class, test_size = 0.25, seed = 42), outcome = "class"),
    pima = c(split_stratified(pima, diabetes, test_size = 0.25, seed = 42), outcome = "diabetes")
  )
}

forest_auc <- function(fitted, test) {
  out <- evaluate(fitted, test, n_threads = 2)
  out$.estimate[out$.metric == "roc_auc"]
}

test_that("held-out ROC-AUC is within 0.01 of ranger's on the lesson data and pima (issue 4)", {
  ref <- readRDS(test_path("data", "ranger-forest.rds"))
  splits <- forest_splits()
  for (name in names(splits)) {
    s <- splits[[name]]
    f <- stats::as.formula(paste(s$outcome, "~ ."))
    fitted <- fit(imb_pipeline(clf = model_forest(n_trees = 500, min_node_size = 1)), f,
      data = s$train,
      seed = 1, n_threads = 2
    )
    expect_lt(abs(forest_auc(fitted, s$test) - ref[[name]]$auc), 0.01, label = name)
  }
})

test_that("single trees equal scikit-learn's, with and without class weights (issue 4)", {
  ref <- readRDS(test_path("data", "sklearn-forest.rds"))
  d <- data.frame(x1 = ref$x1, x2 = ref$x2, y = factor(ref$y, levels = 0:1))
  for (case in ref$cases) {
    weights <- if (case$class_weight == "none") list(NULL) else list("balanced", "balanced_subsample")
    for (cw in weights) {
      model <- model_forest(n_trees = 1, mtry = 2, max_depth = case$max_depth, class_weight = cw, bootstrap = FALSE)
      fitted <- fit(imb_pipeline(clf = model), y ~ ., data = d, seed = 3, n_threads = 1)
      state <- fitted$state$model
      expect_equal(state$trees$feature[1] + 1L, case$root_feature)
      expect_equal(state$trees$value[1], case$root_threshold)
      expect_equal(predict(fitted, d, type = "prob")$.pred_1, case$prob, tolerance = 1e-12)
      imp <- feature_importance(fitted)
      expect_equal(imp$importance[match(c("x1", "x2"), imp$feature)] / sum(imp$importance), case$importance,
        tolerance = 1e-12
      )
    }
  }
  # The weights matter here: the balanced stump cuts elsewhere.
  expect_false(ref$cases[[1]]$root_threshold == ref$cases[[2]]$root_threshold)
})

test_that("balanced_subsample recomputes weights per bootstrap sample", {
  d <- logistic_data(600)
  grow <- function(cw) {
    fitted <- fit(imb_pipeline(clf = model_forest(n_trees = 20, max_depth = 3, class_weight = cw)), y ~ .,
      data = d,
      seed = 5, n_threads = 1
    )
    predict(fitted, d, type = "prob")$.pred_pos
  }
  none <- grow(NULL)
  balanced <- grow("balanced")
  subsample <- grow("balanced_subsample")
  # Same bootstrap samples and feature draws; only the weights differ.
  expect_false(isTRUE(all.equal(balanced, subsample)))
  expect_false(isTRUE(all.equal(none, balanced)))
  # Balancing moves probabilities towards the minority event.
  expect_gt(mean(balanced), mean(none) + 0.1)
  expect_gt(mean(subsample), mean(none) + 0.1)
})

test_that("fits are identical for any n_threads and after saveRDS()", {
  d <- logistic_data(1500)
  pipe <- imb_pipeline(clf = model_forest(n_trees = 40, min_node_size = 3, class_weight = "balanced_subsample"))
  one <- fit(pipe, y ~ ., data = d, seed = 11, n_threads = 1)
  two <- fit(pipe, y ~ ., data = d, seed = 11, n_threads = 2)
  expect_identical(one$state, two$state)
  p1 <- predict(one, d, type = "prob", n_threads = 1)
  expect_identical(p1, predict(two, d, type = "prob", n_threads = 2))

  path <- withr::local_tempfile(fileext = ".rds")
  saveRDS(two, path)
  reloaded <- readRDS(path)
  expect_identical(predict(reloaded, d, type = "prob", n_threads = 2), p1)

  other <- fit(pipe, y ~ ., data = d, seed = 12, n_threads = 2)
  expect_false(identical(other$state$model$trees$value, one$state$model$trees$value))
})

test_that("max_depth, min_node_size and the fitted summary agree", {
  d <- logistic_data(1000)
  shallow <- fit(imb_pipeline(clf = model_forest(n_trees = 10, max_depth = 2)), y ~ .,
    data = d,
    seed = 1, n_threads = 1
  )
  expect_true(all(shallow$state$model$depth <= 2))
  expect_true(all(shallow$state$model$leaves <= 4))
  stumps <- fit(imb_pipeline(clf = model_forest(n_trees = 10, min_node_size = 5000)), y ~ .,
    data = d, seed = 1,
    n_threads = 1
  )
  expect_equal(stumps$state$model$leaves, rep(1L, 10))
  expect_snapshot(print(shallow))
  expect_snapshot(print(model_forest(
    n_trees = 100, mtry = 2, min_node_size = 5, max_depth = 8,
    class_weight = "balanced", bootstrap = FALSE, max_bins = 64
  )))
})

test_that("feature_importance() ranks informative columns above a useless one", {
  d <- logistic_data(3000)
  fitted <- fit(imb_pipeline(clf = model_forest(n_trees = 50, min_node_size = 20)), y ~ .,
    data = d, seed = 1,
    n_threads = 2
  )
  imp <- feature_importance(fitted)
  expect_s3_class(imp, "tbl_df")
  expect_named(imp, c("feature", "importance"))
  expect_setequal(imp$feature, paste0("x", 1:4))
  expect_equal(imp$feature[1], "x1")
  expect_equal(imp$feature[4], "x4")
  expect_false(is.unsorted(rev(imp$importance)))
})

test_that("the forest runs after every resampling step and is deterministic there", {
  d <- logistic_data(800)
  steps <- list(
    smote = step_smote(sampling_strategy = 0.75),
    borderline = step_borderline_smote(),
    adasyn = step_adasyn(),
    over = step_random_oversample(),
    under = step_random_undersample(),
    scale = step_scale()
  )
  # Without bootstrap and with every feature tried, trees do not depend on the seed.
  exact <- model_forest(n_trees = 2, mtry = 4, bootstrap = FALSE)
  plain <- fit(imb_pipeline(clf = exact), y ~ ., data = d, seed = 2, n_threads = 1)
  for (name in names(steps)) {
    pipe <- imb_pipeline(step = steps[[name]], clf = model_forest(n_trees = 30))
    one <- fit(pipe, y ~ ., data = d, seed = 2, n_threads = 1)
    two <- fit(pipe, y ~ ., data = d, seed = 2, n_threads = 2)
    expect_identical(one$state, two$state)
    prob <- predict(one, d, type = "prob")$.pred_pos
    expect_true(all(prob >= 0 & prob <= 1), label = name)
    if (name == "scale") {
      # Trees split on order, and scaling keeps it: same trees, moved thresholds.
      scaled <- fit(imb_pipeline(step = steps[[name]], clf = exact), y ~ ., data = d, seed = 2, n_threads = 1)
      expect_equal(predict(scaled, d, type = "prob")$.pred_pos, predict(plain, d, type = "prob")$.pred_pos)
    } else {
      # The model saw the resampled rows: balanced or nearly so.
      counts <- one$state$fit_counts
      expect_gt(counts[["pos"]] / counts[["neg"]], 0.7, label = name)
    }
  }
})

test_that("cross_validate() and grid_search() run the forest", {
  d <- logistic_data(600)
  pipe <- imb_pipeline(smote = step_smote(), clf = model_forest(n_trees = 25))
  one <- cross_validate(pipe, y ~ ., data = d, folds = 3, metrics = c("roc_auc", "f1"), seed = 4, n_threads = 1)
  two <- cross_validate(pipe, y ~ ., data = d, folds = 3, metrics = c("roc_auc", "f1"), seed = 4, n_threads = 2)
  expect_identical(one, two)
  auc <- one$.estimate[one$.metric == "roc_auc"]
  expect_length(auc, 3)
  expect_true(all(auc > 0.7))

  gs <- grid_search(pipe, y ~ .,
    data = d, grid = list(clf__mtry = 1:2, clf__max_depth = c(2, 6)), folds = 3,
    metric = "roc_auc", seed = 4, n_threads = 2
  )
  expect_equal(nrow(gs$results), 4)
  expect_s3_class(gs$best_fit, "smotelab_fit")
})

test_that("bad forest arguments get classed errors", {
  expect_snapshot(error = TRUE, model_forest(n_trees = 0))
  expect_snapshot(error = TRUE, model_forest(n_trees = 2.5))
  expect_snapshot(error = TRUE, model_forest(n_trees = 1e10))
  expect_snapshot(error = TRUE, model_forest(mtry = 0))
  expect_snapshot(error = TRUE, model_forest(min_node_size = 0))
  expect_snapshot(error = TRUE, model_forest(max_depth = 0))
  expect_snapshot(error = TRUE, model_forest(max_depth = "deep"))
  expect_snapshot(error = TRUE, model_forest(class_weight = "subsample"))
  expect_snapshot(error = TRUE, model_forest(bootstrap = NA))
  expect_snapshot(error = TRUE, model_forest(max_bins = 256))
  expect_error(model_forest(n_trees = 0), class = "smotelab_error_argument")
  expect_error(model_forest(max_depth = 0), class = "smotelab_error_argument")
})

test_that("mtry larger than the design, NA predictors and misuse of feature_importance() are errors", {
  d <- logistic_data(200)
  expect_snapshot(error = TRUE, fit(imb_pipeline(clf = model_forest(mtry = 5)), y ~ ., data = d, seed = 1))
  expect_error(fit(imb_pipeline(clf = model_forest(mtry = 5)), y ~ ., data = d, seed = 1),
    class = "smotelab_error_argument"
  )
  expect_snapshot(error = TRUE, cross_validate(imb_pipeline(clf = model_forest(mtry = 9)), y ~ ., data = d, seed = 1))
  bad <- d
  bad$x2[3] <- NA
  expect_snapshot(error = TRUE, fit(imb_pipeline(clf = model_forest()), y ~ ., data = bad, seed = 1))
  logistic <- fit(imb_pipeline(clf = model_logistic()), y ~ ., data = d, seed = 1, n_threads = 1)
  expect_snapshot(error = TRUE, feature_importance(logistic))
  expect_snapshot(error = TRUE, feature_importance(d))
})

test_that("a damaged stored forest is refused at predict time, not walked", {
  d <- logistic_data(200)
  fitted <- fit(imb_pipeline(clf = model_forest(n_trees = 3)), y ~ ., data = d, seed = 1, n_threads = 1)
  fitted$state$model$trees$left[1] <- 0L
  expect_snapshot(error = TRUE, predict(fitted, d))
})

# issue 11, item 13: NA options gave "missing value where TRUE/FALSE needed".
test_that("an NA class_weight is a classed error that names it", {
  err <- expect_error(model_forest(class_weight = NA_character_), class = "smotelab_error_argument")
  expect_match(conditionMessage(err), "`class_weight` must be a single string", fixed = TRUE)
})
