# Reference values from numpy 1.24 / scikit-learn 1.2.1 / imbalanced-learn
# 0.10, made by data/make-numpy-refs.py (row numbers there are 0-based).
numpy_refs <- function() readRDS(test_path("data", "numpy-refs.rds"))

# A data frame x1..xp + class from a flat row-major matrix and 0-based labels,
# as the Python script stores them.
numpy_frame <- function(x, y, levels = sort(unique(y))) {
  x <- matrix(x, nrow = length(y), byrow = TRUE)
  colnames(x) <- paste0("x", seq_len(ncol(x)))
  d <- as.data.frame(x)
  d$class <- factor(y, levels = levels)
  d
}
