test_that("*_vec() functions match scikit-learn", {
  fns <- list(
    accuracy = accuracy_vec, balanced_accuracy = balanced_accuracy_vec, precision = precision_vec,
    recall = recall_vec, specificity = specificity_vec, f1 = f1_vec, gmean = gmean_vec, mcc = mcc_vec
  )
  for (case in sklearn_metrics()) {
    truth <- as_truth(case$truth)
    estimate <- as_truth(as.integer(case$prob > case$threshold))
    for (m in names(fns)) {
      got <- suppressWarnings(fns[[m]](truth, estimate))
      expect_equal(got, case$metrics[[m]], tolerance = 1e-12, label = paste(case$name, m))
    }
    expect_equal(suppressWarnings(roc_auc_vec(truth, case$prob)), case$metrics[["roc_auc"]],
                 tolerance = 1e-12, label = case$name)
    expect_equal(suppressWarnings(pr_auc_vec(truth, case$prob)), case$metrics[["pr_auc"]],
                 tolerance = 1e-12, label = case$name)
  }
})

test_that("class metrics take character predictions and an explicit event", {
  truth <- c("b", "a", "b", "a", "b")
  estimate <- c("b", "b", "a", "a", "b")
  expect_equal(recall_vec(truth, estimate), 2 / 3)
  expect_equal(recall_vec(truth, estimate, event = "a"), 1 / 2)
  expect_equal(specificity_vec(truth, estimate, event = "a"), 2 / 3)
})

test_that("*_vec() validates the predicted classes", {
  truth <- factor(c("neg", "pos", "neg"))
  expect_snapshot(error = TRUE, f1_vec(truth, factor(c("neg", "maybe", "pos"))))
  expect_snapshot(error = TRUE, f1_vec(truth, c(0, 1, 0)))
  expect_snapshot(error = TRUE, f1_vec(truth, factor(c("neg", "pos"))))
  expect_snapshot(error = TRUE, f1_vec(truth, c("neg", NA, "pos")))
  expect_snapshot(error = TRUE, roc_auc_vec(truth, c(0.2, 0.4, 2)))
})
