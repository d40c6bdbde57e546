mixed_data <- function() {
  withr::with_seed(6, tibble::tibble(
    id = 1:60,
    x = stats::rnorm(60),
    colour = sample(c("red", "blue", NA), 60, replace = TRUE),
    group = factor(sample(c("g1", "g2"), 60, replace = TRUE)),
    class = factor(rep(c("neg", "pos"), c(48, 12)), levels = c("neg", "pos"))
  ))
}

test_that("random_oversample() appends copies of rows of the grown class, any column type kept", {
  d <- mixed_data()
  out <- random_oversample(d, class, seed = 1, .synthetic = TRUE)
  expect_identical(nrow(out), 96L)
  expect_identical(out[1:60, names(d)], d)
  copies <- out[61:96, ]
  expect_true(all(copies$class == "pos"))
  expect_true(all(copies$.synthetic) && !any(out$.synthetic[1:60]))
  # Every copy is an original row, whole.
  expect_identical(copies[names(d)], d[copies$id, ])
  expect_identical(levels(out$class), c("neg", "pos"))
})

test_that("random_oversample() grows several classes and is reproducible", {
  d <- data.frame(v = 1:35, y = rep(c("a", "b", "c"), c(20, 10, 5)))
  out <- random_oversample(d, "y", sampling_strategy = "all", seed = 3)
  expect_identical(c(table(out$y)), c(a = 20L, b = 20L, c = 20L))
  expect_type(out$y, "character")
  expect_identical(out$y[36:60], rep(c("b", "c"), c(10, 15)))
  expect_identical(out$y[36:60], d$y[out$v[36:60]])
  expect_identical(random_oversample(d, y, sampling_strategy = "all", seed = 3), out)
  expect_false(identical(random_oversample(d, y, sampling_strategy = "all", seed = 4), out))
  expect_identical(withr::with_seed(9, random_oversample(d, y)), withr::with_seed(9, random_oversample(d, y)))
})

test_that("random_undersample() keeps a random subset of each shrunk class, in original order", {
  d <- mixed_data()
  out <- random_undersample(d, class, sampling_strategy = 0.5, seed = 2)
  expect_identical(c(table(out$class)), c(neg = 24L, pos = 12L))
  expect_false(is.unsorted(out$id, strictly = TRUE))
  expect_identical(out, d[out$id, ])
  expect_identical(out$id[out$class == "pos"], 49:60)
  expect_identical(random_undersample(d, class, sampling_strategy = 0.5, seed = 2), out)
  # Different seeds draw different subsets; over many draws every row is kept sometimes.
  kept <- unlist(lapply(1:40, function(s) random_undersample(d, class, seed = s)$id))
  expect_setequal(unique(kept), 1:60)
})

test_that("random_undersample() shrinks several classes", {
  d <- data.frame(v = 1:35, y = factor(rep(c("a", "b", "c"), c(20, 10, 5)), levels = c("c", "b", "a")))
  out <- random_undersample(d, y, sampling_strategy = c(a = 7, b = 6), seed = 1)
  expect_identical(c(table(out$y)), c(c = 5L, b = 6L, a = 7L))
  expect_identical(levels(out$y), c("c", "b", "a"))
})

test_that("random resamplers explain bad input", {
  d <- mixed_data()
  d$class[3] <- NA
  expect_snapshot(error = TRUE, random_oversample(d, class))
  expect_snapshot(error = TRUE, random_undersample(mixed_data(), colour))
  expect_snapshot(error = TRUE, random_undersample(mixed_data(), class, sampling_strategy = "minority"))
  expect_snapshot(error = TRUE, random_oversample(mixed_data(), class, .synthetic = "yes"))
  d2 <- mixed_data()
  d2$.synthetic <- 1
  expect_snapshot(error = TRUE, random_oversample(d2, class, .synthetic = TRUE))
})

test_that("random resampling steps record and check their parameters", {
  over <- step_random_oversample(0.5)
  under <- step_random_undersample("majority")
  expect_s3_class(over, "smotelab_step")
  expect_identical(over$type, "random_over")
  expect_identical(over$params, list(sampling_strategy = 0.5))
  expect_identical(under$type, "random_under")
  expect_identical(under$params, list(sampling_strategy = "majority"))
  expect_snapshot(error = TRUE, step_random_oversample("majority"))
  expect_snapshot(error = TRUE, step_random_undersample("not majority"))
  expect_snapshot(error = TRUE, step_random_undersample(0))
})

# ---- numpy-exact streams (issue 15) ----------------------------------------

test_that("rng = 'numpy' equals imbalanced-learn's RandomOverSampler and RandomUnderSampler row for row (#15)", {
  for (case in numpy_refs()$random) {
    d <- data.frame(row = seq_along(case$y) - 1L, class = factor(case$y))
    strategy <- if (is.list(case$strategy)) unlist(case$strategy) else case$strategy
    label <- paste("strategy", paste(strategy, collapse = ","), "seed", case$seed)
    if (!is.null(case$over)) {
      out <- random_oversample(d, class, sampling_strategy = strategy, seed = case$seed, rng = "numpy")
      expect_identical(out$row, as.integer(case$over), label = label)
    }
    if (!is.null(case$under)) {
      out <- random_undersample(d, class, sampling_strategy = strategy, seed = case$seed, rng = "numpy")
      # imbalanced-learn's order: by class, shrunk classes in the order drawn.
      expect_identical(out$row, as.integer(case$under), label = label)
    }
  }
})
