#include "extract/facts/carb.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <set>
#include <sstream>

namespace quarry::extract {
namespace {

std::string strip(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i)
    if (i == s.size() || s[i] == sep) {
      out.emplace_back(s.substr(start, i - start));
      start = i + 1;
    }
  return out;
}

std::vector<std::string> words(std::string_view s) {
  std::vector<std::string> out;
  std::istringstream in{std::string(s)};
  std::string w;
  while (in >> w) out.push_back(w);
  return out;
}

// Gold words found among the system words, each system word used once.
int overlap(const std::vector<std::string>& gold, std::vector<std::string>& system) {
  int n = 0;
  for (const auto& w : gold) {
    auto it = std::find(system.begin(), system.end(), w);
    if (it != system.end()) {
      ++n;
      system.erase(it);
    }
  }
  return n;
}

// The lenient match on tuples whose arguments are already reduced to at most two.
CarbMatch lenient(const CarbTuple& ref, const CarbTuple& ex) {
  int p_num = 0, p_den = 0, r_num = 0, r_den = 0;
  auto sys = words(ex.relation);
  auto gold = words(ref.relation);
  p_den += static_cast<int>(sys.size());
  r_den += static_cast<int>(gold.size());
  int m = overlap(gold, sys);
  static const std::array<std::string_view, 8> kBe{"be",  "is",   "am",   "are",
                                                   "was", "were", "been", "being"};
  if (std::find(sys.begin(), sys.end(), "be") != sys.end())
    for (auto form : kBe)
      if (std::find(gold.begin(), gold.end(), form) != gold.end()) {
        ++m;
        sys.erase(std::find(sys.begin(), sys.end(), "be"));
        break;
      }
  if (m == 0) return {};
  p_num += m;
  r_num += m;
  for (size_t i = 0; i < ref.args.size(); ++i) {
    auto g = words(ref.args[i]);
    r_den += static_cast<int>(g.size());
    if (ex.args.size() <= i) {
      if (i < 2) return {};
      continue;
    }
    auto s = words(ex.args[i]);
    int k = overlap(g, s);
    if (k == 0 && i < 2) return {};
    r_num += k;
  }
  for (size_t i = 0; i < ex.args.size(); ++i) {
    auto s = words(ex.args[i]);
    p_den += static_cast<int>(s.size());
    if (ref.args.size() <= i) continue;
    auto g = words(ref.args[i]);
    p_num += overlap(g, s);
  }
  if (p_den == 0 || r_den == 0) return {};
  return {static_cast<double>(p_num) / p_den, static_cast<double>(r_num) / r_den};
}

CarbTuple binarize(const CarbTuple& t) {
  if (t.args.size() < 2) return t;
  CarbTuple b = t;
  std::string rest;
  for (size_t i = 1; i < t.args.size(); ++i) rest += (i > 1 ? " " : "") + t.args[i];
  b.args = {t.args[0], rest};
  return b;
}

}  // namespace

std::string carb_sentence_key(std::string_view sentence) {
  std::string s;
  for (char c : sentence)
    if (c != ' ') s += c;
  static const std::array<std::pair<std::string_view, char>, 6> kEscapes{{{"-LRB-", '('},
                                                                          {"-RRB-", ')'},
                                                                          {"-LSB-", '['},
                                                                          {"-RSB-", ']'},
                                                                          {"-LCB-", '{'},
                                                                          {"-RCB-", '}'}}};
  for (const auto& [esc, c] : kEscapes)
    for (size_t at; (at = s.find(esc)) != std::string::npos;) s.replace(at, esc.size(), 1, c);
  std::string out;
  for (char c : s)
    if (!std::ispunct(static_cast<unsigned char>(c))) out += c;
  return out;
}

static Result<CarbTuples> read_carb(std::istream& in, std::string_view name, bool system) {
  CarbTuples out;
  std::string line;
  for (uint64_t n = 1; std::getline(in, line); ++n) {
    std::string s = strip(line);
    if (s.empty()) continue;
    auto fields = split(s, '\t');
    size_t need = system ? 3 : 2;
    if (fields.size() < need)
      return Error(ErrorCode::kInvalidArgument,
                   fmt::format("{}:{}: expected at least {} tab-separated fields, found {}", name,
                               n, need, fields.size()));
    CarbTuple t;
    size_t k = 1;
    if (system) {
      char* end = nullptr;
      std::string conf = strip(fields[1]);
      t.confidence = std::strtod(conf.c_str(), &end);
      if (conf.empty() || *end != '\0')
        return Error(ErrorCode::kInvalidArgument,
                     fmt::format("{}:{}: confidence '{}' is not a number", name, n, fields[1]));
      k = 2;
    }
    t.relation = system ? fields[k] : strip(fields[k]);
    for (size_t i = k + 1; i < fields.size(); ++i) {
      // The reference scorer drops gold context arguments ("C: ...").
      if (!system && fields[i].find("C: ") != std::string::npos) continue;
      t.args.push_back(system ? fields[i] : strip(fields[i]));
    }
    out[carb_sentence_key(system ? fields[0] : strip(fields[0]))].push_back(std::move(t));
  }
  return out;
}

Result<CarbTuples> read_carb_gold(std::istream& in, std::string_view name) {
  return read_carb(in, name, false);
}

Result<CarbTuples> read_carb_system(std::istream& in, std::string_view name) {
  return read_carb(in, name, true);
}

CarbMatch carb_match(const CarbTuple& gold, const CarbTuple& system) {
  CarbTuple r = binarize(gold), e = binarize(system);
  CarbMatch straight = lenient(r, e);
  bool said = false;
  for (std::string_view verb : {"said", "told", "added", "adds", "says"})
    if (gold.relation.find(verb) != std::string::npos) said = true;
  if (!said || e.args.size() < 2) return straight;
  std::swap(e.args[0], e.args[1]);
  CarbMatch reverse = lenient(r, e);
  // The reference compares [precision, recall] pairs lexicographically.
  if (reverse.precision > straight.precision ||
      (reverse.precision == straight.precision && reverse.recall > straight.recall))
    return reverse;
  return straight;
}

CarbScore carb_score(const CarbTuples& gold, const CarbTuples& system) {
  std::set<double> all;
  for (const auto& [key, tuples] : system)
    for (const auto& t : tuples) all.insert(t.confidence);
  std::vector<double> thresholds(all.begin(), all.end());
  const size_t n = thresholds.size();
  std::vector<double> p(n, 0), pl(n, 0), r(n, 0), rl(n, 0);
  static const std::vector<CarbTuple> kNone;

  for (const auto& [key, golds] : gold) {
    auto it = system.find(key);
    const auto& preds = it == system.end() ? kNone : it->second;
    std::vector<std::vector<CarbMatch>> scores(golds.size(), std::vector<CarbMatch>(preds.size()));
    for (size_t i = 0; i < golds.size(); ++i)
      for (size_t j = 0; j < preds.size(); ++j) scores[i][j] = carb_match(golds[i], preds[j]);
    std::set<double> confs;
    for (const auto& t : preds) confs.insert(t.confidence);
    size_t prev = 0;
    for (double conf : confs) {
      size_t c = std::lower_bound(thresholds.begin(), thresholds.end(), conf) - thresholds.begin();
      std::vector<size_t> kept;
      for (size_t j = 0; j < preds.size(); ++j)
        if (preds[j].confidence >= conf) kept.push_back(j);
      double recall_num = 0;
      for (const auto& row : scores) {
        double best = 0;
        for (size_t j : kept) best = std::max(best, row[j].recall);
        recall_num += best;
      }
      double precision_num = 0;
      std::vector<char> row_used(golds.size(), 0), col_used(preds.size(), 0);
      for (size_t k = 0; k < std::min(golds.size(), kept.size()); ++k) {
        int br = -1, bc = -1;
        double bp = -1;
        for (size_t i = 0; i < golds.size(); ++i) {
          if (row_used[i]) continue;
          for (size_t j : kept)
            if (!col_used[j] && scores[i][j].precision > bp)
              bp = scores[i][j].precision, br = static_cast<int>(i), bc = static_cast<int>(j);
        }
        row_used[br] = 1, col_used[bc] = 1;
        precision_num += bp;
      }
      for (size_t x = prev; x <= c; ++x) {
        p[x] += precision_num;
        pl[x] += static_cast<double>(kept.size());
        r[x] += recall_num;
        rl[x] += static_cast<double>(golds.size());
      }
      prev = c + 1;
    }
    for (size_t x = prev; x < n; ++x) rl[x] += static_cast<double>(golds.size());
  }

  CarbScore score;
  std::vector<double> ps, rs;
  for (size_t x = 0; x < n; ++x) {
    double prec = pl[x] > 0 ? p[x] / pl[x] : 1.0;
    double rec = rl[x] > 0 ? r[x] / rl[x] : 0.0;
    double f1 = prec + rec > 0 ? 2 * prec * rec / (prec + rec) : 0.0;
    score.curve.push_back({thresholds[x], prec, rec});
    if (f1 > score.f1) score = {0, prec, rec, f1, thresholds[x], std::move(score.curve)};
    ps.push_back(prec), rs.push_back(rec);
  }
  ps.push_back(1.0), rs.push_back(0.0);
  // Trapezoids along the curve as given (recall falls as the threshold rises).
  double area = 0;
  for (size_t x = 1; x < ps.size(); ++x) area += (rs[x - 1] - rs[x]) * (ps[x - 1] + ps[x]) / 2;
  score.auc = n > 0 ? std::abs(area) : 0.0;
  return score;
}

}  // namespace quarry::extract
