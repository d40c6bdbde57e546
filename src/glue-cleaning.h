// Shared by the cleaning under-samplers and their pipeline steps.
#pragma once

#include "glue.h"
#include "smotelab/cleaning.hpp"

namespace glue {
inline smotelab::EnnKind enn_kind_from_r(const std::string& kind) {
  using Kind = smotelab::EnnKind;
  return enum_from_r<Kind>(kind, {{"all", Kind::all}, {"mode", Kind::mode}}, "kind_sel");
}
}  // namespace glue
