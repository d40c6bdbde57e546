test_that("every exported step and model constructor is in the element table", {
  exports <- getNamespaceExports("smotelab")
  constructors <- sort(grep("^(step|model)_", exports, value = TRUE))
  # step_resample() is a recipes step that holds an element, not an element.
  constructors <- setdiff(constructors, "step_resample")
  table <- smotelab:::element_types()
  registered <- vapply(table, function(e) {
    for (name in constructors) {
      if (identical(e$constructor, getExportedValue("smotelab", name))) {
        return(name)
      }
    }
    NA_character_
  }, character(1))
  expect_false(anyNA(registered))
  expect_setequal(registered, constructors)
})

# Constructors with their defaults; one that wraps a member model (balanced
# bagging) gets a logistic one.
default_element <- function(constructor) {
  args <- if ("model" %in% names(formals(constructor))) list(model = model_logistic()) else list()
  do.call(constructor, args)
}

test_that("each constructor makes an element of its own type, and samplers say their direction", {
  for (type in names(smotelab:::element_types())) {
    entry <- smotelab:::element_type(type)
    element <- default_element(entry$constructor)
    expect_identical(element$type, type)
    expect_true(inherits(element, c("smotelab_step", "smotelab_model")))
    takes_strategy <- "sampling_strategy" %in% names(formals(entry$constructor))
    expect_identical(!is.null(entry$sampling), takes_strategy)
  }
  expect_identical(smotelab:::element_type("random_under")$sampling, "under")
  expect_identical(smotelab:::element_type("smote")$sampling, "over")
})

test_that("an element type missing from the table is an internal error", {
  expect_error(smotelab:::new_step("no_such_step", list()), "not a pipeline element type")
  expect_error(smotelab:::new_model("no_such_model", list()), "not a pipeline element type")
})

test_that("the glue reads every element type of the table, and no other", {
  d <- logistic_data(300)
  # A factor for the categorical steps; step_smoten() takes factors only.
  mixed <- d
  mixed$g <- factor(rep(c("u", "v", "w"), length.out = nrow(d)))
  categorical <- data.frame(g = mixed$g, h = factor(rep(c("p", "q"), each = 150)), y = d$y)
  types <- smotelab:::element_types()
  for (type in names(types)) {
    element <- default_element(types[[type]]$constructor)
    # These classes overlap, so no k-means cluster is half minority, as
    # KMeans-SMOTE's default threshold asks.
    if (identical(type, "kmeans_smote")) element <- step_kmeans_smote(cluster_balance_threshold = 0.1)
    pipe <- if (inherits(element, "smotelab_model")) imb_pipeline(element) else imb_pipeline(element, model_logistic())
    data <- if (identical(type, "smoten")) categorical else mixed
    fitted <- fit(pipe, y ~ ., data = data, seed = 1, n_threads = 1)
    expect_identical(nrow(predict(fitted, data)), nrow(data))
  }
  spec <- smotelab:::spec_to_core(imb_pipeline(step_smote(), model_logistic()), c("neg", "pos"))
  cols <- lapply(d[paste0("x", 1:4)], as.double)
  y <- as.integer(d$y) - 1L
  bad_step <- spec
  bad_step$steps[[1]]$type <- "smote_typo"
  expect_error(smotelab:::pipeline_fit_cpp(bad_step, cols, y, 1, 1L), 'unknown step type "smote_typo"',
    class = "smotelab::internal_error"
  )
  bad_kind <- spec
  bad_kind$steps[[1]]$sampling_strategy$kind <- "most"
  expect_error(smotelab:::pipeline_fit_cpp(bad_kind, cols, y, 1, 1L), 'unknown sampling_strategy kind "most"',
    class = "smotelab::internal_error"
  )
  bad_model <- spec
  bad_model$model$type <- "svm"
  expect_error(smotelab:::pipeline_fit_cpp(bad_model, cols, y, 1, 1L), 'unknown model type "svm"',
    class = "smotelab::internal_error"
  )
})

test_that("the internal kNN switch accepts its three values only", {
  d <- smote_data()
  withr::local_options(smotelab.knn_algorithm = "kd_tree")
  kd <- smote(d, class, seed = 1, n_threads = 1)
  withr::local_options(smotelab.knn_algorithm = "brute_force")
  expect_identical(smote(d, class, seed = 1, n_threads = 1), kd)
  withr::local_options(smotelab.knn_algorithm = "kdtree")
  expect_error(smote(d, class, seed = 1, n_threads = 1), "must be one of", class = "smotelab_error_argument")
})
