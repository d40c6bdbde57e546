// numpy's legacy RandomState, checked against values printed by numpy 1.24
// (np.random.RandomState(seed).<method>); the R tests compare many more.
#include <cstdint>
#include <vector>

#include "check.hpp"
#include "smotelab/numpy_random.hpp"

int main() {
  using smotelab::NumpyRandomState;

  NumpyRandomState a(42);
  CHECK(a.random_sample() == 0.3745401188473625);
  CHECK(a.random_sample() == 0.9507143064099162);
  CHECK(a.random_sample() == 0.7319939418114051);

  NumpyRandomState b(0);
  CHECK_NEAR(b.standard_normal(), 1.764052345967664, 1e-15);
  CHECK_NEAR(b.standard_normal(), 0.4001572083672233, 1e-15);  // the cached partner
  CHECK_NEAR(b.standard_normal(), 0.9787379841057392, 1e-15);

  NumpyRandomState c(1);
  const std::vector<std::int64_t> small{5, 3, 4, 0, 1, 3, 5, 0};
  for (std::int64_t v : small) CHECK(c.randint(0, 7) == v);

  NumpyRandomState d(1);  // a range above 32 bits draws 64-bit words
  CHECK(d.randint(0, std::int64_t{1} << 40) == 163196666091LL);
  CHECK(d.randint(0, std::int64_t{1} << 40) == 605300724808LL);
  CHECK(d.randint(0, std::int64_t{1} << 40) == 1095766950793LL);

  NumpyRandomState e(5);
  const std::vector<std::int64_t> perm{9, 5, 2, 4, 7, 1, 0, 8, 6, 3};
  CHECK(e.permutation(10) == perm);

  NumpyRandomState f(4294967295U);
  CHECK(f.random_sample() == 0.0976320289940138);
  CHECK(f.random_sample() == 0.9123828453026218);

  // A range of one value draws nothing: the next draw is the first.
  NumpyRandomState g(42);
  CHECK(g.randint(3, 4) == 3);
  CHECK(g.random_sample() == 0.3745401188473625);

  // Shuffles of zero or one element draw nothing either.
  NumpyRandomState h(42);
  std::vector<int> empty, one{7};
  h.shuffle(empty.begin(), empty.end());
  h.shuffle(one.begin(), one.end());
  CHECK(one[0] == 7);
  CHECK(h.random_sample() == 0.3745401188473625);

  return cpptest::report("numpy-random");
}
