# Hyperparameters, data and the train/test cut shared by the boosting entry
# and its workers (bench/py/boost.py repeats them; keep the two in step).
boost_settings <- list(n_rounds = 100, learning_rate = 0.3, max_depth = 6, lambda = 1, min_child_weight = 1)

# Rows are i.i.d., so the first 80% train and the last 20% are held out.
boost_train_rows <- function(n) floor(0.8 * n)

# Standard normal features; the log-odds mix linear terms, a step, an
# interaction and a sine, so that trees have structure to find, with an
# intercept that leaves about 1 event in 11 rows (10:1).
generate_boost <- function(n, p) {
  x <- stats::rnorm(n * p)
  dim(x) <- c(p, n)
  eta <- -3.3 + 0.8 * x[1, ] - 0.6 * x[2, ] + 1.2 * (x[3, ] > 0.5) + 0.7 * x[4, ] * x[5, ] +
    0.8 * sin(2 * x[6, ]) + 0.3 * colSums(x[7:10, , drop = FALSE])
  y <- as.integer(stats::runif(n) < stats::plogis(eta))
  list(x = x, y = y)
}
