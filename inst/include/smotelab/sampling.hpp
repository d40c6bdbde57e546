// How many rows each class gains or keeps: imbalanced-learn's
// `sampling_strategy` (imblearn/utils/_validation.py).
//
// Classes are coded 0..K-1. "The majority" and "the minority" are the first
// class, in code order, with the largest and the smallest count, as
// imbalanced-learn picks the first of its sorted labels.
//
// Over-sampling: a ratio r (binary only) takes the minority to floor(r * n_majority)
// rows; "auto" is "not majority"; the string forms take the classes they
// target up to the majority's count; counts give final sizes.
// Under-sampling: a ratio r (binary only) takes the majority down to
// floor(n_minority / r); "auto" is "not minority"; the string forms take the
// classes they target down to the minority's count; counts give final sizes.
//
// One deliberate difference: imbalanced-learn rejects an over-sampling ratio
// that adds no row at all; here it adds none, so a sweep of ratios can start
// at the current balance. A ratio that would remove rows is an error.
#pragma once

#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <sstream>
#include <string>
#include <vector>

#include "errors.hpp"

namespace smotelab {

struct SamplingStrategy {
  enum class Kind { automatic, minority, majority, not_minority, not_majority, all, ratio, counts };
  Kind kind = Kind::automatic;
  double ratio = 1.0;                // for Kind::ratio, in (0, 1]
  std::vector<Eigen::Index> counts;  // for Kind::counts: final count per class, -1 = leave as is
};

namespace detail {

inline std::string class_label(std::size_t c, const std::vector<std::string>& names) {
  if (c < names.size()) return "\"" + names[c] + "\"";
  return std::to_string(c);
}

inline std::string format_ratio(double r) {
  std::ostringstream s;
  s.precision(15);
  s << r;
  return s.str();
}

// A bound on the ratio, shown with four decimals and rounded towards the
// side where it still holds, so the advice works when followed.
inline std::string ratio_bound(double r, bool round_up) {
  const double shown = (round_up ? std::ceil(r * 1e4) : std::floor(r * 1e4)) / 1e4;
  return format_ratio(shown);
}

inline void check_strategy(const SamplingStrategy& s, const std::vector<Eigen::Index>& class_counts,
                           const std::vector<std::string>& class_names = {}) {
  require(class_counts.size() >= 2, "sampling needs at least two classes");
  for (std::size_t c = 0; c < class_counts.size(); ++c)
    if (class_counts[c] < 1)
      fail(kind::levels, "Every class must have rows to resample; class " + class_label(c, class_names) + " has none.");
  if (s.kind == SamplingStrategy::Kind::ratio) {
    if (class_counts.size() != 2)
      fail(kind::sampling,
           "sampling_strategy can't be a ratio with " + std::to_string(class_counts.size()) + " classes.",
           {"A ratio needs a binary outcome; give final counts per class instead."});
    require(s.ratio > 0.0 && s.ratio <= 1.0, "sampling_strategy must be a ratio in (0, 1]");
  }
  if (s.kind == SamplingStrategy::Kind::counts) {
    require(s.counts.size() == class_counts.size(), "sampling_strategy counts must have one entry per class");
  }
}

inline std::size_t majority(const std::vector<Eigen::Index>& n) {
  return static_cast<std::size_t>(std::max_element(n.begin(), n.end()) - n.begin());
}

inline std::size_t minority(const std::vector<Eigen::Index>& n) {
  return static_cast<std::size_t>(std::min_element(n.begin(), n.end()) - n.begin());
}

// The number of classes, the majority and the minority a strategy is read
// against, once the strategy has passed its checks.
struct ClassRoles {
  std::size_t K, maj, min;
};

inline ClassRoles class_roles(const SamplingStrategy& s, const std::vector<Eigen::Index>& class_counts,
                              const std::vector<std::string>& class_names = {}) {
  check_strategy(s, class_counts, class_names);
  return {class_counts.size(), majority(class_counts), minority(class_counts)};
}

}  // namespace detail

// Rows to add per class for an over-sampler. `class_names`, when given, name
// the classes in error messages.
inline std::vector<Eigen::Index> rows_to_add(const SamplingStrategy& s, const std::vector<Eigen::Index>& class_counts,
                                             const std::vector<std::string>& class_names = {}) {
  using Kind = SamplingStrategy::Kind;
  const auto [K, maj, min] = detail::class_roles(s, class_counts, class_names);
  const Eigen::Index n_maj = class_counts[maj];
  std::vector<Eigen::Index> add(K, 0);
  switch (s.kind) {
    case Kind::ratio: {
      const std::size_t other = 1 - maj;
      const auto target = static_cast<Eigen::Index>(std::floor(s.ratio * static_cast<double>(n_maj)));
      if (target < class_counts[other])
        fail(kind::sampling,
             "A ratio can't remove rows: sampling_strategy = " + detail::format_ratio(s.ratio) + " asks for floor(" +
                 detail::format_ratio(s.ratio) + " * " + std::to_string(n_maj) + ") = " + std::to_string(target) +
                 " rows of class " + detail::class_label(other, class_names) + ", which has " +
                 std::to_string(class_counts[other]) + ".",
             {"An over-sampler only adds rows; use a ratio of at least " +
              detail::ratio_bound(static_cast<double>(class_counts[other]) / static_cast<double>(n_maj), true) + "."});
      add[other] = target - class_counts[other];
      break;
    }
    case Kind::automatic:
    case Kind::not_majority:
      for (std::size_t c = 0; c < K; ++c)
        if (c != maj) add[c] = n_maj - class_counts[c];
      break;
    case Kind::not_minority:
      for (std::size_t c = 0; c < K; ++c)
        if (c != min) add[c] = n_maj - class_counts[c];
      break;
    case Kind::minority:
      add[min] = n_maj - class_counts[min];
      break;
    case Kind::all:
      for (std::size_t c = 0; c < K; ++c) add[c] = n_maj - class_counts[c];
      break;
    case Kind::majority:
      fail(kind::sampling, "sampling_strategy = \"majority\" can't be used to over-sample.",
           {"An over-sampler grows classes; \"majority\" is for under-sampling."});
    case Kind::counts:
      for (std::size_t c = 0; c < K; ++c) {
        if (s.counts[c] < 0) continue;
        if (s.counts[c] < class_counts[c])
          fail(kind::sampling, "sampling_strategy can't ask an over-sampler to remove rows.",
               {"Class " + detail::class_label(c, class_names) + " has " + std::to_string(class_counts[c]) + " rows; " +
                std::to_string(s.counts[c]) + " were asked for."});
        add[c] = s.counts[c] - class_counts[c];
      }
      break;
  }
  return add;
}

// Rows to keep per class for an under-sampler.
inline std::vector<Eigen::Index> rows_to_keep(const SamplingStrategy& s, const std::vector<Eigen::Index>& class_counts,
                                              const std::vector<std::string>& class_names = {}) {
  using Kind = SamplingStrategy::Kind;
  const auto [K, maj, min] = detail::class_roles(s, class_counts, class_names);
  const Eigen::Index n_min = class_counts[min];
  std::vector<Eigen::Index> keep = class_counts;
  switch (s.kind) {
    case Kind::ratio: {
      const std::size_t other = 1 - min;
      const auto target = static_cast<Eigen::Index>(std::floor(static_cast<double>(n_min) / s.ratio));
      if (target > class_counts[other])
        fail(kind::sampling,
             "A ratio can't add rows: sampling_strategy = " + detail::format_ratio(s.ratio) + " asks for floor(" +
                 std::to_string(n_min) + " / " + detail::format_ratio(s.ratio) + ") = " + std::to_string(target) +
                 " rows of class " + detail::class_label(other, class_names) + ", which has " +
                 std::to_string(class_counts[other]) + ".",
             {"An under-sampler only removes rows; use a ratio of at most " +
              detail::ratio_bound(static_cast<double>(n_min) / static_cast<double>(class_counts[other]), false) + "."});
      keep[other] = target;
      break;
    }
    case Kind::automatic:
    case Kind::not_minority:
      for (std::size_t c = 0; c < K; ++c)
        if (c != min) keep[c] = n_min;
      break;
    case Kind::not_majority:
      for (std::size_t c = 0; c < K; ++c)
        if (c != maj) keep[c] = n_min;
      break;
    case Kind::majority:
      keep[maj] = n_min;
      break;
    case Kind::all:
      for (std::size_t c = 0; c < K; ++c) keep[c] = n_min;
      break;
    case Kind::minority:
      fail(kind::sampling, "sampling_strategy = \"minority\" can't be used to under-sample.",
           {"An under-sampler shrinks classes; \"minority\" is for over-sampling."});
    case Kind::counts:
      for (std::size_t c = 0; c < K; ++c) {
        if (s.counts[c] < 0) continue;
        if (s.counts[c] > class_counts[c])
          fail(kind::sampling, "sampling_strategy can't ask an under-sampler to add rows.",
               {"Class " + detail::class_label(c, class_names) + " has " + std::to_string(class_counts[c]) + " rows; " +
                std::to_string(s.counts[c]) + " were asked for."});
        keep[c] = s.counts[c];
      }
      break;
  }
  return keep;
}

// The classes an under-sampling strategy names, as imbalanced-learn lists
// them in sampling_strategy_: only those are drawn from (and reordered) by
// RandomUnderSampler, even when a named class keeps all its rows.
inline std::vector<char> under_sampling_targets(const SamplingStrategy& s,
                                                const std::vector<Eigen::Index>& class_counts) {
  using Kind = SamplingStrategy::Kind;
  const auto [K, maj, min] = detail::class_roles(s, class_counts);
  std::vector<char> targeted(K, 0);
  for (std::size_t c = 0; c < K; ++c) {
    switch (s.kind) {
      case Kind::ratio:
      case Kind::automatic:
      case Kind::not_minority:
        targeted[c] = c != min;
        break;
      case Kind::not_majority:
        targeted[c] = c != maj;
        break;
      case Kind::majority:
        targeted[c] = c == maj;
        break;
      case Kind::all:
        targeted[c] = 1;
        break;
      case Kind::counts:
        targeted[c] = s.counts[c] >= 0;
        break;
      case Kind::minority:
        break;
    }
  }
  return targeted;
}

}  // namespace smotelab
