# Stores the numpy / scikit-learn / imbalanced-learn reference values of
# make-numpy-refs.py as numpy-refs.rds, for the numpy-exact stream tests. Run
# from tests/testthat/data: Rscript make-numpy-refs.R [path/to/python3]
args <- commandArgs(trailingOnly = TRUE)
python <- if (length(args)) args[[1]] else "/usr/bin/python3"
json <- system2(python, "make-numpy-refs.py", stdout = TRUE)
ref <- jsonlite::fromJSON(paste(json, collapse = ""),
  simplifyVector = TRUE, simplifyDataFrame = FALSE,
  simplifyMatrix = FALSE
)
saveRDS(ref, "numpy-refs.rds", version = 2, compress = "xz")
