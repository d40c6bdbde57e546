test_that("compare_models() stacks evaluate() of every fit, in the order of `fits`", {
  case <- plot_case()
  scores <- compare_models(case$fits, case$test, threshold = 0.4)
  expect_s3_class(scores, "tbl_df")
  expect_named(scores, c("model", ".metric", ".estimate"))
  expect_identical(unique(scores$model), c("baseline", "smote"))
  for (name in names(case$fits)) {
    by_hand <- evaluate(case$fits[[name]], case$test, threshold = 0.4)
    got <- scores[scores$model == name, ]
    expect_identical(got$.metric, by_hand$.metric)
    expect_identical(got$.estimate, by_hand$.estimate)
  }
  flipped <- compare_models(case$fits["smote"], case$test, event = "majority")
  expect_identical(flipped$.estimate, evaluate(case$fits$smote, case$test, event = "majority")$.estimate)
})

test_that("plot_metrics() draws one bar per model and metric at the evaluate() values", {
  case <- plot_case()
  metrics <- c("recall", "precision", "pr_auc")
  p <- plot_metrics(compare_models(case$fits, case$test), metrics = metrics)
  expect_s3_class(p, "ggplot")
  built <- ggplot2::ggplot_build(p)
  bars <- built$data[[1]]
  expect_equal(nrow(bars), 6)
  bars <- bars[order(bars$x), ]
  expected <- vapply(metrics, function(m) {
    vapply(case$fits, function(f) {
      e <- evaluate(f, case$test)
      e$.estimate[e$.metric == m]
    }, double(1))
  }, double(2))
  # Left to right: metrics in the order asked, models within a metric in the order of `fits`.
  expect_equal(bars$y, as.vector(expected))
  expect_identical(levels(p$data$.metric), metrics)
  expect_identical(levels(p$data$model), c("baseline", "smote"))
  expect_identical(built$layout$panel_params[[1]]$x$get_labels(), metrics)
  expect_equal(p$coordinates$limits$y, c(0, 1))
  expect_s3_class(p + ggplot2::labs(title = "Held out"), "ggplot")
})

test_that("plot_metrics() takes rows bound from evaluate(), every metric by default", {
  case <- plot_case()
  rows <- lapply(names(case$fits), function(name) {
    e <- evaluate(case$fits[[name]], case$test)
    e$model <- name
    e
  })
  x <- do.call(rbind, rows)
  x$model <- factor(x$model, levels = c("smote", "baseline"))
  p <- plot_metrics(x)
  built <- ggplot2::ggplot_build(p)
  expect_equal(nrow(built$data[[1]]), 2 * nrow(evaluate(case$fits$smote, case$test)))
  expect_identical(levels(p$data$.metric), evaluate(case$fits$smote, case$test)$.metric)
  expect_identical(levels(p$data$model), c("smote", "baseline"))
})

test_that("plot_metrics() leaves out missing estimates and extends the axis below 0 for a negative one", {
  x <- data.frame(
    model = c("a", "a", "b", "b"), .metric = c("mcc", "roc_auc", "mcc", "roc_auc"),
    .estimate = c(-0.2, 0.7, 0.4, NA)
  )
  p <- plot_metrics(x)
  bars <- ggplot2::ggplot_build(p)$data[[1]]
  expect_equal(sort(bars$y), c(-0.2, 0.4, 0.7))
  expect_equal(p$coordinates$limits$y, c(-0.2, 1))
})

test_that("plot_metrics() and compare_models() reject bad input", {
  x <- data.frame(model = c("a", "b"), .metric = "f1", .estimate = c(0.5, 0.6))
  expect_snapshot(error = TRUE, plot_metrics(list(model = "a")))
  expect_snapshot(error = TRUE, plot_metrics(x[0, ]))
  expect_snapshot(error = TRUE, plot_metrics(x[c("model", ".estimate")]))
  expect_snapshot(error = TRUE, plot_metrics(transform(x, .estimate = as.character(.estimate))))
  expect_snapshot(error = TRUE, plot_metrics(transform(x, .metric = 1)))
  expect_snapshot(error = TRUE, plot_metrics(transform(x, model = 1:2)))
  expect_snapshot(error = TRUE, plot_metrics(transform(x, model = c("a", NA))))
  expect_snapshot(error = TRUE, plot_metrics(rbind(x, x[1, ])))
  expect_snapshot(error = TRUE, plot_metrics(x, metrics = c("f1", "recall", "gmean")))
  expect_snapshot(error = TRUE, plot_metrics(x, metrics = c("f1", "f1")))
  expect_snapshot(error = TRUE, plot_metrics(x, metrics = 1))

  case <- plot_case()
  expect_snapshot(error = TRUE, compare_models(list(), case$test))
  expect_snapshot(error = TRUE, compare_models(case$fits, case$test, threshold = 2))
  expect_snapshot(error = TRUE, compare_models(case$fits, case$test, event = "yes"))
  expect_snapshot(error = TRUE, compare_models(case$fits, case$test[names(case$test) != "x3"]))
  expect_snapshot(error = TRUE, compare_models(case$fits, "test"))
})
