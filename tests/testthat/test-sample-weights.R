# Standalone resamplers carry case weights as the pipeline steps do (issue 14).

# The pipeline's step against the standalone resampler with weights, with
# the seed the engine derives for the step: the logistic fits on the two
# must be the same.
expect_standalone_weights <- function(step, standalone, w, clf = model_logistic(C = Inf)) {
  d <- logistic_data(500)
  pipe <- imb_pipeline(resample = step, clf = clf)
  in_pipeline <- fit(pipe, y ~ ., data = d, case_weights = w, seed = 7, n_threads = 2)
  resampled <- standalone(d, w, smotelab:::pipeline_step_seed_cpp(7, 0))
  expect_true(is.double(resampled$.case_weight))
  by_hand <- fit(imb_pipeline(clf = clf), y ~ ., resampled, case_weights = ".case_weight")
  expect_equal(coef(by_hand), coef(in_pipeline), tolerance = 1e-10)
  resampled
}

test_that("standalone over-samplers return the weights the pipeline steps use", {
  d <- logistic_data(500)
  # A weight linear in x1 stays the same linear function of x1 on every
  # synthetic row only if it is interpolated with the row's own gap.
  w <- 0.5 + d$x1 - min(d$x1)
  for (made in list(
    expect_standalone_weights(step_smote(), function(d, w, s) smote(d, y, seed = s, case_weights = w), w),
    expect_standalone_weights(
      step_borderline_smote(kind = "borderline-2"),
      function(d, w, s) borderline_smote(d, y, kind = "borderline-2", seed = s, case_weights = w), w
    ),
    expect_standalone_weights(step_adasyn(), function(d, w, s) adasyn(d, y, seed = s, case_weights = w), w)
  )) {
    expect_gt(nrow(made), nrow(d))
    expect_equal(made$.case_weight, 0.5 + made$x1 - min(d$x1), tolerance = 1e-12)
  }
})

test_that("random over- and under-sampling and the cleaning rules carry their rows' weights", {
  d <- logistic_data(500)
  w <- withr::with_seed(8, stats::runif(nrow(d), 0.2, 5))
  # Rows are told apart by x1, which is continuous.
  own <- function(out) w[match(out$x1, d$x1)]
  over <- expect_standalone_weights(
    step_random_oversample(),
    function(d, w, s) random_oversample(d, y, seed = s, case_weights = w), w
  )
  expect_equal(over$.case_weight, own(over))
  under <- expect_standalone_weights(
    step_random_undersample(),
    function(d, w, s) random_undersample(d, y, seed = s, case_weights = w), w
  )
  expect_equal(under$.case_weight, own(under))
  enn <- expect_standalone_weights(
    step_edited_nearest_neighbours(),
    function(d, w, s) edited_nearest_neighbours(d, y, case_weights = w, n_threads = 1), w
  )
  expect_lt(nrow(enn), nrow(d))
  expect_equal(enn$.case_weight, own(enn))
})

test_that("NearMiss, instance hardness and hard cluster centroids carry weights; soft centroids refuse them", {
  d <- logistic_data(500)
  w <- withr::with_seed(8, stats::runif(nrow(d), 0.2, 5))
  own <- function(out) w[match(out$x1, d$x1)]
  nm <- expect_standalone_weights(
    step_near_miss(),
    function(d, w, s) near_miss(d, y, case_weights = w, n_threads = 1), w
  )
  expect_equal(nm$.case_weight, own(nm))
  iht <- expect_standalone_weights(
    step_instance_hardness_threshold(model = model_logistic()),
    function(d, w, s) instance_hardness_threshold(d, y, model = model_logistic(), seed = s, case_weights = w), w,
    # The rows it keeps are separable: a penalised fit stays finite.
    clf = model_logistic(C = 1)
  )
  expect_equal(iht$.case_weight, own(iht))
  hard <- expect_standalone_weights(
    step_cluster_centroids(voting = "hard"),
    function(d, w, s) cluster_centroids(d, y, voting = "hard", seed = s, case_weights = w), w
  )
  expect_equal(hard$.case_weight, own(hard))
  expect_error(
    cluster_centroids(d, y, voting = "soft", seed = 1, case_weights = w),
    class = "smotelab_error_argument"
  )
})

test_that("SMOTE-ENN, SMOTE-Tomek and k-means SMOTE carry weights as their steps do", {
  d <- logistic_data(500)
  w <- 0.5 + d$x1 - min(d$x1)
  for (made in list(
    expect_standalone_weights(
      step_smote_enn(),
      function(d, w, s) smote_enn(d, y, seed = s, case_weights = w, n_threads = 1), w
    ),
    expect_standalone_weights(
      step_smote_tomek(),
      function(d, w, s) smote_tomek(d, y, seed = s, case_weights = w, n_threads = 1), w
    ),
    expect_standalone_weights(
      step_kmeans_smote(kmeans = 3, cluster_balance_threshold = 0.05),
      function(d, w, s) {
        kmeans_smote(d, y, kmeans = 3, cluster_balance_threshold = 0.05, seed = s, case_weights = w, n_threads = 1)
      }, w
    )
  )) {
    # A weight linear in x1 stays linear on every kept and synthetic row.
    expect_equal(made$.case_weight, 0.5 + made$x1 - min(d$x1), tolerance = 1e-12)
  }
})

test_that("a weight column keeps its name and place and is not a predictor", {
  d <- logistic_data(300)
  d <- cbind(d[1:2], w = withr::with_seed(2, stats::runif(nrow(d), 0.5, 2)), d[-(1:2)])
  by_column <- smote(d, y, case_weights = "w", seed = 3, .synthetic = TRUE)
  expect_named(by_column, c(names(d), ".synthetic"))
  by_vector <- smote(d[names(d) != "w"], y, case_weights = d$w, seed = 3, .synthetic = TRUE)
  expect_equal(by_column$w, by_vector$.case_weight)
  expect_equal(by_column[c("x1", "x2", "x3", "x4")], by_vector[c("x1", "x2", "x3", "x4")])
  # The weight column is not interpolated as a feature: without weights the
  # same seed makes the same synthetic rows.
  plain <- smote(d[names(d) != "w"], y, seed = 3)
  expect_equal(plain$x1, by_vector$x1)
  kept <- tomek_links(d, y, case_weights = "w", n_threads = 1)
  expect_named(kept, names(d))
  expect_equal(kept$w, d$w[match(kept$x1, d$x1)])
})

test_that("bad standalone case weights are refused with classed errors", {
  d <- logistic_data(100)
  expect_error(smote(d, y, case_weights = rep(1, 3)), class = "smotelab_error_length")
  expect_error(random_undersample(d, y, case_weights = "nope"), class = "smotelab_error_columns")
  expect_error(adasyn(d, y, case_weights = c(0, rep(1, 99))), class = "smotelab_error_argument")
  d$.case_weight <- 1
  expect_snapshot(error = TRUE, random_oversample(d, y, case_weights = rep(1, 100)))
})

# The data of expect_standalone_weights() with two factor predictors beside
# the numeric ones, for SMOTE-NC; or with factors only, for SMOTEN.
mixed_weight_data <- function(n = 500, numeric = TRUE) {
  d <- logistic_data(n)
  d$colour <- factor(ifelse(d$x3 > 0.5, "red", ifelse(d$x3 < -0.5, "blue", "green")))
  d$size <- ifelse(d$x4 > 0, "L", "S")
  if (numeric) d[c("x1", "x2", "colour", "size", "y")] else d[c("colour", "size", "y")]
}

expect_weights_as_step <- function(d, step, standalone, w, clf = model_logistic(C = Inf)) {
  in_pipeline <- fit(imb_pipeline(resample = step, clf = clf), y ~ .,
    data = d, case_weights = w, seed = 7, n_threads = 2
  )
  resampled <- standalone(d, w, smotelab:::pipeline_step_seed_cpp(7, 0))
  by_hand <- fit(imb_pipeline(clf = clf), y ~ ., resampled, case_weights = ".case_weight")
  expect_equal(coef(by_hand), coef(in_pipeline), tolerance = 1e-10)
  resampled
}

test_that("SMOTE-NC interpolates weights with the gap of its numeric predictors, as step_smote_nc() does", {
  d <- mixed_weight_data()
  w <- 0.5 + d$x1 - min(d$x1)
  made <- expect_weights_as_step(
    d, step_smote_nc(),
    function(d, w, s) smote_nc(d, y, seed = s, case_weights = w, n_threads = 1), w
  )
  expect_gt(nrow(made), nrow(d))
  expect_equal(made$.case_weight[seq_len(nrow(d))], w)
  # Linear in x1 on every row only if each synthetic row's weight uses that
  # row's own gap: the seed's or the neighbour's weight alone breaks it.
  expect_equal(made$.case_weight, 0.5 + made$x1 - min(d$x1), tolerance = 1e-12)
  # The weights are not a predictor: the same seed makes the same rows.
  plain <- smote_nc(d, y, seed = smotelab:::pipeline_step_seed_cpp(7, 0), n_threads = 1)
  expect_equal(made[names(d)], plain)
})

test_that("SMOTEN gives a synthetic row its seed row's weight, as step_smoten() does", {
  d <- mixed_weight_data(numeric = FALSE)
  w <- withr::with_seed(4, stats::runif(nrow(d), 0.2, 5))
  made <- expect_weights_as_step(
    d, step_smoten(k_neighbors = 3),
    function(d, w, s) smoten(d, y, k_neighbors = 3, seed = s, case_weights = w, n_threads = 1), w
  )
  expect_equal(made$.case_weight[seq_len(nrow(d))], w)
  # The core reports each new row's seed; the same call without weights makes
  # the same rows, so the weights must be those seeds' weights.
  plain <- smoten(d, y, k_neighbors = 3, seed = 11, n_threads = 1)
  weighted <- smoten(d, y, k_neighbors = 3, seed = 11, n_threads = 1, case_weights = w)
  expect_equal(weighted[names(d)], plain)
  codes <- vapply(d[c("colour", "size")], function(v) as.integer(factor(v)) - 1L, integer(nrow(d)))
  seeds <- smotelab:::smoten_cpp(
    codes, c(3L, 2L), as.integer(d$y) - 1L, c(0L, sum(d$y == "neg") - sum(d$y == "pos")), 3L, 11, 1L,
    levels(d$y)
  )$seed_row
  expect_equal(weighted$.case_weight, c(w, w[seeds]))
})

test_that("ROSE gives each new row the weight of the row it was drawn from, as step_rose() does", {
  d <- logistic_data(500)
  w <- withr::with_seed(5, stats::runif(nrow(d), 0.2, 5))
  made <- expect_weights_as_step(
    d, step_rose(),
    function(d, w, s) rose(d, y, seed = s, case_weights = w, n_threads = 1), w
  )
  expect_equal(nrow(made), 2L * sum(d$y == "neg"))
  # Without noise each draw is a copy of its row, which x1 identifies.
  copies <- rose(d, y, minority_smoothness = 0, majority_smoothness = 0, seed = 2, case_weights = w, n_threads = 1)
  expect_true(all(copies$x1 %in% d$x1))
  expect_equal(copies$.case_weight, w[match(copies$x1, d$x1)])
  # Weights given as a column keep its name and place.
  d$w <- w
  by_column <- rose(d, y, seed = 2, case_weights = "w", n_threads = 1)
  expect_named(by_column, names(d))
  expect_equal(by_column$w, rose(d[names(d) != "w"], y, seed = 2, case_weights = w, n_threads = 1)$.case_weight)
})
