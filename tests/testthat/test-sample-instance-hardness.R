test_that("instance_hardness_threshold() keeps the rows its cross-validated probabilities pick", {
  d <- cleaning_data(n = 400)
  seed <- 21
  kept <- instance_hardness_threshold(d, class, model = model_logistic(), cv = 4, seed = seed, n_threads = 1)
  # By hand: the folds from the stream the function uses, a logistic fit per
  # fold, each row's probability of its own class, and R's type-7 quantile
  # (numpy's linear percentile) of the majority's probabilities.
  folds <- folds_stratified(d, class, v = 4, seed = pipeline_step_seed_cpp(seed, 0))$repeat_1
  own <- numeric(nrow(d))
  for (k in 1:4) {
    fitted <- fit(imb_pipeline(clf = model_logistic()), class ~ ., d[folds != k, ])
    p <- predict(fitted, d[folds == k, ], type = "prob")$.pred_minority
    own[folds == k] <- ifelse(d$class[folds == k] == "minority", p, 1 - p)
  }
  maj <- d$class == "majority"
  n_min <- sum(!maj)
  threshold <- stats::quantile(own[maj], 1 - n_min / sum(maj), type = 7, names = FALSE)
  expected <- which(!maj | own >= threshold)
  expect_identical(source_rows(kept, d), expected)
  expect_identical(sum(kept$class == "majority"), n_min)
})

test_that("instance_hardness_threshold() is the same on 1 and 2 threads and follows the seed", {
  d <- cleaning_data(n = 500)
  run <- function(t, s) {
    instance_hardness_threshold(d, class, model = model_forest(n_trees = 20), seed = s, n_threads = t)
  }
  expect_identical(run(1, 3), run(2, 3))
  expect_false(identical(run(1, 3), run(1, 4)))
  half <- instance_hardness_threshold(d, class, model = model_logistic(), sampling_strategy = 0.5, seed = 1)
  expect_identical(sum(half$class == "majority"), 2L * sum(d$class == "minority"))
})

test_that("step_instance_hardness_threshold() equals the function on each training fold", {
  d <- cleaning_data(n = 450)
  expect_step_equals_function(
    step_instance_hardness_threshold(model = model_forest(n_trees = 10), cv = 3),
    function(t, s) instance_hardness_threshold(t, class, model = model_forest(n_trees = 10), cv = 3, seed = s), d
  )
  pipe <- imb_pipeline(iht = step_instance_hardness_threshold(model = model_logistic()), clf = model_logistic())
  expect_snapshot(print(pipe))
})

test_that("instance_hardness_threshold() refuses bad input with classed errors", {
  d <- cleaning_data(n = 60)
  three <- transform(d, class = factor(rep(c("a", "b", "c"), 20)))
  expect_snapshot(error = TRUE, instance_hardness_threshold(three, class))
  expect_snapshot(error = TRUE, instance_hardness_threshold(d, class, model = "forest"))
  expect_snapshot(error = TRUE, instance_hardness_threshold(d, class, model = model_logistic(), cv = 20))
  expect_error(
    instance_hardness_threshold(d, class, model = model_logistic(), cv = 20),
    class = "smotelab_error_too_few_rows"
  )
})
