# Fitted pipelines in the tree layout smotelab used before the forest and
# boosting shared one tree ensemble (main at 95faded): the forest kept `left`
# and `value` at the top of its model state, boosting `left`, `right`,
# `threshold` and `base_margin`. Made with a build of that version, so the
# test that refuses them checks real old objects; the probabilities they
# predicted then must equal those of the same pipelines refitted now.
#   R_LIBS=/path/to/old/library Rscript tests/testthat/data/make-outdated-fits.R
library(smotelab)
d <- withr::with_seed(1, {
  x <- matrix(stats::rnorm(120 * 2), 120, 2, dimnames = list(NULL, c("x1", "x2")))
  y <- factor(ifelse(x[, 1] + stats::rnorm(120) > 0.8, "pos", "neg"), levels = c("neg", "pos"))
  data.frame(x, y = y)
})
fits <- list(
  data = d,
  forest = fit(imb_pipeline(clf = model_forest(n_trees = 3, max_depth = 2)), y ~ ., d, seed = 1, n_threads = 1),
  boost = fit(imb_pipeline(clf = model_boost(n_rounds = 3, max_depth = 2)), y ~ ., d, seed = 1, n_threads = 1)
)
fits$prob <- list(
  forest = predict(fits$forest, d, type = "prob")$.pred_pos,
  boost = predict(fits$boost, d, type = "prob")$.pred_pos
)
saveRDS(fits, "tests/testthat/data/outdated-fits.rds", version = 2)
