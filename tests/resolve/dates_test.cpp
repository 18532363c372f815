#include <catch2/catch.hpp>

#include "extract/ingest/dates.h"

using namespace quarry::extract::ingest;

TEST_CASE("time phrases resolve against the document date") {
  // 2023-07-27 was a Thursday.
  CHECK(resolve_time("on Wednesday", "2023-07-27") == "2023-07-26");
  CHECK(resolve_time("Thursday", "2023-07-27") == "2023-07-27");
  CHECK(resolve_time("on Friday", "2023-07-27") == "2023-07-21");
  CHECK(resolve_time("yesterday", "2023-07-27") == "2023-07-26");
  CHECK(resolve_time("on July 25", "2023-07-27") == "2023-07-25");
  CHECK(resolve_time("March 3, 2031", "") == "2031-03-03");
  CHECK(resolve_time("in 2020", "2023-07-27") == "2020");
  CHECK(resolve_time("on Wednesday", "") == "");
  CHECK(resolve_time("this week", "2023-07-27") == "");
  CHECK(resolve_time("on February 30", "2023-07-27") == "");
}

TEST_CASE("datelines give the date and the outlet") {
  auto a = find_dateline("SOREL, March 14 (Meridian Wire) - Ministers arrived.");
  CHECK(a.source == "Meridian Wire");
  CHECK(a.date.empty());  // no year: not guessed
  auto b = find_dateline(
      " date 2031-03-15 (ATTN: UPDATES headline)\n\nSOREL, March 15 (CSNA) -- Chen met");
  CHECK(b.date == "2031-03-15");
  CHECK(b.source == "CSNA");
  auto c = find_dateline("(Harbour Wire) -- The envoy left.");
  CHECK(c.source == "Harbour Wire");
  auto d = find_dateline("Talks end\n\nMarch 16, 2031 - The envoy left.");
  CHECK(d.date == "2031-03-16");
  CHECK(d.source.empty());
  CHECK(find_dateline("Nothing here.").date.empty());
  CHECK(is_iso_date("2023-07-27"));
  CHECK(!is_iso_date("2023-13-01"));
}
