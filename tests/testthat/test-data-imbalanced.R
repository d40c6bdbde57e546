sklearn <- readRDS(test_path("data", "sklearn-split-data.rds"))

# The class each row was drawn with, before label noise.
drawn_class <- function(d) {
  flipped <- attr(d, "flipped")
  other <- ifelse(d$class == "majority", "minority", "majority")
  factor(ifelse(flipped, other, as.character(d$class)), levels = levels(d$class))
}

test_that("make_imbalanced() returns x1..xp and a majority/minority factor", {
  d <- make_imbalanced(
    n_samples = 200, n_features = 7, n_informative = 3,
    n_redundant = 1, seed = 1
  )
  expect_s3_class(d, "tbl_df")
  expect_named(d, c(paste0("x", 1:7), "class"))
  expect_equal(nrow(d), 200)
  expect_true(all(vapply(d[1:7], is.double, logical(1))))
  expect_equal(levels(d$class), c("majority", "minority"))
  expect_false(anyNA(d))
  expect_named(attr(d, "roles"), paste0("x", 1:7))
  expect_equal(
    as.vector(table(factor(attr(d, "roles"), c("informative", "redundant", "repeated", "noise")))),
    c(3, 1, 0, 3)
  )
  expect_type(attr(d, "flipped"), "logical")
  expect_length(attr(d, "flipped"), 200)
})

test_that("rows per class before label noise match scikit-learn's make_classification", {
  for (case in sklearn$make_classification) {
    args <- list(
      n_samples = case$n_samples, n_features = 10, n_informative = 4,
      n_redundant = 2, n_clusters_per_class = case$n_clusters_per_class,
      weights = case$weights, seed = 3
    )
    clean <- do.call(make_imbalanced, c(args, flip_y = 0))
    expect_equal(as.vector(table(clean$class)), case$counts, info = case$n_samples)
    expect_false(any(attr(clean, "flipped")))
    noisy <- do.call(make_imbalanced, c(args, flip_y = 0.3))
    expect_equal(as.vector(table(drawn_class(noisy))), case$counts, info = case$n_samples)
  }
})

# Within four binomial standard deviations of p, for n draws.
expect_share <- function(x, p, n = length(x)) {
  expect_lt(abs(mean(x) - p), 4 * sqrt(p * (1 - p) / n))
}

test_that("class shares follow weights at n = 20000", {
  d <- make_imbalanced(n_samples = 20000, weights = c(0.8, 0.2), flip_y = 0.01, seed = 11)
  # Label noise moves about flip_y * (0.8 - 0.5) of the rows to the minority.
  expect_share(d$class == "minority", 0.2 + 0.01 * 0.3)
  expect_equal(mean(d$class == "minority"), 0.2, tolerance = 0.05)
  d <- make_imbalanced(n_samples = 20000, weights = 0.95, flip_y = 0, seed = 12)
  expect_equal(mean(d$class == "minority"), 0.05)
})

test_that("about flip_y / 2 of the labels change", {
  for (flip_y in c(0.05, 0.2, 1)) {
    d <- make_imbalanced(n_samples = 20000, flip_y = flip_y, seed = 5)
    expect_share(attr(d, "flipped"), flip_y / 2)
  }
})

test_that("the flipped attribute marks exactly the rows on the wrong side", {
  # Two far-apart clusters in two informative dimensions: every row lies
  # nearer its own cluster's centre, so a row is mislabelled exactly when its
  # class differs from the class whose (robust) centre it is nearest to.
  d <- make_imbalanced(
    n_samples = 2000, n_features = 2, n_informative = 2,
    n_redundant = 0, n_clusters_per_class = 1,
    weights = c(0.7, 0.3), flip_y = 0.2, class_sep = 10, seed = 9
  )
  x <- as.matrix(d[c("x1", "x2")])
  centre <- lapply(split(as.data.frame(x), d$class), function(g) apply(g, 2, stats::median))
  dist <- vapply(centre, function(m) rowSums(sweep(x, 2, m)^2), numeric(nrow(x)))
  nearest <- levels(d$class)[max.col(-dist)]
  expect_identical(attr(d, "flipped"), nearest != as.character(d$class))
  expect_gt(sum(attr(d, "flipped")), 100)
})

test_that("cluster centres sit on hypercube vertices at +-class_sep", {
  d <- make_imbalanced(
    n_samples = 20000, n_features = 5, n_informative = 3,
    n_redundant = 0, n_clusters_per_class = 1, weights = c(0.5, 0.5),
    flip_y = 0, class_sep = 2, seed = 21
  )
  informative <- names(attr(d, "roles"))[attr(d, "roles") == "informative"]
  means <- rowsum(as.matrix(d[informative]), d$class) / as.vector(table(d$class))
  expect_equal(abs(means), matrix(2, 2, 3, dimnames = dimnames(means)), tolerance = 0.05)
  expect_gt(sum(means[1, ] != means[2, ] & sign(means[1, ]) != sign(means[2, ])), 0)
  noise <- names(attr(d, "roles"))[attr(d, "roles") == "noise"]
  expect_equal(unname(colMeans(d[noise])), c(0, 0), tolerance = 0.05)
  expect_equal(unname(apply(d[noise], 2, stats::sd)), c(1, 1), tolerance = 0.05)
})

test_that("redundant and repeated features add no rank", {
  d <- make_imbalanced(
    n_samples = 1000, n_features = 14, n_informative = 5,
    n_redundant = 3, n_repeated = 2, seed = 4
  )
  roles <- attr(d, "roles")
  x <- as.matrix(d[names(roles)])
  signal <- x[, roles %in% c("informative", "redundant")]
  expect_equal(ncol(signal), 8)
  expect_equal(qr(signal)$rank, 5)
  expect_equal(qr(x[, roles == "informative"])$rank, 5)
  expect_equal(qr(x)$rank, 14 - 3 - 2)
})

test_that("repeated features duplicate informative or redundant ones exactly", {
  d <- make_imbalanced(
    n_samples = 300, n_features = 12, n_informative = 4,
    n_redundant = 2, n_repeated = 3, seed = 8
  )
  roles <- attr(d, "roles")
  sources <- names(roles)[roles %in% c("informative", "redundant")]
  for (column in names(roles)[roles == "repeated"]) {
    copies <- vapply(sources, function(s) identical(d[[column]], d[[s]]), logical(1))
    expect_true(any(copies), info = column)
  }
  others <- names(roles)[roles != "repeated"]
  expect_equal(anyDuplicated(as.list(d[others])), 0)
})

test_that("columns are shuffled, so roles are not in construction order", {
  orders <- vapply(1:20, function(s) {
    paste(attr(make_imbalanced(n_samples = 50, seed = s), "roles"), collapse = " ")
  }, character(1))
  expect_gt(length(unique(orders)), 1)
})

test_that("the same seed gives the same data, another seed other data", {
  a <- make_imbalanced(n_samples = 500, seed = 42)
  expect_identical(make_imbalanced(n_samples = 500, seed = 42), a)
  b <- make_imbalanced(n_samples = 500, seed = 43)
  expect_false(isTRUE(all.equal(a$x1, b$x1)))
})

test_that("set.seed() governs seed = NULL", {
  a <- withr::with_seed(7, make_imbalanced(n_samples = 300))
  b <- withr::with_seed(7, make_imbalanced(n_samples = 300))
  c <- withr::with_seed(8, make_imbalanced(n_samples = 300))
  expect_identical(a, b)
  expect_false(identical(a, c))
})

test_that("make_imbalanced() rejects bad arguments", {
  expect_snapshot(error = TRUE, make_imbalanced(n_samples = 1))
  expect_snapshot(error = TRUE, make_imbalanced(n_samples = 100.5))
  expect_snapshot(error = TRUE, make_imbalanced(n_features = 0))
  expect_snapshot(error = TRUE, make_imbalanced(n_informative = 0))
  expect_snapshot(error = TRUE, make_imbalanced(n_redundant = -1))
  expect_snapshot(error = TRUE, make_imbalanced(n_repeated = NA))
  expect_snapshot(error = TRUE, make_imbalanced(n_clusters_per_class = 0))
  expect_snapshot(error = TRUE, make_imbalanced(
    n_features = 8, n_informative = 6,
    n_redundant = 2, n_repeated = 1
  ))
  expect_snapshot(error = TRUE, make_imbalanced(
    n_samples = 1e9, n_features = 3,
    n_informative = 2, n_redundant = 0
  ))
  expect_snapshot(error = TRUE, make_imbalanced(n_informative = 2, n_clusters_per_class = 3))
  expect_snapshot(error = TRUE, make_imbalanced(n_samples = 10, n_clusters_per_class = 16))
  expect_snapshot(error = TRUE, make_imbalanced(weights = c(0.9, 0.2)))
  expect_snapshot(error = TRUE, make_imbalanced(weights = 1))
  expect_snapshot(error = TRUE, make_imbalanced(weights = c(0.5, 0.3, 0.2)))
  expect_snapshot(error = TRUE, make_imbalanced(weights = "0.9"))
  expect_snapshot(error = TRUE, make_imbalanced(weights = c(0.2, 0.8)))
  expect_snapshot(error = TRUE, make_imbalanced(flip_y = 1.5))
  expect_snapshot(error = TRUE, make_imbalanced(class_sep = 0))
  expect_snapshot(error = TRUE, make_imbalanced(seed = -1))
})

# ---- numpy-exact streams (issue 15) ----------------------------------------

numpy_args <- function(args) {
  list(
    n_samples = args$n_samples, n_features = args$n_features, n_informative = args$n_informative,
    n_redundant = args$n_redundant, n_repeated = args$n_repeated,
    n_clusters_per_class = args$n_clusters_per_class, weights = args$weights, flip_y = args$flip_y,
    class_sep = args$class_sep, seed = args$random_state, rng = "numpy"
  )
}

test_that("rng = 'numpy' equals make_classification(random_state = seed) for every kind of parameter (#15)", {
  # The cases cover the hypercube's three sampling paths (permutation,
  # rejection, reservoir), more than 30 informative features, repeated and
  # useless features, one weight, weights summing below 1 and label noise.
  for (case in numpy_refs()$make_classification) {
    d <- do.call(make_imbalanced, numpy_args(case$args))
    x <- matrix(case$x, nrow = case$args$n_samples, byrow = TRUE)
    label <- paste("random_state =", case$args$random_state)
    expect_equal(unname(as.matrix(d[, -ncol(d)])), x, tolerance = 1e-12, label = label)
    expect_identical(as.integer(d$class) - 1L, as.integer(case$y), label = label)
  }
})

test_that("rng = 'numpy' reproduces the lesson's data set, and the option works like the argument (#15)", {
  for (case in numpy_refs()$make_classification_lesson) {
    args <- numpy_args(case$args)
    args$rng <- NULL
    d <- withr::with_options(list(smotelab.rng = "numpy"), do.call(make_imbalanced, args))
    x <- as.matrix(d[, 1:10])
    expect_identical(as.integer(d$class) - 1L, as.integer(case$y))
    expect_equal(unname(colSums(x)), case$col_sums, tolerance = 1e-12)
    expect_equal(unname(x[case$rows, ]), matrix(case$x_rows, ncol = 10, byrow = TRUE), tolerance = 1e-12)
  }
})

test_that("rng = 'numpy' keeps the roles and flipped attributes true to the data", {
  d <- make_imbalanced(
    n_samples = 400, n_features = 7, n_informative = 3, n_redundant = 2, n_repeated = 1,
    flip_y = 0.2, seed = 9, rng = "numpy"
  )
  roles <- attr(d, "roles")
  expect_identical(
    as.vector(table(factor(roles, c("informative", "redundant", "repeated", "noise")))),
    c(3L, 2L, 1L, 1L)
  )
  x <- as.matrix(d[, names(roles)])
  informative <- x[, roles == "informative"]
  # Redundant columns are linear combinations of the informative ones.
  fit <- stats::lm.fit(informative, x[, roles == "redundant"][, 1])
  expect_lt(max(abs(fit$residuals)), 1e-10)
  repeated <- x[, roles == "repeated"]
  expect_true(any(apply(x[, roles %in% c("informative", "redundant")], 2, identical, repeated)))
  expect_gt(sum(attr(d, "flipped")), 0)
  # The default stream is untouched by the option's existence.
  expect_identical(
    make_imbalanced(n_samples = 100, seed = 9),
    make_imbalanced(n_samples = 100, seed = 9, rng = "smotelab")
  )
})
