test_that("pr_curve() is scikit-learn's precision_recall_curve reversed", {
  for (case in sklearn_metrics()) {
    got <- suppressWarnings(pr_curve(as_truth(case$truth), case$prob))
    expect_s3_class(got, "smotelab_pr_curve")
    expect_named(got, c(".threshold", "recall", "precision"))
    ref <- case$pr
    expect_equal(got$.threshold, c(Inf, rev(ref$threshold)), tolerance = 1e-15)
    expect_equal(got$recall, rev(ref$recall), tolerance = 1e-12, label = case$name)
    expect_equal(got$precision, rev(ref$precision), tolerance = 1e-12, label = case$name)
    expect_equal(attr(got, "prevalence"), mean(case$truth))
  }
})

test_that("the steps of pr_curve() sum to pr_auc_vec()", {
  case <- sklearn_metrics()$n1000
  curve <- pr_curve(as_truth(case$truth), case$prob)
  ap <- sum(diff(curve$recall) * curve$precision[-1])
  expect_equal(ap, pr_auc_vec(as_truth(case$truth), case$prob), tolerance = 1e-12)
})

test_that("pr_curve() without events warns", {
  truth <- factor(c("neg", "neg"), levels = c("neg", "pos"))
  expect_snapshot(got <- pr_curve(truth, c(0.3, 0.8)))
  expect_identical(got$recall, c(0, 1, 1))
})

test_that("autoplot() draws PR steps with the prevalence line", {
  case <- sklearn_metrics()$heavy_ties
  curve <- pr_curve(as_truth(case$truth), case$prob)
  p <- autoplot(curve)
  expect_s3_class(p, "ggplot")
  built <- ggplot2::ggplot_build(p)
  expect_equal(built$data[[1]]$yintercept, mean(case$truth))
  steps <- built$data[[2]]
  expect_equal(steps$x, curve$recall)
  expect_equal(steps$y, curve$precision)
  # "vh" steps: precision changes at the previous recall, so the area under
  # the drawn steps is the average precision.
  expect_identical(p$layers[[2]]$geom_params$direction, "vh")
})

# issue 11, item 16: curves refused scores outside [0, 1].
test_that("pr_curve() takes decision values and ranks them as probabilities", {
  set.seed(13)
  truth <- factor(sample(c("neg", "pos"), 100, replace = TRUE))
  margin <- round(rnorm(100, mean = truth == "pos"), 1) * 10
  on_margin <- pr_curve(truth, margin)
  on_prob <- pr_curve(truth, plogis(margin / 10))
  expect_equal(on_margin$.threshold[-1], sort(unique(margin), decreasing = TRUE))
  expect_equal(on_margin$recall, on_prob$recall)
  expect_equal(on_margin$precision, on_prob$precision)
  expect_error(pr_curve(truth, replace(margin, 1, -Inf)), class = "smotelab_error_infinite")
})
