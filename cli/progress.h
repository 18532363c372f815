// A progress bar for `quarry import` on a terminal.
//
// Database::import() takes a path and reports nothing until it is done, so the bar
// watches the import from the outside: a background thread reads, every tenth of a
// second, how far this process's open descriptors on the input file have read
// (/proc/self/fdinfo). That costs the import nothing and needs no callback through the
// API. Where the offset cannot be seen (stdin from a pipe, a file read by mmap) the bar
// shows the elapsed time only.
//
// It draws on stderr only when stderr is a terminal; otherwise it does nothing at all.
// The line is erased when the object is destroyed, before the caller prints its summary.
#pragma once

#include <memory>
#include <string>

namespace quarry::cli {

class ImportProgress {
 public:
  // `label` is what the bar calls the input; `path` is opened by the importer ("-" = stdin).
  ImportProgress(std::string path, std::string label, bool enabled);
  ~ImportProgress();
  ImportProgress(const ImportProgress&) = delete;
  ImportProgress& operator=(const ImportProgress&) = delete;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// Whether stderr is an interactive terminal.
bool stderr_is_terminal();

}  // namespace quarry::cli
