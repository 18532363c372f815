// Averaged multi-class perceptron over hashed sparse features (Collins 2002; averaging as in
// Daume's "lazy" update, so an update costs O(features) regardless of training length).
//
// Training uses PerceptronTrainer; finish() freezes the averaged weights into a Perceptron,
// which is immutable and safe to share between threads. Weights are sparse per feature: a
// feature only stores the classes it was ever updated for, which keeps the model small and
// scoring cheap (most features touch a handful of classes). Frozen weights are rounded to
// 16-bit steps of one scale per model, which is how the file stores them.
#pragma once

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "extract/nlp/model_io.h"

namespace quarry::nlp {

class Perceptron {
 public:
  int num_classes() const { return num_classes_; }
  // Adds the weights of `feats` to `scores` (size num_classes(), caller-initialised).
  void score(const uint64_t* feats, size_t n, float* scores) const;
  size_t num_features() const { return slots_.size() - empty_slots_; }
  size_t num_weights() const { return classes_.size(); }

  // A copy without the weights smaller than `min_weight` in magnitude (features left with
  // no weight disappear): trades a little accuracy for size and speed.
  Perceptron pruned(float min_weight) const;

  void write(ModelWriter& out) const;
  // Reads what write() wrote; on malformed input marks `in` failed.
  void read(ModelReader& in);

 private:
  friend class PerceptronTrainer;
  void build(int num_classes,
             std::vector<std::pair<uint64_t, std::vector<std::pair<uint16_t, float>>>>& rows);

  int16_t quantize(float w) const;

  int num_classes_ = 0;
  float scale_ = 1.0f;  // weights are multiples of scale_ (16-bit codes in the file)
  // Open addressing, linear probing, power-of-two size; key 0 = empty slot.
  // One slot per cache-friendly 16 bytes: the key check and the entry range cost one miss.
  struct Slot {
    uint64_t key = 0;
    uint32_t begin = 0;  // first entry in classes_/weights_
    uint32_t len = 0;
  };
  std::vector<Slot> slots_;
  std::vector<uint16_t> classes_;
  std::vector<float> weights_;
  size_t empty_slots_ = 0;
};

class PerceptronTrainer {
 public:
  explicit PerceptronTrainer(int num_classes) : num_classes_(num_classes) {}
  int num_classes() const { return num_classes_; }
  // Current (not averaged) weights; scores must be zeroed by the caller.
  void score(const uint64_t* feats, size_t n, float* scores) const;
  // One training instance seen: advances the averaging clock.
  void tick() { ++now_; }
  // Moves weight from `guess` to `truth` for every feature.
  void update(const uint64_t* feats, size_t n, int truth, int guess);
  // Averaged weights; entries whose magnitude is below `min_weight` are dropped.
  Perceptron finish(float min_weight = 1e-3f) const;

 private:
  struct Param {
    uint16_t cls;
    float w;
    double total;  // sum of w over ticks up to `stamp`
    int64_t stamp;
  };
  int num_classes_;
  int64_t now_ = 0;
  std::unordered_map<uint64_t, std::vector<Param>> params_;
};

}  // namespace quarry::nlp
