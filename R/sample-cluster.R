#' Cluster centroids: under-sampling by k-means
#'
#' Under-samples as imbalanced-learn's `ClusterCentroids`: each class that
#' `sampling_strategy` shrinks is replaced by the centres of a k-means of its
#' rows, with as many clusters as rows it keeps (`voting = "soft"`), or by the
#' row of the class nearest each centre (`voting = "hard"`; the earliest row
#' among equally near ones, and a row nearest two centres comes twice, as in
#' imbalanced-learn). The k-means is scikit-learn's `KMeans` with its
#' defaults: k-means++ seeding, 10 runs, the one with the lowest inertia kept
#' (computed in parallel; the result does not depend on `n_threads`).
#'
#' @inheritParams smote
#' @param voting `"soft"` for cluster centres (new rows), `"hard"` for the
#'   original rows nearest them.
#' @param sampling_strategy Rows to keep, as for [random_undersample()]: a
#'   ratio in (0, 1] (the majority ends at `floor(n_minority / r)` rows),
#'   `"auto"` (every class but the minority shrinks to the minority's size),
#'   `"majority"`, `"not minority"`, `"all"`, or final counts named by class.
#' @param data A data frame with the outcome column and numeric predictors.
#' @param case_weights `NULL`, or case weights as in [smote()], with
#'   `voting = "hard"`: kept rows and the rows chosen for the centres keep
#'   their weights. Soft voting makes centres that no row's weight can follow
#'   and refuses case weights (an error of class `smotelab_error_argument`).
#' @return A tibble with the columns of `data`: first the rows of the classes
#'   left whole, in their original order, then the rows that replace each
#'   shrunk class (class by class in level order, cluster by cluster).
#' @seealso [step_cluster_centroids()] inside a pipeline;
#'   [random_undersample()].
#' @export
#' @examples
#' d <- make_imbalanced(n_samples = 400, n_features = 4, n_informative = 2, n_redundant = 1, seed = 1)
#' out <- cluster_centroids(d, class, seed = 1, n_threads = 1)
#' table(out$class)
cluster_centroids <- function(data, outcome, voting = c("soft", "hard"), sampling_strategy = "auto", seed = NULL,
                              n_threads = NULL, case_weights = NULL) {
  call <- rlang::current_env()
  voting <- check_choice(voting, c("soft", "hard"))
  weights <- sampler_weights(case_weights, data, call = call)
  data <- weights$data
  # Refused before the k-means runs, not after it.
  if (voting == "soft" && !is.null(weights$values)) {
    abort_smotelab(c(
      "This resampling step makes rows that no case weight can follow.",
      "i" = "Soft voting makes new rows from k-means centres; {.code voting = \"hard\"} keeps original rows."
    ), "argument", call = call)
  }
  run <- kmeans_sampler_inputs(
    data, rlang::enquo(outcome), "cluster_centroids", "under", sampling_strategy, seed, n_threads, call
  )
  res <- with_core(
    cluster_centroids_cpp(run$x, run$codes, run$counts, voting, run$seed, run$n_threads, levels(run$out$y)),
    call = call
  )
  with_carried_weights(resampled_rows(data, run$out, run$x, res, FALSE), weights,
    keep = res$keep, res = res, call = call
  )
}

#' Cluster centroids as a pipeline step
#'
#' Under-samples the training rows of each fit with [cluster_centroids()]; at
#' predict time the step does nothing.
#'
#' @inheritParams cluster_centroids
#' @inheritParams step_random_undersample
#' @return A `smotelab_step` object for [imb_pipeline()].
#' @export
#' @examples
#' step_cluster_centroids(voting = "hard")
step_cluster_centroids <- function(voting = c("soft", "hard"), sampling_strategy = "auto") {
  voting <- check_choice(voting, c("soft", "hard"))
  check_sampling_strategy(sampling_strategy, "under", binary = TRUE)
  new_step("cluster_centroids", list(voting = voting, sampling_strategy = sampling_strategy))
}

#' KMeans-SMOTE: SMOTE inside sparse minority clusters
#'
#' Over-samples as imbalanced-learn's `KMeansSMOTE`: a k-means splits all rows
#' into `kmeans` clusters; a class grows only in the clusters where it makes
#' up at least `cluster_balance_threshold` of the rows and has more than
#' `k_neighbors` rows; each such cluster receives a share of the new rows in
#' proportion to its sparsity, `mean_distance ^ density_exponent / n` (the
#' mean Euclidean distance between the class's rows in the cluster, `n` of
#' them), and makes them by SMOTE among those rows (see [smote()]).
#'
#' Two faults of imbalanced-learn 0.10 are not copied. When every chosen
#' cluster holds identical rows (mean distance zero), imbalanced-learn divides
#' zero by zero; here the clusters share the rows equally. And it rounds every
#' cluster's share up, so it can make more rows than `sampling_strategy` asks
#' for; here the shares are rounded by largest remainders and add up to
#' exactly the rows asked for. The clusters come from a full k-means (the
#' best of 3 k-means++ runs) where imbalanced-learn uses `MiniBatchKMeans`, so
#' the clusters, and the rows made, differ from imbalanced-learn's.
#'
#' @inheritParams smote
#' @param k_neighbors Number of nearest same-class neighbours within a
#'   cluster to interpolate towards (imbalanced-learn's default, 2).
#' @param kmeans Number of k-means clusters.
#' @param cluster_balance_threshold `"auto"` (half the class's share of all
#'   the new rows: 0.5 for a binary outcome) or a number: the smallest
#'   fraction of a cluster's rows the class must make up for the cluster to
#'   grow. With one cluster there is no threshold.
#' @param density_exponent `"auto"` (`0.16 * log(n, 1.6)^1.8` for `n` class
#'   rows in the cluster, as imbalanced-learn) or a non-negative number.
#' @return A tibble with the columns of `data`: the original rows first, in
#'   their order, then the synthetic rows, class by class in level order and
#'   within a class cluster by cluster.
#' @seealso [step_kmeans_smote()] inside a pipeline; [smote()].
#' @export
#' @examples
#' d <- make_imbalanced(n_samples = 500, n_features = 4, n_informative = 2, n_redundant = 1, seed = 1)
#' out <- kmeans_smote(d, class, kmeans = 4, cluster_balance_threshold = 0.1, seed = 1, n_threads = 1)
#' table(out$class)
kmeans_smote <- function(data, outcome, k_neighbors = 2, kmeans = 8, cluster_balance_threshold = "auto",
                         density_exponent = "auto", sampling_strategy = "auto", seed = NULL, n_threads = NULL,
                         case_weights = NULL, .synthetic = FALSE) {
  call <- rlang::current_env()
  weights <- sampler_weights(case_weights, data, call = call)
  data <- weights$data
  params <- kmeans_smote_params(k_neighbors, kmeans, cluster_balance_threshold, density_exponent, call)
  check_synthetic_flag(.synthetic, data, call = call)
  run <- kmeans_sampler_inputs(
    data, rlang::enquo(outcome), "kmeans_smote", "over", sampling_strategy, seed, n_threads, call
  )
  res <- with_core(
    kmeans_smote_cpp(run$x, run$codes, run$counts, params, run$seed, run$n_threads, levels(run$out$y)),
    call = call
  )
  with_carried_weights(resampled_rows(data, run$out, run$x, res, .synthetic), weights,
    keep = res$keep, res = res, call = call
  )
}

#' KMeans-SMOTE as a pipeline step
#'
#' Adds synthetic rows with [kmeans_smote()] to the training rows of each fit;
#' at predict time the step does nothing.
#'
#' @inheritParams kmeans_smote
#' @inheritParams step_smote
#' @return A `smotelab_step` object for [imb_pipeline()].
#' @export
#' @examples
#' step_kmeans_smote(kmeans = 4, cluster_balance_threshold = 0.2)
step_kmeans_smote <- function(k_neighbors = 2, kmeans = 8, cluster_balance_threshold = "auto",
                              density_exponent = "auto", sampling_strategy = "auto") {
  call <- rlang::current_env()
  params <- kmeans_smote_params(k_neighbors, kmeans, cluster_balance_threshold, density_exponent, call)
  check_sampling_strategy(sampling_strategy, "over", binary = TRUE, call = call)
  new_step("kmeans_smote", c(params, list(sampling_strategy = sampling_strategy)))
}

kmeans_smote_params <- function(k_neighbors, kmeans, cluster_balance_threshold, density_exponent, call) {
  check_count(k_neighbors, call = call)
  check_count(kmeans, call = call)
  if (!identical(cluster_balance_threshold, "auto")) {
    check_number_decimal(cluster_balance_threshold,
      min = 0, max = 1, call = call, class = argument_error,
      arg = "cluster_balance_threshold"
    )
  }
  if (!identical(density_exponent, "auto")) {
    check_number_decimal(density_exponent,
      min = 0, allow_infinite = FALSE, call = call, class = argument_error,
      arg = "density_exponent"
    )
  }
  list(
    k_neighbors = as.integer(k_neighbors), kmeans = as.integer(kmeans),
    cluster_balance_threshold = cluster_balance_threshold, density_exponent = density_exponent
  )
}

# The rows the core kept (`res$keep`, all of them when NULL), then its new
# rows; `x` holds the numeric predictors the core saw.
resampled_rows <- function(data, out, x, res, synthetic) {
  keep <- res$keep %||% seq_len(nrow(data))
  result <- vector("list", ncol(data))
  names(result) <- names(data)
  for (j in seq_along(x)) result[[names(x)[j]]] <- c(x[[j]][keep], res$x_new[, j])
  kept <- out
  kept$y <- out$y[keep]
  result[[out$name]] <- extend_outcome(kept, res$y_new)
  result <- tibble::new_tibble(result, nrow = length(keep) + length(res$y_new))
  add_synthetic_column(result, length(keep), length(res$y_new), synthetic)
}

# k-means of the rows of `x` (a numeric matrix), for tests: centres, 1-based
# labels, inertia and iterations.
kmeans_impl <- function(x, n_clusters, n_init = 10L, max_iter = 300L, tol = 1e-4, seed = 1, n_threads = 1L) {
  storage.mode(x) <- "double"
  with_core(kmeans_cpp(
    x, as.integer(n_clusters), as.integer(n_init), as.integer(max_iter), tol, seed,
    as.integer(n_threads)
  ))
}

# What both k-means samplers hand to the core: the outcome (and its 0-based
# codes), the numeric predictors, the rows per class for an "over"- or
# "under"-sampler, the seed and the threads, checked in that order.
kmeans_sampler_inputs <- function(data, quo, sampler, direction, sampling_strategy, seed, n_threads, call) {
  out <- resample_outcome(data, quo, call = call)
  list(
    out = out,
    codes = as.integer(out$y) - 1L,
    x = numeric_predictors(data, out$name, sampler, call = call),
    counts = sampling_counts(sampling_strategy, out$y, direction, call = call),
    seed = resolve_seed(seed, call = call),
    n_threads = resolve_threads(n_threads, call = call)
  )
}
