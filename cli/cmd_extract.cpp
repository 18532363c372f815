// `quarry extract [--format jsonl|tsv|carb] [--pretokenized] [--model M] FILE|-`
//
// Facts with provenance from documents, streamed, with no database: a filter for pipelines
// and map tasks. Input: plain text (one document), JSON Lines documents ({"id", "title",
// "date", "source", "text"}; recognised by a '{' first character), or with --pretokenized
// one space-tokenised sentence per line whose tokens are kept exactly as given. A bad JSON
// line is reported as file:line and skipped; the rest goes on (exit 1 at the end).
#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "cli/cli.h"
#include "extract/facts/extractor.h"
#include "extract/facts/fact_io.h"
#include "extract/nlp/pipeline.h"
#include "extract/nlp/segmenter.h"
#include "extract/resolve/document.h"

namespace quarry::cli {
namespace {

struct ExtractCliOptions {
  std::string format = "jsonl";
  std::string model;
  std::string file;
  bool pretokenized = false;
  bool open_ie = false;
  double min_confidence = 0.0;
};

// A sentence from tokens given one line, separated by single spaces; offsets index the line.
nlp::Sentence sentence_from_tokens(const std::string& line) {
  nlp::Sentence s;
  s.text = line;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && line[i] == ' ') ++i;
    size_t j = i;
    while (j < line.size() && line[j] != ' ') ++j;
    if (j > i) {
      nlp::Token t;
      t.form = line.substr(i, j - i);
      t.start = static_cast<uint32_t>(i);
      t.end = static_cast<uint32_t>(j);
      s.tokens.push_back(std::move(t));
    }
    i = j;
  }
  return s;
}

class Extractor {
 public:
  Extractor(const ExtractCliOptions& o, nlp::Pipeline& p) : o_(o), pipeline_(p) {
    options_.open_ie = o.format == "carb" || o.open_ie;
    options_.min_confidence = o.min_confidence;
    if (o.format == "tsv") extract::write_tsv_header(std::cout);
  }
  void sentence(const extract::Document& doc, nlp::Sentence& s, uint32_t index) {
    pipeline_.annotate(s);
    write(doc, s, index);
  }
  // Annotated as one document, as `quarry ingest` does, so both give the same facts.
  void document(const extract::Document& doc) {
    auto sentences = nlp::segment(doc.text);
    pipeline_.annotate_document(sentences);
    if (o_.format != "jsonl") {
      for (size_t i = 0; i < sentences.size(); ++i)
        write(doc, sentences[i], static_cast<uint32_t>(i));
      return;
    }
    // JSON Lines carry the document's entity resolution too, so that `quarry import` can
    // merge the output of many extract runs (docs/scaling.md). Written in reading order.
    std::vector<extract::ExtractedFact> facts;
    for (size_t i = 0; i < sentences.size(); ++i) {
      auto f = extract::extract_facts(sentences[i], static_cast<uint32_t>(i), options_);
      facts.insert(facts.end(), std::make_move_iterator(f.begin()),
                   std::make_move_iterator(f.end()));
    }
    std::stable_sort(facts.begin(), facts.end(), [](const auto& a, const auto& b) {
      return a.sentence != b.sentence ? a.sentence < b.sentence : a.subject.start < b.subject.start;
    });
    auto resolved =
        extract::resolve::resolve_document(sentences, facts, doc.date, "quarry-extract/1");
    std::vector<const Fact*> by_fact(facts.size(), nullptr);
    for (size_t k = 0; k < resolved.origin.size(); ++k)
      by_fact[resolved.origin[k]] = &resolved.facts[k];
    for (size_t i = 0; i < facts.size(); ++i)
      extract::write_fact_jsonl(std::cout, doc, facts[i], by_fact[i]);
  }

 private:
  void write(const extract::Document& doc, const nlp::Sentence& s, uint32_t index) {
    for (const auto& f : extract::extract_facts(s, index, options_)) {
      if (o_.format == "carb")
        extract::write_fact_carb(std::cout, s.text, f);
      else if (o_.format == "tsv")
        extract::write_fact_tsv(std::cout, doc, f);
      else
        extract::write_fact_jsonl(std::cout, doc, f);
    }
  }
  const ExtractCliOptions& o_;
  nlp::Pipeline& pipeline_;
  extract::ExtractOptions options_;
};

int run_extract(const ExtractCliOptions& o) {
  std::ifstream file;
  if (o.file != "-") {
    file.open(o.file, std::ios::binary);
    if (!file) {
      std::cerr << "quarry extract: " << o.file << ": cannot open\n";
      return kExitUsage;
    }
  }
  std::istream& in = o.file == "-" ? std::cin : file;
  const std::string name = o.file == "-" ? "<stdin>" : o.file;
  auto loaded = nlp::Pipeline::load(o.model);
  if (!loaded) {
    std::cerr << "quarry extract: " << loaded.error().message()
              << (loaded.error().code() == ErrorCode::kNotFound
                      ? " (give --model or $QUARRY_MODEL; train one with `quarry train`)"
                      : "")
              << "\n";
    return exit_code_for(loaded.error());
  }
  nlp::Pipeline pipeline = std::move(loaded.value());
  Extractor ex(o, pipeline);
  int status = kExitOk;

  if (o.pretokenized) {
    extract::Document doc;
    doc.id = name;
    std::string line;
    uint32_t index = 0;
    while (std::getline(in, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.find_first_not_of(' ') == std::string::npos) continue;
      nlp::Sentence s = sentence_from_tokens(line);
      ex.sentence(doc, s, index++);
    }
    return status;
  }
  // JSON Lines when the first non-blank character opens an object.
  int first = in.peek();
  while (first == ' ' || first == '\n' || first == '\r' || first == '\t') {
    in.get();
    first = in.peek();
  }
  if (first == '{') {
    std::string line;
    for (uint64_t n = 1; std::getline(in, line); ++n) {
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      auto doc = extract::parse_document_json(line);
      if (!doc) {
        std::cerr << fmt::format("{}:{}: {}\n", name, n, doc.error().message());
        status = kExitQueryError;
        continue;
      }
      if (doc->id.empty()) doc->id = fmt::format("{}:{}", name, n);
      ex.document(*doc);
    }
    return status;
  }
  extract::Document doc;
  doc.id = name;
  doc.text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  ex.document(doc);
  return status;
}

}  // namespace

void add_extract_command(CLI::App& app, GlobalOptions& /*global*/, CommandAction& run) {
  auto* cmd = app.add_subcommand(
      "extract", "Extract facts with provenance from documents or sentences (no database)");
  static ExtractCliOptions o;
  const char* env_model = std::getenv("QUARRY_MODEL");
  o.model = env_model && *env_model ? env_model : "models/en.qm";
  cmd->add_option("--format", o.format,
                  "Output: jsonl (default, one fact per line), tsv, or carb (CaRB's tab format)")
      ->check(CLI::IsMember({"jsonl", "tsv", "carb"}));
  cmd->add_flag("--pretokenized", o.pretokenized,
                "Input is one space-tokenised sentence per line; tokens are kept as given");
  cmd->add_flag("--open-ie", o.open_ie,
                "CaRB's open-IE conventions in jsonl/tsv too (always on for carb), so a "
                "benchmark run can be read with its rules");
  cmd->add_option("--model", o.model, "Model file (default: $QUARRY_MODEL or models/en.qm)");
  cmd->add_option("--min-confidence", o.min_confidence, "Drop facts below this (default 0)");
  cmd->add_option("file", o.file, "Input file, or - for standard input")->required();
  cmd->callback([&run] { run = [] { return run_extract(o); }; });
}

}  // namespace quarry::cli
