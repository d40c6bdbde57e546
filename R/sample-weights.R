# Case weights through the standalone resamplers. The weights leave `data`
# before the resampler sees it (a weight column is not a predictor) and come
# back as a column of the result, carried by the engine's own rule
# (carry_case_weights() in the core): kept rows keep their weight, copies
# copy it, interpolated rows interpolate it with their features' gap.

# `values` (NULL for none), `data` without a weight column, and the column
# that carries the weights out: the named column, in its place, or
# `.case_weight` last.
sampler_weights <- function(case_weights, data, call = caller_env()) {
  resolved <- resolve_case_weights(case_weights, data, call = call)
  if (is.null(resolved$values)) {
    return(resolved)
  }
  name <- if (is.character(case_weights)) case_weights else ".case_weight"
  if (!is.character(case_weights) && name %in% names(data)) {
    abort_smotelab(
      c("{.arg data} can't have a column {.val {name}} when {.arg case_weights} is a vector.",
        "i" = "Name the weight column instead: {.code case_weights = \"{name}\"}."
      ),
      "columns",
      call = call
    )
  }
  c(resolved, list(name = name, position = match(name, names(data))))
}

# Adds the weights of the resampled rows to `result`: `keep` (1-based rows
# kept, in output order, or NULL for all in order), then the new rows of
# `res` (seed_row, neighbour_row, gap as the resampler glue returns them).
with_carried_weights <- function(result, weights, keep = NULL, res = NULL, call = caller_env()) {
  if (is.null(weights$values)) {
    return(result)
  }
  carried <- with_core(
    carry_case_weights_cpp(weights$values, keep, res$seed_row, res$neighbour_row, res$gap),
    call = call
  )
  result[[weights$name]] <- carried
  if (!is.na(weights$position)) {
    others <- setdiff(names(result), weights$name)
    result <- result[append(others, weights$name, after = weights$position - 1L)]
  }
  result
}

# What an under-sampler returns: the rows `keep` (1-based, in output order) of
# `data` as a tibble, with their case weights.
kept_rows <- function(data, keep, weights, call) {
  with_carried_weights(tibble::as_tibble(data)[keep, , drop = FALSE], weights, keep = keep, call = call)
}
