// HugePages: an allocator for the bulk loader's big tables (sort runs, hash slots), and
// BigVector, a std::vector using it.
#pragma once

#include <sys/mman.h>

#include <cstddef>
#include <new>
#include <vector>

namespace quarry::storage {

// Tables of tens of MB in anonymous mappings with transparent huge pages: filling fresh
// memory one 4 KiB page fault at a time cost a tenth of an import, and a hash table
// probed at random misses the TLB on nearly every lookup with 4 KiB pages. Smaller
// tables come from operator new (aligned as T asks).
template <typename T>
struct HugePages {
  using value_type = T;
  static constexpr size_t kMin = 2u << 20;
  HugePages() = default;
  template <typename U>
  HugePages(const HugePages<U>&) {}
  T* allocate(size_t n) {
    size_t bytes = n * sizeof(T);
    if (bytes < kMin) return static_cast<T*>(::operator new(bytes, std::align_val_t(alignof(T))));
    void* p = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) throw std::bad_alloc();
    madvise(p, bytes, MADV_HUGEPAGE);
    return static_cast<T*>(p);
  }
  void deallocate(T* p, size_t n) {
    size_t bytes = n * sizeof(T);
    if (bytes < kMin) {
      ::operator delete(p, std::align_val_t(alignof(T)));
    } else {
      munmap(p, bytes);
    }
  }
  template <typename U>
  bool operator==(const HugePages<U>&) const {
    return true;
  }
};
template <typename T>
using BigVector = std::vector<T, HugePages<T>>;

}  // namespace quarry::storage
