smote_recipe <- function(data, seed, ...) {
  recipes::recipe(class ~ ., data = data) |>
    step_resample(class, sampler = step_smote(k_neighbors = 5, sampling_strategy = 0.75), seed = seed, ...)
}

test_that("a workflow with step_resample() and the smotelab logistic engine predicts what fit() predicts", {
  skip_if_not_installed("recipes")
  skip_if_not_installed("parsnip")
  skip_if_not_installed("workflows")
  d <- tidy_data()
  train <- d[1:300, ]
  test <- d[301:400, ]
  wf <- workflows::workflow(
    smote_recipe(train, seed = 7),
    parsnip::logistic_reg(penalty = 0.5) |> parsnip::set_engine("smotelab")
  )
  wf_fit <- generics::fit(wf, train)
  ref <- fit(imb_pipeline(smote = step_smote(k_neighbors = 5, sampling_strategy = 0.75), clf = model_logistic(C = 2)),
    class ~ ., train,
    seed = 7
  )
  expect_identical(predict(wf_fit, test, type = "prob"), predict(ref, test, type = "prob"))
  expect_identical(predict(wf_fit, test), predict(ref, test))
  expect_identical(coef(workflows::extract_fit_engine(wf_fit)), coef(ref))
  other <- generics::fit(workflows::update_recipe(wf, smote_recipe(train, seed = 8)), train)
  expect_false(identical(predict(other, test, type = "prob"), predict(ref, test, type = "prob")))
})

test_that("with pipeline_steps = 1, the forest and boosting engines fit what fit() of the pipeline fits", {
  skip_if_not_installed("recipes")
  skip_if_not_installed("parsnip")
  skip_if_not_installed("workflows")
  d <- tidy_data()
  train <- d[1:300, ]
  test <- d[301:400, ]
  smote <- step_smote(k_neighbors = 5, sampling_strategy = 0.75)
  forest <- workflows::workflow(
    smote_recipe(train, seed = 7),
    parsnip::rand_forest(trees = 40, mtry = 2, min_n = 3, mode = "classification") |>
      parsnip::set_engine("smotelab", seed = 7, pipeline_steps = 1, class_weight = "balanced_subsample", n_threads = 2)
  )
  ref_forest <- fit(
    imb_pipeline(
      smote = smote,
      clf = model_forest(n_trees = 40, mtry = 2, min_node_size = 3, class_weight = "balanced_subsample")
    ),
    class ~ ., train,
    seed = 7
  )
  forest_fit <- generics::fit(forest, train)
  expect_identical(predict(forest_fit, test, type = "prob"), predict(ref_forest, test, type = "prob"))
  expect_identical(predict(forest_fit, test), predict(ref_forest, test))
  # The model's stream matters: without the offset the trees differ.
  plain_spec <- parsnip::rand_forest(trees = 40, mtry = 2, min_n = 3, mode = "classification")
  other <- generics::fit(workflows::update_model(forest, plain_spec |>
    parsnip::set_engine("smotelab", seed = 7, class_weight = "balanced_subsample")), train)
  expect_false(identical(predict(other, test, type = "prob"), predict(ref_forest, test, type = "prob")))

  boost <- workflows::workflow(
    smote_recipe(train, seed = 7),
    parsnip::boost_tree(
      trees = 30, learn_rate = 0.1, tree_depth = 3, sample_size = 0.8, mtry = 3, min_n = 2,
      mode = "classification"
    ) |>
      parsnip::set_engine("smotelab", seed = 7, pipeline_steps = 1, scale_pos_weight = 2)
  )
  ref_boost <- fit(
    imb_pipeline(smote = smote, clf = model_boost(
      n_rounds = 30, learning_rate = 0.1, max_depth = 3, subsample = 0.8, colsample = 3 / 5,
      min_child_weight = 2, scale_pos_weight = 2
    )),
    class ~ ., train,
    seed = 7
  )
  boost_fit <- generics::fit(boost, train)
  expect_identical(predict(boost_fit, test, type = "prob"), predict(ref_boost, test, type = "prob"))
  expect_identical(predict(boost_fit, test), predict(ref_boost, test))
})

test_that("fit_resamples() on vfold_cv() scores each fold as cross_validate() on the same fold ids", {
  skip_if_not_installed("tune")
  skip_if_not_installed("rsample")
  skip_if_not_installed("yardstick")
  skip_if_not_installed("recipes")
  skip_if_not_installed("parsnip")
  skip_if_not_installed("workflows")
  withr::local_options(smotelab.rng = "numpy")
  d <- tidy_data()
  set.seed(3)
  folds <- rsample::vfold_cv(d, v = 4, strata = class)
  wf <- workflows::workflow(
    smote_recipe(d, seed = 7),
    parsnip::logistic_reg(penalty = 0.5) |> parsnip::set_engine("smotelab")
  )
  res <- tune::fit_resamples(wf, folds,
    metrics = tidy_metrics(),
    control = tune::control_resamples(event_level = "second")
  )
  got <- tune::collect_metrics(res, summarize = FALSE)
  cv <- cross_validate(
    imb_pipeline(smote = step_smote(k_neighbors = 5, sampling_strategy = 0.75), clf = model_logistic(C = 2)),
    class ~ ., d,
    folds = rset_fold_ids(folds, d), metrics = c("roc_auc", "pr_auc", "gmean"), seed = 7, rng = "numpy"
  )
  for (pair in list(c("roc_auc", "roc_auc"), c("average_precision", "pr_auc"), c("gmean", "gmean"))) {
    ours <- got[got$.metric == pair[1], ]
    theirs <- cv[cv$.metric == pair[2], ]
    expect_equal(ours$.estimate[order(ours$id)], theirs$.estimate[order(theirs$fold)], tolerance = 1e-12)
  }
})

test_that("fit_resamples() with a cleaning rule matches cross_validate() with the default streams", {
  skip_if_not_installed("tune")
  skip_if_not_installed("rsample")
  skip_if_not_installed("yardstick")
  skip_if_not_installed("recipes")
  skip_if_not_installed("parsnip")
  skip_if_not_installed("workflows")
  d <- tidy_data()
  set.seed(4)
  folds <- rsample::vfold_cv(d, v = 3, strata = class)
  wf <- workflows::workflow(
    recipes::recipe(class ~ ., data = d) |> step_resample(class, sampler = step_edited_nearest_neighbours()),
    parsnip::logistic_reg() |> parsnip::set_engine("smotelab")
  )
  res <- tune::fit_resamples(wf, folds,
    metrics = tidy_metrics(),
    control = tune::control_resamples(event_level = "second")
  )
  got <- tune::collect_metrics(res, summarize = FALSE)
  cv <- cross_validate(imb_pipeline(enn = step_edited_nearest_neighbours(), clf = model_logistic()), class ~ ., d,
    folds = rset_fold_ids(folds, d), metrics = "roc_auc"
  )
  ours <- got[got$.metric == "roc_auc", ]
  expect_equal(ours$.estimate[order(ours$id)], cv$.estimate[order(cv$fold)], tolerance = 1e-12)
})

test_that("tune_grid() tunes the sampler's and the model's parameters as grid_search() does", {
  skip_if_not_installed("tune")
  skip_if_not_installed("dials")
  skip_if_not_installed("rsample")
  skip_if_not_installed("yardstick")
  skip_if_not_installed("recipes")
  skip_if_not_installed("parsnip")
  skip_if_not_installed("workflows")
  withr::local_options(smotelab.rng = "numpy")
  d <- tidy_data()
  set.seed(5)
  folds <- rsample::vfold_cv(d, v = 3, strata = class)
  rec <- recipes::recipe(class ~ ., data = d) |>
    step_resample(class, sampler = step_smote(k_neighbors = tune::tune(), sampling_strategy = tune::tune()), seed = 2)
  wf <- workflows::workflow(rec, parsnip::logistic_reg(penalty = tune::tune()) |> parsnip::set_engine("smotelab"))
  params <- tune::extract_parameter_set_dials(wf)
  expect_setequal(params$name, c("k_neighbors", "sampling_strategy", "penalty"))
  grid <- expand.grid(k_neighbors = c(3L, 5L), sampling_strategy = c(0.5, 1), penalty = c(0.1, 1))
  res <- tune::tune_grid(wf, folds,
    grid = grid, metrics = tidy_metrics(),
    control = tune::control_grid(event_level = "second")
  )
  got <- tune::collect_metrics(res)
  got <- got[got$.metric == "roc_auc", ]
  expect_identical(nrow(got), nrow(grid))
  gs <- grid_search(imb_pipeline(smote = step_smote(), clf = model_logistic()), class ~ ., d,
    grid = list(smote__k_neighbors = c(3, 5), smote__sampling_strategy = c(0.5, 1), clf__C = c(10, 1)),
    folds = rset_fold_ids(folds, d), metric = "roc_auc", seed = 2, rng = "numpy"
  )$results
  gs <- gs[gs$.metric == "roc_auc", ]
  key_got <- paste(got$k_neighbors, got$sampling_strategy, 1 / got$penalty)
  key_gs <- paste(gs$smote__k_neighbors, gs$smote__sampling_strategy, gs$clf__C)
  expect_setequal(key_got, key_gs)
  expect_equal(got$mean, gs$mean[match(key_got, key_gs)], tolerance = 1e-12)
})

test_that("the engines refuse what smotelab's models can't do, with smotelab's classes", {
  skip_if_not_installed("recipes")
  skip_if_not_installed("parsnip")
  skip_if_not_installed("workflows")
  d <- tidy_data(n = 200)
  mixed <- workflows::workflow(
    class ~ .,
    parsnip::logistic_reg(penalty = 1, mixture = 0.5) |> parsnip::set_engine("smotelab")
  )
  expect_error(generics::fit(mixed, d), class = "smotelab_error_argument")
  gamma_spec <- parsnip::boost_tree(loss_reduction = 1, mode = "classification")
  gamma <- workflows::workflow(class ~ ., gamma_spec |> parsnip::set_engine("smotelab"))
  expect_error(generics::fit(gamma, d), class = "smotelab_error_argument")
  too_few <- workflows::workflow(
    recipes::recipe(class ~ ., data = d) |>
      step_resample(class, sampler = step_smote(k_neighbors = sum(d$class == "minority") + 1)),
    parsnip::logistic_reg() |> parsnip::set_engine("smotelab")
  )
  expect_error(generics::fit(too_few, d), class = "smotelab_error_too_few_rows")
})

test_that("multi_predict() predicts each penalty exactly as a fit at that penalty alone (tune's submodels)", {
  skip_if_not_installed("parsnip")
  d <- tidy_data()
  train <- d[1:300, ]
  test <- d[301:400, setdiff(names(d), "class")]
  engine <- function(penalty) {
    parsnip::logistic_reg(penalty = penalty) |> parsnip::set_engine("smotelab", class_weight = "balanced")
  }
  fitted <- parsnip::fit(engine(10), class ~ ., data = train)
  expect_identical(parsnip::multi_predict_args(fitted), "penalty")
  penalties <- c(2, 0.05, 10, 0.5)
  for (type in c("prob", "class")) {
    multi <- parsnip::multi_predict(fitted, test, type = type, penalty = penalties)
    expect_identical(nrow(multi), nrow(test))
    expect_true(all(vapply(multi$.pred, function(p) identical(p$penalty, sort(penalties)), logical(1))))
    for (p in penalties) {
      alone <- stats::predict(parsnip::fit(engine(p), class ~ ., data = train), test, type = type)
      got <- do.call(rbind, lapply(multi$.pred, function(rows) rows[rows$penalty == p, -1]))
      expect_identical(got, alone)
    }
  }
  # Penalties differ enough to change the probabilities.
  probs <- parsnip::multi_predict(fitted, test, type = "prob", penalty = c(0.05, 10))$.pred[[1]]
  expect_gt(abs(diff(probs$.pred_minority)), 1e-3)
})

test_that("multi_predict() refuses fits without submodels and bad penalties, with smotelab's classes", {
  skip_if_not_installed("parsnip")
  d <- tidy_data(n = 200)
  forest <- parsnip::fit(
    parsnip::rand_forest(trees = 5, mode = "classification") |> parsnip::set_engine("smotelab", seed = 1),
    class ~ .,
    data = d
  )
  expect_error(parsnip::multi_predict(forest, d, trees = 3), class = "smotelab_error_type")
  logistic <- parsnip::fit(parsnip::logistic_reg() |> parsnip::set_engine("smotelab"), class ~ ., data = d)
  expect_error(parsnip::multi_predict(logistic, d, penalty = c(1, -1)), class = "smotelab_error_argument")
  expect_error(parsnip::multi_predict(logistic, d, type = "raw"), class = "smotelab_error_argument")
})
