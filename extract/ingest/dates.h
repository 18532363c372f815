// Dates for ingestion: a document's own date and outlet from its first lines, and time
// phrases of facts resolved against the document date.
//
// Pure functions, thread-safe. Dates are ISO 8601 strings ("2023-07-27").
#pragma once

#include <string>
#include <string_view>

namespace quarry::extract::ingest {

struct Dateline {
  std::string date;    // ISO date; empty when the text gives none with a year
  std::string source;  // the outlet named in the dateline, e.g. "Reuters"; may be empty
};

// Looks at the start of a news text (its first ~600 bytes) for:
//   a metadata line       "date 2023-07-27"
//   a dateline            "PYONGYANG, July 27 (Reuters) -", "SEOUL, July 27 (Yonhap) --"
//   a lead-in outlet      "(Bloomberg) --"
//   a full date           "July 27, 2023", "27 July 2023", "2023-07-27"
// A month and day without a year give no date (the year is not guessed).
Dateline find_dateline(std::string_view text);

// Resolves a time phrase ("on Wednesday", "July 26", "yesterday", "in 2020") against the
// document date. A weekday is the latest such day on or before the document date (news
// reports what happened); a month and day take the document's year. Returns the ISO date
// (or the year alone for "in 2020"); empty when the phrase or the date does not allow it.
std::string resolve_time(std::string_view phrase, std::string_view doc_date);

// Whether `date` is a valid ISO calendar date YYYY-MM-DD.
bool is_iso_date(std::string_view date);

}  // namespace quarry::extract::ingest
