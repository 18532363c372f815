// Patterns: node and relationship patterns, path variables, shortestPath.
#include "engine/errors.h"
#include "engine/parser/transformer.h"

namespace quarry::engine {

using P = g::QuarryParser;

std::vector<ast::PatternPart> Transformer::pattern(P::PatternContext* ctx) {
  std::vector<ast::PatternPart> out;
  for (auto* part : ctx->patternPart()) out.push_back(pattern_part(part));
  return out;
}

ast::PatternPart Transformer::pattern_part(P::PatternPartContext* ctx) {
  ast::PatternPart out;
  out.span = span_of(ctx);
  if (ctx->variable()) out.path_var = name(ctx->variable()->symbolicName());
  pattern_element(ctx->patternElement(), out);
  return out;
}

void Transformer::pattern_element(P::PatternElementContext* ctx, ast::PatternPart& out) {
  if (ctx->patternElement()) return pattern_element(ctx->patternElement(), out);
  if (auto* sp = ctx->shortestPath()) {
    if (out.shortest != ast::Shortest::kNone) {
      fail(ErrorCode::kSyntaxError, "shortestPath cannot be nested", span_of(sp));
    }
    out.shortest = sp->SHORTESTPATH() ? ast::Shortest::kOne : ast::Shortest::kAll;
    pattern_element(sp->patternElement(), out);
    if (out.rels.size() != 1) {
      fail(ErrorCode::kSemanticError, "shortestPath needs a pattern with exactly one relationship",
           span_of(sp));
    }
    return;
  }
  out.nodes.push_back(node_pattern(ctx->nodePattern()));
  for (auto* chain : ctx->patternChain()) {
    out.rels.push_back(rel_pattern(chain->relationshipPattern()));
    out.nodes.push_back(node_pattern(chain->nodePattern()));
  }
}

ast::NodePattern Transformer::node_pattern(P::NodePatternContext* ctx) {
  ast::NodePattern out;
  out.span = span_of(ctx);
  if (ctx->variable()) out.var = name(ctx->variable()->symbolicName());
  if (auto* labels = ctx->nodeLabels()) {
    for (auto* l : labels->schemaName()) out.labels.push_back(name(l));
  }
  if (ctx->properties()) out.properties = properties(ctx->properties());
  return out;
}

ast::ExprPtr Transformer::properties(P::PropertiesContext* ctx) {
  if (ctx->mapLiteral()) return map_literal(ctx->mapLiteral());
  return parameter(ctx->parameter());
}

ast::RelPattern Transformer::rel_pattern(P::RelationshipPatternContext* ctx) {
  ast::RelPattern out;
  out.span = span_of(ctx);
  bool left = ctx->LT() != nullptr;
  bool right = ctx->GT() != nullptr;
  // <--> is Cypher's other spelling of an undirected relationship.
  out.direction = left && right ? storage::Direction::kBoth
                  : left        ? storage::Direction::kIn
                  : right       ? storage::Direction::kOut
                                : storage::Direction::kBoth;
  auto* detail = ctx->relationshipDetail();
  if (!detail) return out;
  if (detail->variable()) out.var = name(detail->variable()->symbolicName());
  if (auto* types = detail->relationshipTypes()) {
    for (auto* t : types->schemaName()) out.types.push_back(name(t));
  }
  if (auto* range = detail->rangeLiteral()) {
    out.variable_length = true;
    auto ints = range->integerLiteral();
    bool dots = range->DOTDOT() != nullptr;
    if (!dots) {
      out.min_hops = ints.empty() ? 1 : integer(ints[0]);
      out.max_hops = ints.empty() ? -1 : out.min_hops;
    } else {
      // `*a..b`, `*..b`, `*a..`, `*..`: tell the bounds apart by their position.
      out.min_hops = 1;
      out.max_hops = -1;
      for (auto* i : ints) {
        if (i->getStart()->getTokenIndex() < range->DOTDOT()->getSymbol()->getTokenIndex()) {
          out.min_hops = integer(i);
        } else {
          out.max_hops = integer(i);
        }
      }
    }
  }
  if (detail->properties()) out.properties = properties(detail->properties());
  return out;
}

}  // namespace quarry::engine
