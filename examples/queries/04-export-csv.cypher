// Every fact as CSV, ready for a spreadsheet:
//   build/quarry --db build/demo.db --quiet run examples/queries/04-export-csv.cypher > facts.csv
// `:format` switches the output format for the statements that follow
// (table, csv, tsv, json, jsonl or markdown); `--format` sets the one to start with.
:format csv

MATCH (s)-[r]->(o)
RETURN s.name AS subject, type(r) AS predicate, o.name AS object,
       r.support AS support, r.confidence AS confidence
ORDER BY subject, predicate, object;
