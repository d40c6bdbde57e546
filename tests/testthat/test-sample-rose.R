# rose() (issue 13): ROSE's smoothed bootstrap. Sizes, the class split, and
# the kernel's mean and covariance checked over many draws; copies when the
# smoothing is 0; threads; the pipeline step; refusals.
rose_data <- function() {
  withr::with_seed(3, {
    d <- data.frame(
      x1 = stats::rnorm(260), x2 = stats::rexp(260),
      g = factor(sample(c("u", "v", "w"), 260, TRUE)),
      class = factor(rep(c("majority", "minority"), c(200, 60)))
    )
    d$x1[d$class == "minority"] <- d$x1[d$class == "minority"] * 2 + 3
    d
  })
}

test_that("rose() makes floor(2 * n_majority * over_ratio) new rows, majority first", {
  d <- rose_data()
  for (ratio in c(1, 0.55, 2.3)) {
    out <- rose(d, class, over_ratio = ratio, seed = 1)
    n <- floor(2 * 200 * ratio)
    expect_identical(nrow(out), as.integer(n))
    cls <- as.character(out$class)
    expect_false(is.unsorted(match(cls, c("majority", "minority"))))
  }
  # The minority share follows minority_prop.
  big <- rose(d, class, over_ratio = 25, minority_prop = 0.3, seed = 2)
  share <- mean(big$class == "minority")
  expect_lt(abs(share - 0.3), 4 * sqrt(0.3 * 0.7 / nrow(big)))
})

test_that("rose() rows have each class's mean and its covariance plus the kernel's", {
  d <- rose_data()
  for (smooth in c(1, 2)) {
    out <- rose(d, class, over_ratio = 30, minority_smoothness = smooth, majority_smoothness = 0.5, seed = 7)
    for (cls in c("majority", "minority")) {
      x <- as.matrix(d[d$class == cls, c("x1", "x2")])
      z <- as.matrix(out[out$class == cls, c("x1", "x2")])
      n <- nrow(x)
      s <- if (cls == "minority") smooth else 0.5
      h <- s * (4 / (4 * n))^(1 / 6) * apply(x, 2, stats::sd)
      expected <- stats::cov(x) * (n - 1) / n + diag(h^2)
      se <- sqrt(diag(expected) / nrow(z))
      expect_true(all(abs(colMeans(z) - colMeans(x)) < 4 * se))
      expect_equal(stats::cov(z), expected, tolerance = 0.06)
    }
  }
})

test_that("rose() with no smoothing copies whole rows of the same class", {
  d <- rose_data()
  out <- rose(d, class, minority_smoothness = 0, majority_smoothness = 0, seed = 4)
  key <- function(x) paste(x$x1, x$x2, x$g, x$class)
  expect_true(all(key(out) %in% key(d)))
  expect_identical(levels(out$g), levels(d$g))
  # With smoothing the numeric columns move but the factor is still copied.
  smoothed <- rose(d, class, seed = 4)
  expect_false(any(smoothed$x1 %in% d$x1))
  expect_true(all(paste(smoothed$g, smoothed$class) %in% paste(d$g, d$class)))
})

test_that("rose() does not depend on the number of threads, but on the seed", {
  d <- rose_data()
  a <- rose(d, class, over_ratio = 40, seed = 5, n_threads = 1)
  expect_identical(rose(d, class, over_ratio = 40, seed = 5, n_threads = 2), a)
  expect_false(identical(rose(d, class, over_ratio = 40, seed = 6, n_threads = 1), a))
  b <- withr::with_seed(8, rose(d, class, n_threads = 1))
  expect_identical(withr::with_seed(8, rose(d, class, n_threads = 2)), b)
})

test_that("step_rose() replaces the training rows as rose() does, copying factor dummies", {
  d <- rose_data()
  d$flag <- rep(c(TRUE, FALSE), 130)
  pipe <- imb_pipeline(r = step_rose(over_ratio = 0.8, minority_smoothness = 0.5), clf = model_logistic(C = 1))
  fitted <- fit(pipe, class ~ ., d, seed = 9)
  resampled <- rose(d, class, over_ratio = 0.8, minority_smoothness = 0.5, seed = pipeline_step_seed_cpp(9, 0))
  by_hand <- fit(imb_pipeline(clf = model_logistic(C = 1)), class ~ ., resampled, seed = 1)
  expect_identical(coef(fitted), coef(by_hand))
  expect_identical(sum(fitted$state$fit_counts), 320L)
})

test_that("rose() and step_rose() explain bad input", {
  d <- rose_data()
  three <- d
  three$class <- factor(rep(c("a", "b", "c"), length.out = nrow(d)))
  expect_snapshot(error = TRUE, rose(three, class))
  expect_error(rose(three, class), class = "smotelab_error_levels")
  lonely <- d[c(1:50, 201), ]
  expect_snapshot(error = TRUE, rose(lonely, class))
  expect_error(rose(lonely, class), class = "smotelab_error_too_few_rows")
  expect_snapshot(error = TRUE, rose(d, class, over_ratio = 0))
  expect_snapshot(error = TRUE, rose(d, class, minority_prop = 2))
  expect_snapshot(error = TRUE, step_rose(majority_smoothness = -1))
  dated <- d
  dated$when <- Sys.Date()
  expect_snapshot(error = TRUE, rose(dated, class))
  expect_snapshot(error = TRUE, fit(imb_pipeline(r = step_rose(), clf = model_logistic()), class ~ ., lonely, seed = 1))
})
