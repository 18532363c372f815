// StringIds: a map from byte strings to uint64 values for the bulk loader's hot path
// (entity names and predicates, looked up twice or three times per imported line).
//
// Open addressing with linear probing over flat 32-byte slots (the hash's low 32 bits, which
// also place the slot, the value and the key): a key of up to 16 bytes is held in the
// slot itself, a longer one in an arena the slot points into. A lookup costs one hash and
// usually one cache line, where std::unordered_map<std::string, ...> walks a chain of
// separately allocated nodes (the largest single cost of a bulk import before this, see
// bench/RESULTS.md). With a million-entity table that line is a cache miss: keys inline
// halve the misses of a hit (there was a second one in the arena), and prefetch() lets a
// caller that knows its next keys start the miss early. Entries are never removed. Not
// thread-safe.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "storage/huge_pages.h"

namespace quarry::storage {

class StringIds {
 public:
  explicit StringIds(size_t expected = 256) { rehash(capacity_for(expected)); }

  static uint64_t hash(std::string_view s) { return std::hash<std::string_view>()(s); }

  // The value stored for `key` (whose hash() is `h`), or nullptr.
  const uint64_t* find(std::string_view key, uint64_t h) const {
    auto h32 = static_cast<uint32_t>(h);
    for (size_t i = h32 & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.length == kEmpty) return nullptr;
      if (s.hash == h32 && equal(s, key)) return &s.value;
    }
  }
  const uint64_t* find(std::string_view key) const { return find(key, hash(key)); }

  // Asks the CPU to fetch the slot where a lookup of hash `h` starts (a hint, no effect on
  // the result). GCC 12 dropped a __builtin_prefetch here (no prefetch instruction was
  // emitted in the bulk loader), so x86 gets the instruction itself.
  void prefetch(uint64_t h) const {
    const Slot* s = &slots_[static_cast<uint32_t>(h) & mask_];
#if defined(__x86_64__) || defined(__i386__)
    asm volatile("prefetcht0 %0" : : "m"(*s));
#else
    __builtin_prefetch(s);
#endif
  }

  // Stores key -> value unless `key` is there already; returns the stored value either way.
  uint64_t insert(std::string_view key, uint64_t h, uint64_t value) {
    if ((size_ + 1) * 4 > slots_.size() * 3) rehash(slots_.size() * 2);
    auto h32 = static_cast<uint32_t>(h);
    size_t i = h32 & mask_;
    for (;; i = (i + 1) & mask_) {
      Slot& s = slots_[i];
      if (s.length == kEmpty) break;
      if (s.hash == h32 && equal(s, key)) return s.value;
    }
    Slot& s = slots_[i];
    s.value = value;
    s.length = static_cast<uint32_t>(key.size());
    s.hash = h32;
    if (key.size() <= kInline) {
      std::memcpy(s.inline_key, key.data(), key.size());
    } else {
      s.offset = arena_.size();
      arena_.append(key);
    }
    ++size_;
    return value;
  }
  uint64_t insert(std::string_view key, uint64_t value) { return insert(key, hash(key), value); }

  size_t size() const { return size_; }

 private:
  static constexpr uint32_t kEmpty = ~0u;  // keys are shorter than 4 GiB
  static constexpr size_t kInline = 16;
  struct alignas(32) Slot {  // two to a cache line, never across two
    uint64_t value = 0;
    uint32_t length = kEmpty, hash = 0;
    union {
      char inline_key[kInline];  // length <= kInline
      uint64_t offset;           // into arena_, else
    };
  };

  static size_t capacity_for(size_t n) {
    size_t c = 16;
    while (c * 3 < n * 4) c *= 2;
    return c;
  }
  bool equal(const Slot& s, std::string_view key) const {
    if (s.length != key.size()) return false;
    const char* bytes = key.size() <= kInline ? s.inline_key : arena_.data() + s.offset;
    return std::memcmp(bytes, key.data(), key.size()) == 0;
  }
  void rehash(size_t capacity) {
    BigVector<Slot> old(capacity);
    old.swap(slots_);
    mask_ = capacity - 1;
    for (const Slot& s : old) {
      if (s.length == kEmpty) continue;
      size_t i = s.hash & mask_;
      while (slots_[i].length != kEmpty) i = (i + 1) & mask_;
      slots_[i] = s;
    }
  }

  BigVector<Slot> slots_;  // huge pages: probes at random would miss the TLB
  std::string arena_;
  size_t size_ = 0;
  size_t mask_ = 0;
};

}  // namespace quarry::storage
