test_that("plot_roc() draws one ROC curve per model, each the roc_curve() of its probabilities", {
  case <- plot_case()
  p <- plot_roc(case$fits, case$test)
  expect_s3_class(p, "ggplot")
  built <- ggplot2::ggplot_build(p)
  expect_identical(built$data[[1]]$slope, 1)
  expect_identical(built$data[[1]]$intercept, 0)
  lines <- built$data[[2]]
  expect_length(unique(lines$group), 2)
  for (i in seq_along(case$fits)) {
    prob <- predict(case$fits[[i]], case$test, type = "prob")$.pred_minority
    curve <- roc_curve(case$test$class, prob)
    drawn <- lines[lines$group == i, ]
    expect_equal(drawn$x, 1 - curve$specificity)
    expect_equal(drawn$y, curve$sensitivity)
    auc <- roc_auc_vec(case$test$class, prob)
    expect_identical(levels(p$data$model)[i], sprintf("%s (AUC = %.3f)", names(case$fits)[i], auc))
  }
  expect_s3_class(p + ggplot2::ggtitle("extended"), "ggplot")
})

test_that("plot_pr() draws PR steps per model and the random line at the held-out prevalence", {
  case <- plot_case()
  p <- plot_pr(case$fits, case$test)
  built <- ggplot2::ggplot_build(p)
  expect_equal(built$data[[1]]$yintercept, mean(case$test$class == "minority"))
  expect_false(isTRUE(all.equal(built$data[[1]]$yintercept, mean(case$train$class == "minority"))))
  steps <- built$data[[2]]
  expect_length(unique(steps$group), 2)
  expect_identical(p$layers[[2]]$geom_params$direction, "vh")
  for (i in seq_along(case$fits)) {
    prob <- predict(case$fits[[i]], case$test, type = "prob")$.pred_minority
    curve <- pr_curve(case$test$class, prob)
    drawn <- steps[steps$group == i, ]
    expect_equal(drawn$x, curve$recall)
    expect_equal(drawn$y, curve$precision)
    ap <- pr_auc_vec(case$test$class, prob)
    expect_identical(levels(p$data$model)[i], sprintf("%s (AP = %.3f)", names(case$fits)[i], ap))
  }
})

test_that("the legend keeps the order of `fits`, whatever the names", {
  case <- plot_case()
  fits <- list(zeta = case$fits$smote, alpha = case$fits$baseline)
  p <- plot_roc(fits, case$test)
  expect_identical(substr(levels(p$data$model), 1, 6), c("zeta (", "alpha "))
})

test_that("a single fit is accepted and labelled with its model", {
  case <- plot_case()
  p <- plot_pr(case$fits$baseline, case$test)
  expect_match(levels(p$data$model), "^logistic regression \\(C = 1\\) \\(AP = ")
  unnamed <- plot_roc(list(case$fits$baseline), case$test)
  expect_match(levels(unnamed$data$model), "^logistic regression \\(C = 1\\) \\(AUC = ")
})

test_that("event = the first level draws the curves of the other class", {
  case <- plot_case()
  p <- plot_roc(case$fits["smote"], case$test, event = "majority")
  prob <- predict(case$fits$smote, case$test, type = "prob")$.pred_majority
  curve <- roc_curve(case$test$class, prob, event = "majority")
  drawn <- ggplot2::ggplot_build(p)$data[[2]]
  expect_equal(drawn$y, curve$sensitivity)
  pr <- ggplot2::ggplot_build(plot_pr(case$fits["smote"], case$test, event = "majority"))
  expect_equal(pr$data[[1]]$yintercept, mean(case$test$class == "majority"))
})

test_that("plot_roc() and plot_pr() reject bad fits and data", {
  case <- plot_case()
  fits <- case$fits
  test <- case$test
  expect_snapshot(error = TRUE, plot_roc(list(), test))
  expect_snapshot(error = TRUE, plot_roc("baseline", test))
  expect_snapshot(error = TRUE, plot_roc(unname(fits), test))
  expect_snapshot(error = TRUE, plot_roc(list(a = fits$baseline, fits$smote), test))
  expect_snapshot(error = TRUE, plot_pr(list(a = fits$baseline, a = fits$smote), test))
  expect_snapshot(error = TRUE, plot_pr(list(a = fits$baseline, b = imb_pipeline(clf = model_logistic())), test))
  expect_snapshot(error = TRUE, plot_pr(list(a = 1, b = fits$baseline, c = "x"), test))
  expect_snapshot(error = TRUE, plot_roc(fits, as.matrix(test[1:3])))
  expect_snapshot(error = TRUE, plot_roc(fits, test[names(test) != "class"]))
  with_na <- test
  with_na$class[c(2, 5)] <- NA
  expect_snapshot(error = TRUE, plot_pr(fits, with_na))
  expect_snapshot(error = TRUE, plot_roc(fits, test, event = "pos"))

  relabelled <- case$train
  relabelled$class <- factor(ifelse(relabelled$class == "minority", "pos", "neg"), levels = c("neg", "pos"))
  other <- fit(imb_pipeline(clf = model_logistic()), class ~ ., relabelled, seed = 1)
  expect_snapshot(error = TRUE, plot_roc(list(baseline = fits$baseline, relabelled = other), test))
  expect_error(plot_pr(list(a = fits$baseline, b = other), test), class = "smotelab_error_levels")
})
