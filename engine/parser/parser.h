// Text -> ast::Statement. Throws QueryError (kSyntaxError) with the position of the
// first offending token; the ANTLR parse tree is discarded before returning.
#pragma once

#include <string_view>

#include "engine/ast/ast.h"

namespace quarry::engine {

ast::Statement parse(std::string_view text);

}  // namespace quarry::engine
