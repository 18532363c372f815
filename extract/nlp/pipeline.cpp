#include "extract/nlp/pipeline.h"

namespace quarry::nlp {

// Placeholder until the trained stages land: the contract above is what callers build on.
struct PipelineModels {};

Pipeline::Pipeline() = default;
Pipeline::~Pipeline() = default;
Pipeline::Pipeline(Pipeline&&) noexcept = default;
Pipeline& Pipeline::operator=(Pipeline&&) noexcept = default;
Pipeline::Pipeline(std::unique_ptr<PipelineModels> models) : models_(std::move(models)) {}

Result<Pipeline> Pipeline::load(const std::string& path) {
  return Error(ErrorCode::kNotFound, path + ": model loading is not implemented yet");
}

Status Pipeline::save(const std::string& path) const {
  return Error(ErrorCode::kIOError, path + ": model saving is not implemented yet");
}

void Pipeline::annotate(Sentence& sentence) const {
  tag(sentence);
  parse(sentence);
  entities(sentence);
}
void Pipeline::tag(Sentence&) const {}
void Pipeline::parse(Sentence&) const {}
void Pipeline::entities(Sentence&) const {}

}  // namespace quarry::nlp
