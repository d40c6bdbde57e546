// The pipeline engine: each step is fitted on the rows it is given, step i
// resamples with derive_seed(seed, i), prediction never resamples, and the
// result does not depend on the schedule.
#include <Eigen/Dense>
#include <cmath>
#include <vector>

#include "check.hpp"
#include "executors.hpp"
#include "fixtures.hpp"
#include "smotelab/pipeline.hpp"
#include "smotelab/rng.hpp"

using smotelab::PipelineSpec;
using Counts = std::vector<Eigen::Index>;

namespace {

using cpptest::Data;

// Two overlapping classes, about 15% events, columns on different scales.
Data make_data(Eigen::Index n, std::uint64_t seed) {
  return cpptest::gaussian_classes(n, seed, {0.15}, {{0, 1, 1.2}, {50, 10, -8}, {0, 0.01, 0}});
}

smotelab::SamplingStrategy ratio(double r) {
  smotelab::SamplingStrategy s;
  s.kind = smotelab::SamplingStrategy::Kind::ratio;
  s.ratio = r;
  return s;
}

PipelineSpec pipeline(std::vector<smotelab::StepSpec> steps, smotelab::ModelSpec model = smotelab::LogisticOptions{}) {
  return PipelineSpec{std::move(steps), std::move(model), {"neg", "pos"}};
}

Eigen::VectorXd predict(const smotelab::FittedPipeline& fitted, const Eigen::MatrixXd& X) {
  Eigen::VectorXd prob(X.rows());
  smotelab::predict_pipeline(fitted, smotelab::Columns::of(X), prob);
  return prob;
}

// Applies what a resampling step returns to (X, y) by hand: kept rows in
// order, then the synthetic ones.
Data apply(const Data& d, const smotelab::Resampled& r) {
  const auto kept = static_cast<Eigen::Index>(r.keep.size());
  Data out{Eigen::MatrixXd(kept + r.X_new.rows(), d.X.cols()), Eigen::VectorXi(kept + r.y_new.size())};
  for (Eigen::Index i = 0; i < kept; ++i) {
    out.X.row(i) = d.X.row(r.keep[static_cast<std::size_t>(i)]);
    out.y(i) = d.y(r.keep[static_cast<std::size_t>(i)]);
  }
  out.X.bottomRows(r.X_new.rows()) = r.X_new;
  out.y.tail(r.y_new.size()) = r.y_new;
  return out;
}

Counts counts(const Eigen::VectorXi& y) { return {y.size() - y.sum(), y.sum()}; }

}  // namespace

int main() {
  const Data train = make_data(400, 1);
  const Data test = make_data(150, 2);
  const std::uint64_t seed = 20261205;
  const std::vector<std::string> names = {"neg", "pos"};

  // Each resampling step does to the training rows exactly what the
  // standalone resampler does with the step's derived seed; the model then
  // sees those rows and nothing else.
  {
    const auto n_new = smotelab::rows_to_add(ratio(0.6), counts(train.y), names);
    const std::uint64_t s0 = smotelab::derive_seed(seed, 0);
    const smotelab::BorderlineSpec borderline{5, 10, smotelab::BorderlineKind::borderline_2, ratio(0.6)};
    struct Case {
      smotelab::StepSpec step;
      smotelab::Resampled by_hand;
    };
    const std::vector<Case> cases = {
        {smotelab::SmoteSpec{3, ratio(0.6)},
         smotelab::smote(smotelab::Columns::of(train.X), train.y, n_new, 3, s0, smotelab::serial_executor(),
                         smotelab::KnnAlgorithm::automatic, names)},
        {borderline, smotelab::borderline_smote(smotelab::Columns::of(train.X), train.y, n_new, 5, 10,
                                                smotelab::BorderlineKind::borderline_2, s0, smotelab::serial_executor(),
                                                smotelab::KnnAlgorithm::automatic, names)},
        {smotelab::AdasynSpec{4, ratio(0.6)},
         smotelab::adasyn(smotelab::Columns::of(train.X), train.y, n_new, 4, s0, smotelab::serial_executor(),
                          smotelab::KnnAlgorithm::automatic, names)},
        {smotelab::RandomOverSpec{ratio(0.6)},
         smotelab::random_oversample(smotelab::Columns::of(train.X), train.y, n_new, s0)},
        {smotelab::RandomUnderSpec{ratio(0.5)},
         smotelab::random_undersample(smotelab::Columns::of(train.X), train.y,
                                      smotelab::rows_to_keep(ratio(0.5), counts(train.y), names), s0)},
    };
    for (const Case& c : cases) {
      const smotelab::FittedPipeline in_pipeline =
          smotelab::fit_pipeline(pipeline({c.step}), smotelab::Columns::of(train.X), train.y, seed);
      const Data resampled = apply(train, c.by_hand);
      const smotelab::FittedPipeline by_hand =
          smotelab::fit_pipeline(pipeline({}), smotelab::Columns::of(resampled.X), resampled.y, 1);
      CHECK(in_pipeline.fit_counts == counts(resampled.y));
      CHECK(predict(in_pipeline, test.X) == predict(by_hand, test.X));
      // Another seed resamples differently (random undersampling keeps the
      // same counts but other rows), so the comparison above can fail.
      const smotelab::FittedPipeline other =
          smotelab::fit_pipeline(pipeline({c.step}), smotelab::Columns::of(train.X), train.y, seed + 1);
      CHECK(predict(other, test.X) != predict(in_pipeline, test.X));
    }
  }

  // The second step draws with derive_seed(seed, 1): scaling first does not
  // shift the stream SMOTE uses, and SMOTE works on the scaled rows.
  {
    const smotelab::SmoteSpec smote_spec{5, ratio(0.8)};
    const smotelab::FittedPipeline fitted = smotelab::fit_pipeline(pipeline({smotelab::ScaleSpec{}, smote_spec}),
                                                                   smotelab::Columns::of(train.X), train.y, seed);
    // The scaler's own state, applied by hand, so that the rows SMOTE sees
    // are bit for bit those inside the pipeline.
    const auto& scale = std::get<smotelab::ScaleState>(fitted.steps.at(0));
    const auto scaled_rows = [&](const Eigen::MatrixXd& X) {
      Eigen::MatrixXd out = X;
      out.rowwise() -= scale.center.transpose();
      out.array().rowwise() /= scale.scale.transpose().array();
      return out;
    };
    const Data scaled{scaled_rows(train.X), train.y};
    const auto n_new = smotelab::rows_to_add(ratio(0.8), counts(train.y), names);
    const Data resampled = apply(
        scaled, smotelab::smote(smotelab::Columns::of(scaled.X), scaled.y, n_new, 5, smotelab::derive_seed(seed, 1),
                                smotelab::serial_executor(), smotelab::KnnAlgorithm::automatic, names));
    const smotelab::FittedPipeline by_hand =
        smotelab::fit_pipeline(pipeline({}), smotelab::Columns::of(resampled.X), resampled.y, 1);
    CHECK(predict(fitted, test.X) == predict(by_hand, scaled_rows(test.X)));
    CHECK(fitted.fit_counts == counts(resampled.y));
  }

  // The scaler is fitted on the rows it is given: its centre and scale are
  // those of the training rows, and predicting other rows uses them as they
  // are (a scaler refitted on the new rows would centre them at 0).
  {
    const smotelab::FittedPipeline fitted =
        smotelab::fit_pipeline(pipeline({smotelab::ScaleSpec{}}), smotelab::Columns::of(train.X), train.y, seed);
    const auto& state = std::get<smotelab::ScaleState>(fitted.steps.at(0));
    CHECK((state.center - train.X.colwise().mean().transpose()).cwiseAbs().maxCoeff() < 1e-12);
    Eigen::MatrixXd shifted = test.X;
    shifted.col(1).array() += 1000;
    CHECK((predict(fitted, shifted) - predict(fitted, test.X)).cwiseAbs().maxCoeff() > 0.1);
  }

  // Prediction never resamples: one probability per row, the same whether
  // the rows are predicted together or one at a time.
  {
    const smotelab::FittedPipeline fitted =
        smotelab::fit_pipeline(pipeline({smotelab::ScaleSpec{}, smotelab::SmoteSpec{5, ratio(1.0)}}),
                               smotelab::Columns::of(train.X), train.y, seed);
    const Eigen::VectorXd all = predict(fitted, test.X);
    for (Eigen::Index i = 0; i < 5; ++i) CHECK(predict(fitted, test.X.row(i)).coeff(0) == all(i));
  }

  // The same seed gives the same fit under any schedule, for a model that
  // draws random numbers too (the forest's bootstrap uses the seed after the
  // steps' seeds).
  {
    smotelab::ForestOptions forest;
    forest.n_trees = 20;
    const PipelineSpec spec = pipeline({smotelab::ScaleSpec{}, smotelab::SmoteSpec{5, ratio(1.0)}}, forest);
    const Eigen::VectorXd serial =
        predict(smotelab::fit_pipeline(spec, smotelab::Columns::of(train.X), train.y, seed), test.X);
    const smotelab::Executor reversed(cpptest::run_reversed);
    CHECK(predict(smotelab::fit_pipeline(spec, smotelab::Columns::of(train.X), train.y, seed, reversed), test.X) ==
          serial);
    CHECK(predict(smotelab::fit_pipeline(spec, smotelab::Columns::of(train.X), train.y, seed,
                                         cpptest::threaded_executor(3)),
                  test.X) == serial);
    CHECK(predict(smotelab::fit_pipeline(spec, smotelab::Columns::of(train.X), train.y, seed + 1), test.X) != serial);
  }

  CHECK_THROWS(smotelab::fit_pipeline(pipeline({}), smotelab::Columns::of(train.X), test.y, seed),
               smotelab::internal_error);
  return cpptest::report("pipeline");
}
