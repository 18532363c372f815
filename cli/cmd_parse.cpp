// `quarry parse [--input text|conllu] [--format conllu|json|pretty] [--model PATH] FILE|-`
//
// Text is segmented into sentences and tokens, then tagged, parsed and entity-tagged by the
// model. With --input conllu the given tokenisation (FORM) is kept and everything else is
// predicted. Without a model file the command still segments, says so on stderr, and leaves
// the predicted columns empty.
#include <fmt/format.h>

#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <sstream>

#include "cli/cli.h"
#include "cli/parse_output.h"
#include "extract/nlp/conllu.h"
#include "extract/nlp/pipeline.h"
#include "extract/nlp/segmenter.h"

namespace quarry::cli {
namespace {

struct ParseOptions {
  std::string input = "text";
  std::string format = "conllu";
  std::string model;
  std::string file;
  bool line_per_sentence = false;
};

bool read_all(const std::string& file, std::string& out) {
  if (file == "-") {
    out.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    return true;
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) return false;
  out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return true;
}

void clear_predictions(nlp::Sentence& s) {
  for (auto& t : s.tokens) {
    t.lemma.clear(), t.upos.clear(), t.xpos.clear(), t.feats.clear(), t.deprel.clear();
    t.ner.clear();
    t.head = -1;
  }
}

int run_parse(const ParseOptions& o, const GlobalOptions& global) {
  std::string data;
  if (!read_all(o.file, data)) {
    std::cerr << "quarry parse: " << o.file << ": cannot open\n";
    return kExitUsage;
  }
  std::vector<nlp::Sentence> sentences;
  if (o.input == "conllu") {
    std::istringstream in(data);
    auto doc = nlp::read_conllu(in, o.file == "-" ? "<stdin>" : o.file);
    if (!doc) {
      std::cerr << "quarry parse: " << doc.error().message() << "\n";
      return kExitUsage;
    }
    sentences = std::move(doc->sentences);
    for (auto& s : sentences) {
      if (!s.text.empty()) continue;
      for (const auto& t : s.tokens) s.text += t.form + (t.space_after ? " " : "");
      while (!s.text.empty() && s.text.back() == ' ') s.text.pop_back();
    }
  } else {
    std::vector<std::string> warnings;
    nlp::SegmentOptions seg;
    seg.line_per_sentence = o.line_per_sentence;
    sentences = nlp::segment(data, seg, &warnings);
    for (const auto& w : warnings) std::cerr << o.file << ": warning: " << w << "\n";
    for (size_t i = 0; i < sentences.size(); ++i) sentences[i].id = std::to_string(i + 1);
  }

  std::optional<nlp::Pipeline> pipeline;
  auto loaded = nlp::Pipeline::load(o.model);
  if (loaded) {
    pipeline = std::move(loaded.value());
  } else if (loaded.error().code() == ErrorCode::kNotFound) {
    if (!global.quiet)
      std::cerr << "quarry parse: no model found at " << o.model
                << "; printing segmentation only (train one with `quarry train`)\n";
  } else {
    std::cerr << "quarry parse: " << loaded.error().message() << "\n";
    return exit_code_for(loaded.error());
  }

  // A text file is one document: its entities are made to agree across sentences. CoNLL-U
  // input is annotated sentence by sentence, as given.
  const bool whole_text = pipeline && o.input == "text";
  if (whole_text) pipeline->annotate_document(sentences);
  uint32_t previous_end = 0;
  for (auto& s : sentences) {
    // Paragraphs of text input are kept as CoNLL-U "# newpar" (a blank line before).
    if (o.input == "text" && o.format == "conllu" && !s.tokens.empty()) {
      if (previous_end == 0) std::cout << "# newdoc\n";
      std::string_view gap(data.data() + previous_end, s.tokens.front().start - previous_end);
      size_t nl = gap.find('\n');
      if (previous_end == 0 || (nl != gap.npos && gap.find('\n', nl + 1) != gap.npos &&
                                gap.find_first_not_of(" \t\r\n") == gap.npos))
        std::cout << "# newpar\n";
      previous_end = s.tokens.back().end;
    }
    if (!pipeline)
      clear_predictions(s);
    else if (!whole_text)
      pipeline->annotate(s);
    if (o.format == "json")
      write_sentence_json(std::cout, s);
    else if (o.format == "pretty")
      write_sentence_pretty(std::cout, s);
    else
      nlp::write_conllu(std::cout, s);
  }
  return kExitOk;
}

}  // namespace

void add_parse_command(CLI::App& app, GlobalOptions& global, CommandAction& run) {
  auto* cmd = app.add_subcommand("parse", "Segment, tag, parse and find entities in English text");
  static ParseOptions o;
  const char* env_model = std::getenv("QUARRY_MODEL");
  o.model = env_model && *env_model ? env_model : "models/en.qm";
  cmd->add_option("--input", o.input, "Input kind: text (default) or conllu (keeps its tokens)")
      ->check(CLI::IsMember({"text", "conllu"}));
  cmd->add_option("--format", o.format,
                  "Output: conllu (default), json (one object per "
                  "sentence per line) or pretty (trees for people)")
      ->check(CLI::IsMember({"conllu", "json", "pretty"}));
  cmd->add_option("--model", o.model, "Model file (default: $QUARRY_MODEL or models/en.qm)");
  cmd->add_flag("--line-per-sentence", o.line_per_sentence,
                "Every line break ends a sentence (default: only blank lines always do)");
  cmd->add_option("file", o.file, "Input file, or - for standard input")->required();
  cmd->callback([&run, &global] { run = [&global] { return run_parse(o, global); }; });
}

}  // namespace quarry::cli
