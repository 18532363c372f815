// Turns the ANTLR parse tree into Quarry's AST. One class, its methods split by clause
// family over transform_*.cpp. Only engine/parser/ includes the generated headers.
#pragma once

#include <string>

#include "QuarryParser.h"
#include "engine/ast/ast.h"

namespace quarry::engine {

namespace g = quarry::engine::grammar;

SourceSpan span_of(antlr4::ParserRuleContext* ctx);
SourceSpan span_of(antlr4::Token* token);
// The source text a rule matched, exactly as written.
std::string text_of(antlr4::ParserRuleContext* ctx);

class Transformer {
 public:
  ast::Statement statement(g::QuarryParser::StatementContext* ctx);

  // transform_clause.cpp
  ast::SingleQuery single_query(g::QuarryParser::SingleQueryContext* ctx);
  ast::Clause clause(g::QuarryParser::ClauseContext* ctx);
  ast::Clause call_clause(g::QuarryParser::CallClauseContext* ctx);
  ast::Projection projection(g::QuarryParser::ProjectionBodyContext* ctx);
  ast::SetItem set_item(g::QuarryParser::SetItemContext* ctx);
  ast::SetItem remove_item(g::QuarryParser::RemoveItemContext* ctx);

  // transform_pattern.cpp
  std::vector<ast::PatternPart> pattern(g::QuarryParser::PatternContext* ctx);
  ast::PatternPart pattern_part(g::QuarryParser::PatternPartContext* ctx);
  void pattern_element(g::QuarryParser::PatternElementContext* ctx, ast::PatternPart& out);
  ast::NodePattern node_pattern(g::QuarryParser::NodePatternContext* ctx);
  ast::RelPattern rel_pattern(g::QuarryParser::RelationshipPatternContext* ctx);
  ast::ExprPtr properties(g::QuarryParser::PropertiesContext* ctx);

  // transform_expression.cpp
  ast::ExprPtr expression(g::QuarryParser::ExpressionContext* ctx);
  // Fails (kSyntaxError at `span`) when `e` is taller than kMaxExprHeight.
  ast::ExprPtr limit_height(ast::ExprPtr e, SourceSpan span);
  static constexpr uint32_t kMaxExprHeight = 1000;
  ast::ExprPtr xor_expr(g::QuarryParser::XorExpressionContext* ctx);
  ast::ExprPtr and_expr(g::QuarryParser::AndExpressionContext* ctx);
  ast::ExprPtr not_expr(g::QuarryParser::NotExpressionContext* ctx);
  ast::ExprPtr comparison(g::QuarryParser::ComparisonExpressionContext* ctx);
  ast::ExprPtr predicate(g::QuarryParser::PredicateExpressionContext* ctx);
  ast::ExprPtr add_expr(g::QuarryParser::AddExpressionContext* ctx);
  ast::ExprPtr mul_expr(g::QuarryParser::MultiplyExpressionContext* ctx);
  ast::ExprPtr power_expr(g::QuarryParser::PowerExpressionContext* ctx);
  ast::ExprPtr unary(g::QuarryParser::UnaryExpressionContext* ctx);
  ast::ExprPtr postfix(g::QuarryParser::PostfixExpressionContext* ctx);
  ast::ExprPtr property_expr(g::QuarryParser::PropertyExpressionContext* ctx);
  ast::ExprPtr atom(g::QuarryParser::AtomContext* ctx);
  ast::ExprPtr literal(g::QuarryParser::LiteralContext* ctx);
  ast::ExprPtr map_literal(g::QuarryParser::MapLiteralContext* ctx);
  ast::ExprPtr parameter(g::QuarryParser::ParameterContext* ctx);
  ast::ExprPtr case_expr(g::QuarryParser::CaseExpressionContext* ctx);
  ast::ExprPtr function_call(g::QuarryParser::FunctionCallContext* ctx);
  int64_t integer(g::QuarryParser::IntegerLiteralContext* ctx);

  static std::string name(g::QuarryParser::SymbolicNameContext* ctx);
  static std::string name(g::QuarryParser::SchemaNameContext* ctx);
};

ast::ExprPtr make_expr(ast::ExprKind kind, SourceSpan span);

}  // namespace quarry::engine
