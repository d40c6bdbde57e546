test_that("smote_enn() is SMOTE, then ENN on every row, original and synthetic", {
  d <- cleaning_data(n = 600)
  made <- smote(d, class, seed = 7, n_threads = 1)
  cleaned <- edited_nearest_neighbours(made, class, sampling_strategy = "all", n_threads = 1)
  got <- smote_enn(d, class, seed = 7, n_threads = 1, .synthetic = TRUE)
  expect_identical(got[names(d)], cleaned)
  # Original rows first: the synthetic flag follows where each kept row came from.
  expect_identical(got$.synthetic, source_rows(cleaned, made) > nrow(d))
  expect_true(any(!got$.synthetic) && any(got$.synthetic))
  expect_identical(smote_enn(d, class, seed = 7, n_threads = 2), smote_enn(d, class, seed = 7, n_threads = 1))
  by_mode <- edited_nearest_neighbours(made, class, n_neighbors = 4, kind_sel = "mode", sampling_strategy = "majority")
  expect_identical(
    smote_enn(d, class, n_neighbors = 4, kind_sel = "mode", enn_sampling_strategy = "majority", seed = 7),
    by_mode
  )
})

test_that("smote_tomek() is SMOTE, then Tomek links on every row", {
  d <- cleaning_data(n = 600)
  made <- smote(d, class, sampling_strategy = 0.6, seed = 3, n_threads = 1)
  cleaned <- tomek_links(made, class, sampling_strategy = "all", n_threads = 1)
  got <- smote_tomek(d, class, sampling_strategy = 0.6, seed = 3, n_threads = 1)
  expect_identical(got, cleaned)
  expect_lt(nrow(got), nrow(made))
  expect_identical(smote_tomek(d, class, seed = 3, n_threads = 2), smote_tomek(d, class, seed = 3, n_threads = 1))
})

test_that("step_smote_enn() and step_smote_tomek() equal their functions on each training fold", {
  d <- cleaning_data(n = 450)
  expect_step_equals_function(
    step_smote_enn(k_neighbors = 3, sampling_strategy = 0.7),
    function(t, s) smote_enn(t, class, k_neighbors = 3, sampling_strategy = 0.7, seed = s), d
  )
  expect_step_equals_function(
    step_smote_tomek(tomek_sampling_strategy = "majority"),
    function(t, s) smote_tomek(t, class, tomek_sampling_strategy = "majority", seed = s), d
  )
  gs <- grid_search(imb_pipeline(se = step_smote_enn(), clf = model_logistic()), class ~ ., d,
    grid = list(se__n_neighbors = c(2, 4), se__enn_sampling_strategy = list("all", "majority")),
    folds = 3, seed = 1, n_threads = 1
  )
  expect_identical(nrow(gs$results), 4L)
})

test_that("smote_enn() and smote_tomek() refuse bad input with classed errors", {
  d <- cleaning_data(n = 60)
  expect_snapshot(error = TRUE, smote_enn(d, class, enn_sampling_strategy = 0.5))
  expect_snapshot(error = TRUE, smote_tomek(d, class, k_neighbors = 20))
  expect_snapshot(error = TRUE, step_smote_enn(kind_sel = "any"))
  expect_error(smote_tomek(d, class, k_neighbors = 20), class = "smotelab_error_too_few_rows")
})
