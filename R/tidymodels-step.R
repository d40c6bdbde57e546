#' Resample the training data in a recipe with a smotelab sampler
#'
#' `step_resample()` adds a step to a [recipes::recipe()] that resamples the
#' training rows with any smotelab sampler: [step_smote()],
#' [step_borderline_smote()], [step_adasyn()], [step_random_undersample()],
#' [step_tomek_links()], and every other `step_*()` sampler that
#' [imb_pipeline()] takes. The sampler runs on smotelab's C++ engine, the same
#' code that runs it inside [fit()] of a pipeline.
#'
#' As with themis's steps, resampling happens when the recipe is prepared
#' (and so in `bake(new_data = NULL)`), never on new data: with
#' `skip = TRUE`, `bake()` of new rows leaves them as they are.
#'
#' ## Seeds
#' The sampler runs with the stream that step 1 of a pipeline fitted with
#' `fit(seed = seed)` uses. So a recipe with `step_resample(sampler = s, seed
#' = 1)` gives the model the rows that `fit(imb_pipeline(resample = s, clf =
#' ...), seed = 1)` gives its model, and a logistic regression fitted on them
#' predicts exactly the same. With `rng = "numpy"` (or
#' `options(smotelab.rng = "numpy")`), SMOTE and the random samplers take
#' `seed` as an imbalanced-learn `random_state`, afresh at every `prep()`, as
#' [cross_validate()] does with `rng = "numpy"` in every fold.
#'
#' ## Tuning
#' Arguments of the sampler may be [tune::tune()] placeholders, for instance
#' `sampler = step_smote(k_neighbors = tune(), sampling_strategy = tune())`;
#' `tunable()` offers `k_neighbors`, `n_neighbors` and `m_neighbors` as
#' [dials::neighbors()] (1 to 10) and `sampling_strategy` as
#' [dials::over_ratio()] (0.5 to 1: the ratio of minority to majority rows
#' after resampling, as a number `sampling_strategy` means).
#'
#' ## Predictors
#' [step_smote_nc()], [step_smoten()], [step_random_oversample()],
#' [step_random_undersample()] and [step_rose()] take factor, character and
#' logical predictors, as their functions do, and give the rows those
#' functions give; a factor comes back a factor with its levels. The other
#' samplers work on numbers: turn factors into indicator columns first (for
#' example with [recipes::step_dummy()]). Every column of the data must be a
#' predictor or the outcome, since an under-sampler drops rows and a synthetic
#' row has no value for other columns.
#'
#' With both smotelab and themis attached, `step_smote()` may mean themis's
#' step; `sampler` refuses it and asks for `smotelab::step_smote()`.
#'
#' @param recipe A recipe.
#' @param ... One selector for the outcome column, a factor with two levels.
#' @param sampler A smotelab sampler element, such as
#'   `step_smote(sampling_strategy = 0.75)`; its arguments may be
#'   `tune()` placeholders.
#' @param role Not used: the step adds no columns.
#' @param trained Whether the step has been prepared (set by recipes).
#' @param skip Whether `bake()` of new data skips the step; keep `TRUE`, so
#'   that only the training rows are resampled.
#' @param seed A whole number: fixes the sampler's random draws. The default
#'   draws one from R's generator when the step is created.
#' @param rng `NULL` (take `getOption("smotelab.rng", "smotelab")`),
#'   `"smotelab"` or `"numpy"`; see Seeds.
#' @param n_threads Number of threads; `NULL` resolves as described in
#'   [smotelab-package]. Results do not depend on it.
#' @param id A character string that is unique to this step.
#' @return The recipe with the step added. `tidy()` of the step returns a
#'   tibble with the outcome column (`terms`), the `sampler`, the `seed` and
#'   the `id`; once prepared, one row per class with its number of training
#'   rows (`n`).
#' @export
#' @examplesIf rlang::is_installed("recipes")
#' d <- make_imbalanced(n_samples = 500, seed = 1)
#' rec <- recipes::recipe(class ~ ., data = d) |>
#'   step_resample(class, sampler = step_smote(sampling_strategy = 0.75), seed = 1)
#' prepped <- recipes::prep(rec)
#' table(recipes::bake(prepped, new_data = NULL)$class)
#' nrow(recipes::bake(prepped, new_data = d))
#' recipes::tidy(prepped, number = 1)
step_resample <- function(recipe, ..., sampler = step_smote(sampling_strategy = 0.75), role = NA, trained = FALSE,
                          skip = TRUE, seed = sample.int(10^5, 1), rng = NULL, n_threads = NULL,
                          id = NULL) {
  rlang::check_installed("recipes", reason = "to use `step_resample()`.")
  call <- rlang::current_env()
  captured <- capture_sampler(rlang::enquo(sampler), call)
  if (!is_tune(seed)) check_number_whole(seed, min = 0, call = call, class = argument_error)
  if (!is.null(rng)) resolve_rng(rng, call = call)
  if (!is.null(n_threads)) resolve_threads(n_threads, call = call)
  recipes::add_step(recipe, new_step_resample(
    terms = rlang::enquos(...), role = role, trained = trained, sampler_type = captured$type,
    sampler_object = captured$object, sampler_args = captured$args, seed = seed, rng = rng,
    n_threads = n_threads, column = NULL, predictors = NULL, levels = NULL, counts = NULL, skip = skip,
    id = id %||% recipes::rand_id("resample")
  ))
}

# The sampler's own arguments are fields of the step, so that recipes'
# tune_args() finds tune() placeholders in them and update() sets them. A
# field is NULL when the call left the argument to the sampler's default.
new_step_resample <- function(terms, role, trained, sampler_type, sampler_object, sampler_args, seed, rng, n_threads,
                              column, predictors, levels, counts, skip, id) {
  fields <- list(
    terms = terms, role = role, trained = trained, sampler_type = sampler_type, sampler_object = sampler_object,
    sampler_arg_names = names(sampler_args), seed = seed, rng = rng, n_threads = n_threads, column = column,
    predictors = predictors, levels = levels, counts = counts, skip = skip, id = id
  )
  clash <- intersect(names(sampler_args), names(fields))
  if (length(clash)) {
    cli::cli_abort("Sampler argument{?s} {.arg {clash}} clash{?es/} with the step's fields.", .internal = TRUE)
  }
  step <- c(fields, sampler_args)
  class(step) <- c("step_resample", "step")
  step
}

# What `sampler` is: a call to a smotelab sampler constructor (whose
# arguments are kept, tune() placeholders unevaluated), or any expression
# that evaluates to a smotelab sampler element (kept whole, not tunable).
# themis's and recipes' steps are refused before they are evaluated: themis
# exports step_smote() too, and a user with both attached gets it unawares.
capture_sampler <- function(quo, call) {
  expr <- rlang::quo_get_expr(quo)
  env <- rlang::quo_get_env(quo)
  if (rlang::is_call(expr) && !rlang::is_call(expr, c("::", ":::"))) {
    fn <- tryCatch(rlang::eval_tidy(expr[[1]], env = env), error = function(e) NULL)
    type <- sampler_type_of(fn)
    if (!is.null(type)) {
      args <- rlang::call_args(rlang::call_match(expr, fn))
      args <- lapply(args, function(a) if (is_tune(a)) a else rlang::eval_tidy(a, env = env))
      check_sampler_element(do.call(fn, Filter(function(a) !is_tune(a), args)), call)
      formals_all <- setdiff(names(formals(fn)), "...")
      full <- stats::setNames(vector("list", length(formals_all)), formals_all)
      full[names(args)] <- args
      return(list(type = type, object = NULL, args = full))
    }
    if (is.function(fn)) refuse_foreign_sampler(fn, expr, call)
  }
  value <- rlang::eval_tidy(quo)
  if (is.function(value)) refuse_foreign_sampler(value, expr, call)
  check_sampler_element(value, call)
  list(type = value$type, object = value, args = list())
}

is_tune <- function(x) rlang::is_call(x, "tune", ns = c("", "tune"))

# The element type whose constructor `fn` is, or NULL.
sampler_type_of <- function(fn) {
  if (!is.function(fn)) {
    return(NULL)
  }
  for (type in names(element_types())) {
    if (identical(fn, element_constructor(type))) {
      return(type)
    }
  }
  NULL
}

refuse_foreign_sampler <- function(fn, expr, call) {
  from <- environmentName(environment(fn))
  if (!from %in% c("themis", "recipes")) {
    return(invisible())
  }
  named <- rlang::is_call(expr) && !rlang::is_call(expr, c("::", ":::"))
  shown <- rlang::expr_deparse(if (named) expr[[1]] else expr)
  abort_smotelab(
    c("{.arg sampler} must be a smotelab sampler element, not {from}'s {.code {shown}}.",
      "i" = "With {from} attached, write {.code smotelab::step_smote()} (or another {.code smotelab::step_*()})."
    ),
    "type",
    call = call
  )
}

check_sampler_element <- function(x, call) {
  if (!inherits(x, "smotelab_step") || identical(x$type, "scale")) {
    abort_smotelab(
      c("{.arg sampler} must be a smotelab sampler element such as {.code step_smote()}, not {.obj_type_friendly {x}}.",
        "i" = if (inherits(x, "smotelab_step")) "{.fn step_scale} transforms predictors; it does not resample."
      ),
      "type",
      call = call
    )
  }
  invisible(x)
}

# The sampler element with the step's current arguments.
resample_sampler <- function(x, call = caller_env()) {
  if (!is.null(x$sampler_object)) {
    return(x$sampler_object)
  }
  args <- x[x$sampler_arg_names]
  untuned <- names(args)[vapply(args, is_tune, logical(1))]
  if (length(untuned)) {
    abort_smotelab(
      c("The sampler's {.arg {untuned}} must be given a value before the recipe is prepared.",
        "i" = "{.fn tune::tune_grid} or {.fn tune::finalize_recipe} fill {.code tune()} placeholders."
      ),
      "argument",
      call = call
    )
  }
  do.call(element_constructor(x$sampler_type), Filter(Negate(is.null), args))
}

#' @exportS3Method recipes::prep
prep.step_resample <- function(x, training, info = NULL, ...) {
  call <- rlang::current_env()
  column <- recipes::recipes_eval_select(x$terms, training, info)
  if (length(column) != 1) {
    abort_smotelab(
      c("{.fn step_resample} must select exactly one outcome column.", "x" = "It selected {length(column)}."),
      "columns",
      call = call
    )
  }
  lev <- outcome_levels_of(training[[column]], column, call)
  predictors <- setdiff(names(training), column)
  check_resample_predictors(training[predictors], x$sampler_type, call)
  resample_sampler(x, call)
  new_step_resample(
    terms = x$terms, role = x$role, trained = TRUE, sampler_type = x$sampler_type,
    sampler_object = x$sampler_object, sampler_args = x[x$sampler_arg_names], seed = x$seed, rng = x$rng,
    n_threads = x$n_threads, column = column, predictors = predictors, levels = lev,
    counts = as.vector(table(factor(as.character(training[[column]]), levels = lev))), skip = x$skip, id = x$id
  )
}

#' @exportS3Method recipes::bake
bake.step_resample <- function(object, new_data, ...) {
  call <- rlang::current_env()
  column <- object$column
  others <- setdiff(names(new_data), c(column, object$predictors))
  if (length(others)) {
    abort_smotelab(
      c("{.fn step_resample} needs every column to be a predictor or the outcome.",
        "x" = "{.arg new_data} has {length(others)} other column{?s}: {.field {others}}."
      ),
      "columns",
      call = call
    )
  }
  y <- factor(as.character(new_data[[column]]), levels = object$levels)
  check_no_missing(y, call = call, what = cli::format_inline("The outcome column {.field {column}}"))
  pipeline <- imb_pipeline(resample = resample_sampler(object, call), clf = model_logistic())
  check_pipeline_levels(pipeline, object$levels, call = call)
  rng <- resolve_rng(object$rng, call = call)
  seed <- resolve_rng_seed(object$seed, rng, call = call)
  n_threads <- resolve_threads(object$n_threads, call = call)
  predictors <- new_data[setdiff(names(new_data), column)]
  numeric <- vapply(predictors, function(v) is.numeric(v) && !is.factor(v), logical(1))
  resampled <- if (all(numeric)) {
    x <- numeric_predictors(new_data, column, "step_resample", call = call)
    spec <- spec_to_core(pipeline, object$levels, rng)
    res <- with_core(pipeline_resample_cpp(spec, x, as.integer(y) - 1L, seed, n_threads), call = call)
    list(columns = stats::setNames(res$columns, names(x)), y = res$y)
  } else {
    resample_categorical(pipeline, predictors, y, rng, seed, n_threads, call)
  }
  out <- resampled$columns
  out[[column]] <- factor(object$levels[resampled$y + 1L], levels = object$levels)
  tibble::as_tibble(out[names(new_data)])
}

# The samplers whose own functions (smote_nc(), smoten(), random_oversample(),
# random_undersample(), rose()) take factor, character and logical
# predictors; the others work on numbers only.
categorical_samplers <- c("smote_nc", "smoten", "random_over", "random_under", "rose")

check_resample_predictors <- function(predictors, type, call) {
  ok <- vapply(predictors, function(v) {
    (is.numeric(v) && !is.factor(v)) || (type %in% categorical_samplers && is_categorical(v))
  }, logical(1))
  if (all(ok)) {
    return(invisible())
  }
  bad <- names(predictors)[!ok]
  abort_smotelab(
    c("{.fn step_resample} can't give non-numeric predictors to this sampler.",
      column_bullets(bad, "is {.obj_type_friendly {predictors[[bad[[i]]]]}}"),
      "i" = "Turn factors into indicator columns first (e.g. with {.fn recipes::step_dummy}), or use a sampler that takes them: {.fn step_smote_nc}, {.fn step_smoten}, {.fn step_random_oversample}, {.fn step_random_undersample} or {.fn step_rose}." # nolint: line_length_linter.
    ),
    "type",
    call = call
  )
}

# Categorical predictors go through the design fit() builds (one 0/1 column
# per non-reference level, each factor one block for the categorical
# samplers) and come back with their own type, so the rows are those the
# sampler's own function gives. Positional names keep any column name valid
# in the blueprint's formula.
resample_categorical <- function(pipeline, predictors, y, rng, seed, n_threads, call) {
  data <- stats::setNames(predictors, paste0("v", seq_along(predictors)))
  data$.y <- y
  bp <- blueprint_make(.y ~ ., data, call = call)
  x <- blueprint_columns(bp, data, n_threads, call = call)
  spec <- spec_to_core(pipeline, levels(y), rng, blueprint_blocks(bp))
  res <- with_core(pipeline_resample_cpp(spec, x, as.integer(y) - 1L, seed, n_threads), call = call)
  design <- stats::setNames(res$columns, bp$columns)
  out <- lapply(seq_along(predictors), function(i) {
    v <- bp$predictors[[i]]
    switch(bp$types[[v]],
      numeric = design[[v]],
      logical = design[[v]] == 1,
      factor = {
        code <- integer(length(res$y))
        for (j in seq_along(bp$levels[[v]])[-1]) code[design[[paste0(v, bp$levels[[v]][j])]] == 1] <- j - 1L
        level_values(predictors[[i]], code)
      }
    )
  })
  list(columns = stats::setNames(out, names(predictors)), y = res$y)
}

# How print() and tidy() name the step's sampler: its format(), or only its
# type while it can't be made yet (a tune() placeholder among its arguments).
sampler_label <- function(x) {
  tryCatch(format(resample_sampler(x)), error = function(e) paste0("step_", x$sampler_type, "()"))
}

#' @export
print.step_resample <- function(x, width = max(20, options()$width - 30), ...) {
  sampler <- sampler_label(x)
  title <- paste0("Resampling with ", sampler, " based on ")
  recipes::print_step(x$column, x$terms, x$trained, title, width)
  invisible(x)
}

#' @exportS3Method generics::tidy
tidy.step_resample <- function(x, ...) {
  sampler <- sampler_label(x)
  if (isTRUE(x$trained)) {
    return(tibble::tibble(
      terms = x$column, sampler = sampler, seed = x$seed, class = x$levels, n = x$counts, id = x$id
    ))
  }
  terms <- vapply(x$terms, function(q) rlang::as_label(q), character(1))
  tibble::tibble(terms = unname(terms), sampler = sampler, seed = x$seed, id = x$id)
}

#' @exportS3Method generics::required_pkgs
required_pkgs.step_resample <- function(x, ...) "smotelab"

#' @exportS3Method generics::tunable
tunable.step_resample <- function(x, ...) {
  params <- intersect(x$sampler_arg_names, names(tunable_sampler_params))
  # tune asks for this at every fold and grid point: skip tibble()'s checks.
  tibble::new_tibble(list(
    name = params,
    call_info = unname(tunable_sampler_params[params]),
    source = rep("recipe", length(params)),
    component = rep("step_resample", length(params)),
    component_id = rep(x$id, length(params))
  ), nrow = length(params))
}

tunable_sampler_params <- list(
  k_neighbors = list(pkg = "dials", fun = "neighbors", range = c(1L, 10L)),
  n_neighbors = list(pkg = "dials", fun = "neighbors", range = c(1L, 10L)),
  m_neighbors = list(pkg = "dials", fun = "neighbors", range = c(1L, 10L)),
  sampling_strategy = list(pkg = "dials", fun = "over_ratio", range = c(0.5, 1))
)
