# Builds data/pima.rda from mlbench::PimaIndiansDiabetes.
#
# Run from the package root: Rscript data-raw/pima.R
# mlbench is needed only here; data-raw/ is build-ignored, so the package does
# not depend on it.
#
# "Cleaned" means tidied types and names only. All 768 rows and every recorded
# value are kept, including the zeros that stand for missing measurements:
# imputing them here, before any split, would leak information from test rows
# into training rows. The Pima vignette deals with them inside the pipeline.

data("PimaIndiansDiabetes", package = "mlbench", envir = environment())
raw <- PimaIndiansDiabetes

predictors <- c("pregnant", "glucose", "pressure", "triceps", "insulin",
                "mass", "pedigree", "age")
stopifnot(
  identical(names(raw), c(predictors, "diabetes")),
  nrow(raw) == 768,
  !anyNA(raw)
)

pima <- tibble::as_tibble(lapply(raw[predictors], as.double))
pima$diabetes <- factor(as.character(raw$diabetes), levels = c("neg", "pos"))
stopifnot(identical(as.integer(pima$diabetes), as.integer(raw$diabetes)))

# The facts quoted in R/data-pima.R; rerun this script to check them.
print(table(pima$diabetes))
print(vapply(pima[c("glucose", "pressure", "triceps", "insulin", "mass")],
             function(x) sum(x == 0), integer(1)))
print(sum(rowSums(pima[c("glucose", "pressure", "triceps", "insulin", "mass")] == 0) > 0))

save(pima, file = file.path("data", "pima.rda"), compress = "xz")
