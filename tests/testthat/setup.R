# Tests, examples and vignettes use at most two threads.
withr::local_options(list(smotelab.threads = 2), .local_envir = teardown_env())
