#' Pima Indians diabetes data
#'
#' Diagnostic measurements of 768 women of Pima Indian heritage, at least 21
#' years old, living near Phoenix, Arizona, and whether each tested positive
#' for diabetes. About 35% of the rows (268 of 768) are positive, so the data
#' are moderately imbalanced: the real-data companion to
#' [make_imbalanced()] in the course.
#'
#' @section Zeros are missing values:
#' Five measurements cannot be zero in a living person, yet the data record
#' zeros where a value was not measured: `glucose` (5 rows), `pressure`
#' (35), `triceps` (227), `insulin` (374) and `mass` (11); 376 rows have at
#' least one such zero.
#'
#' @section What "cleaned" means here:
#' Only types and names are tidied: the data are a tibble, every predictor is
#' a double and `diabetes` is a factor with levels `neg` and `pos`. All 768
#' rows and all recorded values are kept, zeros included. Nothing is imputed,
#' because imputing before a train/test split lets the test rows shape the
#' values the model trains on, which is a leak. A rule that uses no statistics
#' of the data can run before the split: `vignette("pima", package =
#' "smotelab")` drops `triceps` and `insulin`, where zeros are common, and the
#' few rows with a zero in `glucose`, `pressure` or `mass`. Anything fitted
#' to the data, such as an imputation, belongs inside the modelling pipeline,
#' fitted on training rows only.
#'
#' @format A tibble with 768 rows and 9 columns:
#' \describe{
#'   \item{pregnant}{Number of times pregnant.}
#'   \item{glucose}{Plasma glucose concentration two hours into an oral
#'     glucose tolerance test (mg/dl).}
#'   \item{pressure}{Diastolic blood pressure (mm Hg).}
#'   \item{triceps}{Triceps skin fold thickness (mm).}
#'   \item{insulin}{Two-hour serum insulin (mu U/ml).}
#'   \item{mass}{Body mass index (weight in kg / (height in m)^2).}
#'   \item{pedigree}{Diabetes pedigree function, a unitless score of
#'     diabetes in the family history.}
#'   \item{age}{Age (years).}
#'   \item{diabetes}{Test result for diabetes, a factor with levels `neg`
#'     and `pos`; `pos` (the second level) is the event class.}
#' }
#'
#' @source The National Institute of Diabetes and Digestive and Kidney
#'   Diseases, donated to the UCI Machine Learning Repository by Vincent
#'   Sigillito, as distributed in the R package mlbench
#'   (`mlbench::PimaIndiansDiabetes`). The script that builds this data set
#'   is `data-raw/pima.R` in the package sources.
#'
#' @references
#' Smith, J. W., Everhart, J. E., Dickson, W. C., Knowler, W. C. and
#' Johannes, R. S. (1988). Using the ADAP learning algorithm to forecast the
#' onset of diabetes mellitus. *Proceedings of the Annual Symposium on
#' Computer Application in Medical Care*, 261-265.
#'
#' @examples
#' pima
#' table(pima$diabetes)
#' colSums(pima[c("glucose", "pressure", "triceps", "insulin", "mass")] == 0)
"pima"
