#include "extract/nlp/pipeline.h"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <thread>

#include "extract/nlp/model_io.h"
#include "extract/nlp/pipeline_models.h"

namespace quarry::nlp {

Pipeline::Pipeline() : models_(std::make_unique<PipelineModels>()) {}
Pipeline::~Pipeline() = default;
Pipeline::Pipeline(Pipeline&&) noexcept = default;
Pipeline& Pipeline::operator=(Pipeline&&) noexcept = default;
Pipeline::Pipeline(std::unique_ptr<PipelineModels> models) : models_(std::move(models)) {}

Result<Pipeline> Pipeline::load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error(ErrorCode::kNotFound, fmt::format("{}: cannot open model file", path));
  in.seekg(0, std::ios::end);
  std::string bytes(static_cast<size_t>(std::max<std::streamoff>(in.tellg(), 0)), '\0');
  in.seekg(0, std::ios::beg);
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!in) return Error(ErrorCode::kIOError, fmt::format("{}: cannot read model file", path));
  if (bytes.size() < 12 || bytes.compare(0, 8, std::string(kModelMagic, 8)) != 0)
    return Error(ErrorCode::kCorruption, fmt::format("{}: not a Quarry NLP model", path));
  ModelReader r(bytes.data() + 8, bytes.size() - 8);
  uint32_t version = r.u32();
  // Versions 1-4 differ only in the entity section (no capitalisation table, no name lists,
  // no span typer) and the tagger's (no second pass), so they still load: older models keep
  // working, without the new features.
  if (version < 1 || version > kModelVersion)
    return Error(ErrorCode::kCorruption,
                 fmt::format("{}: model format version {} (this build reads {})", path, version,
                             kModelVersion));
  ModelReader tagger = r.section_reader("TAGR");
  ModelReader morphology = r.section_reader("MORP");
  ModelReader parser = r.section_reader("PARS");
  ModelReader entities = r.section_reader("ENTS");
  auto damaged = [&path] {
    return Error(ErrorCode::kCorruption, fmt::format("{}: truncated or damaged model", path));
  };
  if (r.failed() || !r.at_end()) return damaged();
  auto models = std::make_unique<PipelineModels>();
  {
    // The parser is two thirds of the file: decode it on a second thread while this one
    // decodes the rest, so loading takes about the parser's time instead of the sum.
    std::jthread parser_thread([&] { models->parser.read(parser); });
    models->tagger.read(tagger, version);
    models->morphology.read(morphology);
    models->entities.read(entities, version);
  }
  for (const ModelReader* section : {&tagger, &morphology, &parser, &entities}) {
    if (section->failed() || !section->at_end()) return damaged();
  }
  return Pipeline(std::move(models));
}

Status Pipeline::save(const std::string& path) const {
  ModelWriter w;
  for (char c : kModelMagic) w.u8(static_cast<uint8_t>(c));
  w.u32(kModelVersion);
  w.begin_section("TAGR");
  models_->tagger.write(w);
  w.end_section();
  w.begin_section("MORP");
  models_->morphology.write(w);
  w.end_section();
  w.begin_section("PARS");
  models_->parser.write(w);
  w.end_section();
  w.begin_section("ENTS");
  models_->entities.write(w);
  w.end_section();
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(w.bytes().data(), static_cast<std::streamsize>(w.bytes().size()));
  out.close();
  if (!out) return Error(ErrorCode::kIOError, fmt::format("{}: cannot write model file", path));
  return Status();
}

void Pipeline::annotate(Sentence& sentence) const {
  std::vector<WordHashes> words;
  hash_words(sentence, words);
  models_->tagger.tag(sentence, words);
  models_->morphology.analyse(sentence);
  models_->parser.parse(sentence, words);
  models_->entities.tag(sentence, words);
}

void Pipeline::annotate_document(std::vector<Sentence>& sentences) const {
  std::vector<Sentence*> document;
  std::vector<WordHashes> words;
  for (Sentence& s : sentences) {
    hash_words(s, words);
    models_->tagger.tag(s, words);
    models_->morphology.analyse(s);
    models_->parser.parse(s, words);
    document.push_back(&s);
  }
  // The span typer sees how the text's other mentions were typed and where they stand; the
  // majority rule of harmonise_entities on top of it lost 0.6-1.1 F1 on GUM dev (docs/nlp.md).
  models_->entities.tag_document(document);
}

void Pipeline::tag(Sentence& sentence) const {
  models_->tagger.tag(sentence);
  models_->morphology.analyse(sentence);
}
void Pipeline::parse(Sentence& sentence) const { models_->parser.parse(sentence); }
void Pipeline::entities(Sentence& sentence) const { models_->entities.tag(sentence); }

}  // namespace quarry::nlp
