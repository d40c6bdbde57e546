#' Logistic regression
#'
#' Binary logistic regression with scikit-learn's objective: minimise
#' \eqn{\frac12 \lVert w \rVert^2 + C \sum_i s_i \, \mathrm{logloss}_i}, with the
#' intercept not penalised. It is solved by Newton's method to tight tolerance
#' in C++, so results equal scikit-learn's `LogisticRegression` at the optimum
#' (not the early stop of its default lbfgs solver).
#'
#' `C = Inf` is the unpenalised maximum-likelihood fit and equals [stats::glm()]
#' with `family = binomial`. As in `glm()`, a predictor that is a linear
#' combination of earlier ones is aliased: it is dropped, its coefficient is
#' `NA`, and the fit says so. Perfect separation has no finite solution with
#' `C = Inf`; the fit then warns, and a finite `C` is the remedy.
#'
#' @param C Inverse regularisation strength, a positive number or `Inf`.
#'   Smaller values mean a stronger ridge penalty.
#' @param class_weight `NULL` (every row weighs 1) or `"balanced"`: a row of
#'   class \eqn{k} weighs \eqn{n / (2 n_k)}, so both classes carry the same total
#'   weight.
#' @return A `smotelab_model` object for [imb_pipeline()].
#' @export
#' @examples
#' model_logistic(C = 0.5, class_weight = "balanced")
model_logistic <- function(C = 1, class_weight = NULL) {
  check_number_positive(C, allow_infinite = TRUE)
  if (!is.null(class_weight)) {
    class_weight <- check_choice(class_weight, "balanced")
  }
  new_model("logistic", list(C = C, class_weight = class_weight))
}

#' @export
model_to_core.smotelab_model_logistic <- function(model, levels) {
  list(type = "logistic", C = as.double(model$params$C), balanced = identical(model$params$class_weight, "balanced"))
}

#' @export
format.smotelab_model_logistic <- function(x, ...) {
  cw <- x$params$class_weight
  paste0(
    "logistic regression (C = ", format(x$params$C),
    if (!is.null(cw)) paste0(", class_weight = \"", cw, "\""), ")"
  )
}

#' @export
print.smotelab_model <- function(x, ...) {
  cat("<smotelab model> ", format(x), "\n", sep = "")
  invisible(x)
}

# What the fit of a logistic model tells the user: aliased columns, and
# results that are not a finite optimum.
#' @export
report_fit.smotelab_model_logistic <- function(model, fit) {
  state <- fit$state$model
  aliased <- fit$blueprint$columns[is.na(state$coef)]
  if (length(aliased)) {
    cli::cli_inform(
      c("i" = "{length(aliased)} predictor column{?s} {?is/are} a linear combination of earlier ones and {?was/were} dropped, as {.fn glm} does: {.val {aliased}}."), # nolint: line_length_linter.
      class = "smotelab_message_aliased"
    )
  }
  if (isTRUE(state$separated)) {
    warn_smotelab(
      c("Fitted probabilities are numerically 0 or 1 for some training rows.",
        "i" = "The classes are (quasi-)separated, so with {.code C = Inf} some coefficients have no finite value.",
        "i" = "Use a finite {.arg C} in {.fn model_logistic}."
      ),
      "separation"
    )
  } else if (!isTRUE(state$converged)) {
    warn_smotelab(
      "Logistic regression did not converge in {state$iterations} Newton iterations.",
      "convergence"
    )
  }
}

#' @export
state_coef.smotelab_model_logistic <- function(model, fit, call = caller_env()) {
  stats::setNames(c(fit$state$model$intercept, fit$state$model$coef), c("(Intercept)", fit$blueprint$columns))
}

#' @export
summarise_state.smotelab_model_logistic <- function(model, fit) {
  state <- fit$state$model
  list(
    coefficients = tibble::tibble(
      term = c("(Intercept)", fit$blueprint$columns),
      estimate = c(state$intercept, state$coef)
    ),
    iterations = state$iterations,
    converged = state$converged
  )
}

#' @export
print_state.smotelab_model_logistic <- function(model, fit) {
  cat("coefficients", if (length(fit$state$steps)) " (on the transformed scale)", ":\n", sep = "")
  print(signif(coef(fit), 4))
  invisible(NULL)
}
