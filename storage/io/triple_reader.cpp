#include "storage/io/triple_reader.h"

#include <charconv>
#include <vector>

#include "storage/io/reader_base.h"

namespace quarry::storage {

std::unique_ptr<TripleReader> make_jsonl_reader(std::istream& in, std::string name);
std::unique_ptr<TripleReader> make_ntriples_reader(std::istream& in, std::string name);

namespace io_detail {

bool parse_confidence(std::string_view text, double& out) {
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && p == text.data() + text.size() && out >= 0.0 && out <= 1.0;
}

}  // namespace io_detail

namespace {

using io_detail::LineReader;

// subject<TAB>predicate<TAB>object[<TAB>doc[<TAB>confidence]]
class TsvReader : public LineReader {
 public:
  using LineReader::LineReader;

  Result<bool> next(Fact& fact) override {
    if (!next_line(text_)) return false;
    fields_.clear();
    size_t begin = 0;
    for (;;) {
      size_t tab = text_.find('\t', begin);
      fields_.push_back(
          std::string_view(text_).substr(begin, tab == std::string::npos ? tab : tab - begin));
      if (tab == std::string::npos) break;
      begin = tab + 1;
    }
    if (fields_.size() < 3) {
      return bad(
          fmt::format("expected subject, predicate and object separated by tabs, found {} field{}",
                      fields_.size(), fields_.size() == 1 ? "" : "s"));
    }
    if (fields_.size() > 5)
      return bad(fmt::format("expected at most 5 fields, found {}", fields_.size()));
    static constexpr const char* kNames[] = {"subject", "predicate", "object"};
    for (int i = 0; i < 3; ++i) {
      if (fields_[i].find_first_not_of(" ") == std::string_view::npos) {
        return bad(fmt::format("empty {}", kNames[i]));
      }
    }
    // Assign field by field rather than `fact = Fact()`: the strings keep their capacity,
    // so a bulk import does not allocate for every line.
    fact.subject.name = fields_[0];
    fact.subject.type.clear();
    fact.predicate = fields_[1];
    fact.object.name = fields_[2];
    fact.object.type.clear();
    fact.text = fields_[1];
    fact.mention = Mention{std::string(), 0, 0, 0, 1.0, std::move(fact.mention.extractor)};
    fact.mention.extractor = "import";
    if (fields_.size() >= 4) fact.mention.doc = fields_[3];
    if (fields_.size() == 5 && !io_detail::parse_confidence(fields_[4], fact.mention.confidence)) {
      return bad(fmt::format("confidence must be a number between 0 and 1, not '{}'", fields_[4]));
    }
    return true;
  }

 private:
  std::string text_;
  std::vector<std::string_view> fields_;
};

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

std::unique_ptr<TripleReader> TripleReader::open(ImportFormat format, std::istream& in,
                                                 std::string display_name) {
  switch (format) {
    case ImportFormat::kJsonl: return make_jsonl_reader(in, std::move(display_name));
    case ImportFormat::kNTriples: return make_ntriples_reader(in, std::move(display_name));
    case ImportFormat::kAuto:
    case ImportFormat::kTsv: break;
  }
  return std::make_unique<TsvReader>(in, std::move(display_name));
}

Status read_facts(TripleReader& reader, const std::string& name, bool strict, ImportReport& report,
                  const std::function<Status(const Fact&)>& add) {
  Fact fact;
  for (;;) {
    auto more = reader.next(fact);
    if (more.ok() && !more.value()) break;
    Status s = more.status();
    if (s.ok()) {
      s = add(fact);
      if (!s.ok()) {
        s = Error(ErrorCode::kInvalidArgument,
                  fmt::format("{}:{}: {}", name, reader.line(), s.error().message()));
      }
    }
    if (!s.ok()) {
      if (strict) return s;
      report.bad_lines.push_back(s.error());
    }
  }
  report.lines = reader.line();
  return {};
}

ImportFormat format_for_path(const std::string& path) {
  if (ends_with(path, ".jsonl") || ends_with(path, ".ndjson") || ends_with(path, ".json")) {
    return ImportFormat::kJsonl;
  }
  if (ends_with(path, ".nt")) return ImportFormat::kNTriples;
  return ImportFormat::kTsv;
}

ImportFormat parse_import_format(std::string_view name) {
  if (name == "tsv") return ImportFormat::kTsv;
  if (name == "jsonl") return ImportFormat::kJsonl;
  if (name == "nt") return ImportFormat::kNTriples;
  return ImportFormat::kAuto;
}

}  // namespace quarry::storage
