#include <algorithm>
#include <numeric>
#include <vector>

#include "check.hpp"
#include "smotelab/rng.hpp"

int main() {
  using smotelab::Rng;

  // Same (seed, stream) -> same sequence; another stream -> another sequence.
  Rng a(42, 3), b(42, 3), c(42, 4), d(43, 3);
  bool same = true, differs_stream = false, differs_seed = false;
  for (int i = 0; i < 1000; ++i) {
    const auto x = a.next();
    same &= x == b.next();
    differs_stream |= x != c.next();
    differs_seed |= x != d.next();
  }
  CHECK(same);
  CHECK(differs_stream);
  CHECK(differs_seed);

  // Uniforms lie in [0, 1) with mean 1/2; below(n) is in range and roughly flat.
  Rng r(7, 0);
  const int n = 200000;
  double sum = 0, lo = 1, hi = 0;
  std::vector<int> counts(10, 0);
  for (int i = 0; i < n; ++i) {
    const double u = r.uniform();
    sum += u;
    lo = std::min(lo, u);
    hi = std::max(hi, u);
    const auto k = r.below(10);
    CHECK(k < 10);
    ++counts[k];
  }
  CHECK(lo >= 0.0 && hi < 1.0);
  CHECK_NEAR(sum / n, 0.5, 0.005);
  for (int k : counts) CHECK_NEAR(k / double(n), 0.1, 0.005);

  // Normals: mean 0, variance 1.
  double s1 = 0, s2 = 0;
  for (int i = 0; i < n; ++i) {
    const double z = r.normal();
    s1 += z;
    s2 += z * z;
  }
  CHECK_NEAR(s1 / n, 0.0, 0.01);
  CHECK_NEAR(s2 / n, 1.0, 0.02);

  // A shuffle is a permutation.
  std::vector<int> v(1000);
  std::iota(v.begin(), v.end(), 0);
  r.shuffle(v.begin(), v.end());
  std::vector<int> sorted = v;
  std::sort(sorted.begin(), sorted.end());
  bool perm = true;
  for (int i = 0; i < 1000; ++i) perm &= sorted[i] == i;
  CHECK(perm);
  CHECK(!std::is_sorted(v.begin(), v.end()));

  return cpptest::report("rng");
}
