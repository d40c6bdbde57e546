// Glue for the pipeline engine: R lists <-> core structs. Fitted pipelines
// travel back to R as plain lists of vectors, so they survive saveRDS().
#include "glue.h"
#include "glue-cleaning.h"
#include "glue-pipeline.h"

using Rcpp::List;
using Rcpp::Named;

namespace {

using smotelab::ModelSpec;
using smotelab::ModelState;
using smotelab::StepSpec;
using smotelab::StepState;

smotelab::SamplingStrategy strategy(const List& step) { return glue::strategy_from_r(step["sampling_strategy"]); }

// ENN's vote, which RENN, AllKNN and the neighbourhood cleaning rule extend.
smotelab::EnnSpec enn_vote(const List& step) {
  return {Rcpp::as<int>(step["n_neighbors"]), glue::enn_kind_from_r(step["kind_sel"]), strategy(step)};
}

ModelSpec model_spec_from_r(const List& model);

// One reader per element type R's element_types() lists: the pipeline's
// table on this side of the glue.
StepSpec step_spec_from_r(const List& step) {
  using Reader = StepSpec (*)(const List&);
  const Reader read = glue::enum_from_r<Reader>(
      step["type"],
      {{"scale", [](const List&) -> StepSpec { return smotelab::ScaleSpec{}; }},
       {"smote",
        [](const List& s) -> StepSpec {
          return smotelab::SmoteSpec{Rcpp::as<int>(s["k_neighbors"]), strategy(s)};
        }},
       {"borderline_smote",
        [](const List& s) -> StepSpec {
          return smotelab::BorderlineSpec{Rcpp::as<int>(s["k_neighbors"]), Rcpp::as<int>(s["m_neighbors"]),
                                          glue::borderline_kind_from_r(s["kind"]), strategy(s)};
        }},
       {"adasyn",
        [](const List& s) -> StepSpec {
          return smotelab::AdasynSpec{Rcpp::as<int>(s["n_neighbors"]), strategy(s)};
        }},
       {"random_over", [](const List& s) -> StepSpec { return smotelab::RandomOverSpec{strategy(s)}; }},
       {"random_under", [](const List& s) -> StepSpec { return smotelab::RandomUnderSpec{strategy(s)}; }},
       {"tomek_links", [](const List& s) -> StepSpec { return smotelab::TomekSpec{strategy(s)}; }},
       {"edited_nearest_neighbours", [](const List& s) -> StepSpec { return enn_vote(s); }},
       {"repeated_edited_nearest_neighbours",
        [](const List& s) -> StepSpec {
          return smotelab::RennSpec{enn_vote(s), Rcpp::as<int>(s["max_iter"])};
        }},
       {"all_knn",
        [](const List& s) -> StepSpec {
          return smotelab::AllKnnSpec{enn_vote(s), Rcpp::as<bool>(s["allow_minority"])};
        }},
       {"neighbourhood_cleaning_rule",
        [](const List& s) -> StepSpec {
          return smotelab::NcrSpec{enn_vote(s), Rcpp::as<double>(s["threshold_cleaning"])};
        }},
       {"one_sided_selection",
        [](const List& s) -> StepSpec {
          return smotelab::OssSpec{Rcpp::as<int>(s["n_neighbors"]), Rcpp::as<int>(s["n_seeds_S"]), strategy(s)};
        }},
       {"condensed_nearest_neighbour",
        [](const List& s) -> StepSpec {
          return smotelab::CnnSpec{Rcpp::as<int>(s["n_neighbors"]), Rcpp::as<int>(s["n_seeds_S"]), strategy(s)};
        }},
       {"near_miss",
        [](const List& s) -> StepSpec {
          return smotelab::NearMissSpec{Rcpp::as<int>(s["version"]), Rcpp::as<int>(s["n_neighbors"]),
                                        Rcpp::as<int>(s["n_neighbors_ver3"]), strategy(s)};
        }},
       {"smote_enn",
        [](const List& s) -> StepSpec {
          return smotelab::SmoteCleanSpec{smotelab::SmoteCleaning::enn,
                                          Rcpp::as<int>(s["k_neighbors"]),
                                          strategy(s),
                                          Rcpp::as<int>(s["n_neighbors"]),
                                          glue::enn_kind_from_r(s["kind_sel"]),
                                          glue::strategy_from_r(s["enn_sampling_strategy"])};
        }},
       {"smote_tomek",
        [](const List& s) -> StepSpec {
          return smotelab::SmoteCleanSpec{smotelab::SmoteCleaning::tomek,
                                          Rcpp::as<int>(s["k_neighbors"]),
                                          strategy(s),
                                          1,
                                          smotelab::EnnKind::all,
                                          glue::strategy_from_r(s["tomek_sampling_strategy"])};
        }},
       {"instance_hardness_threshold",
        [](const List& s) -> StepSpec {
          return smotelab::IhtSpec{model_spec_from_r(s["model"]), Rcpp::as<int>(s["cv"]), strategy(s)};
        }},
       {"smote_nc",
        [](const List& s) -> StepSpec {
          return smotelab::SmoteNcSpec{Rcpp::as<int>(s["k_neighbors"]), strategy(s)};
        }},
       {"smoten",
        [](const List& s) -> StepSpec {
          return smotelab::SmotenSpec{Rcpp::as<int>(s["k_neighbors"]), strategy(s)};
        }},
       {"cluster_centroids",
        [](const List& s) -> StepSpec {
          return smotelab::ClusterCentroidsSpec{glue::centroid_voting_from_r(s["voting"]), strategy(s)};
        }},
       {"kmeans_smote",
        [](const List& s) -> StepSpec {
          return smotelab::KMeansSmoteSpec{glue::kmeans_smote_from_r(s), strategy(s)};
        }},
       {"rose", [](const List& s) -> StepSpec { return smotelab::RoseSpec{glue::rose_from_r(s)}; }}},
      "step type");
  return read(step);
}

ModelSpec model_spec_from_r(const List& model) {
  using Reader = ModelSpec (*)(const List&);
  const Reader read = glue::enum_from_r<Reader>(
      model["type"],
      {{"logistic", [](const List& m) -> ModelSpec { return glue::logistic_spec_from_r(m); }},
       {"forest", [](const List& m) -> ModelSpec { return glue::forest_spec_from_r(m); }},
       {"boost", [](const List& m) -> ModelSpec { return glue::boost_spec_from_r(m); }},
       {"balanced_forest", [](const List& m) -> ModelSpec { return glue::balanced_forest_spec_from_r(m); }},
       {"balanced_bagging", [](const List& m) -> ModelSpec { return glue::bagging_spec_from_r(m); }}},
      "model type");
  return read(model);
}

}  // namespace

smotelab::PipelineSpec glue::spec_from_r(const List& spec) {
  smotelab::PipelineSpec out;
  const List steps = spec["steps"];
  for (R_xlen_t i = 0; i < steps.size(); ++i) out.steps.push_back(step_spec_from_r(steps[i]));
  out.model = model_spec_from_r(spec["model"]);
  out.class_names = Rcpp::as<std::vector<std::string>>(spec["class_names"]);
  if (spec.containsElementNamed("numpy_rng")) out.numpy_rng = Rcpp::as<bool>(spec["numpy_rng"]);
  if (spec.containsElementNamed("calibration") && !Rf_isNull(spec["calibration"])) {
    const List cal = spec["calibration"];
    out.calibration = smotelab::PipelineSpec::Calibration{glue::calibration_method_from_r(cal["method"]),
                                                          Rcpp::as<int>(cal["folds"])};
  }
  if (spec.containsElementNamed("categorical")) {
    const List blocks = spec["categorical"];
    const Rcpp::IntegerVector first = blocks["first"], width = blocks["width"];
    for (R_xlen_t b = 0; b < first.size(); ++b) out.categorical.push_back({first[b], width[b]});
  }
  return out;
}

namespace {

struct StateToR {
  List operator()(const smotelab::ScaleState& s) const {
    return List::create(Named("type") = "scale", Named("center") = Rcpp::wrap(s.center),
                        Named("scale") = Rcpp::wrap(s.scale));
  }
  List operator()(const smotelab::LogisticFit& f) const { return glue::logistic_state_to_r(f); }
  List operator()(const smotelab::ForestFit& f) const { return glue::forest_state_to_r(f); }
  List operator()(const smotelab::BoostFit& f) const { return glue::boost_state_to_r(f); }
  List operator()(const smotelab::BalancedForestFit& f) const { return glue::balanced_forest_state_to_r(f); }
  List operator()(const smotelab::BaggingFit& f) const { return glue::bagging_state_to_r(f); }
};

StepState step_state_from_r(const List& s) {
  using Reader = StepState (*)(const List&);
  const Reader read = glue::enum_from_r<Reader>(
      s["type"],
      {{"scale",
        [](const List& f) -> StepState {
          return smotelab::ScaleState{Rcpp::as<Eigen::VectorXd>(f["center"]), Rcpp::as<Eigen::VectorXd>(f["scale"])};
        }}},
      "fitted step type");
  return read(s);
}

ModelState model_state_from_r(const List& s) {
  using Reader = ModelState (*)(const List&);
  const Reader read = glue::enum_from_r<Reader>(
      s["type"],
      {{"logistic", [](const List& f) -> ModelState { return glue::logistic_state_from_r(f); }},
       {"forest", [](const List& f) -> ModelState { return glue::forest_state_from_r(f); }},
       {"boost", [](const List& f) -> ModelState { return glue::boost_state_from_r(f); }},
       {"balanced_forest", [](const List& f) -> ModelState { return glue::balanced_forest_state_from_r(f); }},
       {"balanced_bagging", [](const List& f) -> ModelState { return glue::bagging_state_from_r(f); }}},
      "fitted model type");
  return read(s);
}

}  // namespace

// A calibrated ensemble has members instead of steps and a model; its
// `model` is NULL in R. Calibrators travel as `calibration`, absent before.
List glue::fitted_to_r(const smotelab::FittedPipeline& fitted) {
  List steps(fitted.steps.size());
  for (std::size_t i = 0; i < fitted.steps.size(); ++i) steps[i] = std::visit(StateToR{}, fitted.steps[i]);
  List out = List::create(
      Named("steps") = steps,
      Named("model") = fitted.members.empty() ? static_cast<SEXP>(std::visit(StateToR{}, fitted.model)) : R_NilValue,
      Named("fit_counts") = Rcpp::IntegerVector(fitted.fit_counts.begin(), fitted.fit_counts.end()));
  if (!fitted.calibrators.empty()) out["calibration"] = glue::calibration_to_r(fitted);
  if (!fitted.fit_weights.empty()) out["fit_weights"] = Rcpp::wrap(fitted.fit_weights);
  return out;
}

smotelab::FittedPipeline glue::fitted_from_r(const List& state) {
  smotelab::FittedPipeline fitted;
  const List steps = state["steps"];
  for (R_xlen_t i = 0; i < steps.size(); ++i) fitted.steps.push_back(step_state_from_r(steps[i]));
  if (!Rf_isNull(state["model"])) fitted.model = model_state_from_r(state["model"]);
  if (state.containsElementNamed("calibration") && !Rf_isNull(state["calibration"])) {
    glue::calibration_from_r(state["calibration"], fitted);
  }
  return fitted;
}

// `columns` is a list of double vectors, the design's columns; they are read
// in place, never copied into one matrix. They come from blueprint_columns(),
// which has checked that every value is finite, so the core does not scan
// them again. `case_weights` is NULL or a double vector of positive weights,
// one per row, checked by R and read in place.
// [[Rcpp::export(rng = false)]]
List pipeline_fit_cpp(const List& spec, const List& columns, const Eigen::Map<Eigen::VectorXi> y, double seed,
                      int n_threads, SEXP case_weights = R_NilValue) {
  smotelab::Columns X = glue::columns_from_r(columns, y.size());
  const double* weights = glue::case_weights_from_r(case_weights, y.size());
  const smotelab::FittedPipeline fitted = glue::allocating(0, "the pipeline's resampled rows and model", [&] {
    return smotelab::fit_pipeline(glue::spec_from_r(spec), X.checked_finite(), y, glue::seed_from_r(seed),
                                  glue::executor(n_threads), weights);
  });
  return glue::fitted_to_r(fitted);
}

// [[Rcpp::export(rng = false)]]
Rcpp::NumericVector pipeline_predict_cpp(const List& state, const List& columns, int n_rows, int n_threads) {
  const smotelab::FittedPipeline fitted = glue::fitted_from_r(state);
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
