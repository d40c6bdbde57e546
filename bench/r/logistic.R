# One logistic-regression measurement in its own process:
#   Rscript bench/r/logistic.R METHOD DATASET REPS WARMUP
# prints `BENCH {"seconds": ..., "coef": [intercept, x1, ..., xp], ...}`.
BENCH_DIR <- local({
  file <- sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)[1])
  dirname(dirname(normalizePath(file)))
})
source(file.path(BENCH_DIR, "common.R"))

args <- worker_args()
method <- args$method

# Each builder forces its data before returning the timed closure: a lazy
# argument would otherwise load the data inside the first timed run.
fit_smotelab <- function(df, C) {
  force(df)
  pipeline <- smotelab::imb_pipeline(clf = smotelab::model_logistic(C = C))
  function() {
    fitted <- generics::fit(pipeline, y ~ ., data = df, n_threads = 2)
    stats::coef(fitted)
  }
}

fit_glm <- function(df) {
  force(df)
  function() stats::coef(stats::glm(y ~ ., family = stats::binomial(), data = df))
}

# glmnet minimises -loglik / n + lambda * ||w||^2 / 2 for alpha = 0 (the
# intercept unpenalised); scikit-learn minimises ||w||^2 / 2 + C * -loglik.
# Dividing the latter by C * n gives the former with lambda = 1 / (C * n).
fit_glmnet <- function(m, C) {
  lambda <- 1 / (C * nrow(m$x))
  function() {
    fitted <- glmnet::glmnet(m$x, m$y, family = "binomial", alpha = 0,
                             lambda = lambda, standardize = FALSE,
                             thresh = 1e-14, maxit = 1e6)
    drop(as.matrix(stats::coef(fitted)))
  }
}

run <- switch(method,
  baseline = { df <- load_data_frame(args$dataset); NULL },
  baseline_matrix = { m <- load_matrix(args$dataset); NULL },
  smotelab_inf = fit_smotelab(load_data_frame(args$dataset), Inf),
  smotelab_c1 = fit_smotelab(load_data_frame(args$dataset), 1),
  glm = fit_glm(load_data_frame(args$dataset)),
  glmnet_c1 = { library(glmnet); fit_glmnet(load_matrix(args$dataset), 1) },
  stop("unknown method ", method, call. = FALSE)
)

if (is.null(run)) {
  emit(list(method = method, seconds = 0))
} else {
  timing <- time_median(run, args$reps, args$warmup)
  emit(list(method = method, seconds = timing$seconds, times = timing$times,
            coef = unname(timing$value)))
}
