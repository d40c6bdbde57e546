# Reference kept rows from imbalanced-learn 0.10 (data/make-imblearn-cleaning.py).
cleaning_refs <- function() readRDS(test_path("data", "imblearn-cleaning.rds"))

# Row numbers in `data` of the rows of `result`, matched on the predictors
# (the reference data sets have no duplicate rows).
source_rows <- function(result, data) {
  cols <- grep("^x", names(data), value = TRUE)
  match(do.call(paste, unname(as.list(result[cols]))), do.call(paste, unname(as.list(data[cols]))))
}

# Runs a reference case with smotelab's function of the same rule.
run_cleaning_case <- function(data, case, n_threads = 2) {
  p <- case$params
  ss <- p$sampling_strategy %||% "auto"
  kind <- p$kind_sel %||% "all"
  switch(case$method,
    tomek = tomek_links(data, y, sampling_strategy = ss, n_threads = n_threads),
    enn = edited_nearest_neighbours(data, y,
      n_neighbors = p$n_neighbors, kind_sel = kind, sampling_strategy = ss,
      n_threads = n_threads
    ),
    renn = repeated_edited_nearest_neighbours(data, y,
      n_neighbors = p$n_neighbors, kind_sel = kind,
      max_iter = p$max_iter %||% 100, n_threads = n_threads
    ),
    all_knn = all_knn(data, y,
      n_neighbors = p$n_neighbors, kind_sel = kind, allow_minority = p$allow_minority,
      n_threads = n_threads
    ),
    ncr = neighbourhood_cleaning_rule(data, y,
      n_neighbors = p$n_neighbors, kind_sel = kind,
      threshold_cleaning = p$threshold_cleaning %||% 0.5, n_threads = n_threads
    ),
    near_miss = suppressWarnings(near_miss(data, y,
      version = p$version, n_neighbors = p$n_neighbors,
      n_neighbors_ver3 = p$n_neighbors_ver3 %||% 3, sampling_strategy = ss, n_threads = n_threads
    ))
  )
}

# Each step, on each training fold, gives the model the rows its function
# gives on that fold (with the seed the engine derives for the step).
expect_step_equals_function <- function(step, standalone, data, folds = 3) {
  ids <- folds_stratified(data, class, v = folds, seed = 5)$repeat_1
  for (k in seq_len(folds)) {
    train <- data[ids != k, ]
    fitted <- fit(imb_pipeline(resample = step, clf = model_logistic(C = 1)), class ~ ., train, seed = 99)
    resampled <- standalone(train, pipeline_step_seed_cpp(99, 0))
    by_hand <- fit(imb_pipeline(clf = model_logistic(C = 1)), class ~ ., resampled, seed = 1)
    expect_identical(coef(fitted), coef(by_hand))
    expect_equal(unname(fitted$state$fit_counts), as.vector(table(resampled$class)))
  }
}

cleaning_data <- function(n = 500, seed = 3) {
  make_imbalanced(
    n_samples = n, n_features = 4, n_informative = 3, n_redundant = 1,
    weights = c(0.85, 0.15), class_sep = 0.6, seed = seed
  )
}
