// Glue for cross-validation and grid search: every (grid point x fold) task
// runs in the C++ engine, in parallel, one thread per task.
#include "glue-pipeline.h"
#include "smotelab/cv.hpp"

using Rcpp::List;
using Rcpp::Named;

// `specs`: one pipeline spec per grid point. `tasks_*`: 1-based grid point,
// 1-based repeat and fold id of every task to run. `progress`: NULL or an R
// function(done, total), called on the main thread between chunks.
// `case_weights`: NULL or one positive double per row, checked by R;
// `weighted`: score the held-out rows with them too.
// [[Rcpp::export(rng = false)]]
List cv_run_cpp(const List& specs, const List& columns, const Eigen::Map<Eigen::VectorXi> y,
                const Eigen::Map<Eigen::MatrixXi> folds, int v, const std::vector<std::string>& metrics,
                double threshold, double seed, const Rcpp::IntegerVector& task_grid,
                const Rcpp::IntegerVector& task_repeat, const Rcpp::IntegerVector& task_fold, int n_threads,
                Rcpp::Nullable<Rcpp::Function> progress, SEXP case_weights = R_NilValue, bool weighted = false) {
  smotelab::CvProblem problem;
  for (R_xlen_t g = 0; g < specs.size(); ++g) problem.grid.push_back(glue::spec_from_r(specs[g]));
  for (const auto& m : metrics) problem.metrics.push_back(smotelab::metrics::metric_index(m));
  problem.threshold = threshold;
  problem.seed = glue::seed_from_r(seed);
  problem.case_weight = glue::case_weights_from_r(case_weights, y.size());
  if (weighted && problem.case_weight == nullptr) throw smotelab::internal_error("weighted metrics need case weights");
  problem.weighted_metrics = weighted;

  std::vector<smotelab::CvTask> tasks(task_grid.size());
  for (R_xlen_t t = 0; t < task_grid.size(); ++t) {
    tasks[t] = smotelab::CvTask{static_cast<std::size_t>(task_grid[t] - 1), task_repeat[t] - 1, task_fold[t]};
  }

  glue::ParallelRunner::Progress report;
  if (progress.isNotNull()) {
    Rcpp::Function callback(progress);
    report = [callback](std::size_t done, std::size_t total) {
      callback(static_cast<double>(done), static_cast<double>(total));
    };
  }
  const smotelab::CvOutcome outcome = smotelab::run_cv_tasks(problem, glue::columns_from_r(columns, y.size()), y, folds,
                                                             v, tasks, glue::executor(n_threads, report));
  return List::create(Named("values") = Rcpp::wrap(outcome.values),
                      Named("failed") = outcome.failed < 0 ? NA_INTEGER : static_cast<int>(outcome.failed) + 1,
                      Named("error") = outcome.error);
}
