#include "cli/shell/line_editor.h"

#include <histedit.h>

#include <algorithm>
#include <cstring>

namespace quarry::cli::shell {
namespace {

LineEditor* self(EditLine* el) {
  void* data = nullptr;
  el_get(el, EL_CLIENTDATA, &data);
  return static_cast<LineEditor*>(data);
}

char* prompt_fn(EditLine* el) { return const_cast<char*>(self(el)->prompt()); }
unsigned char complete_fn(EditLine* el, int) { return self(el)->on_complete(); }
unsigned char interrupt_fn(EditLine* el, int) { return self(el)->on_interrupt(); }

std::string common_prefix(const std::vector<std::string>& words) {
  if (words.empty()) return {};
  std::string prefix = words.front();
  for (const auto& w : words) {
    size_t n = 0;
    while (n < prefix.size() && n < w.size() && prefix[n] == w[n]) ++n;
    prefix.resize(n);
  }
  // Never stop inside a UTF-8 sequence.
  while (!prefix.empty() && (static_cast<unsigned char>(prefix.back()) & 0xC0) == 0x80) {
    prefix.pop_back();
  }
  if (!prefix.empty() && (static_cast<unsigned char>(prefix.back()) & 0xC0) == 0xC0) {
    prefix.pop_back();
  }
  return prefix;
}

}  // namespace

LineEditor::LineEditor(FILE* in, FILE* out, FILE* err, Options options)
    : out_(out), options_(std::move(options)) {
  el_ = el_init("quarry", in, out, err);
  hist_ = history_init();
  HistEvent ev;
  history(hist_, &ev, H_SETSIZE, options_.history_size);
  history(hist_, &ev, H_SETUNIQUE, 1);
  if (!options_.history_path.empty()) history(hist_, &ev, H_LOAD, options_.history_path.c_str());

  el_set(el_, EL_CLIENTDATA, this);
  el_set(el_, EL_EDITOR, "emacs");
  el_set(el_, EL_SIGNAL, 0);
  el_set(el_, EL_HIST, history, hist_);
  el_set(el_, EL_PROMPT, prompt_fn);
  // ^C must arrive as a key while editing (see the header), so no signal keys in edit mode.
  el_set(el_, EL_SETTY, "-d", "-isig", nullptr);
  el_set(el_, EL_ADDFN, "quarry-complete", "complete a word", complete_fn);
  el_set(el_, EL_ADDFN, "quarry-interrupt", "abandon the input", interrupt_fn);
  el_set(el_, EL_BIND, "^I", "quarry-complete", nullptr);
  el_set(el_, EL_BIND, "^C", "quarry-interrupt", nullptr);
  el_set(el_, EL_BIND, "^R", "em-inc-search-prev", nullptr);
  // Up/Down step through whole entries (the default arrows already do; be explicit, as
  // some terminals send the SS3 forms).
  el_set(el_, EL_BIND, "\033[A", "ed-prev-history", nullptr);
  el_set(el_, EL_BIND, "\033[B", "ed-next-history", nullptr);
  el_set(el_, EL_BIND, "\033OA", "ed-prev-history", nullptr);
  el_set(el_, EL_BIND, "\033OB", "ed-next-history", nullptr);
  // A user's ~/.editrc may rebind keys, as in every libedit program.
  el_source(el_, nullptr);
}

LineEditor::~LineEditor() {
  el_end(el_);
  history_end(hist_);
}

LineEditor::ReadStatus LineEditor::read_line(const std::string& prompt, std::string& line) {
  prompt_ = prompt;
  interrupted_ = false;
  tab_presses_ = 0;
  el_resize(el_);  // the window may have changed size while a query ran
  int count = 0;
  const char* text = el_gets(el_, &count);
  if (interrupted_) return ReadStatus::kInterrupted;
  if (!text || count <= 0) return ReadStatus::kEof;
  line.assign(text, static_cast<size_t>(count));
  if (!line.empty() && line.back() == '\n') line.pop_back();
  return ReadStatus::kLine;
}

void LineEditor::add_history(const std::string& entry) {
  if (entry.find_first_not_of(" \t\n") == std::string::npos) return;
  HistEvent ev;
  history(hist_, &ev, H_ENTER, entry.c_str());
  if (!options_.history_path.empty()) history(hist_, &ev, H_SAVE, options_.history_path.c_str());
}

unsigned char LineEditor::on_interrupt() {
  interrupted_ = true;
  // Show ^C after the text, as a shell does, then finish the line through the ordinary
  // newline key so libedit leaves the terminal tidy. read_line() discards the text.
  const LineInfo* li = el_line(el_);
  el_cursor(el_, static_cast<int>(li->lastchar - li->cursor));
  el_insertstr(el_, "^C");
  el_push(el_, "\n");
  return CC_REFRESH;
}

unsigned char LineEditor::on_complete() {
  if (!completer_) return CC_ERROR;
  const LineInfo* li = el_line(el_);
  std::string_view before(li->buffer, static_cast<size_t>(li->cursor - li->buffer));
  Completion c = completer_(before);
  if (c.candidates.empty() || c.start > before.size()) return CC_REFRESH_BEEP;
  std::string_view typed = before.substr(c.start);
  std::string insert;
  if (c.candidates.size() == 1) {
    insert = c.candidates.front();
    // A whole word: move past it, except after an opening quote or a `.`/`:` prefix the
    // user will continue.
    if (!insert.empty() && std::strchr("(.'", insert.back()) == nullptr) insert += ' ';
  } else {
    insert = common_prefix(c.candidates);
  }
  if (insert.size() > typed.size() && insert.compare(0, typed.size(), typed) == 0) {
    tab_presses_ = 0;
    el_insertstr(el_, insert.c_str() + typed.size());
    return CC_REFRESH;
  }
  // The candidates may differ from what was typed only by case (keywords): replace.
  if (c.candidates.size() == 1 || insert.size() > typed.size()) {
    tab_presses_ = 0;
    el_deletestr(el_, static_cast<int>(typed.size()));
    el_insertstr(el_, insert.c_str());
    return CC_REFRESH;
  }
  if (++tab_presses_ < 2) return CC_REFRESH_BEEP;
  show_candidates(c.candidates);
  return CC_REDISPLAY;
}

void LineEditor::show_candidates(const std::vector<std::string>& candidates) {
  size_t width = 0;
  for (const auto& c : candidates) width = std::max(width, c.size());
  const size_t per_line = std::max<size_t>(1, 80 / (width + 2));
  std::string out = "\n";
  for (size_t i = 0; i < candidates.size() && i < 200; ++i) {
    out += candidates[i];
    bool last_in_row = (i + 1) % per_line == 0 || i + 1 == candidates.size();
    out += last_in_row ? std::string("\n") : std::string(width + 2 - candidates[i].size(), ' ');
  }
  if (candidates.size() > 200) out += "...\n";
  std::fputs(out.c_str(), out_);
  std::fflush(out_);
}

}  // namespace quarry::cli::shell
