# Draws the figures of README.md with the code the README shows.
# Run from the package root: Rscript tools/readme-figures.R
pkgload::load_all(".", quiet = TRUE)
options(smotelab.threads = 2)

data <- make_imbalanced(n_samples = 3000, weights = c(0.9, 0.1), seed = 42)
split <- split_stratified(data, class, test_size = 0.25, seed = 42)
baseline <- imb_pipeline(scale = step_scale(), clf = model_logistic())
with_smote <- imb_pipeline(scale = step_scale(), smote = step_smote(sampling_strategy = 0.75),
                           clf = model_logistic())
fits <- list(baseline = fit(baseline, class ~ ., data = split$train, seed = 42),
             smote = fit(with_smote, class ~ ., data = split$train, seed = 42))
roc <- plot_roc(fits, split$test)

ggplot2::ggsave("man/figures/README-roc.png", roc, width = 6.5, height = 4.2, dpi = 120, bg = "white")
