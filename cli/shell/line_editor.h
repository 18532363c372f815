// LineEditor: the shell's terminal input, a thin layer over libedit (BSD editline).
//
// Emacs key bindings, persistent history and a Tab completion hook. A history entry is a
// whole statement: a statement typed over several lines is added (and saved, and
// recalled with Up) as one entry with its newlines kept.
//
// Ctrl-C while typing does not raise SIGINT: the terminal's signal keys are switched off
// while libedit reads (and back on while a query runs, so Ctrl-C then reaches the
// process's handler), and ^C is bound to a function that abandons the line. read_line()
// then reports kInterrupted. Ctrl-D on an empty line reports kEof.
//
// Not thread-safe; one instance per terminal.
#pragma once

#include <cstdio>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

struct editline;
struct history;

namespace quarry::cli::shell {

// What a completer proposes for the text before the cursor: replace the characters from
// `start` (a byte offset into that text) to the cursor by one of `candidates`.
struct Completion {
  size_t start = 0;
  std::vector<std::string> candidates;
};

class LineEditor {
 public:
  struct Options {
    std::string history_path;  // empty: no persistent history
    int history_size = 1000;   // entries kept, oldest dropped first
  };
  enum class ReadStatus { kLine, kInterrupted, kEof };
  // Text before the cursor on the current line -> proposals.
  using Completer = std::function<Completion(std::string_view before_cursor)>;

  LineEditor(FILE* in, FILE* out, FILE* err, Options options);
  ~LineEditor();
  LineEditor(const LineEditor&) = delete;
  LineEditor& operator=(const LineEditor&) = delete;

  // Reads one line (without its newline) after showing `prompt`.
  ReadStatus read_line(const std::string& prompt, std::string& line);
  // Adds a statement or command to the history and saves the history file. Blank
  // entries and an immediate repeat of the last entry are not added.
  void add_history(const std::string& entry);
  void set_completer(Completer completer) { completer_ = std::move(completer); }

  // Called from libedit; public only so the C callbacks can reach them.
  unsigned char on_complete();
  unsigned char on_interrupt();
  const char* prompt() const { return prompt_.c_str(); }

 private:
  void show_candidates(const std::vector<std::string>& candidates);

  editline* el_ = nullptr;
  history* hist_ = nullptr;
  FILE* out_;
  Options options_;
  std::string prompt_;
  Completer completer_;
  bool interrupted_ = false;
  int tab_presses_ = 0;  // consecutive Tabs without progress: the second one lists
};

}  // namespace quarry::cli::shell
