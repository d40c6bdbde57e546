variants_ref <- function() readRDS(test_path("data", "imblearn-variants.rds"))

test_that("class counts equal imbalanced-learn's, rounding included, for every sampling_strategy form", {
  ref <- variants_ref()
  for (d in ref$datasets) {
    for (case in d$cases) {
      out <- adasyn(d$data, y, sampling_strategy = case$strategy, seed = 1, n_threads = 1)
      expect_identical(c(table(out$y)), case$adasyn)
    }
  }
})

test_that("new rows per seed row equal imbalanced-learn's", {
  ref <- variants_ref()
  for (d in ref$datasets) {
    x <- as.matrix(d$data[c("x1", "x2")])
    y <- as.integer(d$data$y) - 1L
    n_major <- max(table(d$data$y))
    for (cls in names(d$adasyn_rows)) {
      code <- match(cls, levels(d$data$y)) - 1L
      n <- as.integer(n_major - sum(d$data$y == cls))
      expect_identical(adasyn_allocation_cpp(x, y, code, 5L, n, 1L, "auto"), d$adasyn_rows[[cls]])
      # The rows the resampler makes follow that allocation, seed by seed.
      n_new <- integer(nlevels(d$data$y))
      n_new[code + 1L] <- n
      res <- adasyn_cpp(as.list(d$data[c("x1", "x2")]), y, n_new, 5L, 2, 2L, "auto", levels(d$data$y))
      members <- which(y == code)
      expect_identical(res$seed_row, rep(members, d$adasyn_rows[[cls]]))
    }
  }
})

test_that("every synthetic row lies between its seed and one of the seed's nearest same-class neighbours", {
  d <- variants_ref()$datasets$three$data
  for (k in c(2, 5)) {
    out <- adasyn(d, y, n_neighbors = k, seed = 2, n_threads = 2, .synthetic = TRUE)
    expect_identical(as.data.frame(out[seq_len(nrow(d)), c("x1", "x2", "y")]), d)
    synthetic <- out[out$.synthetic, ]
    expect_true(all(on_some_segment(d, synthetic, c("x1", "x2"), "y", k)))
  }
})

test_that("same seed, same output, for 1 and 2 threads and both neighbour algorithms", {
  d <- smote_data(n_major = 9000, n_minor = 900, p = 3)
  d[d$class == "minority", 1:3] <- d[d$class == "minority", 1:3] - 1.5
  a <- adasyn(d, class, seed = 11, n_threads = 1)
  expect_gt(nrow(a) - nrow(d), 8000)
  expect_identical(adasyn(d, class, seed = 11, n_threads = 2), a)
  withr::with_options(list(smotelab.knn_algorithm = "brute_force"), {
    expect_identical(adasyn(d, class, seed = 11, n_threads = 2), a)
  })
  expect_false(identical(adasyn(d, class, seed = 12, n_threads = 1), a))
  b <- withr::with_seed(5, adasyn(d, class, n_threads = 1))
  expect_identical(withr::with_seed(5, adasyn(d, class, n_threads = 2)), b)
})

test_that("adasyn() explains bad input", {
  far <- smote_data(n_major = 60, n_minor = 20)
  far[far$class == "minority", 1:2] <- far[far$class == "minority", 1:2] + 50
  expect_snapshot(error = TRUE, adasyn(far, class, seed = 1))
  expect_snapshot(error = TRUE, adasyn(smote_data(), class, sampling_strategy = c(minority = 31), seed = 1))
  expect_snapshot(error = TRUE, adasyn(smote_data(n_minor = 4), class))
  expect_snapshot(error = TRUE, adasyn(smote_data(), class, n_neighbors = -1))
  d2 <- smote_data()
  d2$x2[4] <- Inf
  expect_snapshot(error = TRUE, adasyn(d2, class))
  d3 <- smote_data()
  d3$colour <- "red"
  expect_snapshot(error = TRUE, adasyn(d3, class))
})

test_that("step_adasyn() records and checks its parameters", {
  step <- step_adasyn(n_neighbors = 3, sampling_strategy = c(pos = 100))
  expect_s3_class(step, c("smotelab_step_adasyn", "smotelab_step"))
  expect_identical(step$type, "adasyn")
  expect_identical(step$params, list(n_neighbors = 3L, sampling_strategy = c(pos = 100)))
  expect_snapshot(error = TRUE, step_adasyn(n_neighbors = 0))
  expect_snapshot(error = TRUE, step_adasyn(sampling_strategy = 1.5))
})
