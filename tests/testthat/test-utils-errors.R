# The vocabulary of condition classes is closed: abort_smotelab() refuses an
# unknown kind, the core's kinds are among R's, and the help topic documents
# exactly the kinds in use.

test_that("?smotelab-conditions documents every kind and nothing else", {
  rd <- tools::Rd_db("smotelab")[["smotelab-conditions.Rd"]]
  skip_if(is.null(rd), "help database not installed")
  text <- paste(as.character(rd), collapse = "")
  documented <- unique(regmatches(text, gregexpr("smotelab_(error|warning)_[a-z_]+", text))[[1]])
  expect_setequal(
    documented,
    c(paste0("smotelab_error_", smotelab:::error_kinds), paste0("smotelab_warning_", smotelab:::warning_kinds))
  )
})

test_that("an unknown kind is a bug, not a new class", {
  expect_error(smotelab:::abort_smotelab("x", "predictors"), class = "rlang_error", regexp = "internal error")
  expect_error(smotelab:::warn_smotelab("x", "bogus"), regexp = "internal error")
})

test_that("core failures keep their kind, and anything else is an internal error", {
  wire <- paste("smotelab", "too_few_rows", "The class is small.", "Lower `k`.", sep = "\x1f")
  f <- smotelab:::core_failure(wire)
  expect_identical(f, list(kind = "too_few_rows", headline = "The class is small.", bullets = "Lower `k`."))
  expect_identical(smotelab:::core_failure("boom")$kind, "internal")
  expect_identical(smotelab:::core_failure("std::bad_alloc", "std::bad_alloc")$kind, "memory")
  err <- expect_error(smotelab:::with_core(stop(structure(
    class = c("smotelab::internal_error", "C++Error", "error", "condition"),
    list(message = "labels must be 0 or 1", call = NULL)
  ))), class = "smotelab_error_internal")
  expect_match(conditionMessage(err), "internal error", fixed = TRUE)
})

# issue 12: the same failure had three classes on three paths.
test_that("a class too small for SMOTE has one class and one message on every path", {
  d <- make_imbalanced(
    n_samples = 200, n_features = 3, n_informative = 2, n_redundant = 0, weights = c(0.9, 0.1),
    flip_y = 0, seed = 1
  )
  tiny <- rbind(d[d$class == "majority", ], d[d$class == "minority", ][1:4, ])
  pipe <- imb_pipeline(smote = step_smote(), clf = model_logistic())
  paths <- list(
    smote = function() smote(tiny, class, seed = 1, n_threads = 1),
    fit = function() fit(pipe, class ~ ., tiny, seed = 1, n_threads = 1),
    cross_validate = function() cross_validate(pipe, class ~ ., rbind(tiny, tiny), folds = 2, seed = 1, n_threads = 1),
    grid_search = function() {
      grid_search(pipe, class ~ ., rbind(tiny, tiny), grid = list(clf__C = 1), folds = 2, seed = 1, n_threads = 1)
    }
  )
  for (path in names(paths)) {
    err <- expect_error(paths[[path]](), class = "smotelab_error_too_few_rows", label = path)
    expect_match(conditionMessage(err), "SMOTE with k_neighbors = 5 needs at least 6", fixed = TRUE, label = path)
    expect_match(conditionMessage(err), "Lower `k_neighbors` to at most", fixed = TRUE, label = path)
  }
})

test_that("a grid value a constructor refuses keeps the constructor's class", {
  d <- make_imbalanced(n_samples = 200, n_features = 3, n_informative = 2, n_redundant = 0, seed = 1)
  pipe <- imb_pipeline(clf = model_logistic())
  err <- expect_error(
    grid_search(pipe, class ~ ., d, grid = list(clf__C = c(1, -1)), folds = 2, seed = 1, n_threads = 1),
    class = "smotelab_error_argument"
  )
  expect_match(conditionMessage(err), "Grid point 2", fixed = TRUE)
  expect_s3_class(err$parent, "smotelab_error_argument")
})

test_that("a core failure without bullets states its headline once", {
  failure <- list(kind = "argument", headline = "Something can't be done.", bullets = character())
  err <- expect_error(smotelab:::abort_core(failure, call = NULL), class = "smotelab_error_argument")
  expect_length(err$body, 0)
  expect_identical(unname(err$message), "Something can't be done.")
})
