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
#' identical for any number of threads.
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
#' @importFrom generics fit
#' @importFrom ggplot2 autoplot
#' @importFrom stats predict coef
"_PACKAGE"
