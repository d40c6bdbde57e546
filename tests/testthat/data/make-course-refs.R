# Converts the JSON written by make-course-refs.py into the .rds the tests read.
ref <- jsonlite::fromJSON("course-refs.json", simplifyVector = TRUE)
stopifnot(identical(ref$versions$sklearn, "1.2.1"), identical(ref$versions$imblearn, "0.10.0"))
saveRDS(ref, "course-refs.rds", version = 2)
