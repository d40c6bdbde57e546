# Class counts after resampling equal imbalanced-learn's for every
# sampling_strategy form (reference: data/make-imblearn-counts.py).

imblearn_counts <- readRDS(test_path("data", "imblearn-counts.rds"))

layout_data <- function(counts) {
  y <- rep(names(counts), counts)
  withr::with_seed(1, data.frame(x1 = stats::rnorm(length(y)), x2 = stats::rnorm(length(y)), y = y))
}

test_that("resampled class counts equal imbalanced-learn's for every sampling_strategy form", {
  for (case in imblearn_counts$cases) {
    d <- layout_data(case$counts)
    runs <- if (case$direction == "over") {
      list(
        function() smote(d, y, sampling_strategy = case$strategy, seed = 1, n_threads = 1),
        function() random_oversample(d, y, sampling_strategy = case$strategy, seed = 1)
      )
    } else {
      list(function() random_undersample(d, y, sampling_strategy = case$strategy, seed = 1))
    }
    label <- paste(case$layout, case$direction, deparse(case$strategy))
    for (run in runs) {
      if (case$error) {
        expect_error(run(), class = "smotelab_error_sampling", label = label)
      } else {
        got <- table(factor(run()$y, levels = names(case$counts)))
        expect_identical(c(got), case$result, label = label)
      }
    }
  }
})

test_that("a ratio that adds no row adds none (imbalanced-learn rejects it)", {
  d <- layout_data(c(neg = 300, pos = 60))
  expect_identical(nrow(smote(d, y, sampling_strategy = 0.2, seed = 1, n_threads = 1)), 360L)
  expect_identical(nrow(random_oversample(d, y, sampling_strategy = 0.2, seed = 1)), 360L)
})

test_that("ties for the majority go to the first level, as imbalanced-learn's sorted labels", {
  d <- layout_data(c(b = 50, a = 50, c = 10))
  d$y <- factor(d$y, levels = c("b", "a", "c"))
  got <- table(smote(d, y, sampling_strategy = "not majority", seed = 1, n_threads = 1)$y)
  expect_identical(c(got), c(b = 50L, a = 50L, c = 50L))
  got <- table(random_undersample(d, y, sampling_strategy = "majority", seed = 1)$y)
  expect_identical(c(got), c(b = 10L, a = 50L, c = 10L))
})

test_that("bad sampling_strategy forms are rejected with clear errors", {
  d <- layout_data(c(neg = 30, pos = 10))
  d3 <- layout_data(c(a = 30, b = 10, c = 12))
  expect_snapshot(error = TRUE, smote(d, y, sampling_strategy = "balanced"))
  expect_snapshot(error = TRUE, smote(d, y, sampling_strategy = "majority"))
  expect_snapshot(error = TRUE, random_undersample(d, y, sampling_strategy = "minority"))
  expect_snapshot(error = TRUE, smote(d, y, sampling_strategy = 1.5))
  expect_snapshot(error = TRUE, smote(d, y, sampling_strategy = 0))
  expect_snapshot(error = TRUE, smote(d, y, sampling_strategy = NA_real_))
  expect_snapshot(error = TRUE, smote(d, y, sampling_strategy = c(20, 30)))
  expect_snapshot(error = TRUE, smote(d, y, sampling_strategy = list(pos = 20)))
  expect_snapshot(error = TRUE, smote(d, y, sampling_strategy = c(pos = 20.5)))
  expect_snapshot(error = TRUE, smote(d, y, sampling_strategy = c(pos = 20, pos = 30)))
  expect_snapshot(error = TRUE, smote(d3, y, sampling_strategy = 0.5))
})

test_that("unknown class names in counts are rejected", {
  d <- layout_data(c(neg = 30, pos = 10))
  expect_snapshot(error = TRUE, smote(d, y, sampling_strategy = c(pos = 20, positive = 30)))
  expect_snapshot(error = TRUE, random_undersample(d, y, sampling_strategy = c(Neg = 10)))
})

test_that("a ratio or counts that would remove (or add) rows are rejected", {
  d <- layout_data(c(neg = 300, pos = 40))
  expect_snapshot(error = TRUE, smote(d, y, sampling_strategy = 0.1))
  expect_snapshot(error = TRUE, random_oversample(d, y, sampling_strategy = c(pos = 39)))
  expect_snapshot(error = TRUE, random_undersample(d, y, sampling_strategy = 0.1))
  expect_snapshot(error = TRUE, random_undersample(d, y, sampling_strategy = c(neg = 301)))
})

test_that("the advised ratio bound works when followed", {
  d <- layout_data(c(neg = 90, pos = 10))
  err <- tryCatch(smote(d, y, sampling_strategy = 0.1, seed = 1), error = identity)
  bound <- as.numeric(sub(".*at least ([0-9]+[.][0-9]+).*", "\\1", conditionMessage(err)))
  expect_identical(nrow(smote(d, y, sampling_strategy = bound, seed = 1, n_threads = 1)), 100L)
})
