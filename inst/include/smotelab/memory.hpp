// Large buffers that are written once, from start to end.
//
// Linux maps fresh memory in 4 KiB pages, one page fault each on first
// write; a buffer of hundreds of megabytes costs tens of thousands of faults,
// which on virtual machines can take longer than filling it. Transparent huge
// pages (2 MiB) cut that by 512 times, but many systems grant them only to
// memory that asks (the "madvise" setting). Asking is only advice: where it
// is not available nothing changes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <new>
#include <utility>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace smotelab {

// Advises huge pages for the whole 2 MiB pages inside [data, data + bytes).
// Call before the buffer is first written.
inline void prefer_huge_pages(void* data, std::size_t bytes) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  constexpr std::uintptr_t kHuge = std::uintptr_t{1} << 21;
  const auto begin = reinterpret_cast<std::uintptr_t>(data);
  const std::uintptr_t first = (begin + kHuge - 1) & ~(kHuge - 1);
  const std::uintptr_t last = (begin + bytes) & ~(kHuge - 1);
  if (last > first) madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE);
#else
  (void)data;
  (void)bytes;
#endif
}

// An uninitialised array, for buffers that are written whole before they are
// read, so that zero-filling them (as std::vector does) would be a wasted
// pass. On Linux, arrays of 8 MiB or more are aligned to 2 MiB and asked to
// live in huge pages.
template <class T>
class UninitBuffer {
 public:
  UninitBuffer() = default;
  explicit UninitBuffer(std::size_t n) : n_(n) {
    if (n == 0) return;
    void* p = nullptr;
#if defined(__linux__)
    constexpr std::size_t kHuge = std::size_t{1} << 21;
    const std::size_t bytes = (n * sizeof(T) + kHuge - 1) / kHuge * kHuge;
    if (bytes >= 4 * kHuge && posix_memalign(&p, kHuge, bytes) == 0) prefer_huge_pages(p, bytes);
#endif
    if (!p) p = std::malloc(n * sizeof(T));
    if (!p) throw std::bad_alloc();
    data_.reset(static_cast<T*>(p));
  }
  T* data() { return data_.get(); }
  const T* data() const { return data_.get(); }
  T& operator[](std::size_t i) { return data_.get()[i]; }
  const T& operator[](std::size_t i) const { return data_.get()[i]; }
  std::size_t size() const { return n_; }
  bool empty() const { return n_ == 0; }
  void swap(UninitBuffer& other) noexcept {
    data_.swap(other.data_);
    std::swap(n_, other.n_);
  }

 private:
  struct Free {
    void operator()(T* p) const { std::free(p); }
  };
  std::unique_ptr<T, Free> data_;
  std::size_t n_ = 0;
};

}  // namespace smotelab
