# Ctrl-C reaches every long call into C++ (issue 11, item 11): on one thread
# the glue's runner checks for interrupts between chunks, and boosting on few
# rows, whose levels run inline, passes its work through the runner too. The
# calls below run for a minute or more uninterrupted; each must stop within a
# few seconds of SIGINT, leave the session usable, and later results must be
# identical to a fresh run.

expect_interruptible <- function(long_call) {
  skip_unless_child_sessions()
  session <- callr::r_session$new()
  on.exit(session$close(), add = TRUE)
  small <- function() {
    d <- make_imbalanced(n_samples = 300, n_features = 4, n_informative = 2, n_redundant = 0, seed = 3)
    list(
      smote(d, class, seed = 1, n_threads = 1),
      predict(fit(imb_pipeline(clf = model_forest(n_trees = 20)), class ~ ., d, seed = 1, n_threads = 1), d,
        type = "prob"
      ),
      predict(fit(imb_pipeline(clf = model_boost(n_rounds = 10)), class ~ ., d, seed = 1, n_threads = 1), d,
        type = "prob"
      )
    )
  }
  session$run(function() library(smotelab))
  before <- session$run(small)
  session$call(function(f) {
    started <- Sys.time()
    tryCatch(
      {
        f()
        "finished"
      },
      interrupt = function(e) as.numeric(difftime(Sys.time(), started, units = "secs"))
    )
  }, list(f = long_call))
  # Long enough for the data to be made and the C++ call to be under way.
  Sys.sleep(6)
  expect_identical(session$get_state(), "busy")
  sent <- Sys.time()
  session$interrupt()
  session$poll_process(60000)
  waited <- as.numeric(difftime(Sys.time(), sent, units = "secs"))
  result <- session$read()
  expect_null(result$error)
  expect_type(result$result, "double")
  expect_lt(waited, 5)
  expect_identical(session$run(small), before)
}

test_that("an interrupt stops a one-thread forest fit (#11)", {
  expect_interruptible(function() {
    d <- make_imbalanced(n_samples = 20000, n_features = 20, n_informative = 10, n_redundant = 4, seed = 1)
    fit(imb_pipeline(clf = model_forest(n_trees = 50000)), class ~ ., d, seed = 1, n_threads = 1)
  })
})

test_that("an interrupt stops a one-thread SMOTE (#11)", {
  expect_interruptible(function() {
    # The neighbour search over the 180,000 rows of class "b" takes tens of
    # seconds even with the vectorised screen, so the signal lands inside it.
    set.seed(1)
    n <- 400000
    d <- as.data.frame(matrix(rnorm(n * 100), n))
    d$class <- factor(rep(c("a", "b"), c(220000, 180000)))
    smote(d, class, seed = 1, n_threads = 1)
  })
})

test_that("an interrupt stops boosting on 20,000 rows, on one and two threads (#11)", {
  long_boost <- function(threads) {
    force(threads)
    function() {
      d <- make_imbalanced(n_samples = 20000, n_features = 20, n_informative = 10, n_redundant = 4, seed = 1)
      fit(imb_pipeline(clf = model_boost(n_rounds = 100000)), class ~ ., d, seed = 1, n_threads = threads)
    }
  }
  expect_interruptible(long_boost(1L))
  expect_interruptible(long_boost(2L))
})
