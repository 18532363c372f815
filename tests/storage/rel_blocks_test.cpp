// The block records of `rels` (format 3): a bulk import writes one record per
// kRelBlockSize consecutive relationship ids and lookups by id find their members in SPO;
// deleting members, Writer-made relationships between them, check and re-opening.
#include <catch2/catch.hpp>

#include <fstream>
#include <map>

#include "quarry/database.h"
#include "storage/database_impl.h"
#include "storage/temp_db.h"
#include "storage/writer.h"

using namespace quarry;
using namespace quarry::storage;

namespace {

constexpr uint64_t kFacts = 200;  // six full blocks of 32 and one of 8

// A bulk import of kFacts distinct facts into a new database, closed again.
void bulk_import(const testing::TempDir& dir) {
  std::string path = dir.file("facts.tsv");
  {
    std::ofstream out(path);
    for (uint64_t i = 0; i < kFacts; ++i) {
      out << "Pavel Dremin " << i / 4 << "\tmet" << i % 2 << "\tAna Velasco " << i % 4 << "\n";
    }
  }
  auto db = Database::open(dir.path());
  REQUIRE(db.ok());
  auto r = (*db)->import(path, {});
  REQUIRE(r.ok());
  REQUIRE(r->summary.facts_added == kFacts);
}

std::shared_ptr<Store> open_store(const testing::TempDir& dir) {
  auto s = Store::open(dir.path(), {});
  REQUIRE(s.ok());
  return *s;
}

// Every relationship by id, as the SPO index has it.
std::map<RelId, keys::Triple> spo_triples(const std::shared_ptr<Store>& store) {
  Snapshot snap(store);
  std::map<RelId, keys::Triple> out;
  REQUIRE(snap.scan_rels(std::nullopt,
                         [&](const Edge& e) {
                           out[e.rel] = keys::Triple{e.start, e.type, e.end, e.rel};
                           return true;
                         })
              .ok());
  return out;
}

void check_clean(const std::shared_ptr<Store>& store) {
  auto report = check_store(store);
  REQUIRE(report.ok());
  for (const auto& p : report->problems) INFO(p);
  CHECK(report->problems.empty());
}

// Reads every relationship by id and compares it with SPO; `gone` must not be found.
// The bulk-imported ones (ids up to kFacts) are facts.
void check_lookups(const std::shared_ptr<Store>& store, const std::map<RelId, keys::Triple>& live,
                   const std::vector<RelId>& gone) {
  Snapshot snap(store);
  for (const auto& [id, t] : live) {
    uint32_t flags = 0;
    auto got = snap.rel_triple(id, &flags);
    INFO("relationship " << id);
    REQUIRE(got);
    CHECK(got->s == t.s);
    CHECK(got->p == t.p);
    CHECK(got->o == t.o);
    CHECK(got->rel == id);
    CHECK(((flags & keys::kRelFact) != 0) == (id <= kFacts));  // later ones are CREATEd
    CHECK((flags & keys::kRelBlock) == 0);
  }
  for (RelId id : gone) {
    INFO("deleted relationship " << id);
    CHECK_FALSE(snap.rel_triple(id));
    CHECK_FALSE(snap.rel(id));
  }
}

size_t rels_records(const std::shared_ptr<Store>& store, size_t* blocks = nullptr) {
  Snapshot snap(store);
  size_t n = 0, b = 0;
  REQUIRE(snap.scan(keys::kRels, {},
                    [&](auto k, auto v) {
                      uint64_t id = 0;
                      keys::RelBlock r;
                      REQUIRE(keys::decode_rel_key(k, id));
                      REQUIRE(keys::decode_rel_record(id, v, r));
                      ++n;
                      if (r.flags & keys::kRelBlock) ++b;
                      return true;
                    })
              .ok());
  if (blocks) *blocks = b;
  return n;
}

void delete_rels(const std::shared_ptr<Store>& store, const std::vector<RelId>& ids) {
  Writer w(store);
  for (RelId id : ids) REQUIRE(w.delete_rel(id).ok());
  REQUIRE(w.commit().ok());
}

}  // namespace

TEST_CASE("a bulk import writes one rels record per block and finds every member", "[blocks]") {
  testing::TempDir dir;
  bulk_import(dir);
  auto store = open_store(dir);
  auto live = spo_triples(store);
  REQUIRE(live.size() == kFacts);
  // Ids are handed out in SPO order, one after another.
  CHECK(live.begin()->first == 1);
  CHECK(live.rbegin()->first == kFacts);
  RelId prev = 0;
  for (const auto& [id, t] : live) {
    CHECK(id == prev + 1);
    prev = id;
  }
  size_t blocks = 0;
  CHECK(rels_records(store, &blocks) == 7);
  CHECK(blocks == 7);
  check_lookups(store, live, {0, kFacts + 1, kFacts + 1000});
  // The record of the second block: ids 33..64.
  Snapshot snap(store);
  auto record = snap.rel_record(40);
  REQUIRE(record);
  CHECK(record->first.rel == 33);
  CHECK(record->last.rel == 64);
  CHECK(record->count() == 32);
  CHECK(record->flags == (keys::kRelFact | keys::kRelBlock));
  auto rec = snap.rel(50);
  REQUIRE(rec);
  CHECK(rec->start == live[50].s);
  CHECK(rec->end == live[50].o);
  CHECK(rec->type == snap.type_name(live[50].p));
  check_clean(store);
}

TEST_CASE("deleting block members hides them only, and the last one takes the record", "[blocks]") {
  testing::TempDir dir;
  bulk_import(dir);
  auto store = open_store(dir);
  auto live = spo_triples(store);
  // The first, a middle and the last member of the second block (33..64), the very last
  // relationship, and the whole fourth block (97..128).
  std::vector<RelId> gone = {33, 47, 64, kFacts};
  for (RelId id = 97; id <= 128; ++id) gone.push_back(id);
  delete_rels(store, {33, 47, 64, kFacts});
  delete_rels(store, std::vector<RelId>(gone.begin() + 4, gone.end()));
  for (RelId id : gone) live.erase(id);
  check_lookups(store, live, gone);
  size_t blocks = 0;
  CHECK(rels_records(store, &blocks) == 6);  // the fourth block's record went with it
  CHECK(blocks == 6);
  {
    Snapshot snap(store);
    CHECK_FALSE(snap.rel_record(100));
    auto second = snap.rel_record(33);  // kept: members 34..63 remain
    REQUIRE(second);
    CHECK(second->first.rel == 33);
    CHECK(snap.rel_count(std::nullopt) == kFacts - gone.size());
  }
  check_clean(store);
  // Deleting a member again fails: it is gone.
  Writer w(store);
  CHECK(w.delete_rel(47).code() == ErrorCode::kNotFound);
  CHECK(w.delete_rel(100).code() == ErrorCode::kNotFound);
}

TEST_CASE("relationships the Writer adds between block members keep records of their own",
          "[blocks]") {
  testing::TempDir dir;
  bulk_import(dir);
  auto store = open_store(dir);
  auto live = spo_triples(store);
  // Parallel relationships of members 40 and 64 (the second block's last): their SPO
  // entries sort right after the members', inside the block's range, with larger ids.
  RelId p40 = 0, p64 = 0;
  {
    Writer w(store);
    std::string type = w.type_name(live[40].p);
    auto a = w.create_rel(live[40].s, type, live[40].o, {});
    auto b = w.create_rel(live[64].s, w.type_name(live[64].p), live[64].o, {});
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    p40 = *a;
    p64 = *b;
    REQUIRE(w.commit().ok());
  }
  CHECK(p40 == kFacts + 1);
  CHECK(p64 == kFacts + 2);
  live = spo_triples(store);
  REQUIRE(live.size() == kFacts + 2);
  check_lookups(store, live, {});
  {
    Snapshot snap(store);
    uint32_t flags = 1;
    REQUIRE(snap.rel_triple(p40, &flags));
    CHECK(flags == 0);  // CREATEd, not a fact
  }
  // With members 41..64 deleted the lookup of one of them walks past the parallel ones.
  std::vector<RelId> gone;
  for (RelId id = 41; id <= 64; ++id) gone.push_back(id);
  delete_rels(store, gone);
  for (RelId id : gone) live.erase(id);
  check_lookups(store, live, gone);
  check_clean(store);
  // A fact added again merges into the bulk-imported relationship of its triple.
  {
    Writer w(store);
    w.set_exact_names(true);
    WriteSummary summary;
    Fact f;
    f.subject.name = "Pavel Dremin 0";
    f.predicate = "met0";
    f.object.name = "Ana Velasco 0";
    f.text = "met0";
    REQUIRE(w.add_fact(f, 0, summary).ok());
    CHECK(summary.facts_added == 0);
    REQUIRE(w.commit().ok());
  }
  CHECK(spo_triples(store).size() == live.size());
  check_clean(store);
}

TEST_CASE("block records survive re-opening and stamp format 3", "[blocks]") {
  testing::TempDir dir;
  bulk_import(dir);
  {
    auto store = open_store(dir);
    delete_rels(store, {5});
  }
  auto store = open_store(dir);
  std::string v;
  REQUIRE(store->db()
              ->Get({}, store->cf(keys::kDefault), std::string(keys::kFormatVersionKey), &v)
              .ok());
  REQUIRE(v.size() == 4);
  CHECK(keys::get_u32(v.data()) == 3);
  auto live = spo_triples(store);
  CHECK(live.size() == kFacts - 1);
  check_lookups(store, live, {5});
  check_clean(store);
}

TEST_CASE("a format 2 database (one rels record each) opens and reads", "[blocks]") {
  testing::TempDir dir;
  RelId rel = 0;
  {
    auto store = open_store(dir);
    Writer w(store);
    auto a = w.create_node({"Person"}, {{"name", "Oskar Lind"}});
    auto b = w.create_node({"Person"}, {{"name", "Mei Ruolan"}});
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    auto r = w.create_rel(*a, "knows", *b, {});
    REQUIRE(r.ok());
    rel = *r;
    REQUIRE(w.commit().ok());
    std::string two(4, '\0');
    keys::put_u32(two.data(), 2);
    REQUIRE(store->db()
                ->Put({}, store->cf(keys::kDefault), std::string(keys::kFormatVersionKey), two)
                .ok());
  }
  auto store = open_store(dir);
  Snapshot snap(store);
  auto t = snap.rel_triple(rel);
  REQUIRE(t);
  CHECK(snap.rel(rel)->type == "knows");
  CHECK(rels_records(store) == 1);
  check_clean(store);
}

TEST_CASE("a snapshot keeps reading the block members it saw", "[blocks]") {
  testing::TempDir dir;
  bulk_import(dir);
  auto store = open_store(dir);
  Snapshot before(store);
  REQUIRE(before.rel_triple(70));  // reads (and keeps) the block 65..96
  delete_rels(store, {71, 72});
  CHECK(before.rel_triple(71));  // the snapshot predates the delete
  CHECK(before.rel_triple(72));
  Snapshot after(store);
  CHECK(after.rel_triple(70));
  CHECK_FALSE(after.rel_triple(71));
  CHECK_FALSE(after.rel_triple(72));
  CHECK(after.rel_triple(73));
  // A transaction sees its own deletes at once.
  Writer w(store);
  REQUIRE(w.rel_triple(73));
  REQUIRE(w.delete_rel(73).ok());
  CHECK_FALSE(w.rel_triple(73));
  CHECK(w.rel_triple(74));
}

TEST_CASE("rel_properties of a scanned edge equals rel(id)'s properties", "[blocks]") {
  testing::TempDir dir;
  bulk_import(dir);
  auto store = open_store(dir);
  auto live = spo_triples(store);
  {
    // A created relationship with a stored property and no provenance, beside the facts.
    Writer w(store);
    auto id = w.create_rel(live[7].s, "knows", live[7].o, {{"since", Value(int64_t{2019})}});
    REQUIRE(id.ok());
    REQUIRE(w.commit().ok());
  }
  Snapshot snap(store);
  size_t edges = 0, with_support = 0;
  REQUIRE(snap.scan_rels(std::nullopt,
                         [&](const Edge& e) {
                           auto rec = snap.rel(e.rel);
                           REQUIRE(rec);
                           Map props = snap.rel_properties(e);
                           CHECK(props == rec->properties);
                           with_support += find(props, "support") != nullptr;
                           ++edges;
                           return true;
                         })
              .ok());
  CHECK(edges == kFacts + 1);
  CHECK(with_support == kFacts);  // the facts derive support from provenance; `knows` not
}
