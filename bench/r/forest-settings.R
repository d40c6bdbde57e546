# Hyperparameters and data of the forest entry, shared by bench-forest.R and
# the R worker so that they can't drift apart (bench/py/forest.py repeats them).
#
# 100 trees: few enough that the slow peers finish at 1e6 rows (ranger needs
# about 3 minutes per 10 trees there on 2 busy cores). The forests are not
# converged (400 trees add about 0.003 of held-out AUC at 1e5 rows x 20), but
# every method grows the same number, which is what the comparison needs. min_node_size = 10 is ranger's own default for probability forests;
# fully grown trees (1) would make every forest's size, not its speed, the
# measured quantity at 1e6 rows.
forest_trees <- 100
forest_min_node_size <- 10
forest_test_rows <- 1e5

forest_test_name <- function(dataset) sub("-n[0-9]+-", "-test-", dataset)

# Standard normal features; the event depends on the first six through
# interactions and thresholds a forest has to find, with label noise, at
# about 10:1. The other features are noise.
generate_forest <- function(n, p) {
  x <- stats::rnorm(n * p)
  dim(x) <- c(p, n)
  score <- 1.2 * (x[1, ] > 0.5) + x[2, ] * x[3, ] + 0.8 * sin(2 * x[4, ]) + 0.6 * x[5, ]^2 - 0.7 * abs(x[6, ])
  y <- as.integer(stats::runif(n) < stats::plogis(-4.5 + 1.5 * score))
  list(x = x, y = y)
}
