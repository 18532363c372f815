#include "extract/nlp/perceptron.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace quarry::nlp {
namespace {

size_t slot_count(size_t n) {
  size_t s = 16;
  while (s < n + n / 2) s <<= 1;  // load factor <= 2/3 keeps probes short
  return s;
}

}  // namespace

void Perceptron::build(
    int num_classes,
    std::vector<std::pair<uint64_t, std::vector<std::pair<uint16_t, float>>>>& rows) {
  num_classes_ = num_classes;
  size_t slots = slot_count(rows.size());
  slots_.assign(slots, Slot{});
  classes_.clear();
  weights_.clear();
  for (auto& [key, entries] : rows) {
    size_t mask = slots - 1;
    size_t i = key & mask;
    while (slots_[i].key != 0) i = (i + 1) & mask;
    slots_[i] =
        Slot{key, static_cast<uint32_t>(classes_.size()), static_cast<uint32_t>(entries.size())};
    for (auto [c, w] : entries) {
      classes_.push_back(c);
      weights_.push_back(w);
    }
  }
  empty_slots_ = slots - rows.size();
  // Snap the weights to the 16-bit grid the file stores, so a model predicts exactly the
  // same before saving and after loading.
  float max_abs = 0;
  for (float w : weights_) max_abs = std::max(max_abs, std::fabs(w));
  scale_ = max_abs > 0 ? max_abs / 32767.0f : 1.0f;
  for (float& w : weights_) w = static_cast<float>(quantize(w)) * scale_;
}

int16_t Perceptron::quantize(float w) const {
  long q = std::lround(w / scale_);
  return static_cast<int16_t>(std::clamp<long>(q, -32767, 32767));
}

void Perceptron::score(const uint64_t* feats, size_t n, float* scores) const {
  if (slots_.empty()) return;
  const size_t mask = slots_.size() - 1;
  // The table is far larger than the caches: issuing every load first lets the misses
  // overlap instead of paying for them one after another.
  for (size_t f = 0; f < n; ++f) __builtin_prefetch(&slots_[feats[f] & mask]);
  constexpr size_t kBatch = 128;
  const Slot* found[kBatch];
  for (size_t base = 0; base < n; base += kBatch) {
    size_t m = 0;
    for (size_t f = base; f < n && f < base + kBatch; ++f) {
      const uint64_t key = feats[f];
      size_t i = key & mask;
      while (slots_[i].key != 0 && slots_[i].key != key) i = (i + 1) & mask;
      if (slots_[i].key == 0) continue;
      __builtin_prefetch(&classes_[slots_[i].begin]);
      __builtin_prefetch(&weights_[slots_[i].begin]);
      found[m++] = &slots_[i];
    }
    for (size_t k = 0; k < m; ++k) {
      const uint32_t b = found[k]->begin;
      const uint32_t e = b + found[k]->len;
      for (uint32_t j = b; j < e; ++j) scores[classes_[j]] += weights_[j];
    }
  }
}

Perceptron Perceptron::pruned(float min_weight) const {
  std::vector<std::pair<uint64_t, std::vector<std::pair<uint16_t, float>>>> rows;
  for (const Slot& slot : slots_) {
    if (slot.key == 0) continue;
    std::vector<std::pair<uint16_t, float>> entries;
    for (uint32_t j = slot.begin; j < slot.begin + slot.len; ++j)
      if (std::fabs(weights_[j]) >= min_weight) entries.emplace_back(classes_[j], weights_[j]);
    if (!entries.empty()) rows.emplace_back(slot.key, std::move(entries));
  }
  std::sort(rows.begin(), rows.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  Perceptron p;
  p.build(num_classes_, rows);
  return p;
}

void Perceptron::write(ModelWriter& out) const {
  out.u32(static_cast<uint32_t>(num_classes_));
  out.f32(scale_);
  out.u64(num_features());
  const bool narrow = num_classes_ <= 256;
  // Key order, not table order: the file depends only on the weights.
  std::vector<const Slot*> order;
  order.reserve(num_features());
  for (const Slot& slot : slots_)
    if (slot.key != 0) order.push_back(&slot);
  std::sort(order.begin(), order.end(),
            [](const Slot* a, const Slot* b) { return a->key < b->key; });
  for (const Slot* slot : order) {
    out.u64(slot->key);
    out.u16(static_cast<uint16_t>(slot->len));
    for (uint32_t j = slot->begin; j < slot->begin + slot->len; ++j) {
      if (narrow)
        out.u8(static_cast<uint8_t>(classes_[j]));
      else
        out.u16(classes_[j]);
      out.u16(static_cast<uint16_t>(quantize(weights_[j])));
    }
  }
}

void Perceptron::read(ModelReader& in) {
  // Straight into the flat arrays: loading must stay well under the 0.5 s budget.
  int classes = static_cast<int>(in.u32());
  scale_ = in.f32();
  uint64_t n = in.u64();
  if (!in.can_hold(n, 10) || !(scale_ > 0)) {
    in.fail();
    return;
  }
  num_classes_ = classes;
  const bool narrow = classes <= 256;
  const size_t slots = slot_count(n);
  const size_t mask = slots - 1;
  slots_.assign(slots, Slot{});
  classes_.clear();
  weights_.clear();
  classes_.reserve(n * 4);
  weights_.reserve(n * 4);
  // Each feature is key (u64), entry count (u16), then (class, weight) pairs; a pair is a
  // u8 or u16 class and an int16 weight code. One bounds check per feature, not per byte.
  const size_t pair_size = narrow ? 3 : 4;
  for (uint64_t f = 0; f < n; ++f) {
    const char* head = in.take(10);
    if (head == nullptr) return;
    uint64_t key;
    uint16_t len;
    std::memcpy(&key, head, 8);
    std::memcpy(&len, head + 8, 2);
    const char* body = key == 0 ? nullptr : in.take(size_t{len} * pair_size);
    if (body == nullptr) {
      in.fail();
      return;
    }
    size_t i = key & mask;
    while (slots_[i].key != 0) i = (i + 1) & mask;
    slots_[i] = Slot{key, static_cast<uint32_t>(classes_.size()), len};
    for (uint16_t j = 0; j < len; ++j, body += pair_size) {
      uint16_t c = static_cast<uint8_t>(body[0]);
      if (!narrow) std::memcpy(&c, body, 2);
      int16_t code;
      std::memcpy(&code, body + pair_size - 2, 2);
      if (c >= classes) in.fail();
      classes_.push_back(c);
      weights_.push_back(static_cast<float>(code) * scale_);
    }
  }
  empty_slots_ = slots - n;
}

void PerceptronTrainer::score(const uint64_t* feats, size_t n, float* scores) const {
  for (size_t f = 0; f < n; ++f) {
    auto it = params_.find(feats[f]);
    if (it == params_.end()) continue;
    for (const Param& p : it->second) scores[p.cls] += p.w;
  }
}

void PerceptronTrainer::update(const uint64_t* feats, size_t n, int truth, int guess) {
  if (truth == guess) return;
  auto bump = [this](std::vector<Param>& row, int cls, float delta) {
    for (Param& p : row) {
      if (p.cls == cls) {
        p.total += static_cast<double>(now_ - p.stamp) * p.w;
        p.stamp = now_;
        p.w += delta;
        return;
      }
    }
    row.push_back(Param{static_cast<uint16_t>(cls), delta, 0.0, now_});
  };
  for (size_t f = 0; f < n; ++f) {
    auto& row = params_[feats[f]];
    bump(row, truth, 1.0f);
    bump(row, guess, -1.0f);
  }
}

Perceptron PerceptronTrainer::finish(float min_weight) const {
  std::vector<std::pair<uint64_t, std::vector<std::pair<uint16_t, float>>>> rows;
  rows.reserve(params_.size());
  const double now = static_cast<double>(std::max<int64_t>(now_, 1));
  for (const auto& [key, params] : params_) {
    std::vector<std::pair<uint16_t, float>> entries;
    for (const Param& p : params) {
      double total = p.total + static_cast<double>(now_ - p.stamp) * p.w;
      float avg = static_cast<float>(total / now);
      if (std::fabs(avg) >= min_weight) entries.emplace_back(p.cls, avg);
    }
    if (entries.empty()) continue;
    std::sort(entries.begin(), entries.end());
    rows.emplace_back(key, std::move(entries));
  }
  // Fixed order makes the frozen table (and the model file) independent of hash-map order.
  std::sort(rows.begin(), rows.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  Perceptron model;
  model.build(num_classes_, rows);
  return model;
}

}  // namespace quarry::nlp
