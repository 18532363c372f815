#include <fmt/format.h>

#include <fstream>
#include <iostream>

#include "storage/database_impl.h"
#include "storage/io/export.h"
#include "storage/io/triple_reader.h"

namespace quarry {

Result<std::unique_ptr<Database>> Database::open(const std::string& path,
                                                 const OpenOptions& options) {
  auto store = storage::Store::open(path, options);
  if (!store.ok()) return store.error();
  return std::unique_ptr<Database>(new storage::DatabaseImpl(std::move(*store)));
}

}  // namespace quarry

namespace quarry::storage {

using keys::TermKind;

std::unique_ptr<GraphSnapshot> StoreSource::snapshot() {
  return std::make_unique<Snapshot>(store_);
}

Result<std::unique_ptr<GraphTransaction>> StoreSource::begin_write() {
  if (store_->read_only()) {
    return Error(ErrorCode::kReadOnly, "the database was opened read-only");
  }
  return std::unique_ptr<GraphTransaction>(std::make_unique<Writer>(store_));
}

Status DatabaseImpl::writable() const {
  if (store_->read_only()) {
    return Error(ErrorCode::kReadOnly,
                 fmt::format("database {} was opened read-only", store_->path()));
  }
  return {};
}

Result<WriteSummary> DatabaseImpl::add_facts(const std::vector<Fact>& facts) {
  if (auto s = writable(); !s.ok()) return s;
  Writer w(store_);
  WriteSummary summary;
  for (size_t i = 0; i < facts.size(); ++i) {
    const Fact& f = facts[i];
    uint64_t doc = f.mention.doc.empty() ? 0 : w.intern(TermKind::kDoc, f.mention.doc);
    if (auto s = w.add_fact(f, doc, summary); !s.ok()) {
      return Error(s.code(), fmt::format("fact {}: {}", i + 1, s.error().message()));
    }
  }
  if (auto s = w.commit(); !s.ok()) return s;
  return summary;
}

Result<WriteSummary> DatabaseImpl::add_document(const Document& doc,
                                                const std::vector<Fact>& facts) {
  if (auto s = writable(); !s.ok()) return s;
  if (doc.id.empty()) return Error(ErrorCode::kInvalidArgument, "document id is empty");
  Writer w(store_);
  WriteSummary summary;
  uint64_t id = w.intern(TermKind::kDoc, doc.id);
  keys::DocRecord rec{
      keys::content_hash(doc.text), doc.id, doc.title, doc.source, doc.date, doc.text};
  std::string old;
  std::string docs_key = keys::u64_key(id);
  if (w.get(keys::kDocs, docs_key, &old)) {
    keys::DocRecord prev;
    if (keys::decode_doc_value(old, prev) && prev.hash == rec.hash && prev.title == rec.title &&
        prev.source == rec.source && prev.date == rec.date) {
      summary.documents_unchanged = 1;
      return summary;  // nothing written: the Writer is dropped without commit
    }
  } else {
    w.add_stat(keys::stat_global_key("docs"), 1);
  }
  // A changed (or first) version replaces whatever mentions the document had.
  if (auto s = w.retract_document(id); !s.ok()) return s;
  w.put(keys::kDocs, docs_key, keys::doc_value(rec));
  summary.documents_added = 1;
  for (size_t i = 0; i < facts.size(); ++i) {
    Fact f = facts[i];
    f.mention.doc = doc.id;
    if (auto s = w.add_fact(f, id, summary); !s.ok()) {
      return Error(s.code(),
                   fmt::format("document {}: fact {}: {}", doc.id, i + 1, s.error().message()));
    }
  }
  if (auto s = w.commit(); !s.ok()) return s;
  return summary;
}

Status DatabaseImpl::remove_document(std::string_view doc_id) {
  if (auto s = writable(); !s.ok()) return s;
  Writer w(store_);
  auto id = w.term_id(TermKind::kDoc, doc_id);
  std::string rec;
  bool has_record = id && w.get(keys::kDocs, keys::u64_key(*id), &rec);
  bool has_mentions = false;
  if (id) {
    auto s = w.scan(keys::kDocRels, keys::id_key(*id), [&](auto, auto) {
      has_mentions = true;
      return false;
    });
    if (!s.ok()) return s;
  }
  if (!has_record && !has_mentions) {
    return Error(ErrorCode::kNotFound, fmt::format("no document '{}'", doc_id));
  }
  if (auto s = w.retract_document(*id); !s.ok()) return s;
  if (has_record) {
    w.del(keys::kDocs, keys::u64_key(*id));
    w.add_stat(keys::stat_global_key("docs"), -1);
  }
  return w.commit();
}

Result<ImportReport> DatabaseImpl::import(const std::string& path, const ImportOptions& options) {
  if (auto s = writable(); !s.ok()) return s;
  ImportFormat format =
      options.format == ImportFormat::kAuto ? format_for_path(path) : options.format;
  std::string name = options.display_name.empty() ? path : options.display_name;
  if (path == "-") return import_stream(std::cin, format, name, options.strict);
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error(ErrorCode::kNotFound, fmt::format("cannot open {}", path));
  return import_stream(in, format, name, options.strict);
}

Result<ImportReport> DatabaseImpl::import_stream(std::istream& in, ImportFormat format,
                                                 const std::string& name, bool strict) {
  {
    // Decide under the write lock, so no other writer can fill the graph in between.
    std::unique_lock lock(store_->write_mutex());
    Snapshot snap(store_);
    // JSON Lines can carry what the bulk path does not keep (aliases, merge reasons,
    // spelling variants, mention qualifiers, symmetric facts: `quarry extract` rows), so
    // it always goes through the Writer; TSV and N-Triples are bare triples.
    if (format != ImportFormat::kJsonl && snap.node_count(std::nullopt) == 0 &&
        snap.rel_count(std::nullopt) == 0) {
      return bulk_import(store_, in, format, name, strict);
    }
  }
  // Into a populated database: one transaction, so the whole file is one atomic batch.
  Writer w(store_);
  ImportReport report;
  auto reader = TripleReader::open(format, in, name);
  auto read = read_facts(*reader, name, strict, report, [&](const Fact& fact) {
    // Bare triples name entities by identifier; `quarry extract` rows by resolved name.
    w.set_exact_names(!reader->names_resolved());
    uint64_t doc = fact.mention.doc.empty() ? 0 : w.intern(TermKind::kDoc, fact.mention.doc);
    return w.add_fact(fact, doc, report.summary);
  });
  if (!read.ok()) return read;
  if (auto s = w.commit(); !s.ok()) return s;
  return report;
}

Status DatabaseImpl::export_graph(std::ostream& out, ExportFormat format) {
  Snapshot snap(store_);
  return write_graph(snap, out, format);
}

Result<QueryResult> DatabaseImpl::query(std::string_view text, const Params& params,
                                        const QueryOptions& options) {
  return engine::run(source_, text, params, options);
}

Result<PreparedQuery> DatabaseImpl::prepare(std::string_view text) {
  return engine::prepare(source_, text);
}

Result<Stats> DatabaseImpl::stats() {
  Snapshot snap(store_);
  Stats st;
  st.nodes = snap.node_count(std::nullopt);
  st.relationships = snap.rel_count(std::nullopt);
  st.mentions =
      static_cast<uint64_t>(std::max<int64_t>(0, snap.stat(keys::stat_global_key("mentions"))));
  st.documents =
      static_cast<uint64_t>(std::max<int64_t>(0, snap.stat(keys::stat_global_key("docs"))));
  std::string v;
  if (snap.get(keys::kDefault, keys::kNextTermKey, &v) && v.size() == 8) {
    st.terms = keys::get_u64(v.data()) - 1;
  }
  st.bytes_on_disk = store_->bytes_on_disk();
  st.predicates = snap.rel_types();
  st.labels = snap.labels();
  return st;
}

Result<CheckReport> DatabaseImpl::check() { return check_store(store_); }

}  // namespace quarry::storage
