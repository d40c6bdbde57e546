# Converts the JSON written by course-refs.py into inst/extdata/course-refs.rds,
# which the lessons read to set smotelab's numbers beside the course's and the
# tests read to check that they agree. Run from data-raw/.
ref <- jsonlite::fromJSON("course-refs.json", simplifyVector = TRUE)
stopifnot(identical(ref$versions$sklearn, "1.2.1"), identical(ref$versions$imblearn, "0.10.0"))
dir.create("../inst/extdata", showWarnings = FALSE)
saveRDS(ref, "../inst/extdata/course-refs.rds", version = 2)
unlink("course-refs.json")
