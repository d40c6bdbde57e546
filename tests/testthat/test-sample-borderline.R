variants_ref <- function() readRDS(test_path("data", "imblearn-variants.rds"))

# Danger rows of class `cls` by brute force: at least half, not all, of the
# m nearest neighbours among all rows are of other classes.
danger_reference <- function(x, y, cls, m) {
  members <- which(y == cls)
  nn <- knn_reference(x, x[members, , drop = FALSE], m, self = members)$index
  other <- rowSums(matrix(y[nn] != cls, ncol = m))
  other >= m / 2 & other < m
}

test_that("class counts equal imbalanced-learn's for every sampling_strategy form", {
  ref <- variants_ref()
  for (d in ref$datasets) {
    for (case in d$cases) {
      one <- borderline_smote(d$data, y, sampling_strategy = case$strategy, seed = 1, n_threads = 1)
      expect_identical(c(table(one$y)), case$borderline_1)
      # Borderline-2 splits n rows as floor(f (n + 1)) + floor((1 - f) n),
      # f ~ Beta(10, 10): n or n - 1 rows, in imbalanced-learn and here.
      for (s in 1:5) {
        two <- c(table(borderline_smote(d$data, y,
          kind = "borderline-2", sampling_strategy = case$strategy,
          seed = s, n_threads = 1
        )$y))
        expect_true(all((two - case$borderline_1) %in% c(-1L, 0L)))
        expect_true(all((case$borderline_2 - case$borderline_1) %in% c(-1L, 0L)))
      }
    }
  }
})

test_that("danger rows equal imbalanced-learn's _in_danger_noise() and a brute-force reference", {
  ref <- variants_ref()
  for (d in ref$datasets) {
    x <- as.matrix(d$data[c("x1", "x2")])
    y <- d$data$y
    for (m in names(d$danger)) {
      for (cls in names(d$danger[[m]])) {
        code <- match(cls, levels(y)) - 1L
        for (algorithm in c("kd_tree", "brute_force")) {
          got <- borderline_danger_cpp(x, as.integer(y) - 1L, code, as.integer(m), 2L, algorithm)
          expect_identical(got, d$danger[[m]][[cls]])
        }
        expect_identical(danger_reference(x, y, cls, as.integer(m)), d$danger[[m]][[cls]])
      }
    }
  }
})

test_that("every synthetic row lies between a danger seed and one of its allowed neighbours", {
  d <- variants_ref()$datasets$three$data
  x <- as.matrix(d[c("x1", "x2")])
  k <- 4
  m <- 8
  for (kind in c("borderline-1", "borderline-2")) {
    out <- borderline_smote(d, y,
      k_neighbors = k, m_neighbors = m, kind = kind, seed = 3, n_threads = 2,
      .synthetic = TRUE
    )
    expect_identical(as.data.frame(out[seq_len(nrow(d)), c("x1", "x2", "y")]), d)
    synthetic <- out[out$.synthetic, ]
    for (cls in levels(d$y)[-1]) {
      members <- which(d$y == cls)
      others <- which(d$y != cls)
      seeds <- members[danger_reference(x, d$y, cls, m)]
      same <- knn_reference(x[members, ], x[seeds, ], k, self = match(seeds, members))$index
      other <- knn_reference(x[others, ], x[seeds, ], k)$index
      to_same <- lapply(seq_along(seeds), function(i) x[members[same[i, ]], , drop = FALSE])
      to_other <- lapply(seq_along(seeds), function(i) x[others[other[i, ]], , drop = FALSE])
      rows <- as.matrix(synthetic[synthetic$y == cls, c("x1", "x2")])
      on_same <- apply(rows, 1, on_allowed_segment, from = x[seeds, ], to = to_same)
      if (kind == "borderline-1") {
        expect_true(all(on_same))
      } else {
        on_other <- apply(rows, 1, on_allowed_segment, from = x[seeds, ], to = to_other, max_gap = 0.5)
        expect_true(all(on_same | on_other))
        # Both kinds of neighbour are used, in about equal shares.
        expect_gt(mean(on_other & !on_same), 0.2)
        expect_gt(mean(on_same & !on_other), 0.2)
      }
    }
  }
  # A non-danger seed is caught by the check.
  members <- which(d$y == "c")
  safe <- members[!danger_reference(x, d$y, "c", m)]
  nn <- knn_reference(x[members, ], x[safe[1], , drop = FALSE], k, self = match(safe[1], members))$index
  z <- x[safe[1], ] + 0.5 * (x[members[nn[1, 1]], ] - x[safe[1], ])
  seeds <- members[danger_reference(x, d$y, "c", m)]
  same <- knn_reference(x[members, ], x[seeds, ], k, self = match(seeds, members))$index
  expect_false(on_allowed_segment(z, x[seeds, ], lapply(seq_along(seeds), function(i) x[members[same[i, ]], ])))
})

test_that("seeds reported by the core are danger rows", {
  d <- variants_ref()$datasets$binary$data
  x <- as.matrix(d[c("x1", "x2")])
  y <- as.integer(d$y) - 1L
  res <- borderline_smote_cpp(
    as.list(d[c("x1", "x2")]), y, c(0L, 500L), 5L, 10L, "borderline-1", 4, 1L, "auto",
    levels(d$y)
  )
  danger <- which(d$y == "pos")[danger_reference(x, d$y, "pos", 10)]
  expect_true(all(res$seed_row %in% danger))
  expect_setequal(unique(res$seed_row), danger)
})

test_that("same seed, same output, for 1 and 2 threads and both neighbour algorithms", {
  d <- smote_data(n_major = 9000, n_minor = 900, p = 3)
  d[d$class == "minority", 1:3] <- d[d$class == "minority", 1:3] - 1.5
  for (kind in c("borderline-1", "borderline-2")) {
    a <- borderline_smote(d, class, kind = kind, seed = 11, n_threads = 1)
    expect_gt(nrow(a) - nrow(d), 8000)
    expect_identical(borderline_smote(d, class, kind = kind, seed = 11, n_threads = 2), a)
    withr::with_options(list(smotelab.knn_algorithm = "brute_force"), {
      expect_identical(borderline_smote(d, class, kind = kind, seed = 11, n_threads = 2), a)
    })
    expect_false(identical(borderline_smote(d, class, kind = kind, seed = 12, n_threads = 1), a))
    b <- withr::with_seed(5, borderline_smote(d, class, kind = kind, n_threads = 1))
    expect_identical(withr::with_seed(5, borderline_smote(d, class, kind = kind, n_threads = 2)), b)
  }
})

test_that("a class with no row in danger gains no rows, with a warning", {
  d <- smote_data(n_major = 60, n_minor = 20)
  d[d$class == "minority", 1:2] <- d[d$class == "minority", 1:2] + 50
  expect_snapshot(out <- borderline_smote(d, class, seed = 1, n_threads = 1))
  expect_identical(nrow(out), nrow(d))
  expect_warning(borderline_smote(d, class, seed = 1, n_threads = 1), class = "smotelab_warning_no_danger")
})

test_that("borderline_smote() explains bad input", {
  d <- smote_data(n_minor = 4)
  expect_snapshot(error = TRUE, borderline_smote(d, class))
  expect_snapshot(error = TRUE, borderline_smote(smote_data(n_major = 6, n_minor = 3), class, k_neighbors = 2))
  expect_snapshot(error = TRUE, borderline_smote(smote_data(n_major = 3, n_minor = 8), class,
    k_neighbors = 4,
    m_neighbors = 5, kind = "borderline-2",
    sampling_strategy = c(minority = 20)
  ))
  expect_snapshot(error = TRUE, borderline_smote(smote_data(), class, m_neighbors = 0))
  expect_snapshot(error = TRUE, borderline_smote(smote_data(), class, kind = "borderline-3"))
  expect_snapshot(error = TRUE, borderline_smote(smote_data(), class, kind = 2))
  d2 <- smote_data()
  d2$x1[3] <- NA
  expect_snapshot(error = TRUE, borderline_smote(d2, class))
  d3 <- smote_data()
  d3$colour <- factor("red")
  expect_snapshot(error = TRUE, borderline_smote(d3, class))
  expect_snapshot(error = TRUE, borderline_smote(smote_data(), class, sampling_strategy = 0.01))
})

test_that("step_borderline_smote() records and checks its parameters", {
  step <- step_borderline_smote(k_neighbors = 3, m_neighbors = 7, kind = "borderline-2", sampling_strategy = 0.75)
  expect_s3_class(step, c("smotelab_step_borderline_smote", "smotelab_step"))
  expect_identical(step$type, "borderline_smote")
  expect_identical(step$params, list(
    k_neighbors = 3L, m_neighbors = 7L, kind = "borderline-2",
    sampling_strategy = 0.75
  ))
  expect_identical(step_borderline_smote()$params$kind, "borderline-1")
  expect_snapshot(error = TRUE, step_borderline_smote(k_neighbors = 0))
  expect_snapshot(error = TRUE, step_borderline_smote(m_neighbors = 1.5))
  expect_snapshot(error = TRUE, step_borderline_smote(kind = "borderline"))
  expect_snapshot(error = TRUE, step_borderline_smote(sampling_strategy = "majority"))
})
