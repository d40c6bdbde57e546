# Converts the JSON written by make-imblearn-counts.py into the .rds the tests read.
ref <- jsonlite::fromJSON("imblearn-counts.json", simplifyVector = FALSE)
cases <- lapply(ref$cases, function(case) {
  classes <- unlist(case$classes)
  strategy <- case$strategy
  strategy <- switch(case$form,
    dict = unlist(strategy),
    number = as.double(strategy),
    string = strategy
  )
  list(
    layout = case$layout,
    counts = stats::setNames(as.integer(unlist(case$counts)), classes),
    direction = case$direction,
    strategy = strategy,
    error = isTRUE(case$error),
    result = if (!isTRUE(case$error)) unlist(case$result)[classes]
  )
})
saveRDS(list(imblearn = ref$imblearn, cases = cases), "imblearn-counts.rds", version = 2)
