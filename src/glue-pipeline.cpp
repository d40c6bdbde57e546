// Glue for the pipeline engine: R lists <-> core structs. Fitted pipelines
// travel back to R as plain lists of vectors, so they survive saveRDS().
#include "glue.h"
#include "glue-pipeline.h"

using Rcpp::List;
using Rcpp::Named;

namespace {

smotelab::StepSpec step_spec_from_r(const List& step) {
  const std::string type = Rcpp::as<std::string>(step["type"]);
  if (type == "scale") return smotelab::ScaleSpec{};
  if (type == "smote") {
    return smotelab::SmoteSpec{Rcpp::as<int>(step["k_neighbors"]), glue::strategy_from_r(step["sampling_strategy"])};
  }
  if (type == "borderline_smote") {
    const std::string kind = Rcpp::as<std::string>(step["kind"]);
    return smotelab::BorderlineSpec{Rcpp::as<int>(step["k_neighbors"]), Rcpp::as<int>(step["m_neighbors"]),
                                    kind == "borderline-2" ? smotelab::BorderlineKind::borderline_2
                                                           : smotelab::BorderlineKind::borderline_1,
                                    glue::strategy_from_r(step["sampling_strategy"])};
  }
  if (type == "adasyn") {
    return smotelab::AdasynSpec{Rcpp::as<int>(step["n_neighbors"]), glue::strategy_from_r(step["sampling_strategy"])};
  }
  if (type == "random_over") return smotelab::RandomOverSpec{glue::strategy_from_r(step["sampling_strategy"])};
  if (type == "random_under") return smotelab::RandomUnderSpec{glue::strategy_from_r(step["sampling_strategy"])};
  Rcpp::stop("unknown step type '%s'", type);
}

smotelab::ModelSpec model_spec_from_r(const List& model) {
  const std::string type = Rcpp::as<std::string>(model["type"]);
  if (type == "logistic") {
    smotelab::LogisticOptions opt;
    opt.C = Rcpp::as<double>(model["C"]);
    opt.balanced = Rcpp::as<bool>(model["balanced"]);
    return opt;
  }
  if (type == "forest") return glue::forest_spec_from_r(model);
  if (type == "boost") return glue::boost_spec_from_r(model);
  Rcpp::stop("unknown model type '%s'", type);
}

}  // namespace

smotelab::PipelineSpec glue::spec_from_r(const List& spec) {
  smotelab::PipelineSpec out;
  const List steps = spec["steps"];
  for (R_xlen_t i = 0; i < steps.size(); ++i) out.steps.push_back(step_spec_from_r(steps[i]));
  out.model = model_spec_from_r(spec["model"]);
  out.class_names = Rcpp::as<std::vector<std::string>>(spec["class_names"]);
  if (spec.containsElementNamed("numpy_rng")) out.numpy_rng = Rcpp::as<bool>(spec["numpy_rng"]);
  return out;
}

namespace {

struct StateToR {
  List operator()(const smotelab::ScaleState& s) const {
    return List::create(Named("type") = "scale", Named("center") = Rcpp::wrap(s.center),
                        Named("scale") = Rcpp::wrap(s.scale));
  }
  List operator()(const smotelab::LogisticFit& f) const {
    Rcpp::NumericVector coef = Rcpp::wrap(f.coef);
    for (R_xlen_t j = 0; j < coef.size(); ++j)
      if (f.aliased[j]) coef[j] = NA_REAL;
    return List::create(Named("type") = "logistic", Named("intercept") = f.intercept, Named("coef") = coef,
                        Named("iterations") = f.iterations, Named("converged") = f.converged,
                        Named("separated") = f.separated, Named("objective") = f.objective);
  }
  List operator()(const smotelab::ForestFit& f) const { return glue::forest_state_to_r(f); }
  List operator()(const smotelab::BoostFit& f) const { return glue::boost_state_to_r(f); }
};

smotelab::StepState step_state_from_r(const List& s) {
  const std::string type = Rcpp::as<std::string>(s["type"]);
  if (type == "scale") {
    return smotelab::ScaleState{Rcpp::as<Eigen::VectorXd>(s["center"]), Rcpp::as<Eigen::VectorXd>(s["scale"])};
  }
  Rcpp::stop("unknown fitted step type '%s'", type);
}

smotelab::ModelState model_state_from_r(const List& s) {
  const std::string type = Rcpp::as<std::string>(s["type"]);
  if (type == "logistic") {
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
  if (type == "forest") return glue::forest_state_from_r(s);
  if (type == "boost") return glue::boost_state_from_r(s);
  Rcpp::stop("unknown fitted model type '%s'", type);
}

}  // namespace

// `columns` is a list of double vectors, the design's columns; they are read
// in place, never copied into one matrix. They come from blueprint_columns(),
// which has checked that every value is finite, so the core does not scan
// them again.
// [[Rcpp::export(rng = false)]]
List pipeline_fit_cpp(const List& spec, const List& columns, const Eigen::Map<Eigen::VectorXi> y, double seed,
                      int n_threads) {
  smotelab::Columns X = glue::columns_from_r(columns, y.size());
  const smotelab::FittedPipeline fitted = smotelab::fit_pipeline(glue::spec_from_r(spec), X.checked_finite(), y,
                                                                 glue::seed_from_r(seed), glue::executor(n_threads));
  List steps(fitted.steps.size());
  for (std::size_t i = 0; i < fitted.steps.size(); ++i) steps[i] = std::visit(StateToR{}, fitted.steps[i]);
  return List::create(Named("steps") = steps, Named("model") = std::visit(StateToR{}, fitted.model),
                      Named("fit_counts") = Rcpp::IntegerVector(fitted.fit_counts.begin(), fitted.fit_counts.end()));
}

// [[Rcpp::export(rng = false)]]
Rcpp::NumericVector pipeline_predict_cpp(const List& state, const List& columns, int n_rows, int n_threads) {
  smotelab::FittedPipeline fitted;
  const List steps = state["steps"];
  for (R_xlen_t i = 0; i < steps.size(); ++i) fitted.steps.push_back(step_state_from_r(steps[i]));
  fitted.model = model_state_from_r(state["model"]);
  Rcpp::NumericVector prob(n_rows);
  Eigen::Map<Eigen::VectorXd> out(prob.begin(), prob.size());
  smotelab::predict_pipeline(fitted, glue::columns_from_r(columns, n_rows), out, glue::executor(n_threads));
  return prob;
}

// 1-based index of the first column holding NA, NaN or an infinite value; 0 if
// none. `columns` are double vectors of n_rows values. The scan reads every
// value once, so it is shared between threads in pieces of whole columns'
// row ranges; x * 0 is NaN exactly when x is not finite, and sums of those
// vectorise where a test per value would not.
// [[Rcpp::export(rng = false)]]
int first_nonfinite_cpp(const List& columns, double n_rows, int n_threads) {
  const smotelab::Columns X = glue::columns_from_r(columns, static_cast<R_xlen_t>(n_rows));
  const std::size_t n = static_cast<std::size_t>(X.rows());
  constexpr std::size_t kPiece = 1 << 16;
  const std::size_t pieces = (n + kPiece - 1) / kPiece;
  std::vector<char> bad(static_cast<std::size_t>(X.cols()) * pieces, 0);
  glue::executor(n_threads)(bad.size(), 1, [&](std::size_t begin, std::size_t end) {
    for (std::size_t t = begin; t < end; ++t) {
      const double* col = X.col(static_cast<Eigen::Index>(t / pieces)).data();
      const std::size_t first = (t % pieces) * kPiece, last = std::min(n, first + kPiece);
      double acc[4] = {0, 0, 0, 0};
      std::size_t i = first;
      for (; i + 4 <= last; i += 4)
        for (int k = 0; k < 4; ++k) acc[k] += col[i + k] * 0.0;
      for (; i < last; ++i) acc[0] += col[i] * 0.0;
      bad[t] = std::isnan((acc[0] + acc[1]) + (acc[2] + acc[3]));
    }
  });
  for (std::size_t t = 0; t < bad.size(); ++t)
    if (bad[t]) return static_cast<int>(t / pieces) + 1;
  return 0;
}

// The seed pipeline step `index` (0-based) runs with when the pipeline is
// fitted with `seed`, so a test can rerun that step on its own.
// [[Rcpp::export(rng = false)]]
double pipeline_step_seed_cpp(double seed, int index) {
  return static_cast<double>(smotelab::derive_seed(glue::seed_from_r(seed), static_cast<std::uint64_t>(index)));
}
