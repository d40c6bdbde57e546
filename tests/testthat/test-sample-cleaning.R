test_that("the cleaning rules keep imbalanced-learn 0.10's rows, in their original order", {
  refs <- cleaning_refs()
  n <- 0
  for (name in names(refs$datasets)) {
    d <- refs$datasets[[name]]
    for (case in Filter(function(cs) cs$method != "near_miss", d$cases)) {
      rows <- source_rows(run_cleaning_case(d$data, case), d$data)
      label <- paste(name, case$method, paste(names(case$params), unlist(case$params), collapse = " "))
      expect_identical(rows, case$kept, label = label)
      n <- n + 1
    }
  }
  # Every rule, on two-class, three-class, 8-column and tied data.
  expect_gte(n, 75)
})

test_that("the cleaning rules give the same rows on 1 and 2 threads", {
  d <- cleaning_data(n = 3000)
  for (f in list(
    function(t) tomek_links(d, class, n_threads = t),
    function(t) edited_nearest_neighbours(d, class, kind_sel = "mode", n_threads = t),
    function(t) repeated_edited_nearest_neighbours(d, class, n_threads = t),
    function(t) all_knn(d, class, n_neighbors = 5, n_threads = t),
    function(t) neighbourhood_cleaning_rule(d, class, n_threads = t),
    function(t) one_sided_selection(d, class, seed = 4, n_threads = t),
    function(t) condensed_nearest_neighbour(d, class, seed = 4, n_threads = t)
  )) {
    expect_identical(f(1), f(2))
  }
})

test_that("a row is never its own neighbour; its exact duplicate is (imbalanced-learn may count the row itself)", {
  # Rows 1 and 2 are the same point in different classes: each is the
  # other's nearest neighbour, a Tomek link, whatever scikit-learn's order.
  d <- data.frame(
    x = c(0, 0, 5, 6, 7, 8, 20, 21),
    y = factor(c("a", "b", "a", "a", "a", "a", "b", "b"))
  )
  expect_identical(tomek_links(d, y, sampling_strategy = "all", n_threads = 1)$x, c(5, 6, 7, 8, 20, 21))
  expect_identical(tomek_links(d, y, sampling_strategy = "b", n_threads = 1)$y, factor(c("a", rep("a", 4), "b", "b")))
  # Rows 1 to 3 are one point. With n_neighbors = 1, row 1's neighbour is
  # row 2 (class b; the tie with row 3 goes to the earlier row), so ENN
  # removes it; row 2's is row 1 (class a): removed; row 3's is row 1 (class
  # a): kept. Had a row counted itself, rows 1 and 3 would both stay.
  d2 <- data.frame(x = c(0, 0, 0, 10, 11, 12), y = factor(c("a", "b", "a", "b", "b", "a")))
  kept <- edited_nearest_neighbours(d2, y, n_neighbors = 1, sampling_strategy = "all", n_threads = 1)
  expect_identical(kept$x, c(0, 10, 11))
  expect_identical(as.character(kept$y), c("a", "b", "b"))
})

test_that("sampling_strategy names the classes to clean: strings or class names", {
  d <- cleaning_data()
  enn <- function(s) edited_nearest_neighbours(d, class, sampling_strategy = s, n_threads = 1)
  expect_identical(enn("auto"), enn("majority"))
  expect_identical(enn("auto"), enn("not minority"))
  expect_identical(enn("auto"), enn(list("majority")))
  expect_identical(enn("not majority"), enn(list("minority")))
  expect_identical(enn("all"), enn(c("minority", "majority")))
  # "auto" never removes a minority row; "all" removes some here.
  expect_identical(sum(enn("auto")$class == "minority"), sum(d$class == "minority"))
  expect_lt(sum(enn("all")$class == "minority"), sum(d$class == "minority"))
  expect_snapshot(error = TRUE, enn(0.5))
  expect_snapshot(error = TRUE, enn(c(majority = 100)))
  expect_snapshot(error = TRUE, enn("minority"))
  expect_snapshot(error = TRUE, enn(c("majority", "other")))
  expect_error(enn(0.5), class = "smotelab_error_sampling")
})

test_that("repeated ENN never keeps more than one ENN pass; AllKNN's first pass is ENN with one neighbour", {
  d <- cleaning_data()
  once <- edited_nearest_neighbours(d, class, n_threads = 1)
  again <- repeated_edited_nearest_neighbours(d, class, n_threads = 1)
  expect_true(nrow(again) <= nrow(once))
  expect_true(all(source_rows(again, d) %in% source_rows(once, d)))
  expect_identical(
    all_knn(d, class, n_neighbors = 1, n_threads = 1),
    edited_nearest_neighbours(d, class, n_neighbors = 1, n_threads = 1)
  )
  expect_identical(
    repeated_edited_nearest_neighbours(d, class, max_iter = 1, n_threads = 1),
    edited_nearest_neighbours(d, class, n_threads = 1)
  )
  # A fixed point: ENN removes nothing more from repeated ENN's result
  # unless it stopped to protect a class.
  expect_identical(nrow(edited_nearest_neighbours(again, class, n_threads = 1)), nrow(again))
})

test_that("one-sided selection and CNN keep original rows of their class, every minority row, and follow the seed", {
  d <- cleaning_data(n = 800)
  rows_of <- function(r) source_rows(r, d)
  for (f in list(one_sided_selection, condensed_nearest_neighbour)) {
    a <- f(d, class, seed = 1, n_threads = 1)
    expect_identical(a, f(d, class, seed = 1, n_threads = 1))
    expect_false(identical(a, f(d, class, seed = 2, n_threads = 1)))
    rows <- rows_of(a)
    expect_false(anyNA(rows))
    expect_false(is.unsorted(rows, strictly = TRUE))
    expect_identical(a$class, d$class[rows])
    expect_identical(sum(a$class == "minority"), sum(d$class == "minority"))
    expect_lt(nrow(a), nrow(d))
  }
  # With every majority row a seed, nothing is left to select: one-sided
  # selection is Tomek links alone, and CNN keeps every row.
  n_maj <- sum(d$class == "majority")
  expect_identical(one_sided_selection(d, class, n_seeds_S = n_maj, seed = 1), tomek_links(d, class))
  expect_identical(condensed_nearest_neighbour(d, class, n_seeds_S = n_maj, seed = 1), tibble::as_tibble(d))
})

test_that("CNN's kept rows classify every removed row correctly with 1-NN", {
  d <- cleaning_data(n = 600, seed = 8)
  kept <- condensed_nearest_neighbour(d, class, seed = 3, n_threads = 1)
  rows <- source_rows(kept, d)
  removed <- setdiff(seq_len(nrow(d)), rows)
  expect_gt(length(removed), 100)
  x <- as.matrix(d[grep("^x", names(d))])
  nn <- smotelab:::knn_impl(x[rows, ], 1, query = x[removed, , drop = FALSE], self = NULL)
  expect_identical(d$class[rows][nn$index[, 1]], d$class[removed])
})

test_that("every cleaning step equals its function on each training fold", {
  d <- cleaning_data(n = 450)
  expect_step_equals_function(step_tomek_links(), function(t, s) tomek_links(t, class), d)
  expect_step_equals_function(
    step_edited_nearest_neighbours(n_neighbors = 4, kind_sel = "mode", sampling_strategy = "all"),
    function(t, s) edited_nearest_neighbours(t, class, n_neighbors = 4, kind_sel = "mode", sampling_strategy = "all"),
    d
  )
  expect_step_equals_function(
    step_repeated_edited_nearest_neighbours(max_iter = 3),
    function(t, s) repeated_edited_nearest_neighbours(t, class, max_iter = 3), d
  )
  expect_step_equals_function(
    step_all_knn(allow_minority = TRUE),
    function(t, s) all_knn(t, class, allow_minority = TRUE), d
  )
  expect_step_equals_function(
    step_neighbourhood_cleaning_rule(threshold_cleaning = 0.1),
    function(t, s) neighbourhood_cleaning_rule(t, class, threshold_cleaning = 0.1), d
  )
  expect_step_equals_function(
    step_one_sided_selection(n_seeds_S = 3),
    function(t, s) one_sided_selection(t, class, n_seeds_S = 3, seed = s), d
  )
  expect_step_equals_function(
    step_condensed_nearest_neighbour(),
    function(t, s) condensed_nearest_neighbour(t, class, seed = s), d
  )
})

test_that("grid_search() tunes a cleaning step's parameters", {
  d <- cleaning_data(n = 300)
  pipe <- imb_pipeline(enn = step_edited_nearest_neighbours(), clf = model_logistic())
  gs <- grid_search(pipe, class ~ ., d,
    grid = list(enn__n_neighbors = c(1, 5), enn__kind_sel = c("all", "mode")),
    folds = 3, seed = 1, n_threads = 1
  )
  expect_identical(nrow(gs$results), 4L)
  one <- cross_validate(
    imb_pipeline(enn = step_edited_nearest_neighbours(n_neighbors = 5, kind_sel = "mode"), clf = model_logistic()),
    class ~ ., d,
    folds = 3, metrics = "f1_macro", seed = 1, n_threads = 1
  )
  row <- gs$results[gs$results$enn__n_neighbors == 5 & gs$results$enn__kind_sel == "mode", ]
  expect_equal(row$mean, mean(one$.estimate))
})

test_that("cleaning rules refuse bad input with classed errors", {
  d <- cleaning_data(n = 60)
  expect_snapshot(error = TRUE, edited_nearest_neighbours(d[1:3, ], class, n_neighbors = 3))
  expect_snapshot(error = TRUE, edited_nearest_neighbours(d, class, kind_sel = "most"))
  expect_snapshot(error = TRUE, all_knn(d, class, n_neighbors = 0))
  expect_snapshot(error = TRUE, neighbourhood_cleaning_rule(d, class, threshold_cleaning = 2))
  expect_snapshot(error = TRUE, one_sided_selection(d, class, n_seeds_S = 1000))
  expect_snapshot(error = TRUE, condensed_nearest_neighbour(d, class, n_neighbors = 100))
  expect_snapshot(error = TRUE, tomek_links(transform(d, x1 = as.character(x1)), class))
  expect_snapshot(error = TRUE, step_tomek_links(sampling_strategy = 2))
  expect_error(edited_nearest_neighbours(d[1:3, ], class), class = "smotelab_error_too_few_rows")
  expect_error(one_sided_selection(d, class, n_seeds_S = 1000), class = "smotelab_error_too_few_rows")
  # Inside a pipeline the same error names the fold.
  small <- d[c(which(d$class == "minority")[1:2], which(d$class == "majority")[1:4]), ]
  expect_error(
    fit(imb_pipeline(enn = step_edited_nearest_neighbours(n_neighbors = 6), clf = model_logistic()), class ~ ., small),
    class = "smotelab_error_too_few_rows"
  )
})
