# Small logistic data sets made with base R, so model tests do not depend on
# the package's own generators.
logistic_data <- function(n = 2000, seed = 1) {
  withr::with_seed(seed, {
    x <- matrix(stats::rnorm(n * 4), n, 4, dimnames = list(NULL, paste0("x", 1:4)))
    eta <- -1.5 + drop(x %*% c(1, -0.7, 0.4, 0))
    y <- factor(ifelse(stats::runif(n) < stats::plogis(eta), "pos", "neg"), levels = c("neg", "pos"))
    data.frame(x, y = y)
  })
}
