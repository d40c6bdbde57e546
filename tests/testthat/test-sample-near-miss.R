test_that("near_miss() keeps imbalanced-learn 0.10's rows for versions 1 to 3, in their original order", {
  refs <- cleaning_refs()
  n <- 0
  for (name in names(refs$datasets)) {
    d <- refs$datasets[[name]]
    for (case in Filter(function(cs) cs$method == "near_miss", d$cases)) {
      rows <- source_rows(run_cleaning_case(d$data, case), d$data)
      label <- paste(name, paste(names(case$params), unlist(case$params), collapse = " "))
      expect_identical(rows, case$kept, label = label)
      n <- n + 1
    }
  }
  expect_gte(n, 40)
})

test_that("near_miss() keeps the counts sampling_strategy asks for, on 1 or 2 threads", {
  d <- cleaning_data(n = 2000)
  n_min <- sum(d$class == "minority")
  for (version in 1:3) {
    one <- suppressWarnings(near_miss(d, class, version = version, n_threads = 1))
    expect_identical(one, suppressWarnings(near_miss(d, class, version = version, n_threads = 2)))
    expect_identical(sum(one$class == "minority"), n_min)
    if (version < 3) expect_identical(sum(one$class == "majority"), n_min)
  }
  half <- near_miss(d, class, sampling_strategy = 0.5, n_threads = 1)
  expect_identical(sum(half$class == "majority"), as.integer(floor(n_min / 0.5)))
})

test_that("NearMiss-3 warns when it keeps fewer rows than asked for", {
  refs <- cleaning_refs()
  d <- refs$datasets$binary$data
  expect_snapshot(r <- near_miss(d, y, version = 3, n_neighbors_ver3 = 1, n_threads = 1))
  expect_warning(
    near_miss(d, y, version = 3, n_neighbors_ver3 = 1, n_threads = 1),
    class = "smotelab_warning_short_class"
  )
})

test_that("step_near_miss() equals near_miss() on each training fold", {
  d <- cleaning_data(n = 450)
  for (version in 1:2) {
    expect_step_equals_function(
      step_near_miss(version = version, n_neighbors = 2, sampling_strategy = 0.4),
      function(t, s) near_miss(t, class, version = version, n_neighbors = 2, sampling_strategy = 0.4), d
    )
  }
})

test_that("near_miss() refuses bad input with classed errors", {
  d <- cleaning_data(n = 60)
  expect_snapshot(error = TRUE, near_miss(d, class, version = 4))
  expect_snapshot(error = TRUE, near_miss(d, class, n_neighbors = 50))
  expect_snapshot(error = TRUE, near_miss(d, class, version = 3, n_neighbors_ver3 = 500, sampling_strategy = "all"))
  expect_snapshot(error = TRUE, near_miss(d, class, sampling_strategy = "minority"))
  expect_error(near_miss(d, class, n_neighbors = 50), class = "smotelab_error_too_few_rows")
})
