# Held-out ROC-AUC of ranger's probability forest on the lesson split and on
# a stratified split of pima, the reference for test-model-forest.R.
# Run from this directory with the package loaded (for the data and splits):
#   Rscript -e 'pkgload::load_all("../../.."); source("make-ranger-forest.R")'
# ranger is run with the hyperparameters the test gives model_forest():
# 500 trees, mtry = floor(sqrt(p)), min.node.size = 1, probability = TRUE.
# Its AUC moves with its seed, so the reference is the mean over 10 seeds
# (the spread is stored too).
lesson <- make_imbalanced(
  n_samples = 3000, n_features = 10, n_informative = 6, n_redundant = 2,
  weights = c(0.9, 0.1), flip_y = 0.01, seed = 42
)
splits <- list(
  lesson = c(split_stratified(lesson, class, test_size = 0.25, seed = 42), outcome = "class"),
  pima = c(split_stratified(pima, diabetes, test_size = 0.25, seed = 42), outcome = "diabetes")
)
ranger_auc <- function(s, seed) {
  f <- stats::as.formula(paste(s$outcome, "~ ."))
  event <- levels(s$train[[s$outcome]])[2]
  p <- ncol(s$train) - 1
  r <- ranger::ranger(f, s$train,
    num.trees = 500, mtry = floor(sqrt(p)), min.node.size = 1,
    probability = TRUE, seed = seed, num.threads = 1
  )
  prob <- predict(r, s$test)$predictions[, event]
  pROC::auc(pROC::roc(s$test[[s$outcome]] == event, prob, direction = "<", quiet = TRUE))[[1]]
}
ref <- lapply(splits, function(s) {
  aucs <- vapply(1:10, function(seed) ranger_auc(s, seed), numeric(1))
  list(auc = mean(aucs), sd = stats::sd(aucs), ranger = as.character(utils::packageVersion("ranger")))
})
saveRDS(ref, "ranger-forest.rds", version = 2)
