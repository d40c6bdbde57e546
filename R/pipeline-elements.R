# The pipeline element types: every step and model a pipeline can hold, in one
# table. `new_step()` and `new_model()` make elements of these types only,
# `grid_search()` rebuilds elements through their constructors (whose formals
# are the tunable parameters), and the pipeline checks read `sampling` to tell
# over- from under-samplers. A new sampler step is one entry here plus its
# `step_*()` constructor; the core and the glue have one table each as well
# (the `StepSpec` variant in pipeline.hpp, the readers in glue-pipeline.cpp).
#
# Fields: `constructor`, the exported function that makes the element;
# `sampling`, "over", "under" or "clean" (the classes a cleaning rule may
# clean) for steps that take a `sampling_strategy` (NULL otherwise);
# `cleaning`, the parameter holding the cleaning part's strategy of a step
# that resamples then cleans. Model-specific behaviour of fitted pipelines is not here
# but in S3 methods on the model's class (see `report_fit()` below).
#
# A function rather than a list built at load time, because the constructors
# live in files collated after this one.
element_types <- function() {
  list(
    scale = list(constructor = step_scale),
    smote = list(constructor = step_smote, sampling = "over"),
    borderline_smote = list(constructor = step_borderline_smote, sampling = "over"),
    adasyn = list(constructor = step_adasyn, sampling = "over"),
    random_over = list(constructor = step_random_oversample, sampling = "over"),
    random_under = list(constructor = step_random_undersample, sampling = "under"),
    tomek_links = list(constructor = step_tomek_links, sampling = "clean"),
    edited_nearest_neighbours = list(constructor = step_edited_nearest_neighbours, sampling = "clean"),
    repeated_edited_nearest_neighbours = list(
      constructor = step_repeated_edited_nearest_neighbours, sampling = "clean"
    ),
    all_knn = list(constructor = step_all_knn, sampling = "clean"),
    neighbourhood_cleaning_rule = list(constructor = step_neighbourhood_cleaning_rule, sampling = "clean"),
    one_sided_selection = list(constructor = step_one_sided_selection, sampling = "clean"),
    condensed_nearest_neighbour = list(constructor = step_condensed_nearest_neighbour, sampling = "clean"),
    near_miss = list(constructor = step_near_miss, sampling = "under"),
    smote_enn = list(constructor = step_smote_enn, sampling = "over", cleaning = "enn_sampling_strategy"),
    smote_tomek = list(constructor = step_smote_tomek, sampling = "over", cleaning = "tomek_sampling_strategy"),
    instance_hardness_threshold = list(constructor = step_instance_hardness_threshold, sampling = "under"),
    smote_nc = list(constructor = step_smote_nc, sampling = "over"),
    smoten = list(constructor = step_smoten, sampling = "over"),
    cluster_centroids = list(constructor = step_cluster_centroids, sampling = "under"),
    kmeans_smote = list(constructor = step_kmeans_smote, sampling = "over"),
    rose = list(constructor = step_rose),
    logistic = list(constructor = model_logistic),
    forest = list(constructor = model_forest),
    boost = list(constructor = model_boost),
    calibrated = list(constructor = model_calibrated),
    balanced_forest = list(constructor = model_balanced_forest, sampling = "under"),
    balanced_bagging = list(constructor = model_balanced_bagging),
    easy_ensemble = list(constructor = model_easy_ensemble, sampling = "under")
  )
}

element_type <- function(type) {
  entry <- element_types()[[type]]
  if (is.null(entry)) {
    cli::cli_abort("{.val {type}} is not a pipeline element type.", .internal = TRUE)
  }
  entry
}

element_constructor <- function(type) element_type(type)$constructor

new_step <- function(type, params) {
  element_type(type)
  structure(list(type = type, params = params), class = c(paste0("smotelab_step_", type), "smotelab_step"))
}

new_model <- function(type, params) {
  element_type(type)
  structure(list(type = type, params = params), class = c(paste0("smotelab_model_", type), "smotelab_model"))
}

# ---- What a model class adds to a fitted pipeline ---------------------------
# Each generic dispatches on the pipeline's model (class
# `smotelab_model_<type>`) and receives the `smotelab_fit`, whose
# `$state$model` holds the fitted state the core returned. The defaults say
# "nothing to add", so a new model only writes the methods it needs.

# Tells the user what the fit found that they should know (e.g. aliased
# columns); called once by `fit()`.
report_fit <- function(model, fit) UseMethod("report_fit")

#' @export
report_fit.default <- function(model, fit) invisible(NULL)

# Lines that `format()` of a fitted pipeline adds after the pipeline.
format_state <- function(model, fit) UseMethod("format_state")

#' @export
format_state.default <- function(model, fit) character()

# What `print()` of a fitted pipeline shows after `format()`'s lines.
print_state <- function(model, fit) UseMethod("print_state")

#' @export
print_state.default <- function(model, fit) invisible(NULL)

# The model's own part of `summary()` of a fitted pipeline: a named list of
# single values and tibbles, shown by `print()` of the summary in that order.
summarise_state <- function(model, fit) UseMethod("summarise_state")

#' @export
summarise_state.default <- function(model, fit) list()

# Coefficients for `coef()`; models without them refuse.
state_coef <- function(model, fit, call = caller_env()) UseMethod("state_coef")

#' @export
state_coef.default <- function(model, fit, call = caller_env()) {
  abort_smotelab("{.fn coef} is defined for logistic regression only.", "argument", call = call)
}

# Importance per predictor column for `feature_importance()`; models that do
# not measure it refuse.
state_importance <- function(model, fit, call = caller_env()) UseMethod("state_importance")

#' @export
state_importance.default <- function(model, fit, call = caller_env()) {
  abort_smotelab(
    c("{.arg fitted} must be a pipeline whose model is {.fn model_forest}.",
      "x" = "This pipeline's model is {format(model)}."
    ),
    "argument",
    call = call
  )
}
