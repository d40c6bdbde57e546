# Issue 12: the forest and boosting share one stored tree ensemble.

tree_fit <- function(model, data, seed = 1) {
  fit(imb_pipeline(clf = model), y ~ ., data = data, seed = seed, n_threads = 1)
}

test_that("both tree models store the same ensemble layout", {
  d <- logistic_data(300)
  for (model in list(model_forest(n_trees = 4, max_depth = 3), model_boost(n_rounds = 4, max_depth = 3))) {
    trees <- tree_fit(model, d)$state$model$trees
    expect_named(trees, c("n_features", "tree_start", "feature", "left", "value"))
    expect_identical(trees$n_features, 4L)
    expect_identical(length(trees$tree_start), 5L)
    nodes <- length(trees$feature)
    expect_identical(trees$tree_start[5], nodes)
    # Walk every row by hand through the stored vectors: the R reading of the
    # layout must give what predict() gives.
    x <- as.matrix(d[1:50, 1:4])
    sums <- vapply(seq_len(nrow(x)), function(i) {
      total <- 0
      for (t in 1:4) {
        start <- trees$tree_start[t]
        k <- start
        while (trees$feature[k + 1] >= 0) {
          right <- x[i, trees$feature[k + 1] + 1] > trees$value[k + 1]
          k <- start + trees$left[k + 1] + right
        }
        total <- total + trees$value[k + 1]
      }
      total
    }, numeric(1))
    expected <- if (inherits(model, "smotelab_model_forest")) sums / 4 else stats::plogis(sums)
    expect_equal(predict(tree_fit(model, d), d[1:50, ], type = "prob")$.pred_pos, expected, tolerance = 1e-15)
  }
})

test_that("damaged trees are refused with one message for both models", {
  d <- logistic_data(200)
  forest <- tree_fit(model_forest(n_trees = 3), d)
  boost <- tree_fit(model_boost(n_rounds = 3), d)
  for (fitted in list(forest, boost)) {
    out_of_range <- fitted
    out_of_range$state$model$trees$feature[1] <- 4L
    expect_error(predict(out_of_range, d), "stored nodes are damaged", class = "smotelab_error")
    truncated <- fitted
    truncated$state$model$trees$value <- truncated$state$model$trees$value[-1]
    expect_error(predict(truncated, d), "stored nodes are damaged", class = "smotelab_error")
    overlapping <- fitted
    overlapping$state$model$trees$tree_start[2] <- 10000L
    expect_error(predict(overlapping, d), "stored nodes are damaged", class = "smotelab_error")
  }
})

test_that("fits saved in the earlier tree layout are refused with a request to refit", {
  old <- readRDS(test_path("data", "outdated-fits.rds"))
  for (model in c("forest", "boost")) {
    fitted <- old[[model]]
    expect_null(fitted$state$model$trees)
    expect_error(predict(fitted, old$data), class = "smotelab_error_outdated_fit")
    expect_error(evaluate(fitted, old$data), class = "smotelab_error_outdated_fit")
    expect_snapshot(error = TRUE, predict(fitted, old$data, type = "prob"))
    # Refitting gives what the old fit predicted: the layout changed, the trees did not.
    refitted <- fit(fitted$pipeline, y ~ ., old$data, seed = 1, n_threads = 1)
    expect_identical(predict(refitted, old$data, type = "prob")$.pred_pos, old$prob[[model]])
  }
  expect_snapshot(print(old$boost))
})
