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

// Whether a strategy of kind k (neither a ratio nor counts) names class c.
// "auto" names every class but the majority when over-sampling and every
// class but the minority when under-sampling, as imbalanced-learn does.
inline bool names_class(SamplingStrategy::Kind k, std::size_t c, const ClassRoles& roles, bool over) {
  using Kind = SamplingStrategy::Kind;
  switch (k) {
    case Kind::automatic:
      return c != (over ? roles.maj : roles.min);
    case Kind::not_majority:
      return c != roles.maj;
    case Kind::not_minority:
      return c != roles.min;
    case Kind::majority:
      return c == roles.maj;
    case Kind::minority:
      return c == roles.min;
    case Kind::all:
      return true;
    case Kind::ratio:
    case Kind::counts:
      break;
  }
  return false;
}

// Final counts per class must not make an over-sampler remove rows or an
// under-sampler add them.
inline void check_counts(const SamplingStrategy& s, const std::vector<Eigen::Index>& class_counts, bool over,
                         const std::vector<std::string>& class_names) {
  for (std::size_t c = 0; c < class_counts.size(); ++c) {
    if (s.counts[c] < 0 || (over ? s.counts[c] >= class_counts[c] : s.counts[c] <= class_counts[c])) continue;
    fail(kind::sampling,
         over ? "sampling_strategy can't ask an over-sampler to remove rows."
              : "sampling_strategy can't ask an under-sampler to add rows.",
         {"Class " + class_label(c, class_names) + " has " + std::to_string(class_counts[c]) + " rows; " +
          std::to_string(s.counts[c]) + " were asked for."});
  }
}

// The count a ratio asks of the class that is not the majority (over-sampling:
// floor(ratio * n_majority)) or not the minority (under-sampling:
// floor(n_minority / ratio)); it must not remove or add rows respectively.
inline Eigen::Index ratio_target(double ratio, const std::vector<Eigen::Index>& class_counts, const ClassRoles& roles,
                                 bool over, const std::vector<std::string>& class_names) {
  const std::size_t other = 1 - (over ? roles.maj : roles.min);
  const Eigen::Index n_other = class_counts[other];
  const std::string asked =
      " rows of class " + class_label(other, class_names) + ", which has " + std::to_string(n_other) + ".";
  if (over) {
    const Eigen::Index n_maj = class_counts[roles.maj];
    const auto target = static_cast<Eigen::Index>(std::floor(ratio * static_cast<double>(n_maj)));
    if (target < n_other)
      fail(kind::sampling,
           "A ratio can't remove rows: sampling_strategy = " + format_ratio(ratio) + " asks for floor(" +
               format_ratio(ratio) + " * " + std::to_string(n_maj) + ") = " + std::to_string(target) + asked,
           {"An over-sampler only adds rows; use a ratio of at least " +
            ratio_bound(static_cast<double>(n_other) / static_cast<double>(n_maj), true) + "."});
    return target;
  }
  const Eigen::Index n_min = class_counts[roles.min];
  const auto target = static_cast<Eigen::Index>(std::floor(static_cast<double>(n_min) / ratio));
  if (target > n_other)
    fail(kind::sampling,
         "A ratio can't add rows: sampling_strategy = " + format_ratio(ratio) + " asks for floor(" +
             std::to_string(n_min) + " / " + format_ratio(ratio) + ") = " + std::to_string(target) + asked,
         {"An under-sampler only removes rows; use a ratio of at most " +
          ratio_bound(static_cast<double>(n_min) / static_cast<double>(n_other), false) + "."});
  return target;
}

// Each class's count after an over-sampler (`over`) or an under-sampler
// applies strategy s. The classes a kind names grow to the majority's count
// or shrink to the minority's; "majority" can't over-sample and "minority"
// can't under-sample.
inline std::vector<Eigen::Index> final_counts(const SamplingStrategy& s, const std::vector<Eigen::Index>& class_counts,
                                              bool over, const std::vector<std::string>& class_names) {
  using Kind = SamplingStrategy::Kind;
  const ClassRoles roles = class_roles(s, class_counts, class_names);
  std::vector<Eigen::Index> target = class_counts;
  if (s.kind == Kind::ratio) {
    target[1 - (over ? roles.maj : roles.min)] = ratio_target(s.ratio, class_counts, roles, over, class_names);
  } else if (s.kind == Kind::counts) {
    check_counts(s, class_counts, over, class_names);
    for (std::size_t c = 0; c < roles.K; ++c)
      if (s.counts[c] >= 0) target[c] = s.counts[c];
  } else {
    if (over && s.kind == Kind::majority)
      fail(kind::sampling, "sampling_strategy = \"majority\" can't be used to over-sample.",
           {"An over-sampler grows classes; \"majority\" is for under-sampling."});
    if (!over && s.kind == Kind::minority)
      fail(kind::sampling, "sampling_strategy = \"minority\" can't be used to under-sample.",
           {"An under-sampler shrinks classes; \"minority\" is for over-sampling."});
    const Eigen::Index level = class_counts[over ? roles.maj : roles.min];
    for (std::size_t c = 0; c < roles.K; ++c)
      if (names_class(s.kind, c, roles, over)) target[c] = level;
  }
  return target;
}

}  // namespace detail

// Rows to add per class for an over-sampler. `class_names`, when given, name
// the classes in error messages.
inline std::vector<Eigen::Index> rows_to_add(const SamplingStrategy& s, const std::vector<Eigen::Index>& class_counts,
                                             const std::vector<std::string>& class_names = {}) {
  std::vector<Eigen::Index> add = detail::final_counts(s, class_counts, true, class_names);
  for (std::size_t c = 0; c < add.size(); ++c) add[c] -= class_counts[c];
  return add;
}

// Rows to keep per class for an under-sampler.
inline std::vector<Eigen::Index> rows_to_keep(const SamplingStrategy& s, const std::vector<Eigen::Index>& class_counts,
                                              const std::vector<std::string>& class_names = {}) {
  return detail::final_counts(s, class_counts, false, class_names);
}

// The classes an under-sampling strategy names, as imbalanced-learn lists
// them in sampling_strategy_: only those are drawn from (and reordered) by
// RandomUnderSampler, even when a named class keeps all its rows.
inline std::vector<char> under_sampling_targets(const SamplingStrategy& s,
                                                const std::vector<Eigen::Index>& class_counts) {
  using Kind = SamplingStrategy::Kind;
  const detail::ClassRoles roles = detail::class_roles(s, class_counts);
  std::vector<char> targeted(roles.K, 0);
  for (std::size_t c = 0; c < roles.K; ++c) {
    switch (s.kind) {
      case Kind::ratio:
        targeted[c] = c != roles.min;
        break;
      case Kind::counts:
        targeted[c] = s.counts[c] >= 0;
        break;
      case Kind::minority:  // rows_to_keep() refuses it
        break;
      default:
        targeted[c] = detail::names_class(s.kind, c, roles, false);
    }
  }
  return targeted;
}

}  // namespace smotelab
