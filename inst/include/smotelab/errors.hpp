// Errors thrown by the core. The R layer validates input first; these are the
// core's own guarantees, turned into classed R conditions by the glue.
#pragma once

#include <stdexcept>
#include <string>

namespace smotelab {

// Input that the core cannot work with (wrong sizes, non-finite values, ...).
struct input_error : std::invalid_argument {
  using std::invalid_argument::invalid_argument;
};

// A numerical procedure that could not finish (e.g. a singular system).
struct numeric_error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

inline void require(bool ok, const std::string& message) {
  if (!ok) throw input_error(message);
}

}  // namespace smotelab
