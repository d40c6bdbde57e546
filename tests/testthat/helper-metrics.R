# scikit-learn 1.2 reference cases, made by data/make-sklearn-metrics.py.
sklearn_metrics <- function() {
  readRDS(test_path("data", "sklearn-metrics.rds"))$cases
}

# 0/1 labels as the factor the R functions take (event = second level).
as_truth <- function(y) factor(ifelse(y == 1L, "pos", "neg"), levels = c("neg", "pos"))
