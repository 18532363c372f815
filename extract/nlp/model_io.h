// Byte-level reading and writing of the NLP model file, and the feature hashing every
// model component shares.
//
// The file is little-endian: magic "QRYNLPM\0", u32 format version, then sections, each a
// 4-byte tag, a u64 payload length and the payload. ModelReader never reads past its end:
// any short or malformed read sets failed() and returns zeros, so a corrupt file turns into
// one kCorruption error at the end of load instead of undefined behaviour.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace quarry::nlp {

inline constexpr char kModelMagic[8] = {'Q', 'R', 'Y', 'N', 'L', 'P', 'M', '\0'};
inline constexpr uint32_t kModelVersion = 6;

// Stable across platforms and builds (the model file stores these hashes).
inline uint64_t mix64(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}
inline uint64_t hash_str(std::string_view s) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : s) h = (h ^ c) * 0x100000001b3ULL;
  return mix64(h);
}
// A feature key: template number plus up to three value hashes. Never 0 (0 marks an empty
// slot in the frozen weight table).
inline uint64_t feat(uint64_t templ, uint64_t a, uint64_t b = 0, uint64_t c = 0) {
  uint64_t h = mix64(templ * 0x9e3779b97f4a7c15ULL + a);
  h = mix64(h ^ (b + 0x632be59bd9b4e019ULL));
  h = mix64(h ^ (c + 0x8cb92ba72f3d8dd7ULL));
  return h ? h : 1;
}

class ModelWriter {
 public:
  void u8(uint8_t v) { buf_.push_back(static_cast<char>(v)); }
  void u16(uint16_t v) { raw(&v, 2); }
  void u32(uint32_t v) { raw(&v, 4); }
  void u64(uint64_t v) { raw(&v, 8); }
  void f32(float v) { raw(&v, 4); }
  void str(std::string_view s) {
    u32(static_cast<uint32_t>(s.size()));
    buf_.append(s);
  }
  void strings(const std::vector<std::string>& v) {
    u32(static_cast<uint32_t>(v.size()));
    for (const auto& s : v) str(s);
  }
  // Starts a section; end_section() patches its length.
  void begin_section(const char tag[4]);
  void end_section();
  const std::string& bytes() const { return buf_; }

 private:
  void raw(const void* p, size_t n) { buf_.append(static_cast<const char*>(p), n); }
  std::string buf_;
  size_t section_start_ = 0;
};

class ModelReader {
 public:
  ModelReader(const char* data, size_t size) : p_(data), end_(data + size) {}
  uint8_t u8() { return get<uint8_t>(); }
  uint16_t u16() { return get<uint16_t>(); }
  uint32_t u32() { return get<uint32_t>(); }
  uint64_t u64() { return get<uint64_t>(); }
  float f32() { return get<float>(); }
  std::string str();
  std::vector<std::string> strings();
  // Reads a section header and checks its tag; returns false (and fails) on mismatch.
  bool section(const char tag[4]);
  // Reads a section header like section() and returns a reader over exactly its payload,
  // moving this reader past it; so sections can be decoded independently (in parallel),
  // and a component that reads past its own section fails instead of eating the next.
  // On a mismatch this reader fails and the returned one is empty and failed.
  ModelReader section_reader(const char tag[4]);
  // The next `n` bytes, or nullptr (and failed()) when fewer remain: for bulk decoding.
  const char* take(size_t n) {
    if (failed_ || static_cast<size_t>(end_ - p_) < n) {
      failed_ = true;
      return nullptr;
    }
    const char* at = p_;
    p_ += n;
    return at;
  }
  // True when `n` more items of `item_size` bytes can be present; fails otherwise. Guards
  // allocations sized from file contents.
  bool can_hold(uint64_t n, size_t item_size);
  bool failed() const { return failed_; }
  void fail() { failed_ = true; }
  bool at_end() const { return p_ == end_; }

 private:
  template <class T>
  T get() {
    T v{};
    if (failed_ || static_cast<size_t>(end_ - p_) < sizeof(T)) {
      failed_ = true;
      return v;
    }
    std::memcpy(&v, p_, sizeof(T));
    p_ += sizeof(T);
    return v;
  }
  const char* p_;
  const char* end_;
  bool failed_ = false;
};

}  // namespace quarry::nlp
