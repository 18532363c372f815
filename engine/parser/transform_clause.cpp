// Statements and clauses: reading, projection, writing and procedure calls.
#include "engine/errors.h"
#include "engine/parser/transformer.h"

namespace quarry::engine {

using P = g::QuarryParser;

SourceSpan span_of(antlr4::Token* token) {
  return SourceSpan{static_cast<uint32_t>(token->getLine()),
                    static_cast<uint32_t>(token->getCharPositionInLine() + 1),
                    static_cast<uint32_t>(std::max<size_t>(1, token->getText().size()))};
}

SourceSpan span_of(antlr4::ParserRuleContext* ctx) {
  SourceSpan span = span_of(ctx->getStart());
  antlr4::Token* stop = ctx->getStop();
  if (stop && stop->getLine() == ctx->getStart()->getLine() &&
      stop->getStopIndex() >= ctx->getStart()->getStartIndex()) {
    span.length =
        static_cast<uint32_t>(stop->getStopIndex() - ctx->getStart()->getStartIndex() + 1);
  }
  return span;
}

std::string text_of(antlr4::ParserRuleContext* ctx) {
  antlr4::Token* stop = ctx->getStop();
  if (!stop || stop->getStopIndex() < ctx->getStart()->getStartIndex()) return ctx->getText();
  return ctx->getStart()->getInputStream()->getText(
      antlr4::misc::Interval(ctx->getStart()->getStartIndex(), stop->getStopIndex()));
}

std::string Transformer::name(P::SymbolicNameContext* ctx) {
  if (auto* esc = ctx->EscapedIdentifier()) {
    std::string raw = esc->getText();
    std::string out;
    for (size_t i = 1; i + 1 < raw.size(); ++i) {
      out += raw[i];
      if (raw[i] == '`') ++i;  // `` inside backquotes is one backquote
    }
    return out;
  }
  return ctx->getText();
}

std::string Transformer::name(P::SchemaNameContext* ctx) {
  if (ctx->symbolicName()) return name(ctx->symbolicName());
  return ctx->getText();
}

ast::Statement Transformer::statement(P::StatementContext* ctx) {
  ast::Statement out;
  if (ctx->EXPLAIN()) out.mode = ast::Mode::kExplain;
  if (ctx->PROFILE()) out.mode = ast::Mode::kProfile;
  auto* q = ctx->query();
  if (auto* call = q->standaloneCall()) {
    ast::SingleQuery single;
    single.clauses.push_back(call_clause(call->callClause()));
    if (call->RETURN()) {
      ast::Clause ret;
      ret.kind = ast::ClauseKind::kReturn;
      ret.span = span_of(call->RETURN()->getSymbol());
      ret.projection = projection(call->projectionBody());
      single.clauses.push_back(std::move(ret));
    }
    out.parts.push_back(std::move(single));
    return out;
  }
  auto* regular = q->regularQuery();
  out.parts.push_back(single_query(regular->singleQuery()));
  for (auto* u : regular->unionPart()) {
    out.union_all.push_back(u->ALL() != nullptr);
    out.parts.push_back(single_query(u->singleQuery()));
  }
  return out;
}

ast::SingleQuery Transformer::single_query(P::SingleQueryContext* ctx) {
  ast::SingleQuery out;
  for (auto* c : ctx->clause()) out.clauses.push_back(clause(c));
  return out;
}

ast::Projection Transformer::projection(P::ProjectionBodyContext* ctx) {
  ast::Projection out;
  out.distinct = ctx->DISTINCT() != nullptr;
  auto* items = ctx->projectionItems();
  out.star = items->STAR() != nullptr;
  for (auto* item : items->projectionItem()) {
    ast::ProjectionItem pi;
    pi.span = span_of(item);
    pi.expr = expression(item->expression());
    pi.aliased = item->variable() != nullptr;
    pi.alias = pi.aliased ? name(item->variable()->symbolicName()) : text_of(item->expression());
    out.items.push_back(std::move(pi));
  }
  if (auto* order = ctx->orderClause()) {
    for (auto* s : order->sortItem()) {
      ast::SortItem si;
      si.expr = expression(s->expression());
      si.descending = s->DESC() || s->DESCENDING();
      out.order.push_back(std::move(si));
    }
  }
  if (ctx->skipClause()) out.skip = expression(ctx->skipClause()->expression());
  if (ctx->limitClause()) out.limit = expression(ctx->limitClause()->expression());
  return out;
}

ast::SetItem Transformer::set_item(P::SetItemContext* ctx) {
  ast::SetItem out;
  out.span = span_of(ctx);
  if (auto* pe = ctx->propertyExpression()) {
    out.kind = ast::SetKind::kProperty;
    ast::ExprPtr target = property_expr(pe);
    out.key = target->name;
    out.target = std::move(target->kids[0]);
    out.value = expression(ctx->expression());
    return out;
  }
  auto var = make_expr(ast::ExprKind::kVariable, span_of(ctx->variable()));
  var->name = name(ctx->variable()->symbolicName());
  out.target = std::move(var);
  if (ctx->nodeLabels()) {
    out.kind = ast::SetKind::kLabels;
    for (auto* l : ctx->nodeLabels()->schemaName()) out.labels.push_back(name(l));
    return out;
  }
  out.kind = ctx->PLUSEQ() ? ast::SetKind::kMerge : ast::SetKind::kReplace;
  out.value = expression(ctx->expression());
  return out;
}

ast::SetItem Transformer::remove_item(P::RemoveItemContext* ctx) {
  ast::SetItem out;
  out.span = span_of(ctx);
  if (auto* pe = ctx->propertyExpression()) {
    out.kind = ast::SetKind::kRemoveProperty;
    ast::ExprPtr target = property_expr(pe);
    out.key = target->name;
    out.target = std::move(target->kids[0]);
    return out;
  }
  out.kind = ast::SetKind::kRemoveLabels;
  auto var = make_expr(ast::ExprKind::kVariable, span_of(ctx->variable()));
  var->name = name(ctx->variable()->symbolicName());
  out.target = std::move(var);
  for (auto* l : ctx->nodeLabels()->schemaName()) out.labels.push_back(name(l));
  return out;
}

ast::Clause Transformer::call_clause(P::CallClauseContext* ctx) {
  ast::Clause out;
  out.kind = ast::ClauseKind::kCall;
  out.span = span_of(ctx->procedureName());
  out.procedure = text_of(ctx->procedureName());
  for (auto* x : ctx->expression()) out.exprs.push_back(expression(x));
  out.yield_star = ctx->YIELD() == nullptr;
  for (auto* y : ctx->yieldItem()) {
    ast::YieldItem yi;
    yi.span = span_of(y);
    yi.field = name(y->symbolicName());
    yi.alias = y->variable() ? name(y->variable()->symbolicName()) : yi.field;
    out.yields.push_back(std::move(yi));
  }
  if (ctx->whereClause()) out.where = expression(ctx->whereClause()->expression());
  return out;
}

ast::Clause Transformer::clause(P::ClauseContext* ctx) {
  ast::Clause out;
  out.span = span_of(ctx->getStart());
  if (auto* m = ctx->matchClause()) {
    out.kind = ast::ClauseKind::kMatch;
    out.optional = m->OPTIONAL() != nullptr;
    out.patterns = pattern(m->pattern());
    if (m->whereClause()) out.where = expression(m->whereClause()->expression());
  } else if (auto* u = ctx->unwindClause()) {
    out.kind = ast::ClauseKind::kUnwind;
    out.expr = expression(u->expression());
    out.alias = name(u->variable()->symbolicName());
  } else if (auto* w = ctx->withClause()) {
    out.kind = ast::ClauseKind::kWith;
    out.projection = projection(w->projectionBody());
    if (w->whereClause()) out.where = expression(w->whereClause()->expression());
  } else if (auto* r = ctx->returnClause()) {
    out.kind = ast::ClauseKind::kReturn;
    out.projection = projection(r->projectionBody());
  } else if (auto* c = ctx->createClause()) {
    out.kind = ast::ClauseKind::kCreate;
    out.patterns = pattern(c->pattern());
  } else if (auto* m = ctx->mergeClause()) {
    out.kind = ast::ClauseKind::kMerge;
    out.patterns.push_back(pattern_part(m->patternPart()));
    for (auto* action : m->mergeAction()) {
      auto& target = action->CREATE() ? out.on_create : out.items;
      for (auto* item : action->setItem()) target.push_back(set_item(item));
    }
  } else if (auto* s = ctx->setClause()) {
    out.kind = ast::ClauseKind::kSet;
    for (auto* item : s->setItem()) out.items.push_back(set_item(item));
  } else if (auto* r = ctx->removeClause()) {
    out.kind = ast::ClauseKind::kRemove;
    for (auto* item : r->removeItem()) out.items.push_back(remove_item(item));
  } else if (auto* d = ctx->deleteClause()) {
    out.kind = ast::ClauseKind::kDelete;
    out.detach = d->DETACH() != nullptr;
    for (auto* x : d->expression()) out.exprs.push_back(expression(x));
  } else {
    return call_clause(ctx->callClause());
  }
  return out;
}

}  // namespace quarry::engine
