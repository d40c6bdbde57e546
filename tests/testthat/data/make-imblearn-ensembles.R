# Converts the JSON written by make-imblearn-ensembles.py into the .rds the tests read.
ref <- jsonlite::fromJSON("imblearn-ensembles.json", simplifyVector = TRUE, simplifyDataFrame = FALSE)
ref$datasets <- lapply(ref$datasets, function(d) {
  frame <- function(x, y) {
    out <- as.data.frame(x)
    names(out) <- paste0("x", seq_len(ncol(x)))
    out$y <- factor(y, levels = 0:1)
    out
  }
  list(name = d$name, train = frame(d$X_train, d$y_train), test = frame(d$X_test, d$y_test), auc = unlist(d$auc))
})
stopifnot(length(ref$datasets) == 2, all(vapply(ref$datasets, function(d) nrow(d$train) == 2000, logical(1))))
saveRDS(ref, "imblearn-ensembles.rds", version = 2)
