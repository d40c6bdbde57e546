refs <- numpy_refs()

test_that("the numpy streams equal numpy's legacy RandomState draw for draw", {
  for (case in refs$streams) {
    seed <- case$seed
    expect_identical(numpy_draws_cpp(seed, "random_sample", 20, 0, 0), case$random_sample)
    # The polar method's cached second value shows in odd positions.
    expect_equal(numpy_draws_cpp(seed, "standard_normal", 21, 0, 0), case$standard_normal, tolerance = 1e-15)
    expect_identical(numpy_draws_cpp(seed, "permutation", 17, 0, 0), as.double(case$permutation))
    for (r in case$randint) {
      expect_identical(numpy_draws_cpp(seed, "randint", 12, r$low, r$high), as.double(r$draws),
        label = paste0("randint(", r$low, ", ", r$high, ") with seed ", seed)
      )
    }
  }
})

test_that("rng resolves argument > option > smotelab, and refuses anything else", {
  expect_identical(resolve_rng(NULL), "smotelab")
  withr::local_options(smotelab.rng = "numpy")
  expect_identical(resolve_rng(NULL), "numpy")
  expect_identical(resolve_rng("smotelab"), "smotelab")
  expect_error(make_imbalanced(seed = 1, rng = "python"), class = "smotelab_error_argument")
  expect_snapshot(make_imbalanced(seed = 1, rng = c("numpy", "smotelab")), error = TRUE)
})

test_that("numpy seeds must fit in 32 bits; NULL draws one from R's generator", {
  expect_snapshot(make_imbalanced(n_samples = 50, seed = 2^32, rng = "numpy"), error = TRUE)
  expect_error(smote(data.frame(x = 1:12, y = rep(c("a", "b"), c(8, 4))), y, k_neighbors = 2, seed = -1, rng = "numpy"),
    class = "smotelab_error_argument"
  )
  a <- withr::with_seed(3, make_imbalanced(n_samples = 50, rng = "numpy"))
  b <- withr::with_seed(3, make_imbalanced(n_samples = 50, rng = "numpy"))
  c <- withr::with_seed(4, make_imbalanced(n_samples = 50, rng = "numpy"))
  expect_identical(a, b)
  expect_false(identical(a, c))
})
