// JSON Lines facts: one object per line,
//   {"subject": "Kim Jong Un", "subject_type": "Person", "predicate": "meet",
//    "object": {"name": "Sergei Shoigu", "type": "Person"}, "text": "met",
//    "doc": "d1", "sentence": 0, "start": 0, "end": 42, "confidence": 0.9}
// or with "mentions": [{"doc", "sentence", "start", "end", "confidence", "extractor"}...],
// which yields one fact per mention (the shape `quarry export --format jsonl` writes).
// Rows with "kind": "node" (an export's entity rows) are skipped.
//
// The line shape `quarry extract --format jsonl` writes is read too: arguments as objects
// {"text", "type", "name", "aliases", "merges", "variants"} (the resolved "name" wins over
// the "text" as written), "span": [start, end], "qualifiers": {...} and "extra": [{"role",
// "name"|"text"}] as mention qualifiers. Rows marked "unresolved": true (a pronoun its
// document could not resolve) carry no fact and are skipped.
#include <nlohmann/json.hpp>

#include <deque>

#include "storage/io/reader_base.h"

namespace quarry::storage {
namespace {

using nlohmann::json;

class JsonlReader : public io_detail::LineReader {
 public:
  using LineReader::LineReader;

  Result<bool> next(Fact& fact) override {
    if (!pending_.empty()) {
      fact = std::move(pending_.front());
      pending_.pop_front();
      return true;
    }
    json row;
    do {
      if (!next_line(text_)) return false;
      row = json::parse(text_, nullptr, /*allow_exceptions=*/false);
      if (row.is_discarded()) return bad("not valid JSON");
      if (!row.is_object()) return bad("expected a JSON object");
      // An export's node rows describe entities its edge rows also carry; skip them.
    } while ((row.contains("kind") && row["kind"] == "node") ||
             (row.contains("unresolved") && row["unresolved"] == true));
    Fact base;
    names_resolved_ = false;
    if (auto err = read_entity(row, "subject", base.subject)) return *err;
    if (auto err = read_entity(row, "object", base.object)) return *err;
    if (auto err = read_string(row, "predicate", base.predicate, true)) return *err;
    if (auto err = read_string(row, "text", base.text, false)) return *err;
    if (base.text.empty()) base.text = base.predicate;
    if (auto err = read_bool(row, "symmetric", base.symmetric)) return *err;
    base.mention.extractor = "import";
    if (auto err = read_mention(row, base.mention)) return *err;
    if (auto err = read_qualifiers(row, base.mention.qualifiers)) return *err;
    auto mentions = row.find("mentions");
    if (mentions == row.end() || mentions->empty()) {
      fact = std::move(base);
      return true;
    }
    if (!mentions->is_array()) return bad("\"mentions\" must be an array");
    for (const json& m : *mentions) {
      if (!m.is_object()) return bad("each of \"mentions\" must be an object");
      Fact f = base;
      if (auto err = read_mention(m, f.mention)) return *err;
      pending_.push_back(std::move(f));
    }
    fact = std::move(pending_.front());
    pending_.pop_front();
    return true;
  }

 private:
  std::optional<Error> read_string(const json& obj, const char* key, std::string& out,
                                   bool required) const {
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) {
      if (required) return bad(fmt::format("missing \"{}\"", key));
      return std::nullopt;
    }
    if (!it->is_string()) return bad(fmt::format("\"{}\" must be a string", key));
    out = it->get<std::string>();
    if (required && out.empty()) return bad(fmt::format("empty \"{}\"", key));
    return std::nullopt;
  }

  std::optional<Error> read_bool(const json& obj, const char* key, bool& out) const {
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) return std::nullopt;
    if (!it->is_boolean()) return bad(fmt::format("\"{}\" must be true or false", key));
    out = it->get<bool>();
    return std::nullopt;
  }

  std::optional<Error> read_strings(const json& obj, const char* key,
                                    std::vector<std::string>& out) const {
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) return std::nullopt;
    if (!it->is_array()) return bad(fmt::format("\"{}\" must be an array of strings", key));
    for (const json& s : *it) {
      if (!s.is_string()) return bad(fmt::format("\"{}\" must be an array of strings", key));
      out.push_back(s.get<std::string>());
    }
    return std::nullopt;
  }

  bool names_resolved() const override { return names_resolved_; }

  std::optional<Error> read_entity(const json& row, const char* key, EntityRef& out) {
    auto it = row.find(key);
    if (it != row.end() && it->is_object()) {
      // An extract row's argument: the resolved name if any, else the text as written.
      bool named = it->contains("name") || !it->contains("text");
      if (it->contains("text")) names_resolved_ = true;
      if (auto err = read_string(*it, named ? "name" : "text", out.name, true)) return err;
      if (auto err = read_strings(*it, "aliases", out.aliases)) return err;
      if (auto err = read_strings(*it, "merges", out.merges)) return err;
      if (auto err = read_strings(*it, "variants", out.variants)) return err;
      return read_string(*it, "type", out.type, false);
    }
    if (auto err = read_string(row, key, out.name, true)) return err;
    return read_string(row, (std::string(key) + "_type").c_str(), out.type, false);
  }

  std::optional<Error> read_uint(const json& obj, const char* key, uint32_t& out) const {
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) return std::nullopt;
    if (!it->is_number_unsigned())
      return bad(fmt::format("\"{}\" must be a non-negative integer", key));
    out = it->get<uint32_t>();
    return std::nullopt;
  }

  // "qualifiers" (strings, booleans, numbers) and "extra" roles become mention qualifiers.
  std::optional<Error> read_qualifiers(const json& row, Map& out) const {
    auto q = row.find("qualifiers");
    if (q != row.end() && !q->is_null()) {
      if (!q->is_object()) return bad("\"qualifiers\" must be an object");
      for (const auto& [key, v] : q->items()) {
        if (v.is_string()) {
          out.emplace_back(key, Value(v.get<std::string>()));
        } else if (v.is_boolean()) {
          out.emplace_back(key, Value(v.get<bool>()));
        } else if (v.is_number_integer()) {
          out.emplace_back(key, Value(v.get<int64_t>()));
        } else if (v.is_number()) {
          out.emplace_back(key, Value(v.get<double>()));
        } else {
          return bad(fmt::format("qualifier \"{}\" must be a string, boolean or number", key));
        }
      }
    }
    auto extra = row.find("extra");
    if (extra == row.end() || extra->is_null()) return std::nullopt;
    if (!extra->is_array()) return bad("\"extra\" must be an array");
    for (const json& e : *extra) {
      if (!e.is_object()) return bad("each of \"extra\" must be an object");
      std::string role, name;
      if (auto err = read_string(e, "role", role, true)) return err;
      if (auto err = read_string(e, e.contains("name") ? "name" : "text", name, true)) return err;
      bool known = false;
      for (const auto& kv : out) known = known || kv.first == role;
      if (!known) out.emplace_back(role, Value(name));
    }
    return std::nullopt;
  }

  std::optional<Error> read_mention(const json& obj, Mention& m) const {
    if (auto err = read_string(obj, "doc", m.doc, false)) return err;
    if (auto err = read_string(obj, "extractor", m.extractor, false)) return err;
    if (auto err = read_uint(obj, "sentence", m.sentence)) return err;
    if (auto err = read_uint(obj, "start", m.start)) return err;
    if (auto err = read_uint(obj, "end", m.end)) return err;
    if (auto span = obj.find("span"); span != obj.end() && !span->is_null()) {
      if (!span->is_array() || span->size() != 2 || !(*span)[0].is_number_unsigned() ||
          !(*span)[1].is_number_unsigned()) {
        return bad("\"span\" must be [start, end]");
      }
      m.start = (*span)[0].get<uint32_t>();
      m.end = (*span)[1].get<uint32_t>();
    }
    auto c = obj.find("confidence");
    if (c != obj.end() && !c->is_null()) {
      if (!c->is_number() || c->get<double>() < 0 || c->get<double>() > 1) {
        return bad("\"confidence\" must be a number between 0 and 1");
      }
      m.confidence = c->get<double>();
    }
    return std::nullopt;
  }

  std::string text_;
  std::deque<Fact> pending_;
  bool names_resolved_ = false;  // of the row the pending facts came from
};

}  // namespace

std::unique_ptr<TripleReader> make_jsonl_reader(std::istream& in, std::string name) {
  return std::make_unique<JsonlReader>(in, std::move(name));
}

}  // namespace quarry::storage
