// The line formats `quarry import` reads back: TSV and N-Triples.
#include <fmt/format.h>

#include <set>
#include <utility>

#include "storage/io/export_detail.h"
#include "storage/io/triple_reader.h"

namespace quarry::storage::export_detail {
namespace {

// TSV has no escapes: a tab or line break inside a name would split the line, so each
// becomes a space. This is the one lossy step of a TSV round trip besides types and spans.
std::string tsv_field(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return out;
}

}  // namespace

// One line per (document, confidence) of each relationship, so importing the file back
// gives every relationship its documents and support again; a relationship without
// mentions (made by CREATE) is one three-field line.
Status write_tsv(GraphSnapshot& graph, std::ostream& out) {
  out << "# quarry export: subject\tpredicate\tobject\tdocument\tconfidence\n";
  std::set<std::pair<std::string, double>> seen;
  return for_each_edge(graph, {.nodes = true, .mentions = true}, [&](const EdgeView& e) {
    std::string triple = fmt::format("{}\t{}\t{}", tsv_field(node_name(e.source)),
                                     tsv_field(e.rel.type), tsv_field(node_name(e.target)));
    if (e.mentions.empty()) {
      double c = rel_confidence(e.rel);
      if (c == 1.0) {
        out << triple << '\n';
      } else {
        out << triple << "\t\t" << fmt::format("{}", c) << '\n';
      }
      return stream_status(out);
    }
    seen.clear();
    for (const MentionRecord& m : e.mentions) {
      if (!seen.emplace(m.doc, m.confidence).second) continue;
      out << triple << '\t' << tsv_field(m.doc) << '\t' << fmt::format("{}", m.confidence) << '\n';
    }
    return stream_status(out);
  });
}

// One triple per relationship; names map to IRIs with node_iri()/predicate_iri(), which
// name_from_iri() undoes on import.
Status write_ntriples(GraphSnapshot& graph, std::ostream& out) {
  return for_each_edge(graph, {.nodes = true, .mentions = false}, [&](const EdgeView& e) {
    out << '<' << node_iri(node_name(e.source)) << "> <" << predicate_iri(e.rel.type) << "> <"
        << node_iri(node_name(e.target)) << "> .\n";
    return stream_status(out);
  });
}

}  // namespace quarry::storage::export_detail
