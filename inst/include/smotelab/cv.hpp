// Cross-validation and grid search on the one pipeline engine.
//
// A task is (grid point, repeat, fold): fit the grid point's pipeline on the
// rows outside the fold, predict the rows inside it, score them. Tasks run in
// parallel; the pipeline inside a task runs on one thread. The seed of a task
// depends on (repeat, fold) only, so every grid point sees the same resampling
// randomness on the same fold, and the result of a task does not depend on
// which thread, process or machine ran it.
#pragma once

#include <Eigen/Dense>
#include <atomic>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "case_weights.hpp"
#include "columns.hpp"
#include "errors.hpp"
#include "metrics.hpp"
#include "parallel.hpp"
#include "pipeline.hpp"

namespace smotelab {

// Scores of held-out rows: truth 0/1 and the predicted event probability.
// `wanted` holds rows of metrics::kMetrics; `weight` is none or one case
// weight per row.
inline std::vector<double> score_metrics(const std::vector<std::size_t>& wanted, const int* truth, const double* prob,
                                         std::size_t n, double threshold, const double* weight = nullptr) {
  const metrics::ClassMetrics cls = metrics::class_metrics(metrics::confusion_at(truth, prob, n, threshold, weight));
  bool need_ranking = false, need_probability = false;
  for (std::size_t id : wanted) {
    need_ranking |= metrics::kMetrics[id].ranking();
    need_probability |= metrics::kMetrics[id].probability();
  }
  metrics::Ranking rank{std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::quiet_NaN(), 0, 0};
  if (need_ranking) rank = metrics::ranking_metrics(truth, prob, n, serial_executor(), {}, weight);
  metrics::ProbabilityScores proba{std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::quiet_NaN()};
  if (need_probability) proba = metrics::probability_scores(truth, prob, n, {}, weight);
  std::vector<double> out;
  out.reserve(wanted.size());
  for (std::size_t id : wanted) out.push_back(metrics::metric_value(id, cls, rank, proba));
  return out;
}

struct CvProblem {
  std::vector<PipelineSpec> grid;    // one pipeline per grid point
  std::vector<std::size_t> metrics;  // rows of metrics::kMetrics
  double threshold = 0.5;
  std::uint64_t seed = 0;
  const double* case_weight = nullptr;  // one per row, or none: the training rows' weights follow them
  bool weighted_metrics = false;        // score held-out rows with their case weights too
};

struct CvTask {
  std::size_t grid_point;
  int repeat;  // 0-based column of the fold matrix
  int fold;    // 1-based fold id, as stored in the fold matrix
};

// Seed of the pipeline fitted on fold `fold` (1-based) of repeat `repeat`
// (0-based) with `v` folds: consecutive integers from the user's seed, so a
// hand-written loop can reproduce any task with fit(seed = ...).
inline std::uint64_t task_seed(std::uint64_t seed, int repeat, int fold, int v) {
  return seed + static_cast<std::uint64_t>(repeat) * static_cast<std::uint64_t>(v) +
         static_cast<std::uint64_t>(fold - 1);
}

// One task on one thread: split by the fold, fit on the rest, score the fold.
inline Eigen::VectorXd run_task(const CvProblem& problem, const Columns& X, const Eigen::Ref<const Eigen::VectorXi>& y,
                                const Eigen::Ref<const Eigen::MatrixXi>& folds, int v, const CvTask& task) {
  std::vector<Eigen::Index> train, test;
  for (Eigen::Index i = 0; i < X.rows(); ++i) (folds(i, task.repeat) == task.fold ? test : train).push_back(i);
  check(!test.empty(), kind::empty, "Fold " + std::to_string(task.fold) + " has no rows.");
  const Eigen::MatrixXd X_train = X.rows_of(train);
  const Eigen::MatrixXd X_test = X.rows_of(test);
  Eigen::VectorXi y_train(static_cast<Eigen::Index>(train.size())), y_test(static_cast<Eigen::Index>(test.size()));
  for (std::size_t i = 0; i < train.size(); ++i) y_train(static_cast<Eigen::Index>(i)) = y(train[i]);
  for (std::size_t i = 0; i < test.size(); ++i) y_test(static_cast<Eigen::Index>(i)) = y(test[i]);

  // An imblearn Pipeline cloned for each fold keeps its integer random_state.
  const PipelineSpec& spec = problem.grid[task.grid_point];
  const std::vector<double> w_train = weights_of_rows(problem.case_weight, train);
  const FittedPipeline fitted =
      fit_pipeline(spec, Columns::of(X_train), y_train,
                   spec.numpy_rng ? problem.seed : task_seed(problem.seed, task.repeat, task.fold, v),
                   serial_executor(), problem.case_weight != nullptr ? w_train.data() : nullptr);
  Eigen::VectorXd prob(X_test.rows());
  predict_pipeline(fitted, Columns::of(X_test), prob);
  require(!problem.weighted_metrics || problem.case_weight != nullptr, "weighted metrics need case weights");
  const std::vector<double> w_test =
      problem.weighted_metrics ? weights_of_rows(problem.case_weight, test) : std::vector<double>{};
  const std::vector<double> values =
      score_metrics(problem.metrics, y_test.data(), prob.data(), static_cast<std::size_t>(prob.size()),
                    problem.threshold, problem.weighted_metrics ? w_test.data() : nullptr);
  return Eigen::Map<const Eigen::VectorXd>(values.data(), static_cast<Eigen::Index>(values.size()));
}

struct CvOutcome {
  Eigen::MatrixXd values;      // row t: task t's metric values
  std::ptrdiff_t failed = -1;  // the first task (in task order) that threw, if any
  std::string error;           // and its message
};

// Runs the given tasks. A task that throws keeps the tasks after it from
// starting; tasks before it still run, so the error reported is always that
// of the lowest-numbered failing task, whatever the schedule.
inline CvOutcome run_cv_tasks(const CvProblem& problem, const Columns& X, const Eigen::Ref<const Eigen::VectorXi>& y,
                              const Eigen::Ref<const Eigen::MatrixXi>& folds, int v, const std::vector<CvTask>& tasks,
                              const Executor& exec) {
  require(folds.rows() == X.rows() && y.size() == X.rows(), "folds, X and y must have the same number of rows");
  CvOutcome out;
  out.values.resize(static_cast<Eigen::Index>(tasks.size()), static_cast<Eigen::Index>(problem.metrics.size()));
  std::vector<std::string> errors(tasks.size());
  std::atomic<std::size_t> first_failed{tasks.size()};
  exec(tasks.size(), 1, [&](std::size_t begin, std::size_t end) {
    for (std::size_t t = begin; t < end && t < first_failed.load(); ++t) {
      try {
        out.values.row(static_cast<Eigen::Index>(t)) = run_task(problem, X, y, folds, v, tasks[t]).transpose();
      } catch (const std::exception& e) {
        errors[t] = e.what();
        std::size_t seen = first_failed.load();
        while (t < seen && !first_failed.compare_exchange_weak(seen, t)) {
        }
      }
    }
  });
  const std::size_t failed = first_failed.load();
  if (failed < tasks.size()) {
    out.failed = static_cast<std::ptrdiff_t>(failed);
    out.error = errors[failed];
  }
  return out;
}

}  // namespace smotelab
