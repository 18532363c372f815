#include "extract/nlp/morphology.h"

#include <algorithm>
#include <map>

#include "extract/nlp/word_hashes.h"

namespace quarry::nlp {
namespace {

constexpr size_t kMaxSuffix = 5;

std::string key_form(std::string_view form, std::string_view upos) {
  return upos == "PROPN" ? std::string(form) : lowercase(form);
}

// Most frequent value per key; ties go to the smaller value, so training is deterministic.
std::unordered_map<std::string, std::string> most_frequent(
    const std::map<std::string, std::map<std::string, int>>& counts) {
  std::unordered_map<std::string, std::string> out;
  for (const auto& [key, values] : counts) {
    const std::string* best = nullptr;
    int n = 0;
    for (const auto& [v, c] : values)
      if (c > n) best = &v, n = c;
    out.emplace(key, *best);
  }
  return out;
}

void write_map(ModelWriter& out, const std::unordered_map<std::string, std::string>& m) {
  std::vector<std::pair<std::string, std::string>> v(m.begin(), m.end());
  std::sort(v.begin(), v.end());
  out.u64(v.size());
  for (const auto& [k, x] : v) {
    out.str(k);
    out.str(x);
  }
}

void read_map(ModelReader& in, std::unordered_map<std::string, std::string>& m) {
  m.clear();
  uint64_t n = in.u64();
  if (!in.can_hold(n, 8)) return;
  m.reserve(n);
  for (uint64_t i = 0; i < n && !in.failed(); ++i) {
    std::string k = in.str();
    m[k] = in.str();
  }
}

}  // namespace

void Morphology::analyse(Sentence& sentence) const {
  for (Token& t : sentence.tokens) {
    t.lemma = lemma(t.form, t.xpos, t.upos);
    t.feats = feats(t.form, t.xpos, t.upos);
  }
}

std::string Morphology::lemma(std::string_view form, std::string_view xpos,
                              std::string_view upos) const {
  std::string key = key_form(form, upos);
  std::string prefix = std::string(xpos) + '\t';
  auto it = lemmas_.find(prefix + key);
  if (it != lemmas_.end()) return it->second;
  for (size_t len = std::min(kMaxSuffix, key.size());; --len) {
    auto r = rules_.find(prefix + key.substr(key.size() - len));
    if (r != rules_.end()) {
      size_t tab = r->second.find('\t');
      size_t strip = std::stoul(r->second.substr(0, tab));
      if (strip <= key.size()) return key.substr(0, key.size() - strip) + r->second.substr(tab + 1);
    }
    if (len == 0) break;
  }
  return key;
}

std::string Morphology::feats(std::string_view form, std::string_view xpos,
                              std::string_view upos) const {
  std::string tags = std::string(xpos) + '\t' + std::string(upos);
  auto it = feats_.find(tags + '\t' + lowercase(form));
  if (it != feats_.end()) return it->second;
  auto t = tag_feats_.find(tags);
  return t == tag_feats_.end() ? std::string() : t->second;
}

Morphology Morphology::train(const std::vector<const Sentence*>& data) {
  std::map<std::string, std::map<std::string, int>> lemmas, rules, feats, tag_feats;
  for (const Sentence* s : data) {
    for (const Token& t : s->tokens) {
      std::string key = key_form(t.form, t.upos);
      std::string prefix = t.xpos + '\t';
      const std::string& lemma = t.lemma;
      ++lemmas[prefix + key][lemma];
      size_t common = 0;
      while (common < key.size() && common < lemma.size() && key[common] == lemma[common]) ++common;
      std::string rule = std::to_string(key.size() - common) + '\t' + lemma.substr(common);
      for (size_t len = 0; len <= std::min(kMaxSuffix, key.size()); ++len)
        ++rules[prefix + key.substr(key.size() - len)][rule];
      std::string tags = t.xpos + '\t' + t.upos;
      ++feats[tags + '\t' + lowercase(t.form)][t.feats];
      ++tag_feats[tags][t.feats];
    }
  }
  Morphology m;
  m.lemmas_ = most_frequent(lemmas);
  m.rules_ = most_frequent(rules);
  m.feats_ = most_frequent(feats);
  m.tag_feats_ = most_frequent(tag_feats);
  // Entries that the tag-level default already predicts are redundant: drop them.
  for (auto it = m.feats_.begin(); it != m.feats_.end();) {
    std::string tags = it->first.substr(0, it->first.rfind('\t'));
    it = m.tag_feats_[tags] == it->second ? m.feats_.erase(it) : std::next(it);
  }
  return m;
}

void Morphology::write(ModelWriter& out) const {
  write_map(out, lemmas_);
  write_map(out, rules_);
  write_map(out, feats_);
  write_map(out, tag_feats_);
}

void Morphology::read(ModelReader& in) {
  read_map(in, lemmas_);
  read_map(in, rules_);
  read_map(in, feats_);
  read_map(in, tag_feats_);
}

}  // namespace quarry::nlp
