#include "extract/nlp/model_io.h"

namespace quarry::nlp {

void ModelWriter::begin_section(const char tag[4]) {
  buf_.append(tag, 4);
  section_start_ = buf_.size();
  u64(0);
}

void ModelWriter::end_section() {
  uint64_t len = buf_.size() - section_start_ - 8;
  std::memcpy(buf_.data() + section_start_, &len, 8);
}

std::string ModelReader::str() {
  uint32_t n = u32();
  if (!can_hold(n, 1)) return {};
  std::string s(p_, n);
  p_ += n;
  return s;
}

std::vector<std::string> ModelReader::strings() {
  uint32_t n = u32();
  std::vector<std::string> v;
  if (!can_hold(n, 4)) return v;
  v.reserve(n);
  for (uint32_t i = 0; i < n && !failed_; ++i) v.push_back(str());
  return v;
}

bool ModelReader::section(const char tag[4]) {
  if (failed_ || end_ - p_ < 12 || std::memcmp(p_, tag, 4) != 0) {
    failed_ = true;
    return false;
  }
  p_ += 4;
  uint64_t len = u64();
  return can_hold(len, 1);
}

ModelReader ModelReader::section_reader(const char tag[4]) {
  if (!section(tag)) {
    ModelReader empty(p_, 0);
    empty.fail();
    return empty;
  }
  // section() checked that the payload length fits; it is the u64 just read.
  uint64_t len;
  std::memcpy(&len, p_ - 8, 8);
  ModelReader sub(p_, static_cast<size_t>(len));
  p_ += len;
  return sub;
}

bool ModelReader::can_hold(uint64_t n, size_t item_size) {
  if (failed_ || n > static_cast<uint64_t>(end_ - p_) / item_size) failed_ = true;
  return !failed_;
}

}  // namespace quarry::nlp
