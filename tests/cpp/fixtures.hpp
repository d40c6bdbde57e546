// Data for the standalone tests of the engine: classes drawn from Gaussians
// shifted by the label, one generator for every program that needs them.
#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <vector>

#include "smotelab/rng.hpp"

namespace cpptest {

struct Data {
  Eigen::MatrixXd X;
  Eigen::VectorXi y;
};

// Which rows are events: each with probability `share` (one uniform draw per
// row), or, when `period` is set, every period-th row from the first (no draw).
struct EventRule {
  double share = 0;
  int period = 0;
};

// Column j is offset + scale * N(0, 1) + shift * y.
struct GaussianColumn {
  double offset, scale, shift;
};

// Rows are drawn in order from Rng(seed, 0): the label first, then one normal
// per column.
inline Data gaussian_classes(Eigen::Index n, std::uint64_t seed, EventRule events,
                             const std::vector<GaussianColumn>& columns) {
  smotelab::Rng rng(seed, 0);
  const auto p = static_cast<Eigen::Index>(columns.size());
  Data d{Eigen::MatrixXd(n, p), Eigen::VectorXi(n)};
  for (Eigen::Index i = 0; i < n; ++i) {
    d.y(i) = events.period > 0 ? (i % events.period == 0 ? 1 : 0) : (rng.uniform() < events.share ? 1 : 0);
    for (Eigen::Index j = 0; j < p; ++j) {
      const GaussianColumn& c = columns[static_cast<std::size_t>(j)];
      d.X(i, j) = c.offset + c.scale * rng.normal() + c.shift * d.y(i);
    }
  }
  return d;
}

}  // namespace cpptest
