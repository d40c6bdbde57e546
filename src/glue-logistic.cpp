// Glue for logistic regression: its options from R, and its fit to and from
// plain R vectors, so a fitted model survives saveRDS(). Aliased coefficients
// travel as NA, as glm() reports them.
#include "glue.h"
#include "glue-pipeline.h"

using Rcpp::List;
using Rcpp::Named;

smotelab::LogisticOptions glue::logistic_spec_from_r(const List& model) {
  smotelab::LogisticOptions opt;
  opt.C = Rcpp::as<double>(model["C"]);
  opt.balanced = Rcpp::as<bool>(model["balanced"]);
  return opt;
}

List glue::logistic_state_to_r(const smotelab::LogisticFit& f) {
  Rcpp::NumericVector coef = Rcpp::wrap(f.coef);
  for (R_xlen_t j = 0; j < coef.size(); ++j)
    if (f.aliased[j]) coef[j] = NA_REAL;
  return List::create(Named("type") = "logistic", Named("intercept") = f.intercept, Named("coef") = coef,
                      Named("iterations") = f.iterations, Named("converged") = f.converged,
                      Named("separated") = f.separated, Named("objective") = f.objective);
}

smotelab::LogisticFit glue::logistic_state_from_r(const List& s) {
  smotelab::LogisticFit fit;
  fit.intercept = Rcpp::as<double>(s["intercept"]);
  Rcpp::NumericVector coef = s["coef"];
  fit.coef.resize(coef.size());
  fit.aliased.resize(coef.size());
  for (R_xlen_t j = 0; j < coef.size(); ++j) {
    fit.aliased[j] = Rcpp::NumericVector::is_na(coef[j]);
    fit.coef(j) = fit.aliased[j] ? 0.0 : coef[j];
  }
  return fit;
}
