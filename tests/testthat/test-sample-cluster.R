# k-means, cluster_centroids() and kmeans_smote() (issue 13), against
# scikit-learn 1.2 / imbalanced-learn 0.10 (data/make-imblearn-oversample.py)
# and against the properties a wrong implementation breaks.
oversample_ref <- function() readRDS(test_path("data", "imblearn-oversample.rds"))

# Each row's squared distance to each centre.
dist2_to <- function(x, centers) {
  outer(rowSums(x^2), rep(1, nrow(centers))) - 2 * x %*% t(centers) + outer(rep(1, nrow(x)), rowSums(centers^2))
}

test_that("k-means reaches scikit-learn's objective, and its exact centres on separated blobs", {
  for (case in oversample_ref()$kmeans) {
    km <- smotelab:::kmeans_impl(case$x, case$k, seed = 1)
    expect_lte(km$inertia, case$inertia * (1 + 1e-3))
    if (case$name == "blobs") {
      expect_equal(km$inertia, case$inertia, tolerance = 1e-10)
      o <- order(km$centers[, 1], km$centers[, 2], km$centers[, 3])
      r <- order(case$centers[, 1], case$centers[, 2], case$centers[, 3])
      expect_equal(km$centers[o, ], case$centers[r, ], tolerance = 1e-10)
    }
  }
})

test_that("k-means ends at a Lloyd fixed point: rows at their nearest centre, centres at their means", {
  x <- oversample_ref()$kmeans[[3]]$x
  km <- smotelab:::kmeans_impl(x, 5, seed = 7)
  d <- dist2_to(x, km$centers)
  expect_identical(km$labels, apply(d, 1, which.min))
  means <- rowsum(x, km$labels) / as.vector(table(km$labels))
  expect_equal(km$centers, unname(means), tolerance = 1e-6)
  expect_equal(km$inertia, sum(d[cbind(seq_len(nrow(x)), km$labels)]), tolerance = 1e-10)
})

test_that("k-means does not depend on the number of threads, but on the seed", {
  x <- withr::with_seed(1, matrix(stats::rnorm(6000 * 3), ncol = 3))
  a <- smotelab:::kmeans_impl(x, 6, seed = 3, n_threads = 1)
  expect_identical(smotelab:::kmeans_impl(x, 6, seed = 3, n_threads = 2), a)
  expect_false(identical(smotelab:::kmeans_impl(x, 6, seed = 4, n_threads = 1)$centers, a$centers))
})

test_that("k-means with more clusters than distinct rows still returns one centre per cluster", {
  x <- matrix(rep(c(0, 1), each = 10), ncol = 1)
  km <- smotelab:::kmeans_impl(x, 4, seed = 1)
  expect_identical(nrow(km$centers), 4L)
  expect_identical(km$inertia, 0)
})

test_that("cluster_centroids() keeps imbalanced-learn's class counts", {
  ref <- oversample_ref()
  for (set in ref$numeric) {
    for (case in set$under) {
      for (voting in c("soft", "hard")) {
        out <- cluster_centroids(set$data, y, voting = voting, sampling_strategy = case$strategy, seed = 1)
        expect_identical(c(table(out$y)), case[[voting]])
      }
    }
  }
})

test_that("cluster_centroids() keeps whole classes first, then k-means centres or the rows nearest them", {
  d <- oversample_ref()$numeric$three$data
  soft <- cluster_centroids(d, y, sampling_strategy = c(a = 30, b = 20), seed = 2)
  expect_equal(as.data.frame(soft[1:40, ]), d[d$y == "c", ], ignore_attr = TRUE)
  expect_identical(as.character(soft$y[41:90]), rep(c("a", "b"), c(30, 20)))
  for (cls in c("a", "b")) {
    x <- as.matrix(d[d$y == cls, c("x1", "x2")])
    centers <- as.matrix(soft[soft$y == cls, c("x1", "x2")])
    # Centres are the means of the rows nearest them: a k-means solution.
    nearest <- apply(dist2_to(x, centers), 1, which.min)
    expect_setequal(unique(nearest), seq_len(nrow(centers)))
    expect_equal(unname(rowsum(x, nearest) / as.vector(table(nearest))), unname(centers), tolerance = 1e-6)
  }
  hard <- cluster_centroids(d, y, voting = "hard", sampling_strategy = c(a = 30, b = 20), seed = 2)
  for (cls in c("a", "b")) {
    x <- as.matrix(d[d$y == cls, c("x1", "x2")])
    picked <- as.matrix(hard[hard$y == cls, c("x1", "x2")])
    centers <- as.matrix(soft[soft$y == cls, c("x1", "x2")])
    # Each kept row is a class row nearest its centre (exact distances: a
    # centre between two rows may be as near to both).
    for (t in seq_len(nrow(centers))) {
      d2 <- colSums((t(x) - centers[t, ])^2)
      expect_true(any(colSums(abs(t(x) - picked[t, ])) == 0))
      expect_equal(sum((picked[t, ] - centers[t, ])^2), min(d2), tolerance = 1e-12)
    }
  }
})

test_that("cluster_centroids() does not depend on the number of threads", {
  d <- smote_data(n_major = 3000, n_minor = 40)
  a <- cluster_centroids(d, class, seed = 5, n_threads = 1)
  expect_identical(cluster_centroids(d, class, seed = 5, n_threads = 2), a)
  b <- withr::with_seed(9, cluster_centroids(d, class, voting = "hard", n_threads = 1))
  expect_identical(withr::with_seed(9, cluster_centroids(d, class, voting = "hard", n_threads = 2)), b)
})

# Is each row of `z` on a segment [a, b) between two rows of `x`?
on_class_segment <- function(z, x, tol = 1e-9) {
  apply(z, 1, function(p) {
    for (a in seq_len(nrow(x))) {
      d <- t(x) - x[a, ]
      off <- p - x[a, ]
      len2 <- colSums(d^2)
      gap <- ifelse(len2 > 0, colSums(d * off) / len2, 0)
      resid <- sqrt(colSums((off - t(t(d) * gap))^2))
      if (any(gap >= 0 & gap < 1 & resid < tol)) {
        return(TRUE)
      }
    }
    FALSE
  })
}

test_that("kmeans_smote() makes exactly the rows asked for, where imbalanced-learn may make more", {
  ref <- oversample_ref()
  for (set in ref$numeric) {
    before <- c(table(set$data$y))
    for (case in set$over) {
      out <- kmeans_smote(set$data, y,
        kmeans = 4, cluster_balance_threshold = 0.3, sampling_strategy = case$strategy,
        seed = 1
      )
      asked <- before
      asked[names(case$asked)] <- asked[names(case$asked)] + case$asked
      expect_identical(c(table(out$y)), asked)
      # imbalanced-learn rounds each cluster's share up.
      expect_true(all(case$kmeans_smote >= asked))
    }
  }
  expect_true(any(vapply(ref$numeric$binary$over, function(case) {
    sum(case$kmeans_smote) > 300 + sum(case$asked)
  }, logical(1))))
})

test_that("every kmeans_smote() row lies on a segment between two rows of its class", {
  d <- oversample_ref()$numeric$binary$data
  out <- kmeans_smote(d, y, kmeans = 4, cluster_balance_threshold = 0.3, seed = 3, .synthetic = TRUE)
  expect_identical(as.data.frame(out[seq_len(nrow(d)), 1:3]), d, ignore_attr = TRUE)
  new <- as.matrix(out[out$.synthetic, c("x1", "x2")])
  expect_true(all(out$y[out$.synthetic] == "pos"))
  expect_true(all(on_class_segment(new, as.matrix(d[d$y == "pos", c("x1", "x2")]))))
})

test_that("kmeans_smote() shares rows equally between clusters of identical rows (no 0/0 as imbalanced-learn)", {
  d <- data.frame(
    x1 = c(rep(0, 40), rep(c(10, -10), each = 5)),
    x2 = c(seq(-1, 1, length.out = 40), rep(c(10, 10), each = 5)),
    y = factor(rep(c("neg", "pos"), c(40, 10)))
  )
  out <- kmeans_smote(d, y, kmeans = 3, seed = 1)
  expect_identical(c(table(out$y)), c(neg = 40L, pos = 40L))
  new <- as.matrix(out[51:80, c("x1", "x2")])
  expect_true(all(new[, 2] == 10))
  expect_identical(sort(unique(new[, 1])), c(-10, 10))
  expect_identical(as.vector(table(new[, 1])), c(15L, 15L))
})

test_that("kmeans_smote() does not depend on the number of threads, but on the seed", {
  d <- smote_data(n_major = 5000, n_minor = 400)
  a <- kmeans_smote(d, class, kmeans = 5, cluster_balance_threshold = 0.1, seed = 2, n_threads = 1)
  expect_identical(kmeans_smote(d, class, kmeans = 5, cluster_balance_threshold = 0.1, seed = 2, n_threads = 2), a)
  expect_false(identical(kmeans_smote(d, class, kmeans = 5, cluster_balance_threshold = 0.1, seed = 3), a))
})

step_data <- function() {
  make_imbalanced(
    n_samples = 600, n_features = 5, n_informative = 3, n_redundant = 1,
    weights = c(0.85, 0.15), seed = 12
  )
}

expect_step_matches <- function(step, standalone) {
  d <- step_data()
  fitted <- fit(imb_pipeline(resample = step, clf = model_logistic(C = 1)), class ~ ., d, seed = 99)
  resampled <- standalone(d, pipeline_step_seed_cpp(99, 0))
  by_hand <- fit(imb_pipeline(clf = model_logistic(C = 1)), class ~ ., resampled, seed = 1)
  expect_identical(coef(fitted), coef(by_hand))
  expect_equal(unname(fitted$state$fit_counts), as.vector(table(resampled$class)))
}

test_that("step_cluster_centroids() and step_kmeans_smote() resample as their functions do", {
  expect_step_matches(
    step_cluster_centroids(sampling_strategy = 0.5),
    function(d, s) cluster_centroids(d, class, sampling_strategy = 0.5, seed = s)
  )
  expect_step_matches(
    step_cluster_centroids(voting = "hard"),
    function(d, s) cluster_centroids(d, class, voting = "hard", seed = s)
  )
  expect_step_matches(
    step_kmeans_smote(kmeans = 3, cluster_balance_threshold = 0.05, density_exponent = 2),
    function(d, s) kmeans_smote(d, class, kmeans = 3, cluster_balance_threshold = 0.05, density_exponent = 2, seed = s)
  )
})

test_that("the cluster samplers explain bad input", {
  d <- oversample_ref()$numeric$binary$data
  expect_snapshot(error = TRUE, cluster_centroids(d, y, voting = "mean"))
  expect_snapshot(error = TRUE, kmeans_smote(d, y, kmeans = 0))
  expect_snapshot(error = TRUE, kmeans_smote(d, y, cluster_balance_threshold = 2))
  expect_snapshot(error = TRUE, kmeans_smote(d, y, density_exponent = "high"))
  expect_snapshot(error = TRUE, kmeans_smote(d, y, kmeans = 400))
  expect_error(kmeans_smote(d, y, kmeans = 400), class = "smotelab_error_too_few_rows")
  # Both classes drawn alike: no cluster is all minority.
  mixed <- withr::with_seed(1, data.frame(
    x1 = stats::rnorm(300), x2 = stats::rnorm(300),
    y = factor(rep(c("neg", "pos"), c(240, 60)))
  ))
  expect_snapshot(error = TRUE, kmeans_smote(mixed, y, kmeans = 4, cluster_balance_threshold = 1, seed = 1))
  expect_error(kmeans_smote(mixed, y, kmeans = 4, cluster_balance_threshold = 1, seed = 1),
    class = "smotelab_error_sampling"
  )
  expect_snapshot(error = TRUE, fit(
    imb_pipeline(km = step_kmeans_smote(kmeans = 4, cluster_balance_threshold = 1), clf = model_logistic()),
    y ~ ., mixed,
    seed = 1
  ))
  d$g <- factor(rep(c("u", "v"), 150))
  expect_snapshot(error = TRUE, cluster_centroids(d, y))
  expect_error(step_cluster_centroids(voting = "mean"), class = "smotelab_error_argument")
})

test_that("cluster_centroids() names a class it can't shrink to 0 rows by its label, not its number", {
  d <- withr::with_seed(2, data.frame(
    x1 = stats::rnorm(60), x2 = stats::rnorm(60),
    y = factor(rep(c("neg", "pos"), c(45, 15)))
  ))
  expect_snapshot(error = TRUE, cluster_centroids(d, y, sampling_strategy = c(neg = 0, pos = 15), seed = 1))
  expect_error(cluster_centroids(d, y, sampling_strategy = c(neg = 0, pos = 15), seed = 1),
    class = "smotelab_error_sampling"
  )
})
