# Converts sklearn-metrics.json (from make-sklearn-metrics.py) into
# sklearn-metrics.rds: a list of cases, each with truth (0/1 integer), prob,
# threshold, metrics (named double; NA where scikit-learn raised), warned
# (named logical), roc and pr (data frames as scikit-learn returns them) and
# report (per-class precision/recall/f1/support, accuracy, averages).
# Run from tests/testthat/data: Rscript make-sklearn-metrics.R
ref <- jsonlite::fromJSON("sklearn-metrics.json", simplifyVector = TRUE)
num <- function(x) vapply(x, function(v) if (is.null(v)) NA_real_ else as.numeric(v), numeric(1))
cases <- lapply(seq_len(nrow(ref$cases)), function(i) {
  one <- function(field) ref$cases[[field]][[i]]
  report <- ref$cases$report
  rep_row <- function(key) {
    unlist(lapply(report[[key]], function(col) col[i]))
  }
  metric_names <- names(ref$cases$metrics)
  list(
    name = ref$cases$name[i],
    truth = as.integer(one("y")),
    prob = as.numeric(one("prob")),
    threshold = ref$cases$threshold[i],
    metrics = num(stats::setNames(lapply(metric_names, function(m) ref$cases$metrics[[m]][[i]]), metric_names)),
    warned = unlist(lapply(ref$cases$warned, function(col) col[i])),
    roc = data.frame(
      threshold = as.numeric(ref$cases$roc$threshold[[i]]),
      fpr = num(ref$cases$roc$fpr[[i]]),
      tpr = num(ref$cases$roc$tpr[[i]])
    ),
    pr = list(
      threshold = as.numeric(ref$cases$pr$threshold[[i]]),
      precision = as.numeric(ref$cases$pr$precision[[i]]),
      recall = as.numeric(ref$cases$pr$recall[[i]])
    ),
    report = list(
      class0 = rep_row("0"), class1 = rep_row("1"),
      accuracy = ref$cases$report$accuracy[i],
      macro = rep_row("macro avg"), weighted = rep_row("weighted avg")
    )
  )
})
names(cases) <- vapply(cases, `[[`, "", "name")
saveRDS(list(sklearn_version = ref$sklearn_version, cases = cases), "sklearn-metrics.rds", version = 2)
