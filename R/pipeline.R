#' Build a pipeline of preprocessing, resampling and a model
#'
#' A pipeline is a recipe, not a fit: an ordered list of steps followed by one
#' model. [fit()] runs it on training rows; [predict()] applies the fitted
#' transforms and the model to new rows. Resampling steps (SMOTE and its
#' family) act on training rows only and are skipped at predict time, which is
#' what keeps cross-validation free of leakage.
#'
#' @param ... Steps such as [step_scale()], then exactly one model such as
#'   [model_logistic()], last. Name them (`scale = step_scale()`); the names
#'   address parameters in grid searches (`clf__C`). Unnamed elements are
#'   named after their type.
#' @return A `smotelab_pipeline` object.
#' @seealso [fit.smotelab_pipeline()], [predict.smotelab_fit()], [evaluate()]
#' @export
#' @examples
#' imb_pipeline(scale = step_scale(), clf = model_logistic(C = 1))
imb_pipeline <- function(...) {
  elements <- rlang::list2(...)
  call <- rlang::current_env()
  if (length(elements) == 0) {
    abort_smotelab("A pipeline must end with a model, such as {.fn model_logistic}.", "argument", call = call)
  }
  names <- names(elements) %||% rep("", length(elements))
  is_model <- vapply(elements, inherits, logical(1), "smotelab_model")
  is_step <- vapply(elements, inherits, logical(1), "smotelab_step")
  bad <- which(!(is_model | is_step))
  if (length(bad)) {
    abort_smotelab(
      c("Every pipeline element must be a step or a model.",
        "x" = "Element {bad[1]} is {.obj_type_friendly {elements[[bad[1]]]}}."
      ),
      "argument",
      call = call
    )
  }
  if (sum(is_model) != 1 || !is_model[length(elements)]) {
    abort_smotelab(
      c("A pipeline must end with exactly one model.",
        "i" = "It has {sum(is_model)} model{?s}{if (any(is_model)) paste0(', at position ', paste(which(is_model), collapse = ', ')) else ''}." # nolint: line_length_linter.
      ),
      "argument",
      call = call
    )
  }
  types <- vapply(elements, function(e) e$type, character(1))
  names[names == ""] <- types[names == ""]
  if (anyDuplicated(names)) {
    dup <- unique(names[duplicated(names)])
    abort_smotelab(
      "Pipeline element names must be unique; {.val {dup}} is used more than once.", "argument",
      call = call
    )
  }
  if (any(grepl("__", names, fixed = TRUE))) {
    abort_smotelab("Pipeline element names can't contain {.code __}; it separates element and parameter in grid names.",
      "argument",
      call = call
    )
  }
  names(elements) <- names
  structure(list(elements = elements), class = "smotelab_pipeline")
}

#' Standardise predictors
#'
#' Centres each predictor on its training mean and divides by its training
#' standard deviation (the population one, as scikit-learn's `StandardScaler`);
#' a constant column is centred only. Inside a pipeline the mean and standard
#' deviation come from the training rows, so held-out rows never inform them.
#'
#' @return A `smotelab_step` object for [imb_pipeline()].
#' @export
#' @examples
#' step_scale()
step_scale <- function() {
  new_step("scale", list())
}

pipeline_steps <- function(pipeline) {
  Filter(function(e) inherits(e, "smotelab_step"), pipeline$elements)
}

pipeline_model <- function(pipeline) {
  pipeline$elements[[length(pipeline$elements)]]
}

# The core's view of a pipeline: plain lists of typed parameters, with the
# outcome levels (the event second) to resolve sampling strategies and to
# name classes in messages, and the design's categorical blocks (see
# blueprint_blocks()) for the categorical steps.
spec_to_core <- function(pipeline, levels, rng = "smotelab", blocks = NULL) {
  list(
    steps = unname(lapply(pipeline_steps(pipeline), step_to_core, levels = levels)),
    model = model_to_core(pipeline_model(pipeline), levels),
    class_names = levels,
    numpy_rng = identical(rng, "numpy"),
    calibration = calibration_to_core(pipeline_model(pipeline)),
    categorical = blocks %||% list(first = integer(), width = integer())
  )
}

step_to_core <- function(step, levels) {
  params <- step$params
  # Every strategy, e.g. a SMOTE-ENN step's `enn_sampling_strategy` too.
  for (name in grep("sampling_strategy$", names(params), value = TRUE)) {
    params[[name]] <- sampling_to_core(params[[name]], levels)
  }
  # A step that fits a model (instance hardness) holds it as a model element.
  if (inherits(params$model, "smotelab_model")) params$model <- model_to_core(params$model, levels)
  c(list(type = step$type), params)
}

# Named class counts in a step's sampling_strategy must name outcome levels;
# only the data tell which, so this runs when a pipeline meets its data.
# Elements inside an element (a bagging model's sampler and model) are
# checked too, named by their path.
check_pipeline_levels <- function(pipeline, levels, call = caller_env()) {
  check_elements_levels(pipeline$elements, levels, call)
  invisible(pipeline)
}

check_elements_levels <- function(elements, levels, call, prefix = "") {
  for (name in names(elements)) {
    element <- elements[[name]]
    check_elements_levels(element_parts(element), levels, call, prefix = paste0(prefix, name, "$"))
    cleaning <- element_type(element$type)$cleaning
    if (!is.null(cleaning)) {
      check_sampling_strategy(element$params[[cleaning]], "clean",
        levels = levels, arg = paste0(prefix, name, "$", cleaning), call = call
      )
    }
    direction <- element_type(element$type)$sampling
    if (is.null(direction)) next
    check_sampling_strategy(element$params$sampling_strategy, direction,
      levels = levels, binary = TRUE,
      arg = paste0(prefix, name, "$sampling_strategy"), call = call
    )
  }
}

# The pipeline elements an element holds, named; most hold none.
element_parts <- function(element) UseMethod("element_parts")

#' @export
element_parts.default <- function(element) list()

# `levels` are the outcome levels (the event second), for a model that holds
# a sampling strategy.
model_to_core <- function(model, levels) UseMethod("model_to_core")

# Checks of a model against the design it will see (e.g. mtry against the
# number of columns); most models need none.
model_check_columns <- function(model, columns, call = caller_env()) UseMethod("model_check_columns")

#' @export
model_check_columns.default <- function(model, columns, call = caller_env()) invisible(model)

#' @export
format.smotelab_step <- function(x, ...) {
  params <- x$params
  if (length(params) == 0) {
    return(x$type)
  }
  shown <- vapply(params, format_param, character(1))
  paste0(x$type, "(", paste(names(params), shown, sep = " = ", collapse = ", "), ")")
}

format_param <- function(v) {
  if (is.null(v)) {
    return("NULL")
  }
  if (inherits(v, "smotelab_model")) {
    return(format(v))
  }
  if (is.character(v) && is.null(names(v))) {
    return(paste0("\"", v, "\"", collapse = ", "))
  }
  if (!is.null(names(v))) {
    return(paste0("c(", paste(names(v), format(v), sep = " = ", collapse = ", "), ")"))
  }
  paste(format(v), collapse = ", ")
}

#' @export
print.smotelab_step <- function(x, ...) {
  cat("<smotelab step> ", format(x), "\n", sep = "")
  invisible(x)
}

#' @export
format.smotelab_pipeline <- function(x, ...) {
  labels <- vapply(x$elements, format, character(1))
  paste0(names(x$elements), ": ", labels)
}

#' @export
print.smotelab_pipeline <- function(x, ...) {
  cat("<smotelab pipeline> ", length(x$elements), " element", if (length(x$elements) > 1) "s", "\n", sep = "")
  cat(paste0("  ", seq_along(x$elements), ". ", format(x), collapse = "\n"), "\n", sep = "")
  invisible(x)
}
