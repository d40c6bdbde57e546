grid_data <- function() make_imbalanced(n_samples = 700, weights = c(0.85, 0.15), seed = 8)
grid_pipe <- function() imb_pipeline(scale = step_scale(), smote = step_smote(), clf = model_logistic())

test_that("every grid point equals cross_validate() of that pipeline", {
  d <- grid_data()
  grid <- list(smote__k_neighbors = c(3, 7), smote__sampling_strategy = c(0.5, 1), clf__C = c(0.1, 10))
  gs <- grid_search(grid_pipe(), class ~ ., d, grid = grid, folds = 3, metric = c("f1_macro", "roc_auc"), seed = 21)
  expect_s3_class(gs, "smotelab_grid")
  expect_named(gs$results, c(names(grid), ".metric", "mean", "sd", "n"))
  expect_equal(nrow(gs$results), 8 * 2)
  point <- gs$results[gs$results$smote__k_neighbors == 7 & gs$results$smote__sampling_strategy == 0.5 &
    gs$results$clf__C == 10, ]
  pipe <- imb_pipeline(
    scale = step_scale(), smote = step_smote(k_neighbors = 7, sampling_strategy = 0.5),
    clf = model_logistic(C = 10)
  )
  cv <- summary(cross_validate(pipe, class ~ ., d, folds = 3, metrics = c("f1_macro", "roc_auc"), seed = 21))
  expect_identical(point$mean, cv$mean)
  expect_identical(point$sd, cv$sd)
})

test_that("the best point ranks first and is refitted on all the data", {
  d <- grid_data()
  gs <- grid_search(grid_pipe(), class ~ ., d, grid = list(clf__C = c(0.01, 1, 100)), folds = 3, seed = 2)
  ranked <- gs$results[gs$results$.metric == "f1_macro", ]
  expect_equal(gs$best_params$clf__C, ranked$clf__C[which.max(ranked$mean)])
  best <- imb_pipeline(scale = step_scale(), smote = step_smote(), clf = model_logistic(C = gs$best_params$clf__C))
  refit <- fit(best,
    class ~ ., d,
    seed = 2
  )
  expect_identical(coef(gs$best_fit), coef(refit))
  built <- ggplot2::ggplot_build(autoplot(gs))
  expect_equal(nrow(built$data[[1]]), 3)
  expect_snapshot(print(gs))
})

test_that("a grid may be a data frame of points, in any thread count", {
  d <- grid_data()
  points <- data.frame(smote__k_neighbors = c(3, 5), clf__C = c(1, 0.1))
  one <- grid_search(grid_pipe(), class ~ ., d, grid = points, folds = 3, seed = 1, n_threads = 1)
  two <- grid_search(grid_pipe(), class ~ ., d, grid = points, folds = 3, seed = 1, n_threads = 2)
  expect_identical(one$results, two$results)
  expect_equal(one$results$clf__C, c(1, 0.1))
})

test_that("grid_search() rejects grids it can't run", {
  d <- grid_data()
  expect_snapshot(error = TRUE, grid_search(grid_pipe(), class ~ ., d, grid = list(smote__k = 3)))
  expect_snapshot(error = TRUE, grid_search(grid_pipe(), class ~ ., d, grid = list(model__C = 1)))
  expect_snapshot(error = TRUE, grid_search(grid_pipe(), class ~ ., d, grid = list(clf__C = c(1, -1))))
  expect_snapshot(error = TRUE, grid_search(grid_pipe(), class ~ ., d, grid = list(clf__C = numeric())))
  expect_snapshot(error = TRUE, grid_search(grid_pipe(), class ~ ., d, grid = c(1, 2)))
})

test_that("an interrupt stops a long search promptly and leaves the session usable", {
  skip_if_not_installed("callr")
  skip_if_not(nzchar(Sys.getenv("_R_CHECK_PACKAGE_NAME_")), "needs the installed package")
  session <- callr::r_session$new()
  on.exit(session$close(), add = TRUE)
  session$run(function() library(smotelab))
  session$call(function() {
    d <- make_imbalanced(n_samples = 100000, seed = 1)
    pipe <- imb_pipeline(scale = step_scale(), smote = step_smote(), clf = model_logistic())
    grid_search(pipe, class ~ ., d,
      grid = list(smote__k_neighbors = 3:12, clf__C = c(0.1, 1, 10)),
      seed = 1, n_threads = 2
    )
  })
  Sys.sleep(2)
  started <- Sys.time()
  session$interrupt()
  session$poll_process(20000)
  result <- session$read()
  expect_lt(as.numeric(difftime(Sys.time(), started, units = "secs")), 10)
  expect_match(conditionMessage(result$error), "interrupt")
  again <- session$run(function() {
    d <- make_imbalanced(n_samples = 200, seed = 2)
    nrow(summary(cross_validate(imb_pipeline(clf = model_logistic()), class ~ ., d, folds = 3, seed = 1)))
  })
  expect_equal(again, 3)
})

test_that("autoplot() draws one line per value of the second parameter at the mean, with sd bars", {
  d <- grid_data()
  grid <- list(clf__C = c(0.1, 1, 10), smote__k_neighbors = c(3, 5))
  gs <- grid_search(grid_pipe(), class ~ ., d, grid = grid, folds = 3, seed = 6)
  built <- ggplot2::ggplot_build(autoplot(gs))
  lines <- built$data[[1]]
  bars <- built$data[[3]]
  expect_length(unique(lines$group), 2)
  for (k in grid$smote__k_neighbors) {
    res <- gs$results[gs$results$smote__k_neighbors == k, ]
    res <- res[order(res$clf__C), ]
    drawn <- lines[lines$group == match(k, grid$smote__k_neighbors), ]
    drawn <- drawn[order(drawn$x), ]
    expect_equal(drawn$x, grid$clf__C)
    expect_equal(drawn$y, res$mean)
    sd_bars <- bars[bars$group == match(k, grid$smote__k_neighbors), ]
    sd_bars <- sd_bars[order(sd_bars$x), ]
    expect_equal(sd_bars$ymax - sd_bars$ymin, 2 * res$sd)
  }
})

# issue 11, item 13: an NA grid value gave "missing value where TRUE/FALSE needed".
test_that("an NA grid value is a classed error that names the grid point", {
  d <- make_imbalanced(n_samples = 200, n_features = 3, n_informative = 2, n_redundant = 0, seed = 1)
  pipe <- imb_pipeline(clf = model_logistic())
  err <- expect_error(
    grid_search(pipe, class ~ ., d,
      grid = list(clf__class_weight = c(NA, "balanced")), folds = 2, seed = 1,
      n_threads = 1
    ),
    class = "smotelab_error_argument"
  )
  expect_match(conditionMessage(err), "Grid point 1 (clf__class_weight = NA)", fixed = TRUE)
  expect_match(conditionMessage(err$parent), "`class_weight` must be a single string", fixed = TRUE)
})

test_that("summary() ranks every grid point and metric, the best point first", {
  d <- grid_data()
  gs <- grid_search(grid_pipe(), class ~ ., d,
    grid = list(smote__k_neighbors = c(3, 5), clf__C = c(0.01, 1, 100)),
    folds = 3, metric = c("f1_macro", "roc_auc"), seed = 2, n_threads = 1
  )
  s <- summary(gs)
  expect_named(s, c(".rank", names(gs$results)))
  expect_identical(nrow(s), nrow(gs$results))
  expect_identical(s$.rank, rep(1:6, each = 2))
  expect_identical(s$.metric, rep(c("f1_macro", "roc_auc"), 6))
  ranked <- s[s$.metric == "f1_macro", ]
  expect_false(is.unsorted(rev(ranked$mean)))
  expect_identical(as.list(ranked[1, names(gs$best_params)]), as.list(gs$best_params))
  same <- merge(gs$results, s, by = c("smote__k_neighbors", "clf__C", ".metric"))
  expect_identical(same$mean.x, same$mean.y)
  expect_identical(format(gs), c(
    "<smotelab grid search> 6 grid points, ranked by f1_macro",
    paste0(
      "best: smote__k_neighbors = ", gs$best_params$smote__k_neighbors,
      ", clf__C = ", format(gs$best_params$clf__C)
    )
  ))
  expect_invisible(print(gs))
})

# ---- numpy-exact streams (issue 15) ----------------------------------------

test_that("rng = 'numpy' grid search equals GridSearchCV over imblearn's Pipeline (#15)", {
  ref <- numpy_refs()$grid_search
  cv_ref <- numpy_refs()$cross_validate
  d <- numpy_frame(cv_ref$x, cv_ref$y)
  pipe <- imb_pipeline(scale = step_scale(), smote = step_smote(), clf = model_logistic(C = 1))
  gs <- grid_search(pipe, class ~ ., d,
    grid = list(smote__k_neighbors = c(3, 7), smote__sampling_strategy = c(0.5, 1), clf__C = c(0.1, 10)),
    folds = 5, metric = "f1_macro", seed = 42, n_threads = 2, rng = "numpy"
  )
  res <- gs$results[gs$results$.metric == "f1_macro", ]
  for (i in seq_along(ref$params)) {
    p <- ref$params[[i]]
    row <- res$smote__k_neighbors == p$smote__k_neighbors & res$smote__sampling_strategy == p$smote__sampling_strategy &
      res$clf__C == p$clf__C
    expect_equal(res$mean[row], ref$mean[[i]], tolerance = 1e-8)
  }
  best <- gs$best_params
  expect_equal(
    c(best$smote__k_neighbors, best$smote__sampling_strategy, best$clf__C),
    c(ref$best$smote__k_neighbors, ref$best$smote__sampling_strategy, ref$best$clf__C)
  )
  expect_equal(gs$best_fit$state$model$coef, ref$best_coef, tolerance = 1e-6)
})
