# Converts the JSON written by make-imblearn-oversample.py into the .rds the tests read.
ref <- jsonlite::fromJSON("imblearn-oversample.json", simplifyVector = FALSE)
as_strategy <- function(case) {
  switch(case$form,
    dict = unlist(case$strategy),
    number = as.double(case$strategy),
    string = case$strategy
  )
}
as_counts <- function(x) vapply(x, as.integer, integer(1))
numeric <- lapply(ref$numeric, function(d) {
  list(
    data = data.frame(x1 = unlist(d$x1), x2 = unlist(d$x2), y = factor(unlist(d$y))),
    under = lapply(d$under, function(case) {
      list(
        strategy = as_strategy(case), soft = as_counts(case$soft), hard = as_counts(case$hard),
        asked = as_counts(case$asked)
      )
    }),
    over = lapply(d$over, function(case) {
      list(strategy = as_strategy(case), kmeans_smote = as_counts(case$kmeans_smote), asked = as_counts(case$asked))
    })
  )
})
kmeans <- lapply(ref$kmeans, function(case) {
  list(
    name = case$name, x = do.call(rbind, lapply(case$x, unlist)), k = case$k, inertia = case$inertia,
    centers = do.call(rbind, lapply(case$centers, unlist))
  )
})
s <- ref$smoten
smoten <- list(
  data = data.frame(
    colour = factor(unlist(s$colour)), size = unlist(s$size), shape = factor(unlist(s$shape)),
    y = factor(unlist(s$y))
  ),
  cases = lapply(s$cases, function(case) {
    list(strategy = as_strategy(case), counts = as_counts(case$smoten), asked = as_counts(case$asked))
  })
)
saveRDS(list(imblearn = ref$imblearn, sklearn = ref$sklearn, numeric = numeric, kmeans = kmeans, smoten = smoten),
  "imblearn-oversample.rds",
  version = 2
)
