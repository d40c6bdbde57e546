test_that("gmean() is a yardstick class metric equal to sqrt(recall * specificity)", {
  skip_if_not_installed("yardstick")
  truth <- factor(c("neg", "neg", "pos", "pos", "neg", "pos", "neg", "neg"))
  estimate <- factor(c("neg", "pos", "neg", "pos", "neg", "pos", "pos", "neg"), levels = levels(truth))
  d <- data.frame(truth = truth, estimate = estimate)
  by_hand <- sqrt((2 / 3) * (3 / 5))
  out <- gmean(d, truth, estimate)
  expect_s3_class(out, "tbl_df")
  expect_identical(out$.metric, "gmean")
  expect_identical(out$.estimator, "binary")
  expect_equal(out$.estimate, by_hand)
  expect_equal(gmean(d, truth, estimate, event_level = "second")$.estimate, by_hand)
  expect_equal(out$.estimate, gmean_vec(truth, estimate))
})

test_that("gmean() joins yardstick's metrics in metric_set()", {
  skip_if_not_installed("yardstick")
  d <- data.frame(
    truth = factor(c("neg", "neg", "pos", "pos", "neg", "pos")),
    prob = c(0.1, 0.6, 0.35, 0.8, 0.2, 0.9)
  )
  d$estimate <- factor(ifelse(d$prob > 0.5, "pos", "neg"), levels = levels(d$truth))
  ms <- yardstick::metric_set(yardstick::roc_auc, yardstick::pr_auc, gmean)
  out <- ms(d, truth, prob, estimate = estimate, event_level = "second")
  expect_identical(out$.metric, c("gmean", "roc_auc", "pr_auc"))
  expect_equal(out$.estimate[1], gmean_vec(d$truth, d$estimate))
  expect_equal(out$.estimate[2], roc_auc_vec(d$truth, d$prob))
})

test_that("gmean() drops missing pairs with na_rm = TRUE, else is NA; it refuses case weights", {
  skip_if_not_installed("yardstick")
  skip_if_not_installed("hardhat")
  d <- data.frame(
    truth = factor(c("neg", "neg", "pos", "pos", NA, "pos")),
    estimate = factor(c("neg", "pos", "pos", "neg", "pos", "pos"))
  )
  expect_equal(gmean(d, truth, estimate)$.estimate, gmean_vec(d$truth[-5], d$estimate[-5]))
  expect_identical(gmean(d, truth, estimate, na_rm = FALSE)$.estimate, NA_real_)
  d$w <- hardhat::importance_weights(rep(1, 6))
  expect_error(gmean(d, truth, estimate, case_weights = w), class = "smotelab_error_argument")
})
