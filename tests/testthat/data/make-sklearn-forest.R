# Converts the JSON written by make-sklearn-forest.py into the .rds the tests read.
ref <- jsonlite::fromJSON("sklearn-forest.json", simplifyVector = TRUE, simplifyDataFrame = FALSE)
stopifnot(length(ref$x1) == length(ref$y), length(ref$cases) == 4)
saveRDS(ref, "sklearn-forest.rds", version = 2)
