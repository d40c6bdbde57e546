test_that("classification_report() matches scikit-learn's output_dict", {
  for (case in sklearn_metrics()) {
    truth <- as_truth(case$truth)
    estimate <- as_truth(as.integer(case$prob > case$threshold))
    rep <- suppressWarnings(classification_report(truth, estimate))
    expect_s3_class(rep, "smotelab_report")
    expect_identical(rep$class, c("neg", "pos", "accuracy", "macro avg", "weighted avg"))
    ref <- case$report
    cols <- c("precision", "recall", "f1-score")
    for (i in 1:2) {
      r <- ref[[c("class0", "class1")[i]]]
      expect_equal(unlist(rep[i, c("precision", "recall", "f1")]), unname(r[cols]),
        tolerance = 1e-12,
        ignore_attr = TRUE, label = case$name
      )
      expect_identical(rep$support[i], as.integer(r[["support"]]))
    }
    expect_equal(rep$f1[3], ref$accuracy, tolerance = 1e-12)
    expect_equal(unlist(rep[4, c("precision", "recall", "f1")]), unname(ref$macro[cols]),
      tolerance = 1e-12, ignore_attr = TRUE, label = case$name
    )
    expect_equal(unlist(rep[5, c("precision", "recall", "f1")]), unname(ref$weighted[cols]),
      tolerance = 1e-12, ignore_attr = TRUE, label = case$name
    )
  }
})

test_that("classification_report() prints like scikit-learn", {
  truth <- factor(rep(c("no", "yes"), c(7, 3)))
  estimate <- factor(c("no", "no", "no", "no", "no", "yes", "no", "yes", "yes", "no"))
  expect_snapshot(classification_report(truth, estimate))
  expect_snapshot(print(classification_report(truth, estimate, digits = 4)))
  expect_invisible(print(classification_report(truth, estimate)))
})

test_that("classification_report() warns when a class is never predicted", {
  truth <- factor(c("a", "b", "a"))
  expect_warning(rep <- classification_report(truth, factor(c("a", "a", "a"), levels = c("a", "b"))),
    class = "smotelab_warning_zero_division"
  )
  expect_identical(rep$precision[2], 0)
  expect_snapshot(error = TRUE, classification_report(truth, truth, digits = -1))
})
