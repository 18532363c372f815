// Runs named queries against a Quarry database, each REPEAT times in one process, and
// prints {name: {"ms": [...], "rows": [...]}} as JSON: the Quarry side of bench/query.
// Each query is prepared once (Database::prepare) and executed REPEAT times.
// usage: quarry-bench-query DB QUERIES.json REPEAT
#include <nlohmann/json.hpp>

#include <chrono>
#include <fstream>
#include <iostream>

#include "quarry/quarry.h"

namespace {

using nlohmann::json;

json to_json(const quarry::Value& v) {
  switch (v.kind()) {
    case quarry::ValueKind::kNull: return nullptr;
    case quarry::ValueKind::kBool: return v.as_bool();
    case quarry::ValueKind::kInt: return v.as_int();
    case quarry::ValueKind::kFloat: return v.as_float();
    case quarry::ValueKind::kString: return v.as_string();
    default: return v.to_string();
  }
}

quarry::Map params_of(const json& j) {
  quarry::Map params;
  for (auto& [key, value] : j.items()) {
    if (value.is_string()) params.emplace_back(key, quarry::Value(value.get<std::string>()));
    if (value.is_number_integer()) params.emplace_back(key, quarry::Value(value.get<int64_t>()));
  }
  return params;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: quarry-bench-query DB QUERIES.json REPEAT\n";
    return 2;
  }
  quarry::OpenOptions options;
  options.read_only = true;
  auto db = quarry::Database::open(argv[1], options);
  if (!db.ok()) {
    std::cerr << db.error().to_string() << "\n";
    return 3;
  }
  std::ifstream in(argv[2]);
  json queries = json::parse(in);
  int repeat = std::stoi(argv[3]);
  json out = json::object();
  for (const json& q : queries) {
    std::string text = q["query"];
    quarry::Map params = params_of(q.value("params", json::object()));
    // Prepared once, outside the timing, as Python's sqlite3 caches the peer's statements.
    auto prepared = (*db)->prepare(text);
    if (!prepared.ok()) {
      std::cerr << prepared.error().to_string(text) << "\n";
      return 1;
    }
    json ms = json::array();
    std::vector<quarry::Row> kept;
    for (int i = 0; i < repeat; ++i) {
      // The rows are kept as the engine returns them (as Python's fetchall keeps SQLite's)
      // and written as JSON for the answer check after the clock stops.
      kept.clear();
      auto start = std::chrono::steady_clock::now();
      auto result = prepared->execute(params);
      if (!result.ok()) {
        std::cerr << result.error().to_string(text) << "\n";
        return 1;
      }
      quarry::Row row;
      for (;;) {
        auto more = result->next(row);
        if (!more.ok()) {
          std::cerr << more.error().to_string(text) << "\n";
          return 1;
        }
        if (!more.value()) break;
        kept.push_back(std::move(row));
      }
      std::chrono::duration<double, std::milli> took = std::chrono::steady_clock::now() - start;
      ms.push_back(took.count());
    }
    json rows = json::array();
    for (const quarry::Row& k : kept) {
      json r = json::array();
      for (const auto& v : k) r.push_back(to_json(v));
      rows.push_back(std::move(r));
    }
    out[q["name"].get<std::string>()] = {{"ms", ms}, {"rows", rows}};
  }
  std::cout << out.dump() << "\n";
  return 0;
}
