# One grid-search measurement in its own process:
#   Rscript bench/r/grid.R METHOD DATASET REPS WARMUP
# prints `BENCH {"seconds": ..., "best_k": ..., "best_ratio": ..., "best_C": ..., "best_f1": ...}`.
BENCH_DIR <- local({
  file <- sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)[1])
  dirname(dirname(normalizePath(file)))
})
source(file.path(BENCH_DIR, "common.R"))

args <- worker_args()
method <- args$method
df <- load_data_frame(args$dataset)

grid <- list(smote__k_neighbors = c(3, 5, 7), smote__sampling_strategy = c(0.5, 0.75, 1.0),
             clf__C = c(0.1, 1, 10))

search_smotelab <- function() {
  pipeline <- smotelab::imb_pipeline(scale = smotelab::step_scale(), smote = smotelab::step_smote(),
                                     clf = smotelab::model_logistic())
  function() {
    gs <- smotelab::grid_search(pipeline, y ~ ., df, grid = grid, folds = 5,
                                metric = "f1_macro", seed = 1, n_threads = 2)
    f1 <- gs$results[gs$results$.metric == "f1_macro", , drop = FALSE]
    list(best_k = gs$best_params$smote__k_neighbors,
         best_ratio = gs$best_params$smote__sampling_strategy,
         best_C = gs$best_params$clf__C, best_f1 = max(f1$mean))
  }
}

f1_macro <- function(truth, pred) {
  mean(vapply(levels(truth), function(cls) {
    tp <- sum(truth == cls & pred == cls)
    wrong <- sum(truth != pred & (truth == cls | pred == cls))
    if (tp + wrong == 0) 0 else 2 * tp / (2 * tp + wrong)
  }, numeric(1)))
}

# The loop an R user writes without smotelab: rsample folds, training-fold
# scaling, themis::smote on the scaled training fold, glm, F1-macro on the
# held-out fold. glm is unpenalised, so the C values give the same model up to
# the SMOTE draws; the loop still makes all 27 x 5 fits.
search_loop <- function() {
  loadNamespace("rsample")
  loadNamespace("themis")
  points <- expand.grid(grid)
  function() {
    set.seed(1)
    folds <- rsample::vfold_cv(df, v = 5, strata = y)
    scores <- matrix(NA_real_, nrow(points), nrow(folds))
    for (f in seq_len(nrow(folds))) {
      train <- rsample::analysis(folds$splits[[f]])
      test <- rsample::assessment(folds$splits[[f]])
      x_cols <- names(train) != "y"
      centre <- colMeans(train[x_cols])
      spread <- vapply(train[x_cols], stats::sd, numeric(1))
      train[x_cols] <- scale(train[x_cols], centre, spread)
      test[x_cols] <- scale(test[x_cols], centre, spread)
      for (g in seq_len(nrow(points))) {
        resampled <- themis::smote(train, var = "y", k = points$smote__k_neighbors[g],
                                   over_ratio = points$smote__sampling_strategy[g])
        model <- stats::glm(y ~ ., family = stats::binomial(), data = resampled)
        prob <- stats::predict(model, test, type = "response")
        pred <- factor(ifelse(prob > 0.5, "1", "0"), levels = levels(test$y))
        scores[g, f] <- f1_macro(test$y, pred)
      }
    }
    means <- rowMeans(scores)
    best <- which.max(means)
    list(best_k = points$smote__k_neighbors[best], best_ratio = points$smote__sampling_strategy[best],
         best_C = points$clf__C[best], best_f1 = means[best])
  }
}

run <- switch(method,
  baseline = NULL,
  smotelab = search_smotelab(),
  rloop = search_loop(),
  stop("unknown method ", method, call. = FALSE)
)

if (is.null(run)) {
  emit(list(method = method, seconds = 0))
} else {
  timing <- time_median(run, args$reps, args$warmup)
  emit(c(list(method = method, seconds = timing$seconds, times = timing$times), timing$value))
}
