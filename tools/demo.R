# `make demo`: Lesson 01 on the built-in data. Prints the classification
# reports and writes the confusion-matrix plots to demo-output/.
suppressPackageStartupMessages({
  library(smotelab)
  library(ggplot2)
})
options(smotelab.threads = 2)
out_dir <- "demo-output"
dir.create(out_dir, showWarnings = FALSE)

baseline <- imb_pipeline(scale = step_scale(), clf = model_logistic(C = 1))

lesson_01 <- function(data, outcome, label, seed) {
  split <- split_stratified(data, outcome, test_size = 0.25, seed = seed)
  formula <- stats::as.formula(paste(outcome, "~ ."))
  fitted <- fit(baseline, formula, data = split$train, seed = seed)
  truth <- split$test[[outcome]]
  predicted <- predict(fitted, split$test)$.pred_class

  cat("\n==", label, "==\n")
  cat("training rows per class:", paste(names(table(split$train[[outcome]])), table(split$train[[outcome]]), collapse = ", "), "\n")
  cat("test rows per class:    ", paste(names(table(truth)), table(truth), collapse = ", "), "\n\n")
  print(classification_report(truth, predicted))
  print(evaluate(fitted, split$test), n = Inf)

  plot <- autoplot(confusion_matrix(truth, predicted)) +
    labs(title = paste("Baseline logistic regression:", label))
  path <- file.path(out_dir, paste0("confusion-", gsub("[^a-z0-9]+", "-", tolower(label)), ".png"))
  ggsave(path, plot, width = 5, height = 4, dpi = 120)
  cat("wrote", path, "\n")
}

synthetic <- make_imbalanced(n_samples = 3000, n_features = 10, n_informative = 6, n_redundant = 2,
                             weights = c(0.9, 0.1), flip_y = 0.01, seed = 42)
lesson_01(synthetic, "class", "synthetic 10 to 1", seed = 42)
lesson_01(pima, "diabetes", "Pima diabetes", seed = 42)
