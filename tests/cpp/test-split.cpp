#include <algorithm>
#include <cstdint>
#include <numeric>
#include <vector>

#include "check.hpp"
#include "smotelab/split.hpp"

namespace {

std::vector<int> labels(const std::vector<std::size_t>& counts) {
  std::vector<int> y;
  for (std::size_t c = 0; c < counts.size(); ++c) y.insert(y.end(), counts[c], static_cast<int>(c));
  smotelab::Rng(99, 0).shuffle(y.begin(), y.end());
  return y;
}

}  // namespace

int main() {
  using smotelab::Rng;

  // approximate_mode: scikit-learn's documented examples, and exact sums.
  Rng rng(1, 0);
  CHECK((smotelab::approximate_mode({4, 2}, 3, rng) == std::vector<std::size_t>{2, 1}));
  CHECK((smotelab::approximate_mode({5, 2}, 4, rng) == std::vector<std::size_t>{3, 1}));
  CHECK((smotelab::approximate_mode({500, 268}, 576, rng) == std::vector<std::size_t>{375, 201}));
  for (int rep = 0; rep < 200; ++rep) {
    // Two of the four classes get one extra row; which two is random.
    const auto drawn = smotelab::approximate_mode({2, 2, 2, 1}, 2, rng);
    CHECK(std::accumulate(drawn.begin(), drawn.end(), std::size_t{0}) == 2);
    CHECK(drawn[3] == 0);
    CHECK(*std::max_element(drawn.begin(), drawn.end()) <= 1);
  }
  CHECK((smotelab::approximate_mode({7, 0, 3}, 10, rng) == std::vector<std::size_t>{7, 0, 3}));
  CHECK((smotelab::approximate_mode({7, 3}, 0, rng) == std::vector<std::size_t>{0, 0}));
  CHECK_THROWS(smotelab::approximate_mode({1, 1}, 3, rng), smotelab::internal_error);
  CHECK_THROWS(smotelab::approximate_mode({0, 0}, 0, rng), smotelab::internal_error);

  // stratified_split: test counts per class are the class minus its training
  // share, and the same seed picks the same rows.
  {
    const std::vector<std::size_t> counts{90, 10, 23};
    const std::vector<int> y = labels(counts);
    const auto a = smotelab::stratified_split(y.data(), y.size(), 3, 37, 5);
    const auto b = smotelab::stratified_split(y.data(), y.size(), 3, 37, 5);
    const auto c = smotelab::stratified_split(y.data(), y.size(), 3, 37, 6);
    CHECK(a == b);
    CHECK(a != c);
    std::vector<std::size_t> tested(3, 0);
    for (std::size_t i = 0; i < y.size(); ++i) tested[static_cast<std::size_t>(y[i])] += a[i];
    // Training shares of 86 rows: 62.93, 6.99, 16.07 -> 63, 7, 16.
    CHECK((tested == std::vector<std::size_t>{27, 3, 7}));
  }
  {
    const std::vector<int> bad{0, 1, 2};
    CHECK_THROWS(smotelab::stratified_split(bad.data(), 3, 2, 1, 1), smotelab::internal_error);
    const std::vector<int> y{0, 1, 0, 1};
    CHECK_THROWS(smotelab::stratified_split(y.data(), 4, 2, 5, 1), smotelab::internal_error);
  }

  // fold_allocation: scikit-learn's round robin over rows sorted by class.
  {
    const auto alloc = smotelab::fold_allocation({7, 5}, 3);
    CHECK((alloc == std::vector<std::size_t>{3, 1, 2, 2, 2, 2}));
  }

  // stratified_folds: per class the folds differ by at most one row, so do the
  // fold sizes, and repeat r is the same whatever the number of repeats.
  for (std::size_t v : {2, 3, 5, 10}) {
    const std::vector<std::size_t> counts{101, 17, 10, 33};
    const std::vector<int> y = labels(counts);
    const std::size_t n = y.size(), repeats = 3;
    std::vector<int> folds(n * repeats, -1);
    smotelab::stratified_folds(y.data(), n, 4, v, repeats, 7, folds.data());
    for (std::size_t r = 0; r < repeats; ++r) {
      std::vector<std::size_t> table(v * 4, 0), sizes(v, 0);
      for (std::size_t i = 0; i < n; ++i) {
        const int f = folds[r * n + i];
        CHECK(f >= 0 && f < static_cast<int>(v));
        ++table[static_cast<std::size_t>(f) * 4 + static_cast<std::size_t>(y[i])];
        ++sizes[static_cast<std::size_t>(f)];
      }
      for (std::size_t c = 0; c < 4; ++c) {
        std::size_t lo = n, hi = 0;
        for (std::size_t f = 0; f < v; ++f) {
          lo = std::min(lo, table[f * 4 + c]);
          hi = std::max(hi, table[f * 4 + c]);
        }
        CHECK(hi - lo <= 1);
      }
      CHECK(*std::max_element(sizes.begin(), sizes.end()) - *std::min_element(sizes.begin(), sizes.end()) <= 1);
    }
    CHECK(!std::equal(folds.begin(), folds.begin() + n, folds.begin() + n));
    std::vector<int> single(n);
    smotelab::stratified_folds(y.data(), n, 4, v, 1, 7, single.data());
    CHECK(std::equal(single.begin(), single.end(), folds.begin()));
  }

  return cpptest::report("split");
}
