#' smotelab: SMOTE and imbalanced binary classification with a fast C++ core
#'
#' smotelab teaches and does imbalanced classification the right way: resampling
#' inside cross-validation, models with class weights, and metrics that do not
#' hide a rare class. See `vignette("lesson-01-baseline", package = "smotelab")` to
#' start the course.
#'
#' @section Threads:
#' Functions with an `n_threads` argument resolve it as: the argument, then
#' `getOption("smotelab.threads")`, then the environment variable
#' `SMOTELAB_THREADS`, then `RcppParallel::defaultNumThreads()`. Results are
#' identical for any number of threads. A request above the machine's cores
#' is capped at them, with a warning of class `smotelab_warning_threads` once
#' per session; a value that is not a positive whole number is an error of
#' class `smotelab_error_threads` that says where it came from.
#'
#' @section Random streams:
#' By default smotelab draws from its own parallel streams. With
#' `options(smotelab.rng = "numpy")` (or `rng = "numpy"` in a call) the data
#' generator, splits, folds, SMOTE and the random samplers draw exactly as
#' numpy's legacy `RandomState` inside scikit-learn and imbalanced-learn, so
#' the same seed gives the same rows as the Python code; see [smotelab-rng].
#'
#' @keywords internal
#' @useDynLib smotelab, .registration = TRUE
#' @importFrom Rcpp sourceCpp
#' @importFrom rlang caller_env %||% .data
#' @importFrom rlang abort caller_arg env_get_list is_call is_character is_closure is_environment is_formula
#' @importFrom rlang is_function is_list is_logical is_missing is_na is_null is_string is_symbol is_vector na_chr
#' @importFrom generics fit
#' @importFrom ggplot2 autoplot
#' @importFrom stats predict coef
"_PACKAGE"
