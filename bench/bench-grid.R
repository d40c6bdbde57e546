# Entry: the lesson's grid search (27 points x 5 folds), smotelab against
# scikit-learn's GridSearchCV on an imbalanced-learn pipeline and against an R
# loop of rsample + themis + glm. Writes bench/out/bench-grid.md.
# Run alone with `Rscript bench/bench-grid.R`.
BENCH_DIR <- local({
  file <- sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)[1])
  dirname(normalizePath(file))
})
source(file.path(BENCH_DIR, "common.R"))

ready <- smotelab_ready(c("grid_search", "imb_pipeline", "step_scale", "step_smote", "model_logistic",
                          "make_imbalanced", "split_stratified"))
if (!ready) {
  write_section("bench-grid", c(
    "## Grid search", "",
    paste0("**Not measured**: the data come from smotelab's `make_imbalanced()` and ",
           "`split_stratified()`, and smotelab with `grid_search()` was not installed."), ""))
  quit(save = "no")
}

# The lesson's training set: 75% of make_imbalanced()'s 3000 rows.
generate_grid <- function(n, p) {
  data <- smotelab::make_imbalanced(n_samples = 3000, n_features = p, n_informative = 6,
                                    n_redundant = 2, weights = c(0.9, 0.1), flip_y = 0.01,
                                    seed = 42)
  train <- smotelab::split_stratified(data, class, test_size = 0.25, seed = 42)$train
  stopifnot(nrow(train) == n)
  list(x = t(as.matrix(train[paste0("x", seq_len(p))])),
       y = as.integer(train$class == "minority"))
}
n <- 2250
p <- 10
dataset <- ensure_dataset("grid-train", n, p, seed = 42, generate_grid)

reps <- 3
base_r <- run_r("grid.R", "baseline", dataset)
base_py <- run_py("grid.py", "baseline", dataset)
sm <- run_r("grid.R", "smotelab", dataset, reps, warmup = TRUE)
jobs2 <- run_py("grid.py", "sklearn_jobs2", dataset, reps, warmup = TRUE)
jobs1 <- run_py("grid.py", "sklearn_jobs1", dataset, reps, warmup = TRUE)
loop <- run_r("grid.R", "rloop", dataset, reps, warmup = FALSE)

best <- function(res) {
  if (!measured(res)) return("")
  sprintf("k = %g, ratio = %g, C = %g; F1-macro %.4f", res$best_k, res$best_ratio, res$best_C, res$best_f1)
}
t_sm <- if (measured(sm)) sm$seconds else NA
rows <- list(
  result_row("smotelab `grid_search(n_threads = 2)`", n, p, sm, base_r, t_sm, best(sm)),
  result_row("sklearn `GridSearchCV(n_jobs = 2)`", n, p, jobs2, base_py, t_sm, best(jobs2)),
  result_row("sklearn `GridSearchCV(n_jobs = 1)`", n, p, jobs1, base_py, t_sm, best(jobs1)),
  result_row("R loop: rsample + themis + `glm()` (C not applied)", n, p, loop, base_r, t_sm, best(loop))
)

y <- read_y(dataset)
write_section("bench-grid", c(
  "## Grid search",
  "",
  paste0("The lesson's grid: `k_neighbors` {3, 5, 7} x `sampling_strategy` {0.5, 0.75, 1.0} x ",
         "`C` {0.1, 1, 10}, 27 points x 5 stratified folds = 135 fits of scaler + SMOTE + ",
         "logistic regression, ranked by mean F1-macro over the held-out folds, on the ",
         "75% training split of `make_imbalanced(n_samples = 3000, n_features = 10, ",
         "n_informative = 6, n_redundant = 2, weights = c(0.9, 0.1), flip_y = 0.01, seed = 42)` ",
         "(`split_stratified(test_size = 0.25, seed = 42)`), written once to `bench/data/` for Python. ",
         "smotelab: `grid_search(imb_pipeline(scale = step_scale(), smote = step_smote(), ",
         "clf = model_logistic()), y ~ ., train, grid, folds = 5, metric = \"f1_macro\", seed = 1, ",
         "n_threads = 2)`. scikit-learn: `GridSearchCV(Pipeline([StandardScaler(), ",
         "SMOTE(random_state = 42), LogisticRegression(max_iter = 1000)]), param_grid, ",
         "cv = StratifiedKFold(5, shuffle = True, random_state = 42), scoring = \"f1_macro\")` with ",
         "the imbalanced-learn `Pipeline`, with `n_jobs = 2` (two loky worker processes) and ",
         "`n_jobs = 1`. Both refit the best point on all rows, and this is timed. The R loop: ",
         "`rsample::vfold_cv(v = 5, strata = y)`, the training fold scaled by its own mean and sd, ",
         "`themis::smote(k, over_ratio)`, unpenalised `glm(family = binomial)` (so `C` is not ",
         "applied: the three C values differ only by their SMOTE draws), F1-macro on the held-out ",
         "fold at threshold 0.5; 135 fits, no refit. Median of 3 runs (after an untimed one for ",
         "smotelab and scikit-learn, which also starts loky's workers). The ratio is the method's ",
         "time over smotelab's. The last column gives each side's best point and its mean F1-macro: ",
         "the folds and the SMOTE draws differ between the three, so the best points and scores ",
         "may differ too; they are reported, not compared."),
  "",
  md_table(c(table_header[1:7], "best point; mean F1-macro"), rows),
  "",
  sprintf(paste0("- %s training rows, %d minority (%.1f%%). Data load alone: R data frame %s MiB, ",
                 "numpy %s MiB. Peak RSS with `n_jobs = 2` is the largest single process ",
                 "(GNU time counts the parent or its largest waited-for child, not their sum)."),
          format(n, big.mark = ","), sum(y), 100 * mean(y), fmt_mib(base_r$rss_mib),
          fmt_mib(base_py$rss_mib)),
  load_note(),
  ""
))
