# One tidymodels measurement in its own process:
#   Rscript bench/r/tidymodels.R METHOD DATASET REPS WARMUP
# prep_*: prep() of a recipe with one SMOTE step (balance the classes, 5
# neighbours); grid_*: tune_grid() of the lesson's 27-point grid over 5 folds
# (SMOTE's ratio and neighbours, the logistic regression's penalty).
# prints `BENCH {"seconds": ..., "rows": ... or "best_auc": ...}`.
BENCH_DIR <- local({
  file <- sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)[1])
  dirname(dirname(normalizePath(file)))
})
source(file.path(BENCH_DIR, "common.R"))

args <- worker_args()
method <- args$method
df <- load_data_frame(args$dataset)
# tidymodels metrics count the first level as the event; "1" (minority) comes second.
for (pkg in c("recipes", "workflows", "tune", "yardstick", "rsample", "parsnip")) loadNamespace(pkg)

grid_run <- function(rec, spec, grid) {
  set.seed(1)
  folds <- rsample::vfold_cv(df, v = 5, strata = y)
  wf <- workflows::workflow(rec, spec)
  function() {
    res <- tune::tune_grid(wf, folds,
      grid = grid, metrics = yardstick::metric_set(yardstick::roc_auc),
      control = tune::control_grid(event_level = "second")
    )
    max(tune::collect_metrics(res)$mean)
  }
}
lesson <- list(ratio = c(0.5, 0.75, 1), k = c(3L, 5L, 7L), C = c(0.1, 1, 10))

run <- switch(method,
  baseline = NULL,
  prep_smotelab = {
    loadNamespace("smotelab")
    rec <- recipes::recipe(y ~ ., data = df) |>
      smotelab::step_resample(y, sampler = smotelab::step_smote(sampling_strategy = 1), seed = 1, n_threads = 2)
    function() nrow(recipes::bake(recipes::prep(rec), new_data = NULL))
  },
  prep_themis = {
    loadNamespace("themis")
    rec <- recipes::recipe(y ~ ., data = df) |> themis::step_smote(y, over_ratio = 1, neighbors = 5, seed = 1)
    function() nrow(recipes::bake(recipes::prep(rec), new_data = NULL))
  },
  grid_smotelab = {
    loadNamespace("smotelab")
    rec <- recipes::recipe(y ~ ., data = df) |>
      smotelab::step_resample(y,
        sampler = smotelab::step_smote(k_neighbors = tune::tune(), sampling_strategy = tune::tune()),
        seed = 1, n_threads = 1
      )
    spec <- parsnip::logistic_reg(penalty = tune::tune()) |> parsnip::set_engine("smotelab", n_threads = 1)
    grid <- expand.grid(sampling_strategy = lesson$ratio, k_neighbors = lesson$k, penalty = 1 / lesson$C)
    grid_run(rec, spec, grid)
  },
  grid_themis_glmnet = {
    loadNamespace("themis")
    loadNamespace("glmnet")
    rec <- recipes::recipe(y ~ ., data = df) |>
      themis::step_smote(y, over_ratio = tune::tune(), neighbors = tune::tune(), seed = 1)
    spec <- parsnip::logistic_reg(penalty = tune::tune(), mixture = 0) |> parsnip::set_engine("glmnet")
    # glmnet's lambda is C's counterpart divided by the number of rows.
    grid <- expand.grid(over_ratio = lesson$ratio, neighbors = lesson$k, penalty = 1 / (lesson$C * nrow(df) * 0.8))
    grid_run(rec, spec, grid)
  },
  stop("unknown method ", method, call. = FALSE)
)

if (is.null(run)) {
  emit(list(method = method, seconds = 0))
} else {
  timing <- time_median(run, args$reps, args$warmup)
  emit(list(method = method, seconds = timing$seconds, times = timing$times, value = timing$value))
}
