// Expressions, from the loosest operator (OR) down to atoms and literals.
#include <fmt/format.h>

#include <cerrno>
#include <cstdlib>

#include "engine/errors.h"
#include "engine/parser/transformer.h"

namespace quarry::engine {

using P = g::QuarryParser;
using ast::ExprKind;
using ast::ExprPtr;

ExprPtr make_expr(ExprKind kind, SourceSpan span) {
  auto e = std::make_unique<ast::Expr>();
  e->kind = kind;
  e->span = span;
  return e;
}

namespace {

ExprPtr binary(ExprKind kind, ExprPtr a, ExprPtr b, SourceSpan span) {
  auto e = make_expr(kind, span);
  e->kids.push_back(std::move(a));
  e->kids.push_back(std::move(b));
  return e;
}

ExprPtr binary_op(ExprKind kind, ast::Op op, ExprPtr a, ExprPtr b, SourceSpan span) {
  auto e = binary(kind, std::move(a), std::move(b), span);
  e->op = op;
  return e;
}

std::string unescape(const std::string& raw, SourceSpan span) {
  std::string out;
  for (size_t i = 1; i + 1 < raw.size(); ++i) {
    char c = raw[i];
    if (c != '\\') {
      out += c;
      continue;
    }
    char n = raw[++i];
    switch (n) {
      case 'n': out += '\n'; break;
      case 't': out += '\t'; break;
      case 'r': out += '\r'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case '\\': out += '\\'; break;
      case '\'': out += '\''; break;
      case '"': out += '"'; break;
      case 'u': {
        if (i + 4 >= raw.size()) fail(ErrorCode::kSyntaxError, "bad \\u escape", span);
        unsigned cp =
            static_cast<unsigned>(std::strtoul(raw.substr(i + 1, 4).c_str(), nullptr, 16));
        i += 4;
        if (cp < 0x80) {
          out += static_cast<char>(cp);
        } else if (cp < 0x800) {
          out += static_cast<char>(0xC0 | (cp >> 6));
          out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
          out += static_cast<char>(0xE0 | (cp >> 12));
          out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
          out += static_cast<char>(0x80 | (cp & 0x3F));
        }
        break;
      }
      default: out += '\\'; out += n;
    }
  }
  return out;
}

}  // namespace

ExprPtr Transformer::expression(P::ExpressionContext* ctx) {
  auto parts = ctx->xorExpression();
  ExprPtr e = xor_expr(parts[0]);
  for (size_t i = 1; i < parts.size(); ++i) {
    e = binary(ExprKind::kOr, std::move(e), xor_expr(parts[i]), span_of(ctx));
  }
  return limit_height(std::move(e), span_of(ctx));
}

ExprPtr Transformer::limit_height(ExprPtr e, SourceSpan span) {
  // The binder, the planner and the evaluator walk expressions recursively, one stack
  // frame or more per level; a chain of operators is one level per operator.
  uint32_t height = ast::measure_height(*e);
  if (height > kMaxExprHeight) {
    fail(
        ErrorCode::kSyntaxError,
        fmt::format("expression nested too deeply ({} levels; at most {})", height, kMaxExprHeight),
        span, "a long chain of OR or + can usually be written with IN [...] or reduce()");
  }
  return e;
}

ExprPtr Transformer::xor_expr(P::XorExpressionContext* ctx) {
  auto parts = ctx->andExpression();
  ExprPtr e = and_expr(parts[0]);
  for (size_t i = 1; i < parts.size(); ++i) {
    e = binary(ExprKind::kXor, std::move(e), and_expr(parts[i]), span_of(ctx));
  }
  return e;
}

ExprPtr Transformer::and_expr(P::AndExpressionContext* ctx) {
  auto parts = ctx->notExpression();
  ExprPtr e = not_expr(parts[0]);
  for (size_t i = 1; i < parts.size(); ++i) {
    e = binary(ExprKind::kAnd, std::move(e), not_expr(parts[i]), span_of(ctx));
  }
  return e;
}

ExprPtr Transformer::not_expr(P::NotExpressionContext* ctx) {
  ExprPtr e = comparison(ctx->comparisonExpression());
  for (size_t i = 0; i < ctx->NOT().size(); ++i) {
    auto n = make_expr(ExprKind::kNot, span_of(ctx));
    n->kids.push_back(std::move(e));
    e = std::move(n);
  }
  return e;
}

ExprPtr Transformer::comparison(P::ComparisonExpressionContext* ctx) {
  auto operands = ctx->predicateExpression();
  auto ops = ctx->comparisonOperator();
  if (ops.empty()) return predicate(operands[0]);
  ExprPtr result;
  // a < b < c means a < b AND b < c; the middle operand is transformed twice.
  for (size_t i = 0; i < ops.size(); ++i) {
    auto* op = ops[i];
    SourceSpan span = span_of(op);
    ast::Op kind = ast::Op::kEq;
    if (op->EQ()) kind = ast::Op::kEq;
    if (op->NEQ()) kind = ast::Op::kNe;
    if (op->LT()) kind = ast::Op::kLt;
    if (op->GT()) kind = ast::Op::kGt;
    if (op->LE()) kind = ast::Op::kLe;
    if (op->GE()) kind = ast::Op::kGe;
    if (op->BANGEQ()) {
      fail(ErrorCode::kSyntaxError, "unexpected '!='", span, "Cypher writes inequality as <>");
    }
    if (op->EQEQ()) {
      fail(ErrorCode::kSyntaxError, "unexpected '=='", span,
           "Cypher writes equality as a single =");
    }
    auto cmp = binary_op(ExprKind::kCompare, kind, predicate(operands[i]),
                         predicate(operands[i + 1]), span_of(ctx));
    result = result ? binary(ExprKind::kAnd, std::move(result), std::move(cmp), span_of(ctx))
                    : std::move(cmp);
  }
  return result;
}

ExprPtr Transformer::predicate(P::PredicateExpressionContext* ctx) {
  ExprPtr e = add_expr(ctx->addExpression());
  for (auto* s : ctx->predicateSuffix()) {
    SourceSpan span = span_of(s);
    if (s->IS()) {
      auto n = make_expr(s->NOT() ? ExprKind::kIsNotNull : ExprKind::kIsNull, span);
      n->kids.push_back(std::move(e));
      e = std::move(n);
      continue;
    }
    ExprKind kind = s->STARTS()     ? ExprKind::kStartsWith
                    : s->ENDS()     ? ExprKind::kEndsWith
                    : s->CONTAINS() ? ExprKind::kContains
                    : s->IN()       ? ExprKind::kIn
                                    : ExprKind::kRegex;
    e = binary(kind, std::move(e), add_expr(s->addExpression()), span);
  }
  return e;
}

ExprPtr Transformer::add_expr(P::AddExpressionContext* ctx) {
  auto parts = ctx->multiplyExpression();
  ExprPtr e = mul_expr(parts[0]);
  size_t next = 1;
  for (auto* child : ctx->children) {
    auto* term = dynamic_cast<antlr4::tree::TerminalNode*>(child);
    if (!term) continue;
    ast::Op op = term->getSymbol()->getType() == P::PLUS ? ast::Op::kAdd : ast::Op::kSub;
    e = binary_op(ExprKind::kArith, op, std::move(e), mul_expr(parts[next++]),
                  span_of(term->getSymbol()));
  }
  return e;
}

ExprPtr Transformer::mul_expr(P::MultiplyExpressionContext* ctx) {
  auto parts = ctx->powerExpression();
  ExprPtr e = power_expr(parts[0]);
  size_t next = 1;
  for (auto* child : ctx->children) {
    auto* term = dynamic_cast<antlr4::tree::TerminalNode*>(child);
    if (!term) continue;
    size_t t = term->getSymbol()->getType();
    ast::Op op = t == P::STAR ? ast::Op::kMul : t == P::SLASH ? ast::Op::kDiv : ast::Op::kMod;
    e = binary_op(ExprKind::kArith, op, std::move(e), power_expr(parts[next++]),
                  span_of(term->getSymbol()));
  }
  return e;
}

ExprPtr Transformer::power_expr(P::PowerExpressionContext* ctx) {
  auto parts = ctx->unaryExpression();
  ExprPtr e = unary(parts[0]);
  for (size_t i = 1; i < parts.size(); ++i) {
    e = binary_op(ExprKind::kArith, ast::Op::kPow, std::move(e), unary(parts[i]), span_of(ctx));
  }
  return e;
}

ExprPtr Transformer::unary(P::UnaryExpressionContext* ctx) {
  if (ctx->postfixExpression()) return postfix(ctx->postfixExpression());
  ExprPtr inner = unary(ctx->unaryExpression());
  if (ctx->PLUS()) return inner;
  // Fold negative literals so -9223372036854775808 is representable.
  if (inner->kind == ExprKind::kLiteral && inner->value.kind() == ValueKind::kFloat) {
    inner->value = Value(-inner->value.as_float());
    inner->span = span_of(ctx);
    return inner;
  }
  if (inner->kind == ExprKind::kLiteral && inner->value.kind() == ValueKind::kString &&
      inner->name == "integer") {
    // An integer literal whose magnitude only fits once negated.
    inner->value = Value(std::numeric_limits<int64_t>::min());
    inner->name.clear();
    return inner;
  }
  if (inner->kind == ExprKind::kLiteral && inner->value.kind() == ValueKind::kInt) {
    inner->value = Value(-inner->value.as_int());
    inner->span = span_of(ctx);
    return inner;
  }
  auto e = make_expr(ExprKind::kNegate, span_of(ctx));
  e->kids.push_back(std::move(inner));
  return e;
}

ExprPtr Transformer::postfix(P::PostfixExpressionContext* ctx) {
  ExprPtr e = atom(ctx->atom());
  for (auto* p : ctx->postfix()) {
    SourceSpan span = span_of(p);
    if (p->schemaName()) {
      auto n = make_expr(ExprKind::kProperty, span);
      n->name = name(p->schemaName());
      n->kids.push_back(std::move(e));
      e = std::move(n);
    } else if (p->nodeLabels()) {
      auto n = make_expr(ExprKind::kHasLabels, span);
      for (auto* l : p->nodeLabels()->schemaName()) n->keys.push_back(name(l));
      n->kids.push_back(std::move(e));
      e = std::move(n);
    } else if (p->DOTDOT()) {
      auto n = make_expr(ExprKind::kSlice, span);
      n->kids.push_back(std::move(e));
      ExprPtr from, to;
      for (auto* x : p->expression()) {
        bool before = x->getStart()->getTokenIndex() < p->DOTDOT()->getSymbol()->getTokenIndex();
        (before ? from : to) = expression(x);
      }
      n->kids.push_back(std::move(from));
      n->kids.push_back(std::move(to));
      e = std::move(n);
    } else {
      e = binary(ExprKind::kIndex, std::move(e), expression(p->expression(0)), span);
    }
  }
  return e;
}

ExprPtr Transformer::property_expr(P::PropertyExpressionContext* ctx) {
  ExprPtr e = atom(ctx->atom());
  for (auto* key : ctx->schemaName()) {
    auto n = make_expr(ExprKind::kProperty, span_of(key));
    n->name = name(key);
    n->kids.push_back(std::move(e));
    e = std::move(n);
  }
  return limit_height(std::move(e), span_of(ctx));  // SET a.b.c... reaches here directly
}

ExprPtr Transformer::atom(P::AtomContext* ctx) {
  SourceSpan span = span_of(ctx);
  if (ctx->literal()) return literal(ctx->literal());
  if (ctx->parameter()) return parameter(ctx->parameter());
  if (ctx->caseExpression()) return case_expr(ctx->caseExpression());
  if (ctx->COUNT()) return make_expr(ExprKind::kCountStar, span);
  if (auto* lc = ctx->listComprehension()) {
    auto e = make_expr(ExprKind::kListComprehension, span);
    e->name = name(lc->variable()->symbolicName());
    auto exprs = lc->expression();
    e->kids.push_back(expression(exprs[0]));
    size_t next = 1;
    e->kids.push_back(lc->WHERE() ? expression(exprs[next++]) : nullptr);
    e->kids.push_back(lc->PIPE() ? expression(exprs[next++]) : nullptr);
    return e;
  }
  if (auto* q = ctx->quantifier()) {
    auto e = make_expr(ExprKind::kQuantifier, span);
    e->op = q->ALL()    ? ast::Op::kAll
            : q->ANY()  ? ast::Op::kAny
            : q->NONE() ? ast::Op::kNone
                        : ast::Op::kSingle;
    e->name = name(q->variable()->symbolicName());
    auto exprs = q->expression();
    e->kids.push_back(expression(exprs[0]));
    e->kids.push_back(exprs.size() > 1 ? expression(exprs[1]) : nullptr);
    return e;
  }
  if (auto* sp = ctx->shortestPath()) {
    auto e = make_expr(ExprKind::kShortestPath, span);
    e->pattern = std::make_shared<ast::PatternPart>();
    e->pattern->span = span;
    e->pattern->shortest = sp->SHORTESTPATH() ? ast::Shortest::kOne : ast::Shortest::kAll;
    pattern_element(sp->patternElement(), *e->pattern);
    return e;
  }
  if (auto* rp = ctx->relationshipsPattern()) {
    auto e = make_expr(ExprKind::kPatternPredicate, span);
    e->pattern = std::make_shared<ast::PatternPart>();
    e->pattern->span = span;
    e->pattern->nodes.push_back(node_pattern(rp->nodePattern()));
    for (auto* chain : rp->patternChain()) {
      e->pattern->rels.push_back(rel_pattern(chain->relationshipPattern()));
      e->pattern->nodes.push_back(node_pattern(chain->nodePattern()));
    }
    return e;
  }
  if (ctx->expression()) return expression(ctx->expression());
  if (ctx->functionCall()) return function_call(ctx->functionCall());
  auto e = make_expr(ExprKind::kVariable, span);
  e->name = name(ctx->variable()->symbolicName());
  return e;
}

int64_t Transformer::integer(P::IntegerLiteralContext* ctx) {
  std::string text = ctx->getText();
  int base = 10;
  if (ctx->HexInteger()) base = 16;
  if (ctx->OctalInteger()) base = 8;
  std::string digits = base == 10 ? text : text.substr(2);
  errno = 0;
  unsigned long long v = std::strtoull(digits.c_str(), nullptr, base);
  if (errno == ERANGE || v > static_cast<unsigned long long>(INT64_MAX)) {
    fail(ErrorCode::kSyntaxError, fmt::format("integer literal {} is too large", text),
         span_of(ctx));
  }
  return static_cast<int64_t>(v);
}

ExprPtr Transformer::literal(P::LiteralContext* ctx) {
  SourceSpan span = span_of(ctx);
  auto e = make_expr(ExprKind::kLiteral, span);
  if (auto* num = ctx->numberLiteral()) {
    if (num->FloatLiteral()) {
      e->value = Value(std::strtod(num->getText().c_str(), nullptr));
    } else if (num->getText() == "9223372036854775808") {
      // Only valid under a unary minus; unary() folds it, anything else rejects it.
      e->value = Value(num->getText());
      e->name = "integer";
    } else {
      e->value = Value(integer(num->integerLiteral()));
    }
  } else if (ctx->StringLiteral()) {
    e->value = Value(unescape(ctx->StringLiteral()->getText(), span));
  } else if (ctx->TRUE()) {
    e->value = Value(true);
  } else if (ctx->FALSE()) {
    e->value = Value(false);
  } else if (ctx->NULL_()) {
    e->value = Value();
  } else if (auto* list = ctx->listLiteral()) {
    e->kind = ExprKind::kList;
    for (auto* x : list->expression()) e->kids.push_back(expression(x));
  } else {
    return map_literal(ctx->mapLiteral());
  }
  return e;
}

ExprPtr Transformer::map_literal(P::MapLiteralContext* ctx) {
  auto e = make_expr(ExprKind::kMap, span_of(ctx));
  auto keys = ctx->schemaName();
  auto values = ctx->expression();
  for (size_t i = 0; i < keys.size(); ++i) {
    e->keys.push_back(name(keys[i]));
    e->kids.push_back(expression(values[i]));
  }
  return e;
}

ExprPtr Transformer::parameter(P::ParameterContext* ctx) {
  auto e = make_expr(ExprKind::kParameter, span_of(ctx));
  e->name = ctx->symbolicName() ? name(ctx->symbolicName()) : ctx->DecimalInteger()->getText();
  return e;
}

ExprPtr Transformer::case_expr(P::CaseExpressionContext* ctx) {
  auto e = make_expr(ExprKind::kCase, span_of(ctx));
  auto exprs = ctx->expression();
  size_t next = 0;
  // The subject precedes the first WHEN; the ELSE value follows the last THEN.
  if (!exprs.empty() && exprs[0]->getStart()->getTokenIndex() <
                            ctx->caseAlternative(0)->getStart()->getTokenIndex()) {
    e->has_subject = true;
    e->kids.push_back(expression(exprs[next++]));
  }
  for (auto* alt : ctx->caseAlternative()) {
    e->kids.push_back(expression(alt->expression(0)));
    e->kids.push_back(expression(alt->expression(1)));
  }
  if (ctx->ELSE()) {
    e->has_else = true;
    e->kids.push_back(expression(exprs[next]));
  }
  return e;
}

ExprPtr Transformer::function_call(P::FunctionCallContext* ctx) {
  auto e = make_expr(ExprKind::kFunction, span_of(ctx->functionName()));
  e->name = text_of(ctx->functionName());
  e->distinct = ctx->DISTINCT() != nullptr;
  for (auto* x : ctx->expression()) e->kids.push_back(expression(x));
  return e;
}

}  // namespace quarry::engine
