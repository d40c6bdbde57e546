# Case weights of metrics: one finite number >= 0 per row, not all 0, as
# scikit-learn's sample_weight (a row of weight 0 counts as absent). Returns
# a double vector, or NULL for none.
check_metric_weights <- function(case_weights, n, call = caller_env()) {
  if (is.null(case_weights)) {
    return(NULL)
  }
  check_case_weight_values(case_weights, n,
    allow_zero = TRUE,
    length_problem = c("{.arg case_weights} must have one value per row scored.",
      "x" = "It has {length(w)} value{?s}; there {cli::qty(n)}{?is/are} {n} row{?s}."
    ),
    range_problem = "Every case weight of a metric must be a finite number >= 0.",
    call = call
  )
  if (n > 0 && !any(case_weights > 0)) {
    abort_smotelab("{.arg case_weights} must not all be 0: no row would count.", "argument", call = call)
  }
  as.double(case_weights)
}

# `weighted` of cross_validate() and grid_search(): TRUE needs case weights.
check_weighted <- function(weighted, case_weights, call = caller_env()) {
  check_bool(weighted, call = call, class = argument_error)
  if (weighted && is.null(case_weights)) {
    abort_smotelab(
      c("{.code weighted = TRUE} can't score held-out rows without {.arg case_weights}.",
        "i" = "Give the weights as a column name or one value per row."
      ),
      "argument",
      call = call
    )
  }
  weighted
}
