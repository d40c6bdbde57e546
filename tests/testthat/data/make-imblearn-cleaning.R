# Converts the JSON written by make-imblearn-cleaning.py into the .rds the tests read.
ref <- jsonlite::fromJSON("imblearn-cleaning.json", simplifyVector = FALSE)
datasets <- lapply(ref$datasets, function(d) {
  x <- lapply(d$x, function(col) as.double(unlist(col)))
  names(x) <- paste0("x", seq_along(x))
  data <- tibble::as_tibble(c(x, list(y = factor(unlist(d$y)))))
  cases <- lapply(d$cases, function(case) {
    params <- case$params
    if (is.list(params$sampling_strategy)) params$sampling_strategy <- unlist(params$sampling_strategy)
    list(method = case$method, params = params, kept = as.integer(unlist(case$kept)) + 1L)
  })
  list(data = data, cases = cases)
})
saveRDS(list(imblearn = ref$imblearn, datasets = datasets), "imblearn-cleaning.rds", version = 2)
