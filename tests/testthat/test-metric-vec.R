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
      tolerance = 1e-12, label = case$name
    )
    expect_equal(suppressWarnings(pr_auc_vec(truth, case$prob)), case$metrics[["pr_auc"]],
      tolerance = 1e-12, label = case$name
    )
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
  expect_snapshot(error = TRUE, roc_auc_vec(truth, c(0.2, 0.4, Inf)))
})

# issue 11, item 16: ranking metrics refused scores outside [0, 1].
test_that("ranking metrics take any finite score, threshold metrics need probabilities", {
  set.seed(11)
  truth <- factor(sample(c("neg", "pos"), 200, replace = TRUE))
  margin <- rnorm(200, mean = 2 * (truth == "pos"), sd = 3)
  # A monotone transform keeps the ranking, so the areas must not change.
  expect_equal(roc_auc_vec(truth, margin), roc_auc_vec(truth, plogis(margin)), tolerance = 1e-15)
  expect_equal(pr_auc_vec(truth, margin), pr_auc_vec(truth, plogis(margin)), tolerance = 1e-15)
  # ROC-AUC is the Mann-Whitney probability that an event outranks a non-event.
  pos <- margin[truth == "pos"]
  neg <- margin[truth == "neg"]
  expect_equal(roc_auc_vec(truth, margin), mean(outer(pos, neg, ">") + 0.5 * outer(pos, neg, "==")))
  expect_error(roc_auc_vec(truth, replace(margin, 3, Inf)), class = "smotelab_error_infinite")
  err <- expect_error(metrics_binary(truth, margin), class = "smotelab_error_argument")
  expect_match(conditionMessage(err), "probabilities in [0, 1]", fixed = TRUE)
})
