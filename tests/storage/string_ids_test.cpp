// StringIds (storage/string_ids.h): keys held in the slot (up to 16 bytes) and in the
// arena (longer) are found again, also after the table grows, and never confused.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "storage/string_ids.h"

using namespace quarry::storage;

TEST_CASE("StringIds: short and long keys, across growth") {
  StringIds ids;  // starts small: 20,000 keys make it grow many times
  std::vector<std::string> keys;
  for (int i = 0; i < 20000; ++i)
    keys.push_back("k" + std::to_string(i) + std::string(i % 41, '.'));
  for (size_t i = 0; i < keys.size(); ++i) CHECK(ids.insert(keys[i], i + 100) == i + 100);
  CHECK(ids.size() == keys.size());
  for (size_t i = 0; i < keys.size(); ++i) {
    const uint64_t* v = ids.find(keys[i]);
    REQUIRE(v != nullptr);
    CHECK(*v == i + 100);
  }
  // A second insert keeps the first value.
  CHECK(ids.insert(keys[7], 1) == 107);
  CHECK(ids.insert(keys[19999], 1) == 20099);
  // Keys 13 and 14 are 16 and 17 bytes long: the last held in the slot, the first not.
  CHECK(keys[13].size() == 16);
  CHECK(keys[14].size() == 17);
  // Absent keys: prefixes and extensions of present ones, on both sides of the limit, and "".
  CHECK(*ids.find("k1.") == 101);
  CHECK(ids.find("k1") == nullptr);
  CHECK(ids.find("k1..") == nullptr);
  CHECK(ids.find(keys[13].substr(0, 15)) == nullptr);
  CHECK(ids.find(keys[14] + ".") == nullptr);
  CHECK(ids.find(keys[14].substr(0, 16)) == nullptr);
  CHECK(ids.find("") == nullptr);
  CHECK(ids.insert("", 5) == 5);
  CHECK(*ids.find("") == 5);
}
