# Converts sklearn-calibration.json (from make-sklearn-calibration.py) into
# sklearn-calibration.rds: lists `metrics`, `curves` and `calibrators` of
# cases, and `prefit` (a data frame `data` with x1..x3 and class, row
# indices train/calib/test, scikit-learn's calibrated probabilities).
# Run from tests/testthat/data: Rscript make-sklearn-calibration.R
ref <- jsonlite::fromJSON("sklearn-calibration.json", simplifyVector = FALSE)
num <- function(x) as.numeric(unlist(x))
metrics <- lapply(ref$metrics, function(m) {
  list(name = m$name, y = as.integer(unlist(m$y)), prob = num(m$prob), brier = m$brier, log_loss = m$log_loss)
})
curves <- lapply(ref$curves, function(m) {
  list(
    name = m$name, y = as.integer(unlist(m$y)), prob = num(m$prob), strategy = m$strategy, n_bins = m$n_bins,
    prob_true = num(m$prob_true), prob_pred = num(m$prob_pred)
  )
})
calibrators <- lapply(ref$calibrators, function(m) {
  list(
    name = m$name, scores = num(m$scores), y = as.integer(unlist(m$y)), new = num(m$new), a = m$a, b = m$b,
    sigmoid = num(m$sigmoid), isotonic = num(m$isotonic), iso_x = num(m$iso_x), iso_y = num(m$iso_y)
  )
})
p <- ref$prefit
X <- do.call(rbind, lapply(p$X, num))
data <- data.frame(x1 = X[, 1], x2 = X[, 2], x3 = X[, 3])
data$class <- factor(ifelse(unlist(p$y) == 1, "event", "none"), levels = c("none", "event"))
prefit <- list(
  data = data, train = as.integer(unlist(p$train)), calib = as.integer(unlist(p$calib)),
  test = as.integer(unlist(p$test)), decision_test = num(p$decision_test),
  sigmoid = num(p$sigmoid), isotonic = num(p$isotonic)
)
saveRDS(list(
  sklearn_version = ref$sklearn_version, metrics = metrics, curves = curves,
  calibrators = calibrators, prefit = prefit
), "sklearn-calibration.rds", version = 2)
