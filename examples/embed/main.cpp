// Embedding Quarry: open a database, store a few facts with their sources, query them.
//
//   embed DB_PATH
//
// Prints the stored counts, then one line per answer row, then the answers of one prepared
// statement run with two parameter values. Exits non-zero on any error, printing it the
// way Quarry renders errors (with a caret under the query position).
#include <quarry/quarry.h>

#include <iostream>

namespace {

quarry::Fact fact(std::string subject, std::string predicate, std::string object, std::string doc) {
  quarry::Fact f;
  f.subject = {std::move(subject), "Person"};
  f.predicate = predicate;
  f.object = {std::move(object), "Person"};
  f.text = std::move(predicate);
  f.mention.doc = std::move(doc);
  f.mention.extractor = "embed-example";
  return f;
}

int fail(const quarry::Error& error, std::string_view source = {}) {
  std::cerr << error.to_string(source) << "\n";
  return 1;
}

// One line per row, values as Cypher literals separated by " | ".
int print_rows(quarry::QueryResult& result, std::string_view query) {
  quarry::Row row;
  for (;;) {
    auto more = result.next(row);
    if (!more.ok()) return fail(more.error(), query);
    if (!more.value()) return 0;
    for (size_t i = 0; i < row.size(); ++i) std::cout << (i ? " | " : "") << row[i].to_string();
    std::cout << "\n";
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: embed DB_PATH\n";
    return 2;
  }
  auto db = quarry::Database::open(argv[1]);
  if (!db.ok()) return fail(db.error());

  // The same fact from two documents is one relationship with support 2.
  auto written = (*db)->add_facts({fact("Ada Park", "meet", "Ben Ortiz", "report-1"),
                                   fact("Ada Park", "meet", "Ben Ortiz", "report-2"),
                                   fact("Ben Ortiz", "call", "Cleo Ruiz", "report-2")});
  if (!written.ok()) return fail(written.error());

  auto stats = (*db)->stats();
  if (!stats.ok()) return fail(stats.error());
  std::cout << "nodes " << stats->nodes << ", relationships " << stats->relationships << "\n";

  const std::string query =
      "MATCH (a:Person)-[r]->(b) RETURN a.name, type(r), b.name, r.support ORDER BY a.name";
  auto result = (*db)->query(query);
  if (!result.ok()) return fail(result.error(), query);
  if (int code = print_rows(*result, query)) return code;

  // A statement run many times is parsed and checked once; only $name changes.
  auto contacts = (*db)->prepare("MATCH (a {name: $name})-[r]->(b) RETURN type(r), b.name");
  if (!contacts.ok()) return fail(contacts.error());
  for (const char* name : {"Ada Park", "Ben Ortiz"}) {
    auto rows = contacts->execute({{"name", name}});
    if (!rows.ok()) return fail(rows.error(), contacts->text());
    std::cout << name << ": ";
    if (int code = print_rows(*rows, contacts->text())) return code;
  }
  return 0;
}
