# Two logistic pipelines, without and with SMOTE, fitted on a 9:1 training
# split, and the held-out rows they are compared on.
plot_case <- function() {
  d <- make_imbalanced(n_samples = 800, seed = 5)
  split <- split_stratified(d, class, test_size = 0.3, seed = 5)
  fits <- list(
    baseline = fit(imb_pipeline(scale = step_scale(), clf = model_logistic()), class ~ ., split$train, seed = 5),
    smote = fit(imb_pipeline(scale = step_scale(), smote = step_smote(), clf = model_logistic()),
      class ~ ., split$train,
      seed = 5
    )
  )
  list(fits = fits, train = split$train, test = split$test)
}
