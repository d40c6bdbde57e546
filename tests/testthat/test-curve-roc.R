test_that("roc_curve() matches scikit-learn's roc_curve(drop_intermediate = False)", {
  for (case in sklearn_metrics()) {
    got <- suppressWarnings(roc_curve(as_truth(case$truth), case$prob))
    expect_s3_class(got, "smotelab_roc_curve")
    expect_named(got, c(".threshold", "specificity", "sensitivity"))
    ref <- case$roc
    expect_identical(nrow(got), nrow(ref))
    # sklearn 1.2 puts max + 1 first; we put Inf.
    expect_identical(got$.threshold[1], Inf)
    expect_equal(got$.threshold[-1], ref$threshold[-1], tolerance = 1e-15)
    expect_equal(got$specificity, 1 - ref$fpr, tolerance = 1e-12, label = case$name)
    expect_equal(got$sensitivity, ref$tpr, tolerance = 1e-12, label = case$name)
  }
})

test_that("the trapezoids under roc_curve() give roc_auc_vec()", {
  case <- sklearn_metrics()$n1000
  curve <- roc_curve(as_truth(case$truth), case$prob)
  x <- 1 - curve$specificity
  y <- curve$sensitivity
  area <- sum(diff(x) * (head(y, -1) + tail(y, -1)) / 2)
  expect_equal(area, roc_auc_vec(as_truth(case$truth), case$prob), tolerance = 1e-12)
})

test_that("roc_curve() with one class warns and marks rates NA", {
  truth <- factor(c("pos", "pos"), levels = c("neg", "pos"))
  expect_warning(got <- roc_curve(truth, c(0.3, 0.8)), class = "smotelab_warning_one_class")
  expect_true(all(is.na(got$specificity)))
  expect_identical(got$sensitivity, c(0, 0.5, 1))
})

test_that("autoplot() draws the ROC curve with the diagonal", {
  case <- sklearn_metrics()$random
  curve <- roc_curve(as_truth(case$truth), case$prob)
  p <- autoplot(curve)
  expect_s3_class(p, "ggplot")
  built <- ggplot2::ggplot_build(p)
  expect_identical(built$data[[1]]$slope, 1)
  expect_equal(built$data[[2]]$x, 1 - curve$specificity)
  expect_equal(built$data[[2]]$y, curve$sensitivity)
  expect_s3_class(p + ggplot2::ggtitle("extended"), "ggplot")
})

test_that("roc_curve() validates its input", {
  expect_snapshot(error = TRUE, roc_curve(factor(c("a", "b")), c(0.1, NA)))
})

# issue 11, item 16: curves refused scores outside [0, 1].
test_that("roc_curve() takes decision values and ranks them as probabilities", {
  set.seed(12)
  truth <- factor(sample(c("neg", "pos"), 100, replace = TRUE))
  margin <- round(rnorm(100, mean = truth == "pos"), 1) * 10
  on_margin <- roc_curve(truth, margin)
  on_prob <- roc_curve(truth, plogis(margin / 10))
  expect_equal(on_margin$.threshold[-1], sort(unique(margin), decreasing = TRUE))
  expect_equal(on_margin$sensitivity, on_prob$sensitivity)
  expect_equal(on_margin$specificity, on_prob$specificity)
})
