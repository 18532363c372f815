// The Database implementation over a Store. Internal; embedders use quarry/database.h.
#pragma once

#include <istream>
#include <memory>

#include "engine/engine.h"
#include "quarry/database.h"
#include "storage/store.h"
#include "storage/writer.h"

namespace quarry::storage {

// The engine's view of a store: snapshots and write transactions.
class StoreSource : public engine::GraphSource {
 public:
  explicit StoreSource(std::shared_ptr<Store> store) : store_(std::move(store)) {}
  std::unique_ptr<GraphSnapshot> snapshot() override;
  Result<std::unique_ptr<GraphTransaction>> begin_write() override;

 private:
  std::shared_ptr<Store> store_;
};

// Recounts everything and compares with the indexes and statistics (storage/check.cpp).
Result<CheckReport> check_store(const std::shared_ptr<Store>& store);

// The bulk path (storage/bulk_import.cpp): reads every fact of `in`, builds sorted SST
// files for all column families and ingests them atomically. Precondition: the store is
// empty (no nodes, no relationships) and the caller holds the write mutex.
Result<ImportReport> bulk_import(const std::shared_ptr<Store>& store, std::istream& in,
                                 ImportFormat format, const std::string& name, bool strict);

class DatabaseImpl : public Database {
 public:
  explicit DatabaseImpl(std::shared_ptr<Store> store)
      : store_(store), source_(std::make_shared<StoreSource>(store)) {}

  bool read_only() const override { return store_->read_only(); }
  Result<WriteSummary> add_document(const Document& doc, const std::vector<Fact>& facts) override;
  Status remove_document(std::string_view doc_id) override;
  Result<WriteSummary> add_facts(const std::vector<Fact>& facts) override;
  Result<ImportReport> import(const std::string& path, const ImportOptions& options) override;
  Status export_graph(std::ostream& out, ExportFormat format) override;
  Result<QueryResult> query(std::string_view text, const Params& params,
                            const QueryOptions& options) override;
  Result<PreparedQuery> prepare(std::string_view text) override;
  Result<Stats> stats() override;
  Result<CheckReport> check() override;

 private:
  Status writable() const;
  Result<ImportReport> import_stream(std::istream& in, ImportFormat format, const std::string& name,
                                     bool strict);
  std::shared_ptr<Store> store_;
  std::shared_ptr<StoreSource> source_;
};

}  // namespace quarry::storage
