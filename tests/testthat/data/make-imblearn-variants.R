# Converts the JSON written by make-imblearn-variants.py into the .rds the tests read.
ref <- jsonlite::fromJSON("imblearn-variants.json", simplifyVector = FALSE)
as_strategy <- function(case) {
  switch(case$form,
    dict = unlist(case$strategy),
    number = as.double(case$strategy),
    string = case$strategy
  )
}
as_counts <- function(x) vapply(x, as.integer, integer(1))
datasets <- lapply(ref$datasets, function(d) {
  list(
    data = data.frame(x1 = unlist(d$x1), x2 = unlist(d$x2), y = factor(unlist(d$y))),
    cases = lapply(d$cases, function(case) {
      list(
        strategy = as_strategy(case), borderline_1 = as_counts(case[["borderline-1"]]),
        borderline_2 = as_counts(case[["borderline-2"]]), adasyn = as_counts(case$adasyn)
      )
    }),
    danger = lapply(d$danger, function(m) lapply(m, unlist)),
    adasyn_rows = lapply(d$adasyn_rows, as_counts)
  )
})
nc <- ref$smote_nc
smote_nc <- list(
  data = data.frame(
    x1 = unlist(nc$x1), colour = factor(unlist(nc$colour)), x2 = unlist(nc$x2),
    flag = unlist(nc$flag), y = factor(unlist(nc$y))
  ),
  cases = lapply(nc$cases, function(case) list(strategy = as_strategy(case), counts = as_counts(case$smote_nc))),
  median_std = nc$median_std
)
saveRDS(list(imblearn = ref$imblearn, datasets = datasets, smote_nc = smote_nc), "imblearn-variants.rds", version = 2)
