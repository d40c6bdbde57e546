# `make demo`: the course's full comparison in one run. Every model (logistic
# regression, random forest, gradient boosting) with no correction, with SMOTE
# and with its native weighting, on the 9:1 synthetic data and on `pima`;
# one tidy table on the console and ROC, PR, confusion-matrix and
# metric-comparison plots in demo-output/.
suppressPackageStartupMessages({
  library(smotelab)
  library(ggplot2)
})
options(smotelab.threads = 2, cli.progress_show_after = 0, width = 160)
out_dir <- "demo-output"
dir.create(out_dir, showWarnings = FALSE)
started <- Sys.time()

smote_step <- function() step_smote(k_neighbors = 5, sampling_strategy = 0.75)

# Pipelines for one training set: the boosting weight depends on its classes.
pipelines_for <- function(train, outcome) {
  counts <- table(train[[outcome]])
  spw <- counts[[1]] / counts[[2]]
  lr <- function(...) model_logistic(C = 1, ...)
  rf <- function(...) model_forest(n_trees = 200, ...)
  gbt <- function(...) model_boost(n_rounds = 300, learning_rate = 0.05, ...)
  list(
    list(model = "logistic", balancing = "none", pipeline = imb_pipeline(scale = step_scale(), clf = lr())),
    list(model = "logistic", balancing = "SMOTE", pipeline = imb_pipeline(scale = step_scale(), smote = smote_step(), clf = lr())),
    list(model = "logistic", balancing = "native", pipeline = imb_pipeline(scale = step_scale(), clf = lr(class_weight = "balanced"))),
    list(model = "forest", balancing = "none", pipeline = imb_pipeline(clf = rf())),
    list(model = "forest", balancing = "SMOTE", pipeline = imb_pipeline(smote = smote_step(), clf = rf())),
    list(model = "forest", balancing = "native", pipeline = imb_pipeline(clf = rf(class_weight = "balanced_subsample"))),
    list(model = "boosting", balancing = "none", pipeline = imb_pipeline(clf = gbt())),
    list(model = "boosting", balancing = "SMOTE", pipeline = imb_pipeline(smote = smote_step(), clf = gbt())),
    list(model = "boosting", balancing = "native", pipeline = imb_pipeline(clf = gbt(scale_pos_weight = spw)))
  )
}

# Zeros in these pima columns are missing values (see vignette("pima")): the
# two mostly-missing columns are dropped, then the rows with a zero left.
clean_pima <- function(data) {
  data <- data[, setdiff(names(data), c("triceps", "insulin"))]
  data[data$glucose > 0 & data$pressure > 0 & data$mass > 0, ]
}

datasets <- list(
  "synthetic 9:1" = list(
    data = make_imbalanced(n_samples = 3000, n_features = 10, n_informative = 6, n_redundant = 2,
                           weights = c(0.9, 0.1), flip_y = 0.01, seed = 42),
    outcome = "class"
  ),
  "pima" = list(data = clean_pima(pima), outcome = "diabetes")
)

jobs <- lapply(names(datasets), function(name) {
  outcome <- datasets[[name]]$outcome
  split <- split_stratified(datasets[[name]]$data, outcome, test_size = 0.25, seed = 42)
  list(name = name, outcome = outcome, split = split, pipelines = pipelines_for(split$train, outcome))
})

n_fits <- sum(vapply(jobs, function(j) length(j$pipelines), integer(1)))
cli::cli_progress_bar("Fitting", total = n_fits, clear = FALSE)
results <- list()
for (job in jobs) {
  formula <- stats::as.formula(paste(job$outcome, "~ ."))
  fits <- list()
  for (p in job$pipelines) {
    label <- paste(p$model, "+", p$balancing)
    fits[[label]] <- fit(p$pipeline, formula, data = job$split$train, seed = 42)
    cli::cli_progress_update()
  }
  scores <- compare_models(fits, job$split$test)
  results[[job$name]] <- list(job = job, fits = fits, scores = scores)
}
cli::cli_progress_done()

shown <- c("accuracy", "precision", "recall", "specificity", "f1", "gmean", "roc_auc", "pr_auc")
table_rows <- lapply(names(results), function(name) {
  s <- results[[name]]$scores
  s <- s[s$.metric %in% shown, ]
  wide <- stats::reshape(as.data.frame(s), idvar = "model", timevar = ".metric", direction = "wide")
  names(wide) <- sub("^\\.estimate\\.", "", names(wide))
  parts <- do.call(rbind, strsplit(wide$model, " + ", fixed = TRUE))
  tibble::tibble(data = name, model = parts[, 1], balancing = parts[, 2], !!!wide[shown])
})
comparison <- do.call(rbind, table_rows)
cat("\nHeld-out scores (25% stratified test split, event = minority / pos, threshold 0.5)\n\n")
print(as.data.frame(comparison), digits = 3, row.names = FALSE)

slug <- function(x) gsub("[^a-z0-9]+", "-", tolower(x))
save_plot <- function(plot, file, width = 7, height = 4.5) {
  path <- file.path(out_dir, file)
  ggsave(path, plot, width = width, height = height, dpi = 120)
  path
}
written <- character()
for (name in names(results)) {
  r <- results[[name]]
  test <- r$job$split$test
  written <- c(
    written,
    save_plot(plot_roc(r$fits, test) + labs(title = paste("ROC curves,", name)), paste0("roc-", slug(name), ".png")),
    save_plot(plot_pr(r$fits, test) + labs(title = paste("Precision-recall curves,", name)), paste0("pr-", slug(name), ".png")),
    save_plot(plot_metrics(r$scores, metrics = c("recall", "precision", "f1", "roc_auc", "pr_auc")) +
                labs(title = paste("Metric comparison,", name)),
              paste0("metrics-", slug(name), ".png"), width = 9)
  )
  best <- names(r$fits)[which.max(r$scores$.estimate[r$scores$.metric == "f1"])]
  truth <- test[[r$job$outcome]]
  predicted <- predict(r$fits[[best]], test)$.pred_class
  written <- c(written, save_plot(
    autoplot(confusion_matrix(truth, predicted)) + labs(title = paste0(name, ": ", best, " (best F1)")),
    paste0("confusion-", slug(name), ".png"), width = 5, height = 4
  ))
}
cat("\nwrote ", length(written), " plots:\n", paste0("  ", written, "\n"), sep = "")
cat(sprintf("done in %.1f s\n", as.numeric(difftime(Sys.time(), started, units = "secs"))))
