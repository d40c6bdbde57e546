# Thread resolution: argument > option > environment variable > default, every
# refusal classed and naming where the bad value came from (issue 11, item 1).

cores <- RcppParallel::defaultNumThreads()

test_that("the argument wins over the option, the option over the environment variable", {
  withr::local_options(smotelab.threads = 1)
  withr::local_envvar(SMOTELAB_THREADS = "2")
  expect_identical(resolve_threads(1), 1L)
  expect_identical(resolve_threads(NULL), 1L)
  withr::local_options(smotelab.threads = NULL)
  expect_identical(resolve_threads(NULL), min(2L, as.integer(cores)))
  withr::local_envvar(SMOTELAB_THREADS = "1")
  expect_identical(resolve_threads(NULL), 1L)
  withr::local_envvar(SMOTELAB_THREADS = " 1 ")
  expect_identical(resolve_threads(NULL), 1L)
  withr::local_envvar(SMOTELAB_THREADS = NA)
  expect_identical(resolve_threads(NULL), as.integer(cores))
})

test_that("an empty environment variable counts as unset", {
  withr::local_options(smotelab.threads = NULL)
  withr::local_envvar(SMOTELAB_THREADS = "")
  expect_identical(resolve_threads(NULL), as.integer(cores))
})

test_that("every bad value is refused with its type and its source (#11)", {
  withr::local_options(smotelab.threads = NULL)
  bad <- list(0, -1, 2.5, NA, NA_real_, Inf, NaN, "2", TRUE, c(1, 2), list(2), numeric())
  for (value in bad) {
    expect_error(resolve_threads(value), class = "smotelab_error_argument")
  }
  expect_snapshot(error = TRUE, resolve_threads("2"))
  expect_snapshot(error = TRUE, resolve_threads(2.5))
  withr::local_options(smotelab.threads = NA)
  expect_snapshot(error = TRUE, resolve_threads(NULL))
  withr::local_options(smotelab.threads = "4")
  expect_error(resolve_threads(NULL), "option.*smotelab.threads.*string", class = "smotelab_error_argument")
  withr::local_options(smotelab.threads = NULL)
  for (env in c("abc", "2.5", "-1", "0", "1e3", "NA", "2 threads")) {
    withr::local_envvar(SMOTELAB_THREADS = env)
    expect_error(resolve_threads(NULL), "SMOTELAB_THREADS", class = "smotelab_error_argument")
  }
  withr::local_envvar(SMOTELAB_THREADS = "abc")
  expect_snapshot(error = TRUE, resolve_threads(NULL))
})

test_that("a request above the cores is capped with one classed warning and no coercion warning (#11)", {
  rlang::local_options(rlib_warning_verbosity = "verbose")
  withr::local_options(smotelab.threads = NULL)
  for (value in list(cores + 1, 1e6, 1e10, 2^53)) {
    got <- NULL
    expect_warning(got <- resolve_threads(value), class = "smotelab_warning_threads")
    expect_identical(got, as.integer(cores))
  }
  withr::local_options(smotelab.threads = 1e6)
  expect_warning(expect_identical(resolve_threads(NULL), as.integer(cores)), "option",
    class = "smotelab_warning_threads"
  )
  withr::local_options(smotelab.threads = NULL)
  withr::local_envvar(SMOTELAB_THREADS = "1000000")
  expect_warning(expect_identical(resolve_threads(NULL), as.integer(cores)), "SMOTELAB_THREADS",
    class = "smotelab_warning_threads"
  )
  expect_no_warning(resolve_threads(cores))
})

test_that("the cap warning shows once per session, not on every call", {
  rlang::local_options(rlib_warning_verbosity = "default")
  rlang::reset_warning_verbosity("smotelab_threads_cap")
  expect_warning(resolve_threads(cores + 1), class = "smotelab_warning_threads")
  expect_no_warning(resolve_threads(cores + 1))
})

test_that("huge thread counts neither crash R nor print TBB's warning (#11)", {
  skip_unless_child_sessions()
  out <- callr::r(function() {
    library(smotelab)
    d <- make_imbalanced(300, n_features = 4, n_informative = 2, n_redundant = 0, seed = 1)
    f <- fit(imb_pipeline(clf = model_forest(n_trees = 20)), class ~ ., d, seed = 1, n_threads = 1)
    ref <- predict(f, d, type = "prob")
    same <- suppressWarnings(c(
      identical(predict(f, d, type = "prob", n_threads = 1e6), ref),
      identical(predict(f, d, type = "prob", n_threads = RcppParallel::defaultNumThreads() + 1), ref),
      nrow(cross_validate(imb_pipeline(clf = model_logistic()), class ~ ., d,
        folds = 3, seed = 1,
        n_threads = 1e6
      )) == 9
    ))
    options(smotelab.threads = 1e6)
    same <- c(same, suppressWarnings(identical(predict(f, d, type = "prob"), ref)))
    same
  })
  expect_identical(out, rep(TRUE, 4))
})

test_that("nothing from TBB reaches stderr when more threads than cores are asked for (#11)", {
  skip_unless_child_sessions()
  err <- tempfile()
  callr::r(function() {
    library(smotelab)
    d <- make_imbalanced(300, n_features = 4, n_informative = 2, n_redundant = 0, seed = 1)
    f <- fit(imb_pipeline(clf = model_forest(n_trees = 20)), class ~ ., d, seed = 1, n_threads = 1)
    suppressWarnings(predict(f, d, n_threads = RcppParallel::defaultNumThreads() + 2))
    invisible()
  }, stderr = err)
  expect_false(any(grepl("TBB", readLines(err))))
})
