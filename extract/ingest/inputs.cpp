#include "extract/ingest/inputs.h"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>

#include "extract/ingest/dates.h"

namespace quarry::extract::ingest {

namespace fs = std::filesystem;

namespace {

bool has_ext(const fs::path& p, std::initializer_list<const char*> exts) {
  std::string e = p.extension().string();
  std::transform(e.begin(), e.end(), e.begin(), [](unsigned char c) { return std::tolower(c); });
  return std::any_of(exts.begin(), exts.end(), [&](const char* x) { return e == x; });
}
bool is_jsonl(const fs::path& p) { return has_ext(p, {".jsonl", ".ndjson"}); }
bool is_text(const fs::path& p) { return has_ext(p, {".txt", ".md", ".markdown"}); }

// Length of the valid UTF-8 sequence at s[i], or 0 when it is not valid.
size_t utf8_len(std::string_view s, size_t i) {
  auto b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) return 1;
  size_t n = b >= 0xF0 && b <= 0xF4 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 && b < 0xE0 ? 2 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k) {
    if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
  }
  return n;
}

void emit_jsonl(std::istream& in, const std::string& name, const DocumentSink& emit,
                const ProblemSink& problem, size_t& count) {
  std::string line;
  size_t lineno = 0;
  while (std::getline(in, line)) {
    ++lineno;
    std::string where = fmt::format("{}:{}", name, lineno);
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
      problem(where + ": not a JSON object");
      continue;
    }
    InputDocument d;
    d.origin = where;
    std::string bad;
    auto field = [&](const char* key, std::string& out) {
      if (!j.contains(key) || j[key].is_null()) return;
      if (!j[key].is_string()) {
        bad = fmt::format("\"{}\" must be a string", key);
        return;
      }
      out = j[key].get<std::string>();
    };
    field("id", d.doc.id);
    field("title", d.doc.title);
    field("date", d.doc.date);
    field("source", d.doc.source);
    field("text", d.doc.text);
    if (bad.empty() && !j.contains("text")) bad = "no \"text\"";
    if (bad.empty() && !d.doc.date.empty() && !is_iso_date(d.doc.date)) {
      bad = fmt::format("\"date\" '{}' is not an ISO date (YYYY-MM-DD)", d.doc.date);
    }
    if (bad.empty()) bad = text_problem(d.doc.text);
    if (!bad.empty()) {
      problem(where + ": " + bad);
      continue;
    }
    if (d.doc.id.empty()) d.doc.id = where;
    complete_metadata(d.doc);
    emit(std::move(d));
    ++count;
  }
}

void emit_text(std::string text, const std::string& name, const DocumentSink& emit,
               const ProblemSink& problem, size_t& count) {
  if (auto bad = text_problem(text); !bad.empty()) {
    problem(name + ": " + bad);
    return;
  }
  InputDocument d;
  d.origin = name;
  d.doc.id = name;
  d.doc.text = std::move(text);
  complete_metadata(d.doc);
  emit(std::move(d));
  ++count;
}

}  // namespace

std::string text_problem(std::string_view text) {
  if (auto nul = text.find('\0'); nul != std::string_view::npos) {
    return fmt::format("binary data (a NUL byte at byte {}), skipped", nul);
  }
  for (size_t i = 0; i < text.size();) {
    size_t n = utf8_len(text, i);
    if (n == 0) return fmt::format("invalid UTF-8 at byte {}, skipped", i);
    i += n;
  }
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) return "empty document, skipped";
  return {};
}

void complete_metadata(Document& doc) {
  if (doc.title.empty()) {
    std::istringstream in(doc.text);
    std::string line;
    while (std::getline(in, line)) {
      size_t b = line.find_first_not_of(" \t#*");
      if (b == std::string::npos) continue;
      size_t e = line.find_last_not_of(" \t\r*");
      doc.title = line.substr(b, e - b + 1);
      if (doc.title.size() > 200) doc.title = doc.title.substr(0, 200);
      break;
    }
  }
  if (doc.date.empty() || doc.source.empty()) {
    Dateline dl = find_dateline(doc.text);
    if (doc.date.empty()) doc.date = dl.date;
    if (doc.source.empty()) doc.source = dl.source;
  }
}

size_t read_inputs(const std::vector<std::string>& paths, const DocumentSink& emit,
                   const ProblemSink& problem) {
  size_t count = 0;
  for (const std::string& path : paths) {
    if (path == "-") {
      std::string all{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
      size_t b = all.find_first_not_of(" \t\r\n");
      if (b != std::string::npos && all[b] == '{') {
        std::istringstream in(all);
        emit_jsonl(in, "-", emit, problem, count);
      } else {
        emit_text(std::move(all), "-", emit, problem, count);
      }
      continue;
    }
    std::error_code ec;
    std::vector<fs::path> files;
    if (fs::is_directory(path, ec)) {
      for (auto it = fs::recursive_directory_iterator(path, ec); !ec && it != fs::end(it);
           it.increment(ec)) {
        if (it->is_regular_file(ec) && (is_text(it->path()) || is_jsonl(it->path()))) {
          files.push_back(it->path());
        }
      }
      if (ec) problem(fmt::format("{}: cannot list: {}", path, ec.message()));
      std::sort(files.begin(), files.end());
    } else {
      files.emplace_back(path);
    }
    for (const auto& file : files) {
      std::string name = file.string();
      std::ifstream in(file, std::ios::binary);
      if (!in) {
        problem(fmt::format("{}: cannot read: {}", name, std::strerror(errno)));
        continue;
      }
      if (is_jsonl(file)) {
        emit_jsonl(in, name, emit, problem, count);
      } else {
        std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
        if (in.bad()) {
          problem(fmt::format("{}: read error", name));
          continue;
        }
        emit_text(std::move(text), name, emit, problem, count);
      }
    }
  }
  return count;
}

}  // namespace quarry::extract::ingest
