#include <catch2/catch.hpp>

#include <algorithm>
#include <vector>

#include "storage/keys.h"

using namespace quarry;
using namespace quarry::storage::keys;

TEST_CASE("big-endian ids sort like numbers", "[keys]") {
  std::vector<uint64_t> ids = {0, 1, 255, 256, 65535, 1ull << 32, (1ull << 63) + 5, ~0ull};
  std::vector<std::string> encoded;
  for (uint64_t id : ids) encoded.push_back(u64_key(id));
  CHECK(std::is_sorted(encoded.begin(), encoded.end()));
  for (size_t i = 0; i < ids.size(); ++i) CHECK(get_u64(encoded[i].data()) == ids[i]);
}

TEST_CASE("short ids in keys sort like numbers and round-trip", "[keys]") {
  std::vector<uint64_t> ids = {
      0, 1, 255, 256, 65535, 65536, 1u << 24, 1ull << 32, 1ull << 56, (1ull << 63) + 5, ~0ull};
  std::vector<std::string> encoded;
  for (uint64_t id : ids) encoded.push_back(id_key(id));
  CHECK(std::is_sorted(encoded.begin(), encoded.end()));
  CHECK(encoded[0] == std::string(1, '\0'));
  CHECK(encoded[2] == "\x01\xff");
  CHECK(encoded[3] == std::string("\x02\x01\x00", 3));
  CHECK(encoded.back().size() == kMaxIdSize);
  for (size_t i = 0; i < ids.size(); ++i) {
    std::string_view in = encoded[i];
    uint64_t back = 1;
    REQUIRE(read_id(in, back));
    CHECK(back == ids[i]);
    CHECK(in.empty());
    CHECK(first_id_size(encoded[i] + "xyz") == encoded[i].size());
  }
  std::string_view bad = "\x09\x01";
  uint64_t v;
  CHECK_FALSE(read_id(bad, v));
  std::string_view short_one = "\x03\x01";
  CHECK_FALSE(read_id(short_one, v));
  CHECK(first_id_size(short_one) == 0);
  CHECK(first_id_size("") == 0);
}

TEST_CASE("quad keys round-trip in every order and sort by their leading id", "[keys]") {
  Triple t{0x0102030405060708ull, 42, 7, 99};
  for (Order order : {Order::kSpo, Order::kPos, Order::kOsp}) {
    char buf[kMaxQuadSize];
    size_t n = encode_quad(order, t, buf);
    CHECK(n == 9 + 2 + 2 + 2);
    Triple back;
    REQUIRE(decode_quad(order, std::string_view(buf, n), back));
    CHECK(back.s == t.s);
    CHECK(back.p == t.p);
    CHECK(back.o == t.o);
    CHECK(back.rel == t.rel);
    CHECK_FALSE(decode_quad(order, std::string_view(buf, n - 1), back));
  }
  char a[kMaxQuadSize], b[kMaxQuadSize];
  size_t na = encode_quad(Order::kPos, Triple{900, 1, 5, 1}, a);
  size_t nb = encode_quad(Order::kPos, Triple{1, 1, 300, 1}, b);
  // POS: predicate then object, so object 5 sorts before object 300 whatever the subject.
  CHECK(std::string_view(a, na) < std::string_view(b, nb));
  char c[kMaxQuadSize];
  size_t nc = encode_quad(Order::kOsp, Triple{2, 9, 7, 3}, c);
  CHECK(std::string_view(c, nc).substr(0, 2) == id_key(7));
  CHECK(first_id_size(std::string_view(c, nc)) == 2);
  CHECK(std::string_view(c, nc).substr(0, 4) == id_prefix({7, 2}));
}

TEST_CASE("varints, rel, node, provenance and document values round-trip", "[keys]") {
  std::string s;
  for (uint64_t v : {0ull, 127ull, 128ull, 300ull, ~0ull}) append_varint(s, v);
  std::string_view in = s;
  for (uint64_t v : {0ull, 127ull, 128ull, 300ull, ~0ull}) {
    uint64_t got = 1;
    REQUIRE(read_varint(in, got));
    CHECK(got == v);
  }
  CHECK(in.empty());

  Triple t;
  uint32_t flags = 0;
  REQUIRE(decode_rel_value(rel_value(1, 2, 3, kRelFact), t, flags));
  CHECK((t.s == 1 && t.p == 2 && t.o == 3 && flags == kRelFact));
  RelBlock one;
  REQUIRE(decode_rel_record(9, rel_value(1, 2, 3, 0), one));
  CHECK((one.first.rel == 9 && one.last.rel == 9 && one.last.o == 3 && one.flags == 0));
  // A block record: ids 1000..1031 from (7, 2, 900) to (12, 5, 40).
  RelBlock block;
  block.first = {7, 2, 900, 1000};
  block.last = {12, 5, 40, 1031};
  std::string bv = rel_block_value(block);
  CHECK_FALSE(decode_rel_value(bv, t, flags));  // not one relationship
  RelBlock block_back;
  REQUIRE(decode_rel_record(1000, bv, block_back));
  CHECK((block_back.first.s == 7 && block_back.first.p == 2 && block_back.first.o == 900 &&
         block_back.first.rel == 1000));
  CHECK((block_back.last.s == 12 && block_back.last.p == 5 && block_back.last.o == 40 &&
         block_back.last.rel == 1031));
  CHECK(block_back.flags == (kRelFact | kRelBlock));
  CHECK(block_back.count() == 32);
  CHECK((block_back.covers(1000) && block_back.covers(1031) && !block_back.covers(999) &&
         !block_back.covers(1032)));
  CHECK_FALSE(decode_rel_record(1000, bv.substr(0, bv.size() - 1), block_back));

  std::vector<uint64_t> labels;
  REQUIRE(decode_node_value(node_value({5, 300}), labels));
  CHECK(labels == std::vector<uint64_t>{5, 300});

  ProvKey k{12, 34, 5};
  ProvKey pk, dk;
  REQUIRE(decode_prov_key(prov_key(k), pk));
  REQUIRE(decode_docrel_key(docrel_key(k), dk));
  CHECK((pk.rel == 12 && pk.doc == 34 && pk.seq == 5));
  CHECK((dk.rel == 12 && dk.doc == 34 && dk.seq == 5));
  CHECK(prov_key({1, 0, 0}) < prov_key({1, 1, 0}));
  CHECK(prov_key({1, 0, 255}) < prov_key({1, 0, 256}));
  CHECK(prov_key({1, 0, 0}).size() == 4);
  CHECK_FALSE(decode_prov_key(prov_key(k) + "x", pk));

  ProvValue pv{3, 10, 20, 0.75, 9, "met with"};
  ProvValue back;
  std::string encoded = prov_value(pv);
  REQUIRE(decode_prov_value(encoded, back));
  CHECK((back.sentence == 3 && back.start == 10 && back.end == 20));
  CHECK(back.confidence == 0.75);
  CHECK(back.extractor == 9);
  CHECK(back.surface == "met with");

  DocRecord d{content_hash("text"), "d1", "Title", "Wire", "2024-01-02", "text"};
  DocRecord db;
  REQUIRE(decode_doc_value(doc_value(d), db));
  CHECK((db.id == "d1" && db.title == "Title" && db.date == "2024-01-02" && db.text == "text"));
  CHECK(db.hash == content_hash("text"));
  CHECK(content_hash("text") != content_hash("texT"));

  CHECK(decode_i64(i64_value(-5)) == -5);
}

TEST_CASE("property values round-trip", "[keys]") {
  std::vector<Value> values = {Value(),
                               Value(true),
                               Value(int64_t{-42}),
                               Value(2.5),
                               Value("Kim"),
                               Value(List{1, "a", List{}}),
                               Value(Map{{"k", 1}, {"m", Map{{"x", "y"}}}})};
  for (const Value& v : values) {
    std::string enc;
    REQUIRE(encode_value(v, enc));
    auto back = decode_value(enc);
    REQUIRE(back.has_value());
    CHECK(*back == v);
  }
  std::string enc;
  CHECK_FALSE(encode_value(Value(Node{}), enc));
  CHECK_FALSE(decode_value("").has_value());
  CHECK_FALSE(decode_value(std::string("\x02\x01", 2)).has_value());
}

TEST_CASE("names normalise across case, hyphens, punctuation and diacritics", "[keys]") {
  CHECK(normalise_name("Kim Jong-un") == normalise_name("Kim Jong Un"));
  CHECK(normalise_name("KIM  JONG UN") == "kim jong un");
  CHECK(normalise_name("Zelenskyy.") == "zelenskyy");
  CHECK(normalise_name("Sergeï Šoigu") == "sergei soigu");
  CHECK(normalise_name("São Paulo") == normalise_name("Sao Paulo"));
  CHECK(normalise_name("U.S.") == "u s");
  CHECK(normalise_name("--") == "");
  CHECK(alias_key("kim", 1).substr(0, 4) == alias_prefix("kim"));
}
