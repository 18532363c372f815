// quarry.lookup_prefix: entities by the start of a name or alias, through the public API
// (the shell completes quarry.lookup(' with it).
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

#include "quarry/database.h"

using namespace quarry;

namespace {

Fact fact(std::string s, std::string p, std::string o) {
  Fact f;
  f.subject = {std::move(s), "Person"};
  f.predicate = std::move(p);
  f.object = {std::move(o), "Person"};
  f.text = f.predicate;
  f.mention.extractor = "test";
  return f;
}

std::vector<std::string> names(Database& db, const std::string& prefix) {
  auto r = db.query("CALL quarry.lookup_prefix($p) YIELD name RETURN name ORDER BY name",
                    Params{{"p", Value(prefix)}});
  REQUIRE(r.ok());
  auto rows = r->fetch_all();
  REQUIRE(rows.ok());
  std::vector<std::string> out;
  for (const auto& row : *rows) out.push_back(row[0].as_string());
  return out;
}

}  // namespace

TEST_CASE("quarry.lookup_prefix finds names by their normalised start, each entity once") {
  auto dir = std::filesystem::temp_directory_path() / "quarry-lookup-prefix-test";
  std::filesystem::remove_all(dir);
  {
    auto db = Database::open(dir.string());
    REQUIRE(db.ok());
    auto w = (*db)->add_facts({fact("Kim Jong-un", "meet", "Moon Jae-in"),
                               fact("Kim Yo-jong", "visit", "Müller"),
                               fact("Kimberly Ames", "meet", "Kim Jong-un")});
    REQUIRE(w.ok());
    // Case, hyphens and diacritics do not matter, as for quarry.lookup.
    CHECK(names(**db, "kim") ==
          std::vector<std::string>{"Kim Jong-un", "Kim Yo-jong", "Kimberly Ames"});
    CHECK(names(**db, "KIM JONG") == std::vector<std::string>{"Kim Jong-un"});
    CHECK(names(**db, "muller") == std::vector<std::string>{"Müller"});
    CHECK(names(**db, "zzz").empty());
    auto bad = (*db)->query("CALL quarry.lookup_prefix(42)");
    REQUIRE(bad.ok());
    auto rows = bad->fetch_all();
    REQUIRE(!rows.ok());
    CHECK(rows.error().code() == ErrorCode::kRuntimeError);
  }
  std::filesystem::remove_all(dir);
}
