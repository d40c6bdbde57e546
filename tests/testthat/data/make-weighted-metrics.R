# Converts weighted-metrics.json (from make-weighted-metrics.py) into
# weighted-metrics.rds: a list of cases, each with truth (0/1 integer), prob,
# w (the case weights), threshold and metrics (named double, scikit-learn's
# values with sample_weight = w).
# Run from tests/testthat/data: Rscript make-weighted-metrics.R
ref <- jsonlite::fromJSON("weighted-metrics.json", simplifyVector = TRUE)
cases <- lapply(seq_len(nrow(ref$cases)), function(i) {
  metric_names <- names(ref$cases$metrics)
  list(
    name = ref$cases$name[i],
    truth = as.integer(ref$cases$y[[i]]),
    prob = as.numeric(ref$cases$prob[[i]]),
    w = as.numeric(ref$cases$w[[i]]),
    threshold = ref$cases$threshold[i],
    metrics = vapply(metric_names, function(m) as.numeric(ref$cases$metrics[[m]][[i]]), numeric(1))
  )
})
names(cases) <- vapply(cases, `[[`, "", "name")
saveRDS(list(sklearn_version = ref$sklearn_version, cases = cases), "weighted-metrics.rds", version = 2)
