#include "extract/ingest/dates.h"

#include <fmt/format.h>

#include <array>
#include <cctype>
#include <chrono>
#include <optional>
#include <regex>

namespace quarry::extract::ingest {

namespace {

namespace chr = std::chrono;

constexpr std::array<std::string_view, 12> kMonths = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};
constexpr std::array<std::string_view, 7> kDays = {"sunday",   "monday", "tuesday", "wednesday",
                                                   "thursday", "friday", "saturday"};

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// 1-based month for a month name or its 3-letter abbreviation ("Jul", "Sept."); 0 if none.
unsigned month_of(std::string_view word) {
  std::string w = lower(word);
  if (!w.empty() && w.back() == '.') w.pop_back();
  for (size_t i = 0; i < kMonths.size(); ++i) {
    if (w == kMonths[i] || (w.size() >= 3 && kMonths[i].substr(0, w.size()) == w)) {
      return static_cast<unsigned>(i + 1);
    }
  }
  return 0;
}

std::optional<chr::year_month_day> parse_iso(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return std::nullopt;
  }
  chr::year_month_day d{chr::year(std::stoi(std::string(s.substr(0, 4)))),
                        chr::month(static_cast<unsigned>(std::stoi(std::string(s.substr(5, 2))))),
                        chr::day(static_cast<unsigned>(std::stoi(std::string(s.substr(8, 2)))))};
  if (!d.ok()) return std::nullopt;
  return d;
}

std::string iso(chr::year_month_day d) {
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(d.year()),
                     static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
}

std::string make_date(int year, unsigned month, unsigned day) {
  chr::year_month_day d{chr::year(year), chr::month(month), chr::day(day)};
  return d.ok() ? iso(d) : std::string();
}

const std::regex& month_day_year() {
  // "July 27, 2023", "Jul. 27 2023"
  static const std::regex re(R"(\b([A-Z][a-z]{2,8})\.? (\d{1,2}),? (\d{4})\b)");
  return re;
}
const std::regex& day_month_year() {
  static const std::regex re(R"(\b(\d{1,2}) ([A-Z][a-z]{2,8}) (\d{4})\b)");
  return re;
}
const std::regex& iso_date() {
  static const std::regex re(R"(\b(\d{4}-\d{2}-\d{2})\b)");
  return re;
}

}  // namespace

bool is_iso_date(std::string_view date) { return parse_iso(date).has_value(); }

Dateline find_dateline(std::string_view text) {
  Dateline out;
  std::string head(text.substr(0, std::min<size_t>(text.size(), 600)));
  std::smatch m;
  static const std::regex meta(R"((^|\n)\s*date:?\s+(\d{4}-\d{2}-\d{2}))", std::regex::icase);
  static const std::regex outlet(
      R"((^|\n)\s*(?:[A-Z][A-Z .'-]+, [A-Z][a-z]+\.? \d{1,2} )?\(([A-Z][A-Za-z .&'-]{1,40})\) ?(?:-+|\xE2\x80[\x93\x94]))");
  if (std::regex_search(head, m, meta) && is_iso_date(m[2].str())) out.date = m[2].str();
  if (std::regex_search(head, m, outlet)) out.source = m[2].str();
  if (out.date.empty() && std::regex_search(head, m, month_day_year())) {
    if (unsigned mo = month_of(m[1].str())) {
      out.date = make_date(std::stoi(m[3].str()), mo, static_cast<unsigned>(std::stoi(m[2].str())));
    }
  }
  if (out.date.empty() && std::regex_search(head, m, day_month_year())) {
    if (unsigned mo = month_of(m[2].str())) {
      out.date = make_date(std::stoi(m[3].str()), mo, static_cast<unsigned>(std::stoi(m[1].str())));
    }
  }
  if (out.date.empty() && std::regex_search(head, m, iso_date()) && is_iso_date(m[1].str())) {
    out.date = m[1].str();
  }
  return out;
}

std::string resolve_time(std::string_view phrase, std::string_view doc_date) {
  std::string p(phrase);
  std::smatch m;
  if (std::regex_search(p, m, iso_date()) && is_iso_date(m[1].str())) return m[1].str();
  if (std::regex_search(p, m, month_day_year())) {
    if (unsigned mo = month_of(m[1].str())) {
      return make_date(std::stoi(m[3].str()), mo, static_cast<unsigned>(std::stoi(m[2].str())));
    }
  }
  auto doc = parse_iso(doc_date);
  std::string lp = lower(p);
  if (doc) {
    chr::sys_days d{*doc};
    if (lp.find("yesterday") != std::string::npos)
      return iso(chr::year_month_day{d - chr::days(1)});
    if (lp.find("tomorrow") != std::string::npos) return iso(chr::year_month_day{d + chr::days(1)});
    if (lp.find("today") != std::string::npos) return iso(*doc);
    static const std::regex md(R"(\b([A-Za-z]{3,9})\.? (\d{1,2})\b)");
    if (std::regex_search(p, m, md)) {
      if (unsigned mo = month_of(m[1].str()); mo && m[1].str().size() >= 3) {
        return make_date(static_cast<int>(doc->year()), mo,
                         static_cast<unsigned>(std::stoi(m[2].str())));
      }
    }
    for (size_t i = 0; i < kDays.size(); ++i) {
      if (lp.find(kDays[i]) == std::string::npos) continue;
      unsigned today = chr::weekday(d).c_encoding();
      unsigned back = (today + 7 - static_cast<unsigned>(i)) % 7;
      return iso(chr::year_month_day{d - chr::days(back)});
    }
  }
  static const std::regex year(R"(\b(1[89]\d\d|2[01]\d\d)\b)");
  if (std::regex_search(p, m, year)) return m[1].str();
  return {};
}

}  // namespace quarry::extract::ingest
