# Converts sklearn-calibration-weights.json (from
# make-sklearn-calibration-weights.py) into sklearn-calibration-weights.rds:
# `calibrators` (cases with scores, y, weights w), `data` (x1..x3, class and
# the weight column w), row indices train/calib/test/fit, `prefit` and `cv`
# (scikit-learn's calibrated probabilities on the test rows).
# Run from tests/testthat/data: Rscript make-sklearn-calibration-weights.R
ref <- jsonlite::fromJSON("sklearn-calibration-weights.json", simplifyVector = FALSE)
num <- function(x) as.numeric(unlist(x))
calibrators <- lapply(ref$calibrators, function(m) {
  list(
    name = m$name, scores = num(m$scores), y = as.integer(unlist(m$y)), w = num(m$w), new = num(m$new),
    a = m$a, b = m$b, sigmoid = num(m$sigmoid), isotonic = num(m$isotonic), iso_x = num(m$iso_x),
    iso_y = num(m$iso_y)
  )
})
p <- ref$prefit
X <- do.call(rbind, lapply(p$X, num))
data <- data.frame(x1 = X[, 1], x2 = X[, 2], x3 = X[, 3])
data$class <- factor(ifelse(unlist(p$y) == 1, "event", "none"), levels = c("none", "event"))
data$w <- num(p$w)
cv <- lapply(ref$cv, function(m) list(folds = m$folds, method = m$method, prob = num(m$prob)))
saveRDS(list(
  sklearn_version = ref$sklearn_version, calibrators = calibrators, data = data,
  train = as.integer(unlist(p$train)), calib = as.integer(unlist(p$calib)), test = as.integer(unlist(p$test)),
  fit = as.integer(unlist(ref$fit)),
  prefit = list(decision_test = num(p$decision_test), sigmoid = num(p$sigmoid), isotonic = num(p$isotonic)),
  cv = cv
), "sklearn-calibration-weights.rds", version = 2)
