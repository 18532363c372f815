// The pipeline trained on a tiny treebank of our own: training is deterministic, the model
// file round-trips, damaged files are refused, and what was taught is predicted.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>

#include "extract/nlp/conllu.h"
#include "extract/nlp/pipeline.h"
#include "extract/nlp/pipeline_models.h"
#include "extract/nlp/train.h"

using namespace quarry;
using namespace quarry::nlp;

namespace {

std::vector<Sentence> tiny_treebank() {
  auto doc = read_conllu_file(QUARRY_SOURCE_DIR "/tests/nlp/data/tiny.conllu");
  REQUIRE(doc.ok());
  return doc->sentences;
}

PipelineTrainOptions tiny_options() {
  PipelineTrainOptions o;
  o.tagger_iterations = 10;
  o.parser_iterations = 15;
  o.entity_iterations = 10;
  o.jackknife_folds = 0;
  o.min_weight = 0;  // a tiny treebank gives tiny weights: keep them all
  o.tagger_min_weight = 0;
  return o;
}

Sentence forms_only(const Sentence& gold) {
  Sentence s;
  for (const Token& t : gold.tokens) {
    Token copy;
    copy.form = t.form;
    s.tokens.push_back(copy);
  }
  return s;
}

std::string file_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

std::string temp_path(const char* name) { return std::string(QUARRY_BINARY_DIR "/") + name; }

}  // namespace

TEST_CASE("tiny training run predicts what it was taught") {
  auto gold = tiny_treebank();
  Pipeline p = train_pipeline(gold, tiny_options());
  Sentence s = forms_only(gold[0]);  // Anna met Tom in Paris .
  p.annotate(s);
  std::vector<int> heads;
  std::vector<std::string> rels, ner;
  for (const Token& t : s.tokens) {
    heads.push_back(t.head);
    rels.push_back(t.deprel);
    ner.push_back(t.ner);
  }
  CHECK(heads == std::vector<int>{2, 0, 2, 5, 2, 2});
  CHECK(rels == std::vector<std::string>{"nsubj", "root", "obj", "case", "obl", "punct"});
  CHECK(ner == std::vector<std::string>{"B-person", "O", "B-person", "O", "B-place", "O"});
  CHECK(s.tokens[1].lemma == "meet");
  CHECK(s.tokens[1].xpos == "VBD");
  CHECK(s.tokens[1].feats == "Mood=Ind|Tense=Past|VerbForm=Fin");

  Sentence passive = forms_only(gold[5]);  // The book was written by Anna .
  p.annotate(passive);
  CHECK(passive.tokens[1].deprel == "nsubj:pass");
  CHECK(passive.tokens[2].deprel == "aux:pass");
  CHECK(passive.tokens[5].deprel == "obl:agent");
  CHECK(passive.tokens[5].head == 4);
}

TEST_CASE("lemma rules: irregular forms from the table, regular ones by suffix rule") {
  auto gold = tiny_treebank();
  std::vector<const Sentence*> all;
  for (const Sentence& s : gold) all.push_back(&s);
  Morphology m = Morphology::train(all);
  CHECK(m.lemma("met", "VBD", "VERB") == "meet");
  CHECK(m.lemma("led", "VBD", "VERB") == "lead");
  // Never seen: learned from landed -> land and ended -> end.
  CHECK(m.lemma("handed", "VBD", "VERB") == "hand");
  CHECK(m.lemma("Handed", "VBD", "VERB") == "hand");
  CHECK(m.lemma("Rome", "NNP", "PROPN") == "Rome");
}

TEST_CASE("training is deterministic and the model file round-trips") {
  auto gold = tiny_treebank();
  const std::string a = temp_path("nlp_test_a.qm"), b = temp_path("nlp_test_b.qm");
  REQUIRE(train_pipeline(gold, tiny_options()).save(a).ok());
  REQUIRE(train_pipeline(gold, tiny_options()).save(b).ok());
  CHECK(file_bytes(a) == file_bytes(b));

  Pipeline trained = train_pipeline(gold, tiny_options());
  auto loaded = Pipeline::load(a);
  REQUIRE(loaded.ok());
  REQUIRE(loaded->save(b).ok());  // load + save writes the same bytes
  CHECK(file_bytes(a) == file_bytes(b));
  for (const Sentence& g : gold) {
    Sentence x = forms_only(g), y = forms_only(g);
    trained.annotate(x);
    loaded->annotate(y);
    for (size_t i = 0; i < x.tokens.size(); ++i) {
      CHECK(x.tokens[i].xpos == y.tokens[i].xpos);
      CHECK(x.tokens[i].lemma == y.tokens[i].lemma);
      CHECK(x.tokens[i].head == y.tokens[i].head);
      CHECK(x.tokens[i].deprel == y.tokens[i].deprel);
      CHECK(x.tokens[i].ner == y.tokens[i].ner);
    }
  }
  std::remove(b.c_str());
}

TEST_CASE("retraining only the parser gives the full training run's model") {
  auto gold = tiny_treebank();
  PipelineTrainOptions o = tiny_options();
  o.jackknife_folds = 2;  // the parser-only path must jackknife the tags the same way
  const std::string a = temp_path("nlp_test_full.qm"), b = temp_path("nlp_test_parser.qm");
  REQUIRE(train_pipeline(gold, o).save(a).ok());
  auto base = Pipeline::load(a);
  REQUIRE(base.ok());
  REQUIRE(retrain_parser(gold, *base, o).save(b).ok());
  CHECK(file_bytes(a) == file_bytes(b));
  std::remove(a.c_str());
  std::remove(b.c_str());
}

TEST_CASE("damaged or missing model files are refused with a clear error") {
  auto gold = tiny_treebank();
  const std::string good = temp_path("nlp_test_good.qm"), bad = temp_path("nlp_test_bad.qm");
  REQUIRE(train_pipeline(gold, tiny_options()).save(good).ok());
  std::string bytes = file_bytes(good);

  auto missing = Pipeline::load(temp_path("no_such_model.qm"));
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().code() == ErrorCode::kNotFound);

  auto write = [&](const std::string& content) {
    std::ofstream(bad, std::ios::binary) << content;
    return Pipeline::load(bad);
  };
  auto truncated = write(bytes.substr(0, bytes.size() / 2));
  REQUIRE_FALSE(truncated.ok());
  CHECK(truncated.error().code() == ErrorCode::kCorruption);

  // Cut anywhere (headers, inside any section, between sections): always refused. The
  // sections decode on two threads, each confined to its own bytes.
  for (size_t cut = 12; cut < bytes.size(); cut += std::max<size_t>(1, bytes.size() / 97)) {
    auto cut_model = write(bytes.substr(0, cut));
    INFO("cut at " << cut << " of " << bytes.size());
    REQUIRE_FALSE(cut_model.ok());
    CHECK(cut_model.error().code() == ErrorCode::kCorruption);
  }
  auto trailing = write(bytes + "x");
  REQUIRE_FALSE(trailing.ok());
  CHECK(trailing.error().code() == ErrorCode::kCorruption);

  auto not_model = write("hello, world");
  REQUIRE_FALSE(not_model.ok());
  CHECK(not_model.error().message().find("not a Quarry NLP model") != std::string::npos);

  std::string newer = bytes;
  newer[8] = 99;  // format version
  auto future = write(newer);
  REQUIRE_FALSE(future.ok());
  CHECK(future.error().message().find("version 99") != std::string::npos);
  std::remove(bad.c_str());
  std::remove(good.c_str());
}

TEST_CASE("a two-pass tagger round-trips, and retraining only the tagger gives the same model") {
  auto gold = tiny_treebank();
  PipelineTrainOptions o = tiny_options();
  o.jackknife_folds = 2;  // the second pass learns from jackknifed first-pass tags
  o.tagger_passes = 2;
  o.tagger_first_right_to_left = true;  // both tagger flags round-trip
  const std::string a = temp_path("nlp_test_two_pass.qm"), b = temp_path("nlp_test_tagger.qm");
  Pipeline trained = train_pipeline(gold, o);
  REQUIRE(trained.models().tagger.has_second_pass());
  REQUIRE(trained.save(a).ok());
  auto base = Pipeline::load(a);
  REQUIRE(base.ok());
  CHECK(base->models().tagger.has_second_pass());
  REQUIRE(retrain_tagger(gold, *base, o).save(b).ok());
  CHECK(file_bytes(a) == file_bytes(b));
  REQUIRE(retrain_parser(gold, *base, o).save(b).ok());
  CHECK(file_bytes(a) == file_bytes(b));
  for (const Sentence& g : gold) {
    Sentence x = forms_only(g);
    base->annotate(x);
    for (size_t i = 0; i < x.tokens.size(); ++i) CHECK(x.tokens[i].xpos == g.tokens[i].xpos);
  }
  std::remove(a.c_str());
  std::remove(b.c_str());
}

TEST_CASE("a format-4 model (one tagger pass, no pass flag) still loads") {
  auto gold = tiny_treebank();
  const std::string path = temp_path("nlp_test_v4.qm");
  PipelineTrainOptions o = tiny_options();
  o.tagger_passes = 1;
  o.tagger_first_right_to_left = false;  // format 4's tagger
  Pipeline trained = train_pipeline(gold, o);
  REQUIRE(trained.save(path).ok());
  std::string bytes = file_bytes(path);
  // Magic (8), version (4), then the tagger section: tag (4), u64 length, payload whose
  // last byte is the format-5 tagger flags (0 here: one left-to-right pass). Format 4 ends
  // before that byte.
  REQUIRE(bytes.compare(12, 4, "TAGR") == 0);
  uint64_t length = 0;
  std::memcpy(&length, bytes.data() + 16, 8);
  REQUIRE(bytes[24 + length - 1] == 0);
  bytes.erase(24 + length - 1, 1);
  --length;
  std::memcpy(bytes.data() + 16, &length, 8);
  // The entity section, last in the file, ends with the format-6 segmentation flag (1:
  // trained by this build); format 4 ends before it too.
  size_t at = 24 + length;
  while (bytes.compare(at, 4, "ENTS") != 0) {
    uint64_t n = 0;
    std::memcpy(&n, bytes.data() + at + 4, 8);
    at += 12 + n;
  }
  std::memcpy(&length, bytes.data() + at + 4, 8);
  REQUIRE(at + 12 + length == bytes.size());
  REQUIRE(bytes.back() == 1);
  bytes.pop_back();
  --length;
  std::memcpy(bytes.data() + at + 4, &length, 8);
  bytes[8] = 4;
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  }
  auto old = Pipeline::load(path);
  REQUIRE(old.ok());
  CHECK_FALSE(old->models().tagger.has_second_pass());
  Sentence s = forms_only(gold[0]);
  old->annotate(s);
  CHECK(s.tokens[1].xpos == "VBD");
  std::remove(path.c_str());
}
