// The English analysis pipeline on given tokens: tagger, lemmatizer, dependency parser and
// entity recogniser, all loaded from one model file.
//
// Model file: one binary file (see extract/nlp/model_io.h): magic "QRYNLPM\0", a format
// version, then tagged sections. load() refuses a newer version and any truncated or
// inconsistent section with ErrorCode::kCorruption; a missing file is kNotFound.
//
// Thread safety: a loaded Pipeline is immutable. annotate() is const and may be called from
// any number of threads at once on different sentences. Pipeline is movable, not copyable.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "extract/nlp/sentence.h"
#include "quarry/status.h"

namespace quarry::nlp {

struct PipelineModels;  // the trained parts; defined in extract/nlp/pipeline_models.h

class Pipeline {
 public:
  Pipeline();
  ~Pipeline();
  Pipeline(Pipeline&&) noexcept;
  Pipeline& operator=(Pipeline&&) noexcept;

  // Reads a model file written by save() (or by `quarry train`).
  static Result<Pipeline> load(const std::string& path);
  // Wraps freshly trained models (used by training and by tests).
  explicit Pipeline(std::unique_ptr<PipelineModels> models);

  // Writes the model file. The same Pipeline loaded back predicts identically.
  Status save(const std::string& path) const;

  // Fills, for every token of `sentence` (only `form` is read): upos, xpos, feats, lemma,
  // head (0 = root, else 1-based), deprel (UD relation with subtype, e.g. "nsubj:pass") and
  // ner (BIO with type: "B-person", "I-organization", "O"; types person, organization,
  // place, event, time, object). Previous values of those fields are overwritten.
  void annotate(Sentence& sentence) const;
  // Annotates the sentences of one document (in order); entity types are decided with
  // the whole text in view (how the other mentions of a name were typed and where they
  // stand; see EntityTagger::tag_document). Prefer it to annotate() for whole texts.
  void annotate_document(std::vector<Sentence>& sentences) const;

  // The stages separately, for evaluation with gold input. Each reads what the earlier
  // stages fill: tag() reads form and fills upos, xpos, feats, lemma; parse() reads form,
  // upos, xpos; entities() reads form, upos, xpos, head, deprel.
  void tag(Sentence& sentence) const;
  void parse(Sentence& sentence) const;
  void entities(Sentence& sentence) const;

  const PipelineModels& models() const { return *models_; }

 private:
  std::unique_ptr<PipelineModels> models_;
};

}  // namespace quarry::nlp
