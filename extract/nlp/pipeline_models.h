// The trained parts of a Pipeline, in the order they run.
#pragma once

#include "extract/nlp/entity_tagger.h"
#include "extract/nlp/morphology.h"
#include "extract/nlp/parser.h"
#include "extract/nlp/tagger.h"

namespace quarry::nlp {

struct PipelineModels {
  Tagger tagger;
  Morphology morphology;
  Parser parser;
  EntityTagger entities;
};

}  // namespace quarry::nlp
