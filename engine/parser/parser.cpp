#include "engine/parser/parser.h"

#include <fmt/format.h>

#include "QuarryLexer.h"
#include "antlr4-runtime.h"
#include "engine/errors.h"
#include "engine/parser/transformer.h"

namespace quarry::engine {

namespace {

const std::vector<std::string>& keywords() {
  static const std::vector<std::string> words = {
      "MATCH",  "OPTIONAL", "WHERE",   "RETURN",  "WITH",     "UNWIND", "AS",   "DISTINCT",
      "ORDER",  "BY",       "SKIP",    "LIMIT",   "CREATE",   "MERGE",  "SET",  "REMOVE",
      "DELETE", "DETACH",   "CALL",    "YIELD",   "UNION",    "CASE",   "WHEN", "THEN",
      "ELSE",   "END",      "EXPLAIN", "PROFILE", "CONTAINS", "STARTS", "ENDS", "NULL"};
  return words;
}

// Turns ANTLR's first complaint into one kSyntaxError and stops the parse: later
// complaints after recovery are usually consequences of the first.
class ErrorListener : public antlr4::BaseErrorListener {
 public:
  void syntaxError(antlr4::Recognizer* recognizer, antlr4::Token* token, size_t line, size_t column,
                   const std::string& msg, std::exception_ptr) override {
    SourceSpan span{static_cast<uint32_t>(line), static_cast<uint32_t>(column + 1), 1};
    if (token == nullptr) fail(ErrorCode::kSyntaxError, "unexpected character", span);
    if (token->getType() == antlr4::Token::EOF) {
      // Point just past the last real token rather than at trailing whitespace.
      if (auto* parser = dynamic_cast<antlr4::Parser*>(recognizer)) {
        antlr4::Token* last = parser->getTokenStream()->LT(-1);
        if (last && last->getType() != antlr4::Token::EOF) {
          span.line = static_cast<uint32_t>(last->getLine());
          span.column =
              static_cast<uint32_t>(last->getCharPositionInLine() + 1 + last->getText().size());
        }
      }
      std::string message = "unexpected end of input";
      if (msg.rfind("missing ", 0) == 0) message = msg.substr(0, msg.find(" at "));
      fail(ErrorCode::kSyntaxError, message, span);
    }
    std::string text = token->getText();
    span.length = static_cast<uint32_t>(std::max<size_t>(1, text.size()));
    if (msg.rfind("missing ", 0) == 0) {
      fail(ErrorCode::kSyntaxError,
           fmt::format("{} before '{}'", msg.substr(0, msg.find(" at ")), text), span);
    }
    std::string hint;
    if (text == "!=") hint = "Cypher writes inequality as <>";
    if (text == "==") hint = "Cypher writes equality as a single =";
    if (text == "&&") hint = "Cypher writes conjunction as AND";
    if (text == "||") hint = "Cypher writes disjunction as OR";
    if (hint.empty()) {
      std::string near = closest_name(text, keywords());
      if (!near.empty()) hint = fmt::format("did you mean {}?", near);
    }
    fail(ErrorCode::kSyntaxError, fmt::format("unexpected '{}'", text), span, hint);
  }
};

// ANTLR's input stream throws std::range_error on malformed UTF-8; reject it first with
// a position instead.
void check_utf8(std::string_view text) {
  uint32_t line = 1, column = 1;
  for (size_t i = 0; i < text.size();) {
    auto c = static_cast<unsigned char>(text[i]);
    size_t len = c < 0x80           ? 1
                 : (c >> 5) == 0x6  ? 2
                 : (c >> 4) == 0xE  ? 3
                 : (c >> 3) == 0x1E ? 4
                                    : 0;
    bool ok = len != 0 && i + len <= text.size();
    for (size_t k = 1; ok && k < len; ++k) {
      ok = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
    }
    if (!ok)
      fail(ErrorCode::kSyntaxError, "the query is not valid UTF-8", SourceSpan{line, column, 1});
    if (c == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
    i += len;
  }
}

// Stops a parse that nests too deeply. ANTLR's generated parser recurses once per rule,
// about fourteen rules per level of brackets, so `[[[[...` a few thousand deep would
// exhaust the stack; the limit leaves room for about two hundred levels.
class DepthGuard : public antlr4::tree::ParseTreeListener {
 public:
  static constexpr size_t kMaxRuleDepth = 3000;
  void enterEveryRule(antlr4::ParserRuleContext* ctx) override {
    if (++depth_ <= kMaxRuleDepth) return;
    fail(ErrorCode::kSyntaxError, "the query nests too deeply", span_of(ctx->getStart()),
         "at most about 200 levels of brackets, CASE or NOT");
  }
  void exitEveryRule(antlr4::ParserRuleContext*) override { --depth_; }
  void visitTerminal(antlr4::tree::TerminalNode*) override {}
  void visitErrorNode(antlr4::tree::ErrorNode*) override {}
  void reset() { depth_ = 0; }

 private:
  size_t depth_ = 0;
};

}  // namespace

ast::Statement parse(std::string_view text) {
  check_utf8(text);
  antlr4::ANTLRInputStream input;
  try {
    input.load(std::string(text));
  } catch (const std::exception&) {  // surrogates, overlong forms, code points past U+10FFFF
    fail(ErrorCode::kSyntaxError, "the query is not valid UTF-8");
  }
  grammar::QuarryLexer lexer(&input);
  ErrorListener listener;
  lexer.removeErrorListeners();
  lexer.addErrorListener(&listener);
  antlr4::CommonTokenStream tokens(&lexer);
  grammar::QuarryParser parser(&tokens);
  parser.removeErrorListeners();
  parser.addErrorListener(&listener);
  DepthGuard depth;
  parser.addParseListener(&depth);
  // Fast SLL prediction first; only ambiguous-looking input pays for full LL.
  parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(
      antlr4::atn::PredictionMode::SLL);
  auto bail = std::make_shared<antlr4::BailErrorStrategy>();
  parser.setErrorHandler(bail);
  grammar::QuarryParser::StatementContext* tree = nullptr;
  try {
    tree = parser.statement();
  } catch (const antlr4::ParseCancellationException&) {
    tokens.seek(0);
    parser.reset();
    depth.reset();
    parser.setErrorHandler(std::make_shared<antlr4::DefaultErrorStrategy>());
    parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(
        antlr4::atn::PredictionMode::LL);
    tree = parser.statement();
  }
  Transformer transformer;
  return transformer.statement(tree);
}

}  // namespace quarry::engine
