ensemble_reference <- function() readRDS(test_path("data", "imblearn-ensembles.rds"))

# The smotelab model matching each case of make-imblearn-ensembles.py.
ensemble_cases <- function() {
  tree <- model_forest(n_trees = 1, mtry = 8, bootstrap = FALSE)
  list(
    brf_default = model_balanced_forest(n_trees = 100),
    brf_all_replacement = model_balanced_forest(
      n_trees = 100, sampling_strategy = "all", replacement = TRUE,
      bootstrap = FALSE
    ),
    brf_ratio = model_balanced_forest(n_trees = 100, sampling_strategy = 0.5),
    bagging_logistic = model_balanced_bagging(model_logistic(C = 1), n_estimators = 10),
    bagging_tree = model_balanced_bagging(tree, n_estimators = 20),
    bagging_tree_smote = model_balanced_bagging(tree, n_estimators = 20, sampler = step_smote()),
    easy_ensemble_gb = model_easy_ensemble(n_estimators = 10)
  )
}

mean_held_out_auc <- function(model, d, seeds) {
  mean(vapply(seeds, function(s) {
    fitted <- fit(imb_pipeline(clf = model), y ~ ., data = d$train, seed = s, n_threads = 2)
    roc_auc_vec(d$test$y, predict(fitted, d$test, type = "prob")$.pred_1)
  }, numeric(1)))
}

test_that("held-out ROC-AUC matches imbalanced-learn's within 0.01, mean over seeds (issue 14)", {
  skip_on_cran()
  ref <- ensemble_reference()
  cases <- ensemble_cases()
  for (d in ref$datasets) {
    for (case in names(cases)) {
      seeds <- if (inherits(cases[[case]], "smotelab_model_balanced_forest")) 1:10 else 1:20
      ours <- mean_held_out_auc(cases[[case]], d, seeds)
      expect_lt(abs(ours - d$auc[[case]]), 0.01, label = paste(d$name, case, "AUC difference"))
    }
  }
})

test_that("EasyEnsemble's gradient-boosted members do at least as well as imbalanced-learn's AdaBoost", {
  skip_on_cran()
  # The members differ on purpose (see ?model_easy_ensemble), so the AdaBoost
  # reference is a floor, not a target.
  for (d in ensemble_reference()$datasets) {
    ours <- mean_held_out_auc(model_easy_ensemble(n_estimators = 10), d, 1:20)
    expect_gt(ours, d$auc[["easy_ensemble"]] - 0.01)
  }
})

test_that("every tree of a balanced forest grows on balanced rows", {
  d <- logistic_data(1200)
  n <- table(d$y)
  grow <- function(...) {
    pipe <- imb_pipeline(clf = model_balanced_forest(n_trees = 30, ...))
    fit(pipe, y ~ ., data = d, seed = 4, n_threads = 2)$state$model
  }
  # Without a bootstrap, each tree holds exactly the under-sampled rows.
  exact <- grow(bootstrap = FALSE)
  expect_equal(exact$keep, c(n[["pos"]], n[["pos"]]))
  expect_true(all(exact$bag_counts == n[["pos"]]))
  original <- grow(sampling_strategy = "all", replacement = TRUE, bootstrap = FALSE)
  expect_true(all(original$bag_counts == min(n)))
  # A ratio keeps floor(n_minority / r) majority rows.
  ratio <- grow(sampling_strategy = 0.4, bootstrap = FALSE)
  expect_equal(ratio$keep, c(floor(n[["pos"]] / 0.4), n[["pos"]]))
  expect_true(all(ratio$bag_counts[1, ] == floor(n[["pos"]] / 0.4)))
  # With the bootstrap, each tree draws as many rows as were kept, from the
  # kept rows: balanced on average, each class near its half.
  boot <- grow()
  expect_true(all(colSums(boot$bag_counts) == 2 * n[["pos"]]))
  expect_lt(max(abs(rowMeans(boot$bag_counts) / n[["pos"]] - 1)), 0.03)
  expect_gt(stats::sd(boot$bag_counts[1, ]), 0)
  # An ordinary forest's bootstrap keeps the imbalance.
  plain <- fit(imb_pipeline(clf = model_forest(n_trees = 5)), y ~ ., data = d, seed = 4, n_threads = 1)
  expect_gt(nrow(d) - sum(d$y == "pos"), 2 * n[["pos"]])
  expect_null(plain$state$model$bag_counts)
})

test_that("a balanced forest that keeps every row is the plain forest", {
  d <- logistic_data(800)
  n <- table(d$y)
  everything <- c(neg = n[["neg"]], pos = n[["pos"]])
  balanced <- model_balanced_forest(n_trees = 20, bootstrap = FALSE, mtry = 2, sampling_strategy = everything)
  plain <- model_forest(n_trees = 20, bootstrap = FALSE, mtry = 2)
  a <- fit(imb_pipeline(clf = balanced), y ~ ., data = d, seed = 9, n_threads = 2)
  b <- fit(imb_pipeline(clf = plain), y ~ ., data = d, seed = 9, n_threads = 2)
  expect_identical(a$state$model$trees, b$state$model$trees)
  expect_identical(predict(a, d, type = "prob"), predict(b, d, type = "prob"))
})

test_that("bagging averages members that are the pipeline engine's own fits", {
  d <- logistic_data(600)
  member <- imb_pipeline(sampler = step_random_undersample(), clf = model_logistic(C = 0.5))
  bagged <- model_balanced_bagging(model_logistic(C = 0.5), n_estimators = 3, bootstrap = FALSE)
  fitted <- fit(imb_pipeline(clf = bagged), y ~ ., data = d, seed = 21, n_threads = 2)
  # Without a bootstrap and with max_samples = 1, member t sees every row and
  # runs with the seed the engine derives for sub-task t of the model, which
  # is itself sub-task 0 of a pipeline without steps.
  model_seed <- smotelab:::pipeline_step_seed_cpp(21, 0)
  by_hand <- vapply(0:2, function(t) {
    one <- fit(member, y ~ ., data = d, seed = smotelab:::pipeline_step_seed_cpp(model_seed, t), n_threads = 1)
    predict(one, d, type = "prob")$.pred_pos
  }, numeric(nrow(d)))
  expect_equal(predict(fitted, d, type = "prob")$.pred_pos, rowMeans(by_hand), tolerance = 1e-14)
  expect_equal(summary(fitted)$member_counts$neg, rep(sum(d$y == "pos"), 3))
  # Members differ: each under-samples its own rows.
  expect_gt(stats::sd(by_hand[1, ]), 0)
})

test_that("bagging draws max_samples rows per member, with or without replacement", {
  d <- logistic_data(500)
  pos <- sum(d$y == "pos")
  counts <- function(...) {
    fitted <- fit(imb_pipeline(clf = model_balanced_bagging(model_logistic(), n_estimators = 6, ...)), y ~ .,
      data = d, seed = 3, n_threads = 1
    )
    summary(fitted)$member_counts
  }
  # Over-sampling a bag of 200 rows with SMOTE to balance: twice its majority.
  over <- counts(sampler = step_smote(), max_samples = 200, bootstrap = FALSE)
  expect_true(all(over$neg == over$pos))
  expect_true(all(over$neg < 200 & over$neg > 100))
  # Without replacement and all rows, every member under-samples to the
  # full minority.
  all_rows <- counts(bootstrap = FALSE)
  expect_true(all(all_rows$pos == pos & all_rows$neg == pos))
  # A bootstrap of half the rows holds about half the minority.
  half <- counts(max_samples = 0.5)
  expect_true(all(half$pos == half$neg))
  expect_lt(abs(mean(half$pos) / (pos / 2) - 1), 0.2)
  expect_gt(stats::sd(half$pos), 0)
})

test_that("balanced ensembles are identical for any n_threads and survive saveRDS()", {
  d <- logistic_data(900)
  path <- withr::local_tempfile(fileext = ".rds")
  models <- list(
    model_balanced_forest(n_trees = 30),
    model_balanced_bagging(model_forest(n_trees = 5), n_estimators = 4, sampler = step_smote()),
    model_easy_ensemble(n_estimators = 4, n_rounds = 10)
  )
  for (model in models) {
    pipe <- imb_pipeline(scale = step_scale(), clf = model)
    one <- fit(pipe, y ~ ., data = d, seed = 5, n_threads = 1)
    two <- fit(pipe, y ~ ., data = d, seed = 5, n_threads = 2)
    expect_identical(one$state, two$state)
    p <- predict(one, d, type = "prob", n_threads = 1)
    expect_identical(predict(two, d, type = "prob", n_threads = 2), p)
    expect_true(all(p$.pred_pos >= 0 & p$.pred_pos <= 1))
    saveRDS(two, path)
    expect_identical(predict(readRDS(path), d, type = "prob"), p)
    other <- fit(pipe, y ~ ., data = d, seed = 6, n_threads = 2)
    expect_false(identical(predict(other, d, type = "prob"), p))
  }
})

test_that("balanced ensembles cross-validate and tune like any model", {
  d <- logistic_data(600)
  pipe <- imb_pipeline(clf = model_balanced_bagging(model_logistic(), n_estimators = 3))
  cv1 <- cross_validate(pipe, y ~ ., d, folds = 3, metrics = "roc_auc", seed = 2, n_threads = 1)
  cv2 <- cross_validate(pipe, y ~ ., d, folds = 3, metrics = "roc_auc", seed = 2, n_threads = 2)
  expect_identical(cv1, cv2)
  expect_true(all(cv1$.estimate > 0.6))

  gs <- grid_search(
    imb_pipeline(clf = model_balanced_forest(n_trees = 10)), y ~ ., d,
    grid = list(clf__n_trees = c(5, 20), clf__sampling_strategy = c(0.5, 1)),
    folds = 3, metric = "roc_auc", seed = 2, n_threads = 2
  )
  expect_equal(nrow(gs$results), 4)
  expect_s3_class(gs$best_fit$pipeline$elements$clf, "smotelab_model_balanced_forest")
  expect_equal(gs$best_fit$pipeline$elements$clf$params$n_trees, gs$best_params$clf__n_trees)

  easy <- grid_search(imb_pipeline(clf = model_easy_ensemble(n_rounds = 5)), y ~ ., d,
    grid = list(clf__n_estimators = c(2, 4)), folds = 3, metric = "roc_auc", seed = 2, n_threads = 2
  )
  expect_equal(easy$results$clf__n_estimators, c(2, 4))
  expect_length(easy$best_fit$state$model$members, easy$best_params$clf__n_estimators)

  # A grid value may be a whole member model.
  members <- grid_search(pipe, y ~ ., d,
    grid = list(clf__model = list(model_logistic(C = 0.01), model_logistic(C = 10))),
    folds = 3, metric = "roc_auc", seed = 2, n_threads = 1
  )
  expect_equal(nrow(members$results), 2)
})

test_that("fitted balanced ensembles print and summarise", {
  d <- logistic_data(400)
  forest <- fit(imb_pipeline(clf = model_balanced_forest(n_trees = 10, sampling_strategy = 0.5)), y ~ .,
    data = d, seed = 1, n_threads = 1
  )
  expect_snapshot(print(forest))
  s <- summary(forest)
  expect_equal(s$tree_rows$kept, as.integer(forest$state$model$keep))
  expect_equal(s$importance, feature_importance(forest))
  bagged <- fit(imb_pipeline(clf = model_balanced_bagging(model_logistic(), n_estimators = 3)), y ~ .,
    data = d, seed = 1, n_threads = 1
  )
  expect_snapshot(print(bagged))
  expect_snapshot(print(summary(bagged)))
  expect_snapshot(print(model_easy_ensemble(n_estimators = 5, sampling_strategy = 0.8)))
  expect_snapshot(print(model_balanced_bagging(model_forest(n_trees = 3), max_samples = 0.5, bootstrap = FALSE)))
})

test_that("bad ensemble arguments are refused with classed errors", {
  expect_snapshot(error = TRUE, model_balanced_forest(replacement = NA))
  expect_snapshot(error = TRUE, model_balanced_forest(sampling_strategy = "minority"))
  expect_snapshot(error = TRUE, model_balanced_forest(n_trees = 0))
  expect_snapshot(error = TRUE, model_balanced_bagging("logistic"))
  expect_snapshot(error = TRUE, model_balanced_bagging(model_logistic(), sampler = step_scale()))
  expect_snapshot(error = TRUE, model_balanced_bagging(model_logistic(), sampler = function(x) x))
  expect_snapshot(error = TRUE, model_balanced_bagging(model_logistic(), max_samples = 1.5))
  expect_snapshot(error = TRUE, model_balanced_bagging(model_logistic(), n_estimators = 0))
  expect_snapshot(error = TRUE, model_easy_ensemble(learning_rate = -1))
  expect_error(model_easy_ensemble(learning_rate = -1), class = "smotelab_error_argument")
  expect_error(model_balanced_forest(n_trees = 0), class = "smotelab_error_argument")
  expect_error(model_balanced_bagging(model_logistic(), sampler = step_scale()), class = "smotelab_error_argument")
  expect_error(model_balanced_bagging(model_logistic(), sampler = function(x) x), class = "smotelab_error_type")
  expect_error(model_balanced_bagging(1), class = "smotelab_error_type")

  d <- logistic_data(200)
  # Checked against the data: the nested sampler's classes, mtry inside a
  # bag, a share of rows too small to draw any.
  expect_snapshot(error = TRUE, fit(
    imb_pipeline(clf = model_balanced_bagging(model_logistic(), sampler = step_random_undersample(c(nope = 3)))),
    y ~ ., d,
    seed = 1
  ))
  expect_error(
    fit(imb_pipeline(clf = model_balanced_bagging(model_forest(mtry = 9))), y ~ ., d, seed = 1),
    class = "smotelab_error_argument"
  )
  expect_error(
    fit(imb_pipeline(clf = model_balanced_forest(mtry = 9)), y ~ ., d, seed = 1),
    class = "smotelab_error_argument"
  )
  expect_snapshot(error = TRUE, fit(
    imb_pipeline(clf = model_balanced_bagging(model_logistic(), max_samples = 0.001)), y ~ ., d,
    seed = 1
  ))
  expect_snapshot(error = TRUE, fit(
    imb_pipeline(clf = model_balanced_bagging(model_logistic(), max_samples = 300, bootstrap = FALSE)), y ~ ., d,
    seed = 1
  ))
  # A bag too small for the sampler: the member's error, with its kind.
  expect_error(
    fit(imb_pipeline(clf = model_balanced_bagging(model_logistic(), sampler = step_smote(), max_samples = 20)),
      y ~ ., d,
      seed = 1
    ),
    class = "smotelab_error"
  )
})
