test_that("metrics_binary() matches scikit-learn on every reference case", {
  for (case in sklearn_metrics()) {
    got <- suppressWarnings(metrics_binary(as_truth(case$truth), case$prob, threshold = case$threshold))
    expect_identical(got$.metric, smotelab:::metric_names())
    ref <- case$metrics[got$.metric]
    expect_equal(got$.estimate, unname(ref), tolerance = 1e-12, label = case$name)
  }
})

test_that("metrics_binary() warns exactly where scikit-learn divides by zero or sees one class", {
  for (case in sklearn_metrics()) {
    w <- list()
    withCallingHandlers(
      metrics_binary(as_truth(case$truth), case$prob, threshold = case$threshold),
      smotelab_warning = function(cnd) {
        w[[length(w) + 1]] <<- cnd
        invokeRestart("muffleWarning")
      }
    )
    zero <- Filter(function(cnd) inherits(cnd, "smotelab_warning_zero_division"), w)
    one <- Filter(function(cnd) inherits(cnd, "smotelab_warning_one_class"), w)
    expect_lte(length(zero), 1)
    expect_lte(length(one), 1)
    class_warned <- case$warned[c(
      "precision", "recall", "specificity", "f1", "gmean",
      "precision_macro", "recall_macro", "f1_macro"
    )]
    expect_identical(length(zero) == 1, any(class_warned), label = case$name)
    one_class <- length(unique(case$truth)) == 1
    expect_identical(length(one) == 1, one_class, label = case$name)
    if (length(zero) == 1) {
      for (m in names(class_warned)[class_warned]) {
        expect_match(conditionMessage(zero[[1]]), m, fixed = TRUE)
      }
    }
  }
})

test_that("the event is the second level unless `event` names one", {
  case <- sklearn_metrics()$random
  truth <- as_truth(case$truth)
  flipped <- factor(truth, levels = c("pos", "neg"))
  a <- metrics_binary(truth, case$prob)
  b <- metrics_binary(flipped, case$prob, event = "pos")
  expect_identical(a, b)
  # With "neg" as the event, the probability of the event is 1 - prob.
  c <- metrics_binary(flipped, 1 - case$prob)
  expect_equal(c$.estimate[c$.metric == "roc_auc"], a$.estimate[a$.metric == "roc_auc"], tolerance = 1e-12)
  expect_equal(c$.estimate[c$.metric == "recall"], a$.estimate[a$.metric == "specificity"], tolerance = 1e-12)
})

test_that("character truth uses sorted values as levels", {
  case <- sklearn_metrics()$heavy_ties
  truth <- ifelse(case$truth == 1L, "yes", "no")
  got <- metrics_binary(truth, case$prob)
  expect_equal(got$.estimate, unname(case$metrics[got$.metric]), tolerance = 1e-12)
})

test_that("a probability equal to the threshold predicts the non-event (as sklearn's predict)", {
  truth <- factor(c("a", "b", "b"))
  got <- metrics_binary(truth, c(0.2, 0.5, 0.9))
  expect_identical(got$.estimate[got$.metric == "recall"], 0.5)
  expect_identical(got$.estimate[got$.metric == "precision"], 1)
})

test_that("ROC-AUC agrees with pROC", {
  skip_if_not_installed("pROC")
  for (case in sklearn_metrics()) {
    if (length(unique(case$truth)) < 2) next
    ours <- roc_auc_vec(as_truth(case$truth), case$prob)
    theirs <- as.numeric(pROC::auc(pROC::roc(case$truth, case$prob, levels = c(0, 1), direction = "<", quiet = TRUE)))
    expect_equal(ours, theirs, tolerance = 1e-12, label = case$name)
  }
})

test_that("results do not depend on the number of threads, on large inputs too", {
  set.seed(1)
  n <- 300000
  truth <- factor(sample(c("neg", "pos"), n, replace = TRUE, prob = c(0.9, 0.1)))
  prob <- round(stats::runif(n), 4)
  one <- withr::with_options(list(smotelab.threads = 1), metrics_binary(truth, prob))
  two <- withr::with_options(list(smotelab.threads = 2), metrics_binary(truth, prob))
  expect_identical(one, two)
  # AUC as the Mann-Whitney statistic from ranks with ties averaged.
  r <- rank(prob)
  n_pos <- sum(truth == "pos")
  n_neg <- n - n_pos
  mw <- (sum(r[truth == "pos"]) - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)
  expect_equal(one$.estimate[one$.metric == "roc_auc"], mw, tolerance = 1e-12)
})

test_that("a random ranking has PR-AUC near the prevalence", {
  set.seed(2)
  truth <- factor(sample(c("neg", "pos"), 20000, replace = TRUE, prob = c(0.8, 0.2)))
  ap <- pr_auc_vec(truth, stats::runif(20000))
  expect_equal(ap, mean(truth == "pos"), tolerance = 0.05)
})

test_that("compute_metrics() accepts average_precision and rejects unknown names", {
  case <- sklearn_metrics()$n1000
  got <- smotelab:::compute_metrics(case$truth, case$prob, c("f1_macro", "average_precision", "roc_auc"))
  expect_named(got, c("f1_macro", "average_precision", "roc_auc"))
  expect_equal(unname(got), unname(case$metrics[c("f1_macro", "pr_auc", "roc_auc")]), tolerance = 1e-12)
  expect_snapshot(error = TRUE, smotelab:::compute_metrics(case$truth, case$prob, c("f1", "auc", "kappa")))
})

test_that("metrics_binary() validates its input", {
  truth <- factor(c("neg", "pos", "neg", "pos"))
  prob <- c(0.1, 0.7, 0.4, 0.9)
  expect_snapshot(error = TRUE, metrics_binary(factor(c("neg", NA, "neg", "pos")), prob))
  expect_snapshot(error = TRUE, metrics_binary(truth, c(0.1, NA, 0.4, 0.9)))
  expect_snapshot(error = TRUE, metrics_binary(truth, c(0.1, 1.7, -0.4, 0.9)))
  expect_snapshot(error = TRUE, metrics_binary(truth, c("a", "b", "c", "d")))
  expect_snapshot(error = TRUE, metrics_binary(truth, prob[1:3]))
  expect_snapshot(error = TRUE, metrics_binary(factor(character(), levels = c("a", "b")), numeric()))
  expect_snapshot(error = TRUE, metrics_binary(factor(c("a", "b", "c", "a")), prob))
  expect_snapshot(error = TRUE, metrics_binary(c("a", "a", "a", "a"), prob))
  expect_snapshot(error = TRUE, metrics_binary(1:4, prob))
  expect_snapshot(error = TRUE, metrics_binary(truth, prob, event = "yes"))
  expect_snapshot(error = TRUE, metrics_binary(truth, prob, threshold = "0.5"))
  expect_snapshot(error = TRUE, metrics_binary(truth, prob, threshold = NA_real_))
  expect_snapshot(error = TRUE, metrics_binary(truth, prob, threshold = 1.5))
  expect_error(metrics_binary(truth, prob, event = "yes"), class = "smotelab_error_levels")
  expect_error(metrics_binary(truth, c(0.1, NA, 0.4, 0.9)), class = "smotelab_error_missing")
  expect_error(metrics_binary(truth, prob[1:3]), class = "smotelab_error_length")
})

test_that("degenerate inputs give sklearn's values with classed warnings", {
  truth <- factor(c("neg", "neg", "neg"), levels = c("neg", "pos"))
  expect_snapshot(got <- metrics_binary(truth, c(0.2, 0.6, 0.9)))
  expect_true(is.na(got$.estimate[got$.metric == "roc_auc"]))
  expect_identical(got$.estimate[got$.metric == "pr_auc"], 0)
  expect_warning(roc_auc_vec(truth, c(0.2, 0.6, 0.9)), class = "smotelab_warning_one_class")
  expect_warning(
    precision_vec(factor(c("neg", "pos")), factor(c("neg", "neg"), levels = c("neg", "pos"))),
    class = "smotelab_warning_zero_division"
  )
})
