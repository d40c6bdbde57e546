# Converts the JSON written by make-sklearn-logistic.py into the .rds the tests read.
ref <- jsonlite::fromJSON("sklearn-logistic.json", simplifyVector = TRUE)
stopifnot(is.matrix(ref$X), nrow(ref$X) == length(ref$y))
saveRDS(ref, "sklearn-logistic.rds", version = 2)
