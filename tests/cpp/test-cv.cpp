// Cross-validation on the pipeline engine: a task's result depends only on
// (seed, repeat, fold) and its grid point, never on the schedule or on the
// other tasks; a task fits on the rows outside its fold only; when tasks fail,
// the error of the lowest-numbered one is reported whatever ran first.
#include <Eigen/Dense>
#include <exception>
#include <set>
#include <string>
#include <vector>

#include "check.hpp"
#include "executors.hpp"
#include "fixtures.hpp"
#include "smotelab/cv.hpp"
#include "smotelab/rng.hpp"

using smotelab::CvProblem;
using smotelab::CvTask;

namespace {

using cpptest::Data;

// Every fifth row an event, so fold sizes are known exactly.
Data make_data(Eigen::Index n, std::uint64_t seed) {
  return cpptest::gaussian_classes(n, seed, {0, 5}, {{0, 1, 1}, {0, 3, -2}, {0, 1, 0}});
}

// Fold ids 1..v in a round-robin over the rows of each class, one column per
// repeat, each repeat shifted so that the folds differ.
Eigen::MatrixXi make_folds(const Eigen::VectorXi& y, int v, int repeats) {
  Eigen::MatrixXi folds(y.size(), repeats);
  for (int r = 0; r < repeats; ++r) {
    int seen[2] = {r, r};
    for (Eigen::Index i = 0; i < y.size(); ++i) folds(i, r) = seen[y(i)]++ % v + 1;
  }
  return folds;
}

std::vector<CvTask> all_tasks(std::size_t grid_points, int repeats, int v) {
  std::vector<CvTask> tasks;
  for (std::size_t g = 0; g < grid_points; ++g)
    for (int r = 0; r < repeats; ++r)
      for (int f = 1; f <= v; ++f) tasks.push_back(CvTask{g, r, f});
  return tasks;
}

smotelab::PipelineSpec smote_logistic(int k, double C) {
  smotelab::LogisticOptions model;
  model.C = C;
  return smotelab::PipelineSpec{{smotelab::ScaleSpec{}, smotelab::SmoteSpec{k, {}}}, model, {"neg", "pos"}};
}

// A task computed by hand from its definition: fit on the rows whose fold id
// differs, with the task seed, predict and score the fold's rows.
std::vector<double> task_by_hand(const CvProblem& problem, const Data& d, const Eigen::MatrixXi& folds, int v,
                                 const CvTask& task, bool leak) {
  std::vector<Eigen::Index> train, test;
  for (Eigen::Index i = 0; i < d.X.rows(); ++i) (folds(i, task.repeat) == task.fold ? test : train).push_back(i);
  if (leak) {
    train.clear();
    for (Eigen::Index i = 0; i < d.X.rows(); ++i) train.push_back(i);
  }
  const auto rows = [&](const std::vector<Eigen::Index>& idx) {
    Data out{Eigen::MatrixXd(static_cast<Eigen::Index>(idx.size()), d.X.cols()),
             Eigen::VectorXi(static_cast<Eigen::Index>(idx.size()))};
    for (std::size_t i = 0; i < idx.size(); ++i) {
      out.X.row(static_cast<Eigen::Index>(i)) = d.X.row(idx[i]);
      out.y(static_cast<Eigen::Index>(i)) = d.y(idx[i]);
    }
    return out;
  };
  const Data tr = rows(train), te = rows(test);
  const smotelab::FittedPipeline fitted =
      smotelab::fit_pipeline(problem.grid[task.grid_point], smotelab::Columns::of(tr.X), tr.y,
                             smotelab::task_seed(problem.seed, task.repeat, task.fold, v));
  Eigen::VectorXd prob(te.X.rows());
  smotelab::predict_pipeline(fitted, smotelab::Columns::of(te.X), prob);
  return smotelab::score_metrics(problem.metrics, te.y.data(), prob.data(), static_cast<std::size_t>(prob.size()),
                                 problem.threshold);
}

std::vector<double> row(const Eigen::MatrixXd& values, std::size_t t) {
  const Eigen::VectorXd r = values.row(static_cast<Eigen::Index>(t)).transpose();
  return {r.data(), r.data() + r.size()};
}

}  // namespace

int main() {
  const Data d = make_data(300, 4);
  const int v = 4, repeats = 2;
  const Eigen::MatrixXi folds = make_folds(d.y, v, repeats);
  const smotelab::Columns X = smotelab::Columns::of(d.X);

  CvProblem problem;
  // Grid points 0 and 2 are the same pipeline; 1 differs.
  problem.grid = {smote_logistic(5, 1.0), smote_logistic(3, 0.01), smote_logistic(5, 1.0)};
  using smotelab::metrics::metric_index;
  problem.metrics = {metric_index("roc_auc"), metric_index("pr_auc"), metric_index("f1"), metric_index("accuracy")};
  problem.seed = 777;
  const std::vector<CvTask> tasks = all_tasks(problem.grid.size(), repeats, v);
  const smotelab::Executor serial = smotelab::serial_executor();
  const smotelab::Executor reversed(cpptest::run_reversed);

  // Task seeds are consecutive from the user's seed over (repeat, fold).
  std::set<std::uint64_t> seeds;
  for (int r = 0; r < repeats; ++r)
    for (int f = 1; f <= v; ++f) seeds.insert(smotelab::task_seed(problem.seed, r, f, v));
  CHECK(seeds.size() == static_cast<std::size_t>(repeats * v));
  CHECK(*seeds.begin() == problem.seed && *seeds.rbegin() == problem.seed + repeats * v - 1);

  const smotelab::CvOutcome base = smotelab::run_cv_tasks(problem, X, d.y, folds, v, tasks, serial);
  CHECK(base.failed == -1);
  CHECK(base.values.rows() == static_cast<Eigen::Index>(tasks.size()) && base.values.cols() == 4);

  // Every task equals its definition computed by hand; fitting on every row
  // instead of the rows outside the fold gives other numbers, so a leak shows.
  int leak_differs = 0;
  for (std::size_t t = 0; t < tasks.size(); ++t) {
    CHECK(row(base.values, t) == task_by_hand(problem, d, folds, v, tasks[t], false));
    leak_differs += row(base.values, t) != task_by_hand(problem, d, folds, v, tasks[t], true);
  }
  CHECK(leak_differs > static_cast<int>(tasks.size()) / 2);

  // The same values under any schedule and thread count.
  CHECK(smotelab::run_cv_tasks(problem, X, d.y, folds, v, tasks, reversed).values == base.values);
  for (unsigned threads : {2u, 3u, 8u})
    CHECK(smotelab::run_cv_tasks(problem, X, d.y, folds, v, tasks, cpptest::threaded_executor(threads)).values ==
          base.values);

  // A task alone, or the tasks in another order, give the same rows: a task
  // does not draw from a stream shared with the tasks run before it.
  std::vector<CvTask> backwards(tasks.rbegin(), tasks.rend());
  const smotelab::CvOutcome back = smotelab::run_cv_tasks(problem, X, d.y, folds, v, backwards, serial);
  for (std::size_t t = 0; t < tasks.size(); ++t) CHECK(row(back.values, tasks.size() - 1 - t) == row(base.values, t));
  const std::size_t lone = 9;
  CHECK(row(smotelab::run_cv_tasks(problem, X, d.y, folds, v, {tasks[lone]}, serial).values, 0) ==
        row(base.values, lone));

  // Identical grid points see identical resampling on each fold; a different
  // point gives different numbers on the same fold.
  const std::size_t per_point = static_cast<std::size_t>(repeats * v);
  for (std::size_t t = 0; t < per_point; ++t) {
    CHECK(row(base.values, t) == row(base.values, 2 * per_point + t));
    CHECK(row(base.values, t) != row(base.values, per_point + t));
  }

  // Another seed changes the SMOTE draws, hence the scores.
  CvProblem reseeded = problem;
  reseeded.seed = problem.seed + 1000;
  CHECK(smotelab::run_cv_tasks(reseeded, X, d.y, folds, v, tasks, serial).values != base.values);

  // Failing tasks, with SMOTE at k = 40. Of the 60 event rows, folds 1 and 3
  // hold 2 each, fold 2 holds 32 and fold 4 the other 24, so the training
  // rows of the fold-2 task have 28 events and those of the fold-4 task 36:
  // both too few, with different messages. Whatever order the tasks run in,
  // the error reported is that of the lowest failing task (fold 2, task 1),
  // and the task before it has its values.
  {
    Eigen::MatrixXi bad(d.y.size(), 1);
    int e = 0;
    for (Eigen::Index i = 0; i < d.y.size(); ++i) {
      if (d.y(i) == 0) {
        bad(i, 0) = i % 2 == 0 ? 1 : 3;
      } else {
        bad(i, 0) = e < 2 ? 1 : (e < 4 ? 3 : (e < 36 ? 2 : 4));
        ++e;
      }
    }
    CHECK(e == 60);
    CvProblem one = problem;
    one.grid = {smote_logistic(40, 1.0)};
    const std::vector<CvTask> ordered = all_tasks(1, 1, v);

    std::string expected;
    try {
      task_by_hand(one, d, bad, v, ordered[1], false);
    } catch (const std::exception& e) {
      expected = e.what();
    }
    CHECK(!expected.empty());
    std::string later;
    try {
      task_by_hand(one, d, bad, v, ordered[3], false);
    } catch (const std::exception& e) {
      later = e.what();
    }
    CHECK(!later.empty() && later != expected);

    const std::vector<smotelab::Executor> schedules = {serial, reversed, cpptest::threaded_executor(2),
                                                       cpptest::threaded_executor(4)};
    for (const smotelab::Executor& exec : schedules) {
      const smotelab::CvOutcome out = smotelab::run_cv_tasks(one, X, d.y, bad, v, ordered, exec);
      CHECK(out.failed == 1);
      CHECK(out.error == expected);
      CHECK(row(out.values, 0) == task_by_hand(one, d, bad, v, ordered[0], false));
    }
    // Only the later task in the list: its own error is the one reported.
    const smotelab::CvOutcome only_later = smotelab::run_cv_tasks(one, X, d.y, bad, v, {ordered[3]}, reversed);
    CHECK(only_later.failed == 0 && only_later.error == later);
  }

  // A fold id with no rows is an error of that task, not a crash.
  {
    const std::vector<CvTask> missing = {CvTask{0, 0, 1}, CvTask{0, 0, v + 1}};
    const smotelab::CvOutcome out = smotelab::run_cv_tasks(problem, X, d.y, folds, v, missing, reversed);
    CHECK(out.failed == 1);
    CHECK(out.error.find("no rows") != std::string::npos);
  }
  CHECK_THROWS(smotelab::run_cv_tasks(problem, X, d.y, folds.topRows(10), v, tasks, serial), smotelab::internal_error);
  return cpptest::report("cv");
}
