test_that("C = Inf equals glm(), including aliased columns", {
  d <- logistic_data(3000)
  d$x5 <- d$x1 + 2 * d$x2 # a linear combination of earlier columns
  d$x6 <- d$x3
  expect_message(
    fitted <- fit(imb_pipeline(clf = model_logistic(C = Inf)), y ~ ., data = d, n_threads = 1),
    class = "smotelab_message_aliased"
  )
  ref <- stats::glm(y ~ ., data = d, family = stats::binomial)
  expect_equal(names(coef(fitted)), names(coef(ref)))
  expect_equal(is.na(coef(fitted)), is.na(coef(ref)))
  expect_equal(coef(fitted), coef(ref), tolerance = 1e-6)
  prob <- predict(fitted, d, type = "prob")$.pred_pos
  expect_equal(prob, unname(stats::fitted(ref)), tolerance = 1e-8)
})

test_that("factor and logical predictors are encoded as glm() encodes them", {
  d <- logistic_data(1500)
  d$group <- factor(rep(c("b", "a", "c"), length.out = nrow(d)), levels = c("b", "a", "c"))
  d$flag <- d$x4 > 0
  d$x4 <- NULL
  fitted <- fit(imb_pipeline(clf = model_logistic(C = Inf)), y ~ ., data = d, n_threads = 1)
  ref <- stats::glm(y ~ ., data = d, family = stats::binomial)
  expect_equal(unname(coef(fitted)), unname(coef(ref)), tolerance = 1e-6)
  expect_equal(names(coef(fitted)), c("(Intercept)", "x1", "x2", "x3", "groupa", "groupc", "flag"))
})

test_that("C and class_weight = 'balanced' equal scikit-learn's optimum", {
  ref <- readRDS(test_path("data", "sklearn-logistic.rds"))
  d <- data.frame(ref$X)
  d$y <- factor(ref$y, levels = 0:1)
  for (i in seq_len(nrow(ref$cases))) {
    case <- ref$cases[i, ]
    cw <- if (case$class_weight == "none") NULL else "balanced"
    fitted <- fit(imb_pipeline(clf = model_logistic(C = case$C, class_weight = cw)), y ~ ., data = d)
    expect_equal(unname(coef(fitted)), c(case$intercept, unlist(case$coef)), tolerance = 1e-5)
    prob <- predict(fitted, d[1:10, ], type = "prob")$.pred_1
    expect_equal(prob, unlist(case$prob), tolerance = 1e-6)
  }
})

test_that("balanced class weights equal duplicating rows to equal class totals", {
  d <- logistic_data(400)
  n_neg <- sum(d$y == "neg")
  n_pos <- sum(d$y == "pos")
  balanced <- fit(imb_pipeline(clf = model_logistic(C = Inf, class_weight = "balanced")), y ~ ., data = d)
  # With C = Inf a common factor on all weights does not move the optimum, so
  # weighting positives by n_neg / n_pos is the same problem.
  w <- ifelse(d$y == "pos", n_neg / n_pos, 1)
  ref <- suppressWarnings(stats::glm(y ~ ., data = d, family = stats::binomial, weights = w))
  expect_equal(unname(coef(balanced)), unname(coef(ref)), tolerance = 1e-6)
})

test_that("the fit is identical for 1 and 2 threads", {
  d <- logistic_data(20000)
  pipe <- imb_pipeline(scale = step_scale(), clf = model_logistic(C = 0.3))
  one <- fit(pipe, y ~ ., data = d, n_threads = 1)
  two <- fit(pipe, y ~ ., data = d, n_threads = 2)
  expect_identical(one$state, two$state)
  expect_identical(predict(one, d, type = "prob", n_threads = 1), predict(two, d, type = "prob", n_threads = 2))
})

test_that("scaling does not change an unpenalised fit's predictions", {
  d <- logistic_data(1000)
  d$x1 <- d$x1 * 1000 + 50
  plain <- fit(imb_pipeline(clf = model_logistic(C = Inf)), y ~ ., data = d)
  scaled <- fit(imb_pipeline(scale = step_scale(), clf = model_logistic(C = Inf)), y ~ ., data = d)
  expect_equal(predict(scaled, d, type = "prob"), predict(plain, d, type = "prob"), tolerance = 1e-8)
  state <- scaled$state$steps[[1]]
  expect_equal(state$center, unname(colMeans(d[1:4])))
  expect_equal(state$scale, unname(apply(d[1:4], 2, function(v) sqrt(mean((v - mean(v))^2)))))
})

test_that("perfect separation with C = Inf warns; a finite C does not", {
  d <- data.frame(x = c(1:10, 21:30), y = factor(rep(c("a", "b"), each = 10)))
  expect_warning(
    fit(imb_pipeline(clf = model_logistic(C = Inf)), y ~ x, data = d),
    class = "smotelab_warning_separation"
  )
  expect_no_warning(fitted <- fit(imb_pipeline(clf = model_logistic(C = 1)), y ~ x, data = d))
  expect_true(fitted$state$model$converged)
})

test_that("model_logistic() rejects bad arguments", {
  expect_snapshot(error = TRUE, model_logistic(C = 0))
  expect_snapshot(error = TRUE, model_logistic(C = -1))
  expect_snapshot(error = TRUE, model_logistic(C = "1"))
  expect_snapshot(error = TRUE, model_logistic(C = NA_real_))
  expect_snapshot(error = TRUE, model_logistic(class_weight = "balanced_subsample"))
  expect_s3_class(model_logistic(C = Inf), "smotelab_model")
})

test_that("models and pipelines print", {
  expect_snapshot(model_logistic(C = 2, class_weight = "balanced"))
  expect_snapshot(imb_pipeline(scale = step_scale(), clf = model_logistic()))
  d <- logistic_data(300)
  expect_snapshot(fit(imb_pipeline(scale = step_scale(), clf = model_logistic()), y ~ x1 + x2, data = d))
})

# issue 11, item 13: NA options gave "missing value where TRUE/FALSE needed".
test_that("an NA class_weight is a classed error that names it", {
  err <- expect_error(model_logistic(class_weight = NA_character_), class = "smotelab_error_argument")
  expect_match(conditionMessage(err), "`class_weight` must be a single string", fixed = TRUE)
})
