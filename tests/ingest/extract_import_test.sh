#!/usr/bin/env bash
# Extract on several "machines", merge with `quarry import` (docs/scaling.md): the merged
# graph must be the graph `quarry ingest` builds from the same documents: the same
# entities (resolved within each document, then across documents), the same facts, one
# relationship for a symmetric fact stated both ways, no node for an unresolved pronoun.
# Skips (exit 0 with a message) without the model.
# usage: extract_import_test.sh QUARRY SOURCE_DIR
set -uo pipefail
quarry=$1
model=$2/models/en.qm
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

if [[ ! -f $model ]]; then
  echo "skipped: $model absent (see docs/nlp.md)"
  exit 0
fi

cat > "$work/part1.jsonl" <<'JSON'
{"id": "w1", "title": "Envoy in Velden", "date": "2031-05-14", "source": "Velden Wire", "text": "Foreign Minister Lena Hart arrived in Velden on Monday. Hart met Prime Minister Omar Diallo at the harbour palace and handed him a letter from President Ivo Brandt."}
{"id": "w2", "title": "Talks", "date": "2031-05-15", "source": "Coast Herald", "text": "He said little. Omar Diallo met Lena Hart again on Tuesday."}
JSON
cat > "$work/part2.jsonl" <<'JSON'
{"id": "w3", "title": "Departure", "date": "2031-05-16", "source": "Evening Star", "text": "Lena Hart left Velden on Wednesday. The minister thanked Diallo for the talks."}
JSON

# Map: each part on its own, as separate map tasks would.
for p in part1 part2; do
  "$quarry" extract --model "$model" "$work/$p.jsonl" > "$work/$p.facts" ||
    fail "extract $p exited $?"
done
grep -qF '"name":"Lena Hart"' "$work/part1.facts" || fail "no resolved name in: $(head -3 "$work/part1.facts")"
# Reduce: one import of everything.
cat "$work/part1.facts" "$work/part2.facts" > "$work/all.facts"
"$quarry" --db "$work/merged.db" import --format jsonl "$work/all.facts" > /dev/null 2> "$work/err" ||
  fail "import exited $?: $(cat "$work/err")"
# The same documents through ingest.
cat "$work/part1.jsonl" "$work/part2.jsonl" > "$work/docs.jsonl"
"$quarry" --db "$work/ingested.db" ingest --model "$model" "$work/docs.jsonl" > /dev/null 2>&1 ||
  fail "ingest exited $?"

graph='MATCH (a)-[r]->(b) RETURN a.name AS a, labels(a) AS la, type(r) AS r, b.name AS b ORDER BY a, r, b'
"$quarry" --db "$work/merged.db" query --format tsv "$graph" > "$work/merged.tsv" 2>/dev/null
"$quarry" --db "$work/ingested.db" query --format tsv "$graph" > "$work/ingested.tsv" 2>/dev/null
[[ $(wc -l < "$work/merged.tsv") -gt 5 ]] || fail "too few facts: $(cat "$work/merged.tsv")"
diff "$work/ingested.tsv" "$work/merged.tsv" > "$work/diff" ||
  fail "import of extract output differs from ingest: $(cat "$work/diff")"

hart='MATCH (p) WHERE p.name CONTAINS "Hart" RETURN p.name'
[[ $("$quarry" --db "$work/merged.db" query --format tsv "$hart" 2>/dev/null | tail -n +2) == "Lena Hart" ]] ||
  fail "Lena Hart is not one node: $("$quarry" --db "$work/merged.db" query "$hart")"
met='MATCH ({name: "Lena Hart"})-[r:meet]-(x) CALL quarry.mentions(r) YIELD doc RETURN x.name, r.symmetric, doc ORDER BY doc'
out=$("$quarry" --db "$work/merged.db" query --format tsv "$met" 2>/dev/null | tail -n +2)
[[ $out == $'Omar Diallo\ttrue\tw1\nOmar Diallo\ttrue\tw2' ]] || fail "meet, once, from w1 and w2: $out"
he=$("$quarry" --db "$work/merged.db" query --format tsv 'MATCH (n) WHERE n.name = "He" RETURN n' 2>/dev/null | tail -n +2)
[[ -z $he ]] || fail "a node for an unresolved pronoun: $he"
# Re-importing the same facts adds nothing.
"$quarry" --db "$work/merged.db" import --format jsonl "$work/all.facts" > "$work/again" 2>&1
"$quarry" --db "$work/merged.db" query --format tsv "$graph" > "$work/merged2.tsv" 2>/dev/null
cmp -s "$work/merged.tsv" "$work/merged2.tsv" || fail "a second import changed the graph"

[[ $failures -eq 0 ]] && echo "all extract -> import checks passed"
exit $((failures > 0))
