// The plug-in extractor protocol (docs/extraction.md): documents out as JSON Lines, facts
// back as JSON Lines.
//
// The documents go through a temporary file rather than a pipe, so a plug-in that reads
// everything before writing and one that streams both work, and neither side can block the
// other on a full pipe.
#include <fmt/format.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "extract/ingest/ingester.h"

namespace quarry::extract::ingest {

namespace {

using json = nlohmann::json;

// A fact argument: a string, or {"text": ..., "type": ...}.
bool read_arg(const json& j, Argument& a, std::string& error, const char* field) {
  if (j.is_string()) {
    a.text = j.get<std::string>();
  } else if (j.is_object() && j.contains("text") && j["text"].is_string()) {
    a.text = j["text"].get<std::string>();
    if (j.contains("type") && j["type"].is_string()) a.type = j["type"].get<std::string>();
  } else {
    error = fmt::format("\"{}\" must be a string or {{\"text\", \"type\"}}", field);
    return false;
  }
  if (a.text.empty()) {
    error = fmt::format("\"{}\" is empty", field);
    return false;
  }
  return true;
}

std::string str(const json& j, const char* key) {
  return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
}

uint32_t u32(const json& j, const char* key) {
  return j.contains(key) && j[key].is_number_unsigned() ? j[key].get<uint32_t>() : 0;
}

}  // namespace

Result<std::vector<std::vector<ExtractedFact>>> run_plugin(const std::string& command,
                                                           const std::vector<Document>& docs) {
  char path[] = "/tmp/quarry-ingest-XXXXXX";
  int fd = mkstemp(path);
  if (fd < 0) return Error(ErrorCode::kIOError, "cannot create a temporary file");
  close(fd);
  struct Cleanup {
    const char* p;
    ~Cleanup() { std::remove(p); }
  } cleanup{path};
  std::map<std::string, size_t> index;
  {
    std::ofstream out(path, std::ios::binary);
    for (size_t i = 0; i < docs.size(); ++i) {
      const Document& d = docs[i];
      index.emplace(d.id, i);
      json j = {{"id", d.id},
                {"title", d.title},
                {"date", d.date},
                {"source", d.source},
                {"text", d.text}};
      out << j.dump(-1, ' ', false, json::error_handler_t::replace) << '\n';
    }
    if (!out) return Error(ErrorCode::kIOError, "cannot write the documents for the extractor");
  }
  std::string shell = fmt::format("( {} ) < {}", command, path);
  FILE* pipe = popen(shell.c_str(), "r");
  if (!pipe) return Error(ErrorCode::kIOError, "cannot start the extractor");
  std::vector<std::vector<ExtractedFact>> facts(docs.size());
  std::string line, error;
  size_t lineno = 0;
  char buf[65536];
  auto handle = [&](const std::string& l) {
    ++lineno;
    if (!error.empty() || l.find_first_not_of(" \t\r") == std::string::npos) return;
    auto j = json::parse(l, nullptr, false);
    std::string why;
    if (j.is_discarded() || !j.is_object()) why = "not a JSON object";
    ExtractedFact f;
    auto doc = why.empty() ? index.find(str(j, "doc")) : index.end();
    if (why.empty() && doc == index.end())
      why = fmt::format("unknown document \"{}\"", str(j, "doc"));
    if (why.empty() && (f.predicate = str(j, "predicate")).empty()) why = "no \"predicate\"";
    if (why.empty() && !j.contains("subject")) why = "no \"subject\"";
    if (why.empty() && !j.contains("object")) why = "no \"object\"";
    if (why.empty()) read_arg(j["subject"], f.subject, why, "subject");
    if (why.empty()) read_arg(j["object"], f.object, why, "object");
    if (!why.empty()) {
      error = fmt::format("output line {}: {}", lineno, why);
      return;
    }
    f.text = str(j, "text");
    f.sentence = u32(j, "sentence");
    f.start = u32(j, "start");
    f.end = u32(j, "end");
    f.confidence = j.contains("confidence") && j["confidence"].is_number()
                       ? j["confidence"].get<double>()
                       : 0.5;
    // `quarry extract --format jsonl` lines are accepted too: qualifiers nested in
    // "qualifiers", the span as "span": [start, end], extra arguments as [{"role", "text"}].
    const json& q = j.contains("qualifiers") && j["qualifiers"].is_object() ? j["qualifiers"] : j;
    f.qualifiers.negated = q.value("negated", false);
    f.qualifiers.hedged = q.value("hedged", false);
    f.qualifiers.attribution = str(q, "attribution");
    f.qualifiers.time = str(q, "time");
    f.qualifiers.place = str(q, "place");
    if (j.contains("span") && j["span"].is_array() && j["span"].size() == 2 &&
        j["span"][0].is_number_unsigned() && j["span"][1].is_number_unsigned()) {
      f.start = j["span"][0].get<uint32_t>();
      f.end = j["span"][1].get<uint32_t>();
    }
    if (j.contains("extra") && j["extra"].is_object()) {
      for (const auto& [role, v] : j["extra"].items()) {
        Argument a;
        std::string ignored;
        if (read_arg(v, a, ignored, "extra")) f.extra.emplace_back(role, std::move(a));
      }
    } else if (j.contains("extra") && j["extra"].is_array()) {
      for (const auto& v : j["extra"]) {
        Argument a;
        std::string ignored;
        if (v.is_object() && read_arg(v, a, ignored, "extra"))
          f.extra.emplace_back(str(v, "role"), a);
      }
    }
    f.rule = "plugin";
    facts[doc->second].push_back(std::move(f));
  };
  while (fgets(buf, sizeof buf, pipe)) {
    line += buf;
    if (!line.empty() && line.back() == '\n') {
      line.pop_back();
      handle(line);
      line.clear();
    }
  }
  if (!line.empty()) handle(line);
  int status = pclose(pipe);
  if (status == -1 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    return Error(
        ErrorCode::kRuntimeError,
        fmt::format("exited with status {}", WIFEXITED(status) ? WEXITSTATUS(status) : status));
  }
  if (!error.empty()) return Error(ErrorCode::kInvalidArgument, error);
  return facts;
}

}  // namespace quarry::extract::ingest
