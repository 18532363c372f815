#include "extract/nlp/entity_lists.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace quarry::nlp {
namespace {

uint64_t phrase_step(uint64_t h, uint64_t word) {
  return mix64(h ^ (word + 0x2545f4914f6cdd1dULL));
}
constexpr uint64_t kPhraseSeed = 0x6a09e667f3bcc909ULL;

bool read_file(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream s;
  s << in.rdbuf();
  out = s.str();
  return true;
}

// iso-codes JSON: {"3166-1": [{"name": ..., "official_name": ..., "common_name": ...}]}.
bool load_iso(NameLists& lists, const std::string& path, const char* key, uint8_t kinds) {
  std::string text;
  if (!read_file(path, text)) return false;
  auto doc = nlohmann::json::parse(text, nullptr, false);
  if (doc.is_discarded() || !doc.contains(key)) return false;
  for (const auto& entry : doc[key])
    for (const char* field : {"name", "official_name", "common_name"})
      if (entry.contains(field) && entry[field].is_string())
        lists.add(entry[field].get<std::string>(), kinds);
  return true;
}

// tzdata's zone.tab: "CC<TAB>coordinates<TAB>Area/City_Name[<TAB>comment]".
bool load_zones(NameLists& lists, const std::string& path) {
  std::ifstream in(path);
  if (!in) return false;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cols;
    std::stringstream ss(line);
    for (std::string c; std::getline(ss, c, '\t');) cols.push_back(c);
    if (cols.size() < 3) continue;
    std::string city = cols[2].substr(cols[2].rfind('/') + 1);
    std::replace(city.begin(), city.end(), '_', ' ');
    lists.add(city, NameLists::kPlace);
  }
  return true;
}

// A faker person provider (Python source): the quoted strings of every assignment whose
// name holds "names" ("first_names_female = (...)", "last_names = OrderedDict((...))").
void load_faker_file(NameLists& lists, const std::string& text) {
  size_t line = 0;
  while (line < text.size()) {
    size_t end = text.find('\n', line);
    if (end == std::string::npos) end = text.size();
    size_t var = text.find_first_not_of(" \t", line);
    size_t eq = text.find('=', line);
    size_t next = end + 1;
    if (var < end && eq < end) {
      std::string name = text.substr(var, text.find_last_not_of(" \t", eq - 1) + 1 - var);
      uint8_t kinds = 0;
      if (name.find("names") != std::string::npos &&
          name.find_first_not_of("abcdefghijklmnopqrstuvwxyz_") == std::string::npos)
        kinds =
            name.find("last") != std::string::npos ? NameLists::kLastName
            : name.find("first") != std::string::npos || name.find("middle") != std::string::npos
                ? NameLists::kFirstName
                : 0;
      size_t open = text.find_first_not_of(" \t", eq + 1);
      if (kinds != 0 && open < end && std::string("([{O").find(text[open]) != std::string::npos) {
        int depth = 0;
        size_t i = open;
        for (; i < text.size(); ++i) {
          char c = text[i];
          if (c == '(' || c == '[' || c == '{') ++depth;
          if ((c == ')' || c == ']' || c == '}') && --depth == 0) break;
          if (c == '#') i = std::min(text.find('\n', i), text.size() - 1);  // comment
          if (c == '\'' || c == '"') {
            size_t close = text.find(c, i + 1);
            if (close == std::string::npos) break;
            std::string s = text.substr(i + 1, close - i - 1);
            if (s.size() >= 2 && s[0] >= 'A' && s[0] <= 'Z' &&
                s.find_first_of("{\\.") == std::string::npos)
              lists.add(s, kinds);
            i = close;
          }
        }
        next = std::max(next, i + 1);
      }
    }
    line = next;
  }
}

bool load_faker(NameLists& lists, const std::string& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return false;
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
    if (entry.is_directory()) files.push_back((entry.path() / "__init__.py").string());
  std::sort(files.begin(), files.end());
  for (const std::string& f : files) {
    std::string text;
    if (read_file(f, text)) load_faker_file(lists, text);
  }
  return !files.empty();
}

bool load_words(NameLists& lists, const std::string& path) {
  std::ifstream in(path);
  if (!in) return false;
  std::string w;
  while (std::getline(in, w)) {
    if (w.empty() || w.find('\'') != std::string::npos) continue;
    if (w[0] >= 'A' && w[0] <= 'Z')
      lists.add(w, NameLists::kProperWord);
    else if (w[0] >= 'a' && w[0] <= 'z')
      lists.add(w, NameLists::kCommonWord);
  }
  return true;
}

}  // namespace

void NameLists::add(const std::string& name, uint8_t kinds) {
  std::vector<std::string> parts;
  std::stringstream ss(name);
  for (std::string p; ss >> p;) parts.push_back(lowercase(p));
  if (parts.empty() || parts.size() > kMaxPhrase || name.find_first_of(",()") != std::string::npos)
    return;
  if (parts.size() == 1) {
    words_[hash_str(parts[0])] |= kinds;
    return;
  }
  uint64_t h = kPhraseSeed;
  for (const std::string& p : parts) h = phrase_step(h, hash_str(p));
  phrases_[h] |= kinds;
}

NameLists NameLists::load(const NameListSources& src, std::vector<std::string>* missing) {
  NameLists lists;
  auto check = [&](bool ok, const std::string& path) {
    if (!ok && missing) missing->push_back(path);
  };
  check(load_iso(lists, src.iso_codes + "/iso_3166-1.json", "3166-1", kPlace | kCountry),
        src.iso_codes + "/iso_3166-1.json");
  check(load_iso(lists, src.iso_codes + "/iso_3166-3.json", "3166-3", kPlace | kCountry),
        src.iso_codes + "/iso_3166-3.json");
  check(load_iso(lists, src.iso_codes + "/iso_3166-2.json", "3166-2", kPlace),
        src.iso_codes + "/iso_3166-2.json");
  check(load_zones(lists, src.zone_tab), src.zone_tab);
  check(load_faker(lists, src.faker_persons), src.faker_persons);
  check(load_words(lists, src.words), src.words);
  return lists;
}

void NameLists::phrases(const std::vector<WordHashes>& w, std::vector<uint16_t>& out) const {
  out.assign(w.size(), 0);
  if (phrases_.empty()) return;
  for (size_t i = 0; i + 1 < w.size(); ++i) {
    if (!w[i].upper_initial) continue;
    uint64_t h = phrase_step(kPhraseSeed, w[i].lower);
    size_t best = 0;
    uint8_t kinds = 0;
    for (size_t len = 2; len <= kMaxPhrase && i + len <= w.size(); ++len) {
      h = phrase_step(h, w[i + len - 1].lower);
      auto it = phrases_.find(h);
      if (it != phrases_.end()) best = len, kinds = it->second;
    }
    if (best == 0) continue;
    for (size_t j = i; j < i + best; ++j)
      out[j] = static_cast<uint16_t>(kinds << 2 | (j == i ? 1 : j + 1 == i + best ? 3 : 2));
    i += best - 1;
  }
}

void NameLists::write(ModelWriter& out) const {
  for (const auto* table : {&words_, &phrases_}) {
    std::vector<std::pair<uint64_t, uint8_t>> v(table->begin(), table->end());
    std::sort(v.begin(), v.end());
    out.u64(v.size());
    for (auto [h, k] : v) {
      out.u64(h);
      out.u8(k);
    }
  }
}

void NameLists::read(ModelReader& in) {
  for (auto* table : {&words_, &phrases_}) {
    table->clear();
    uint64_t n = in.u64();
    if (!in.can_hold(n, 9)) return;
    table->reserve(n);
    for (uint64_t i = 0; i < n; ++i) {
      uint64_t h = in.u64();
      (*table)[h] = in.u8();
    }
  }
}

}  // namespace quarry::nlp
