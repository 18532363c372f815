#include "extract/ingest/ingester.h"

#include <fmt/format.h>

#include <atomic>
#include <chrono>
#include <future>
#include <mutex>
#include <thread>

#include <time.h>

#include "extract/facts/extractor.h"
#include "extract/nlp/pipeline.h"
#include "extract/nlp/segmenter.h"
#include "extract/resolve/document.h"

namespace quarry::extract::ingest {

namespace {

constexpr const char* kBuiltinExtractor = "quarry-extract/1";

// CPU time of the calling thread, in seconds.
double thread_cpu() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

struct Work {
  InputDocument in;
  std::vector<Fact> facts;
  uint64_t tokens = 0;
  size_t unresolved = 0;
  std::string error;
};

void extract_builtin(const nlp::Pipeline& pipeline, Work& w) {
  auto sentences = nlp::segment(w.in.doc.text);
  // The whole document at once, so a name typed in one sentence keeps that type where the
  // sentence-level recogniser missed or mistyped it (extract/nlp/entity_document.h).
  pipeline.annotate_document(sentences);
  std::vector<ExtractedFact> facts;
  for (size_t i = 0; i < sentences.size(); ++i) {
    w.tokens += sentences[i].tokens.size();
    auto f = extract_facts(sentences[i], static_cast<uint32_t>(i));
    facts.insert(facts.end(), std::make_move_iterator(f.begin()), std::make_move_iterator(f.end()));
  }
  auto r = resolve::resolve_document(sentences, std::move(facts), w.in.doc.date, kBuiltinExtractor);
  w.facts = std::move(r.facts);
  w.unresolved = r.unresolved;
}

// The plug-in's name in provenance: "plugin:" + the program's file name, the script's
// rather than its interpreter's ("python3 x/toy.py" -> "plugin:toy.py").
std::string plugin_name(const std::string& command) {
  std::string name;
  size_t i = 0;
  while (i < command.size()) {
    size_t j = command.find(' ', i);
    if (j == std::string::npos) j = command.size();
    std::string word = command.substr(i, j - i);
    if (auto slash = word.rfind('/'); slash != std::string::npos) word = word.substr(slash + 1);
    i = j + 1;
    if (word.empty()) continue;
    if (name.empty()) name = word;
    bool interpreter = word.rfind("python", 0) == 0 || word == "sh" || word == "bash" ||
                       word == "node" || word == "perl" || word == "ruby" || word == "env";
    if (!interpreter) return "plugin:" + word;
  }
  return "plugin:" + name;
}

// Facts from a plug-in: sentence spans filled from segmentation when the plug-in gave a
// sentence index only, then resolution on the argument text.
void finish_plugin(Work& w, std::vector<ExtractedFact> facts, const std::string& name) {
  auto sentences = nlp::segment(w.in.doc.text);
  for (const auto& s : sentences) w.tokens += s.tokens.size();
  for (auto& f : facts) {
    if (f.end == 0 && f.sentence < sentences.size() && !sentences[f.sentence].tokens.empty()) {
      f.start = sentences[f.sentence].tokens.front().start;
      f.end = sentences[f.sentence].tokens.back().end;
    }
  }
  auto r = resolve::resolve_document({}, std::move(facts), w.in.doc.date, name);
  w.facts = std::move(r.facts);
  w.unresolved = r.unresolved;
}

class Runner {
 public:
  Runner(Database& db, const nlp::Pipeline* pipeline, const IngestOptions& options,
         const ProblemSink& problem, const ProgressSink& progress)
      : db_(db),
        pipeline_(pipeline),
        options_(options),
        problem_(problem),
        progress_(progress),
        start_(std::chrono::steady_clock::now()) {}

  void add(InputDocument d) {
    batch_.push_back(Work{std::move(d), {}, 0, 0, {}});
    if (batch_.size() >= std::max<size_t>(1, options_.batch_documents)) flush();
  }

  IngestStats finish() {
    flush();
    if (writing_.valid()) writing_.get();
    std::lock_guard lock(mu_);
    stats_.seconds = elapsed();
    return stats_;
  }

  void report(const std::string& line) {
    std::lock_guard lock(mu_);
    ++stats_.failed;
    problem_(line);
  }

 private:
  double elapsed() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }

  void flush() {
    if (batch_.empty()) return;
    auto batch = std::make_shared<std::vector<Work>>(std::move(batch_));
    batch_.clear();
    extract(*batch);
    if (writing_.valid()) writing_.get();  // one writer, in input order
    writing_ = std::async(std::launch::async, [this, batch] { write(*batch); });
  }

  void extract(std::vector<Work>& batch) {
    {
      std::lock_guard lock(mu_);
      stats_.documents += batch.size();
    }
    if (!options_.extractor_command.empty()) {
      std::vector<Document> docs;
      for (const auto& w : batch) docs.push_back(w.in.doc);
      auto out = run_plugin(options_.extractor_command, docs);
      std::string name = plugin_name(options_.extractor_command);
      for (size_t i = 0; i < batch.size(); ++i) {
        if (!out.ok()) {
          batch[i].error =
              fmt::format("extractor '{}': {}", options_.extractor_command, out.error().message());
        } else {
          finish_plugin(batch[i], std::move((*out)[i]), name);
        }
      }
      return;
    }
    std::atomic<size_t> next{0};
    auto worker = [&] {
      double cpu = thread_cpu();
      for (size_t i = next++; i < batch.size(); i = next++) extract_builtin(*pipeline_, batch[i]);
      cpu = thread_cpu() - cpu;
      std::lock_guard lock(mu_);
      stats_.analysis_cpu += cpu;
    };
    unsigned n = std::max(1u, std::min<unsigned>(options_.jobs, batch.size()));
    std::vector<std::thread> threads;
    for (unsigned t = 1; t < n; ++t) threads.emplace_back(worker);
    worker();
    for (auto& t : threads) t.join();
  }

  void write(std::vector<Work>& batch) {
    double cpu = thread_cpu();
    for (Work& w : batch) {
      if (!w.error.empty()) {
        report(fmt::format("{}: {}", w.in.origin, w.error));
        continue;
      }
      auto r = db_.add_document(w.in.doc, w.facts);
      std::lock_guard lock(mu_);
      stats_.tokens += w.tokens;
      stats_.unresolved += w.unresolved;
      if (!r.ok()) {
        ++stats_.failed;
        problem_(fmt::format("{}: {}", w.in.origin, r.error().message()));
        continue;
      }
      stats_.added += r->documents_added;
      stats_.unchanged += r->documents_unchanged;
      if (r->documents_added) stats_.facts += w.facts.size();
      stats_.new_relationships += r->facts_added;
      stats_.new_entities += r->entities_added;
      stats_.seconds = elapsed();
      if (progress_) progress_(stats_);
    }
    std::lock_guard lock(mu_);
    stats_.storage_cpu += thread_cpu() - cpu;
  }

  Database& db_;
  const nlp::Pipeline* pipeline_;
  IngestOptions options_;
  const ProblemSink& problem_;
  const ProgressSink& progress_;
  std::chrono::steady_clock::time_point start_;
  std::vector<Work> batch_;
  std::future<void> writing_;
  std::mutex mu_;
  IngestStats stats_;
};

}  // namespace

IngestStats ingest(Database& db, const nlp::Pipeline* pipeline,
                   const std::vector<std::string>& paths, const IngestOptions& options,
                   const ProblemSink& problem, const ProgressSink& progress) {
  Runner runner(db, pipeline, options, problem, progress);
  read_inputs(
      paths, [&](InputDocument d) { runner.add(std::move(d)); },
      [&](const std::string& line) { runner.report(line); });
  return runner.finish();
}

}  // namespace quarry::extract::ingest
