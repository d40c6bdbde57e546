// A minimal harness for the standalone core tests: CHECK counts failures,
// main() returns non-zero if any check failed.
#pragma once

#include <cmath>
#include <cstdio>

namespace cpptest {
inline int& failures() {
  static int n = 0;
  return n;
}
inline int& checks() {
  static int n = 0;
  return n;
}
inline int report(const char* name) {
  std::printf("%s: %d checks, %d failed\n", name, checks(), failures());
  return failures() == 0 ? 0 : 1;
}
}  // namespace cpptest

#define CHECK(cond)                                                        \
  do {                                                                     \
    ++cpptest::checks();                                                   \
    if (!(cond)) {                                                         \
      ++cpptest::failures();                                               \
      std::printf("%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
    }                                                                      \
  } while (0)

#define CHECK_NEAR(a, b, tol) CHECK(std::fabs((a) - (b)) <= (tol))

#define CHECK_THROWS(expr, type) \
  do {                           \
    bool thrown_ = false;        \
    try {                        \
      expr;                      \
    } catch (const type&) {      \
      thrown_ = true;            \
    }                            \
    CHECK(thrown_);              \
  } while (0)
