# Case weights in the forest, the balanced forest and balanced bagging
# (issue 14), with scikit-learn's sample_weight semantics.

rounded_data <- function(n = 400, seed = 1) {
  d <- logistic_data(n, seed = seed)
  # Fewer distinct values than bins: the forest then bins the rows and their
  # copies alike, one bin per value.
  d[paste0("x", 1:4)] <- round(d[paste0("x", 1:4)], 1)
  d
}

test_that("whole-number case weights in the forest equal duplicated rows exactly", {
  d <- rounded_data()
  w <- withr::with_seed(4, sample(1:4, nrow(d), replace = TRUE))
  copies <- d[rep(seq_len(nrow(d)), w), ]
  # No bootstrap and every predictor at every node: nothing random tells a
  # weighted row from its copies. (Not with class_weight = "balanced" or
  # min_node_size > 1: those count rows, as scikit-learn's do.)
  for (model in list(
    model_forest(n_trees = 3, mtry = 4, bootstrap = FALSE),
    model_forest(n_trees = 3, mtry = 4, bootstrap = FALSE, max_depth = 3)
  )) {
    pipe <- imb_pipeline(clf = model)
    weighted <- fit(pipe, y ~ ., data = d, case_weights = as.double(w), seed = 2, n_threads = 2)
    duplicated <- fit(pipe, y ~ ., data = copies, seed = 2, n_threads = 2)
    expect_equal(predict(weighted, d, type = "prob"), predict(duplicated, d, type = "prob"), tolerance = 1e-12)
    expect_equal(feature_importance(weighted), feature_importance(duplicated), tolerance = 1e-12)
  }
  # The weights matter: without them the (shallow) trees differ.
  shallow <- imb_pipeline(clf = model_forest(n_trees = 3, mtry = 4, bootstrap = FALSE, max_depth = 3))
  plain <- fit(shallow, y ~ ., data = d, seed = 2)
  weighted <- fit(shallow, y ~ ., data = d, case_weights = as.double(w), seed = 2)
  expect_false(isTRUE(all.equal(predict(plain, d, type = "prob"), predict(weighted, d, type = "prob"))))
})

test_that("weighted forests are identical across threads, and only relative weights matter", {
  d <- logistic_data(500)
  w <- withr::with_seed(6, stats::runif(nrow(d), 0.2, 4))
  for (model in list(
    model_forest(n_trees = 20),
    model_balanced_forest(n_trees = 20),
    model_balanced_bagging(model_forest(n_trees = 5), n_estimators = 4)
  )) {
    pipe <- imb_pipeline(clf = model)
    one <- fit(pipe, y ~ ., data = d, case_weights = w, seed = 3, n_threads = 1)
    two <- fit(pipe, y ~ ., data = d, case_weights = w, seed = 3, n_threads = 2)
    expect_identical(predict(one, d, type = "prob"), predict(two, d, type = "prob"))
    plain <- fit(pipe, y ~ ., data = d, seed = 3, n_threads = 2)
    expect_false(isTRUE(all.equal(predict(one, d, type = "prob"), predict(plain, d, type = "prob"))))
    # Doubling every weight doubles every sum exactly: the same trees.
    doubled <- fit(pipe, y ~ ., data = d, case_weights = rep(2, nrow(d)), seed = 3, n_threads = 2)
    expect_identical(predict(doubled, d, type = "prob"), predict(plain, d, type = "prob"))
  }
})

test_that("balanced bagging hands each member the weights of the rows it drew", {
  d <- logistic_data(400)
  w <- withr::with_seed(7, stats::runif(nrow(d), 0.2, 4))
  # Members that draw every row once and resample nothing: each member is
  # the weighted logistic regression of all rows.
  bag <- model_balanced_bagging(model_logistic(C = Inf),
    n_estimators = 2, bootstrap = FALSE,
    sampler = step_random_undersample(sampling_strategy = c(neg = sum(d$y == "neg")))
  )
  bagged <- fit(imb_pipeline(clf = bag), y ~ ., data = d, case_weights = w, seed = 1)
  single <- fit(imb_pipeline(clf = model_logistic(C = Inf)), y ~ ., data = d, case_weights = w, seed = 1)
  expect_equal(predict(bagged, d, type = "prob"), predict(single, d, type = "prob"), tolerance = 1e-10)
})
