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

}  // namespace smotelab
