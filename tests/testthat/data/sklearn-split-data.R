# Stores scikit-learn reference values for test-data-imbalanced.R and
# test-split-stratified.R. Run from tests/testthat/data with a Python that has
# scikit-learn 1.2: Rscript sklearn-split-data.R [path/to/python3]
args <- commandArgs(trailingOnly = TRUE)
python <- if (length(args)) args[[1]] else "/usr/bin/python3"
json <- system2(python, "sklearn-split-data.py", stdout = TRUE)
ref <- jsonlite::fromJSON(paste(json, collapse = ""), simplifyVector = FALSE)
ref <- lapply(ref, function(cases) {
  lapply(cases, function(case) {
    lapply(case, function(value) {
      if (is.list(value) && all(lengths(value) > 1)) {
        do.call(rbind, lapply(value, unlist))
      } else {
        unlist(value)
      }
    })
  })
})
saveRDS(ref, "sklearn-split-data.rds", version = 2)
