// Canonical text of TCK result cells, so expected cells and Quarry's values compare as
// strings: map keys and labels sorted, floats with a decimal point, paths in <...>.
#pragma once

#include <string>

#include "quarry/value.h"

namespace quarry::tck {

// `lists_unordered` sorts list elements too ("ignoring element order for lists").
std::string canonical(const Value& v, bool lists_unordered);
// Parses an expected cell (TCK notation) and renders it canonically; returns the
// trimmed text unchanged when it cannot be parsed.
std::string canonical_cell(const std::string& cell, bool lists_unordered);

}  // namespace quarry::tck
