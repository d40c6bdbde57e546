# The working memory of a core call is not handed back to the kernel and
# faulted in again, zeroed, at every fold (see settle_heap() in src/glue.h).
# glibc's state depends on what the session allocated before, so the check
# runs in a fresh R session, the state a user's first calls meet.

test_that("cross-validation in a fresh session reuses its working memory from call to call", {
  skip_unless_child_sessions()
  skip_if_not(grepl("linux-gnu", R.version$os), "glibc's heap on Linux")
  faults <- callr::r(function() {
    library(smotelab)
    # Field 10 of /proc/self/stat: minor page faults of the whole process.
    minor_faults <- function() as.numeric(strsplit(readLines("/proc/self/stat"), " ")[[1]][10])
    d <- make_imbalanced(n_samples = 20000, n_features = 20, n_informative = 10, n_redundant = 4, seed = 1)
    p <- imb_pipeline(scale = step_scale(), smote = step_smote(), clf = model_logistic())
    run <- function() cross_validate(p, class ~ ., d, folds = 5, seed = 1, n_threads = 2)
    run()
    vapply(1:3, function(i) {
      before <- minor_faults()
      run()
      minor_faults() - before
    }, 1)
  })
  # The folds' working memory is about 9 MB on the main thread: some 2,300
  # pages per fold when it is returned and faulted in again.
  expect_lt(stats::median(faults), 1000)
})
