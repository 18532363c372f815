#!/usr/bin/env bash
# Drives build/quarry through import, export, stats and check: exit codes, error text and
# outputs, including export -> import round trips and a second writer being turned away.
# usage: cli_test.sh QUARRY SOURCE_DIR
set -uo pipefail
quarry=$1
src=$2
work=$(mktemp -d)
trap 'exec 7>&- 2>/dev/null; [[ -n ${holder:-} ]] && kill "$holder" 2>/dev/null; rm -rf "$work"' EXIT
failures=0

# run EXPECTED_EXIT ARGS...: runs quarry, keeping stdout in $out and stderr in $err.
run() {
  local want=$1
  shift
  "$quarry" "$@" > "$work/out" 2> "$work/err"
  local got=$?
  out=$(cat "$work/out")
  err=$(cat "$work/err")
  if [[ $got -ne $want ]]; then
    echo "FAIL: quarry $* exited $got, expected $want"
    echo "  stdout: ${out:0:400}"
    echo "  stderr: ${err:0:400}"
    failures=$((failures + 1))
  fi
}
# has NAME TEXT PATTERN: TEXT contains the fixed string PATTERN.
has() {
  if ! grep -qF -- "$3" <<< "$2"; then
    echo "FAIL: $1: expected to find '$3' in:"
    echo "${2:0:600}" | sed 's/^/  /'
    failures=$((failures + 1))
  fi
}
same() {
  if [[ "$2" != "$3" ]]; then
    echo "FAIL: $1: '$2' != '$3'"
    failures=$((failures + 1))
  fi
}
# stat_of DB FIELD: one number from `stats --json`.
stat_of() {
  "$quarry" --db "$1" stats --json | python3 -c "import json,sys; print(json.load(sys.stdin)['$2'])"
}

db=$work/a.db
facts=$src/examples/facts/sorel.tsv
facts_lines=$(grep -cv "^#" "$facts")
file_lines=$(wc -l < "$facts")

# --- usage ---
run 0 version
has "version" "$out" "quarry "
run 2
run 2 export --format yaml
has "bad format" "$err" "yaml"
run 2 --db "$db" import "$work/missing.tsv"
has "missing input" "$err" "cannot read $work/missing.tsv"
[[ -e $db ]] && { echo "FAIL: a missing input file created the database"; failures=$((failures + 1)); }

# --- reading a database that does not exist ---
run 3 --db "$db" stats
has "no database" "$err" "no database at $db"
run 3 --db "$db" check
run 3 --db "$db" export

# --- import ---
run 0 --db "$db" import "$facts"
has "summary" "$err" "imported $facts: $file_lines lines"
rels=$(stat_of "$db" relationships)
mentions=$(stat_of "$db" mentions)
same "every line is a mention" "$mentions" "$facts_lines"
[[ $rels -gt 0 && $rels -le $facts_lines ]] || { echo "FAIL: $rels relationships"; failures=$((failures + 1)); }
run 0 --db "$db" stats
has "stats table" "$out" "relationships"
has "stats predicates" "$out" "lead"
has "stats labels" "$out" "labels"
run 0 --db "$db" check
has "check ok" "$out" "ok: $db is consistent"
run 0 check --db "$db"  # global options may follow the subcommand
has "option after subcommand" "$out" "ok: $db is consistent"

# Re-importing the same file adds nothing.
run 0 --db "$db" --quiet import "$facts"
same "quiet import prints nothing" "$err" ""
same "re-import: relationships" "$(stat_of "$db" relationships)" "$rels"
same "re-import: mentions" "$(stat_of "$db" mentions)" "$mentions"

# Bad lines: reported as file:line: reason and skipped; --strict imports nothing.
printf 'Ada Park\tmeet\tBen Ortiz\td9\nonly two\tfields\nBen Ortiz\tcall\tCleo Ruiz\td9\t7\nCleo Ruiz\twrite_to\tAda Park\n' > "$work/bad.tsv"
run 2 --db "$db" import --strict "$work/bad.tsv"
has "strict error" "$err" "$work/bad.tsv:2: expected subject, predicate and object separated by tabs, found 2 fields"
same "strict imports nothing" "$(stat_of "$db" relationships)" "$rels"
run 0 --db "$db" import "$work/bad.tsv"
has "bad line 2" "$err" "$work/bad.tsv:2: expected subject, predicate and object"
has "bad line 3" "$err" "$work/bad.tsv:3: confidence must be a number between 0 and 1, not '7'"
has "skipped count" "$err" "2 bad lines skipped"
same "good lines imported" "$(stat_of "$db" relationships)" "$((rels + 2))"
rels=$((rels + 2))

# stdin, JSON Lines by --format.
echo '{"subject": "Ada Park", "subject_type": "Person", "predicate": "visit", "object": "Sorel"}' |
  "$quarry" --db "$db" --quiet import --format jsonl - || { echo "FAIL: stdin import"; failures=$((failures + 1)); }
same "stdin import" "$(stat_of "$db" relationships)" "$((rels + 1))"
rels=$((rels + 1))

# --- export ---
run 0 --db "$db" export
python3 -c "
import json, sys
g = json.load(open('$work/out'))
assert len(g['edges']) == $rels, len(g['edges'])
e = g['edges'][0]
assert list(e)[:7] == ['id', 'source', 'target', 'predicate', 'text', 'confidence', 'support'], list(e)
n = g['nodes'][0]
assert list(n)[:4] == ['id', 'type', 'name', 'aliases'], list(n)
assert all('doc' in m for e in g['edges'] for m in e['mentions'])
" || { echo "FAIL: export json shape"; failures=$((failures + 1)); }

# Round trips: tsv and jsonl keep relationships and mentions; nt keeps the triples.
for fmt in tsv jsonl nt; do
  run 0 --db "$db" export --format "$fmt" -o "$work/graph.$fmt"
  [[ -e "$work/graph.$fmt.tmp" ]] && { echo "FAIL: temporary file left"; failures=$((failures + 1)); }
  run 0 --db "$work/$fmt.db" --quiet import "$work/graph.$fmt"
  same "$fmt round trip: relationships" "$(stat_of "$work/$fmt.db" relationships)" "$rels"
  run 0 --db "$work/$fmt.db" check
done
same "tsv round trip: mentions" "$(stat_of "$work/tsv.db" mentions)" "$(stat_of "$db" mentions)"
same "jsonl round trip: mentions" "$(stat_of "$work/jsonl.db" mentions)" "$(stat_of "$db" mentions)"
same "jsonl round trip: nodes" "$(stat_of "$work/jsonl.db" nodes)" "$(stat_of "$db" nodes)"
"$quarry" --db "$db" export --format jsonl | grep '"kind":"edge"' | python3 -c "
import json, sys
a = sorted((r['subject']['name'], r['predicate'], r['object']['name'], r['subject']['type'], r['support']) for r in map(json.loads, sys.stdin))
print(len(a))" > "$work/a.keys"
"$quarry" --db "$work/jsonl.db" export --format jsonl | grep '"kind":"edge"' | python3 -c "
import json, sys
a = sorted((r['subject']['name'], r['predicate'], r['object']['name'], r['subject']['type'], r['support']) for r in map(json.loads, sys.stdin))
print(len(a))" > "$work/b.keys"
same "jsonl round trip: same facts" "$(cat "$work/a.keys")" "$(cat "$work/b.keys")"

# GraphML (format from the extension) is well-formed XML; DOT is a digraph.
run 0 --db "$db" export -o "$work/graph.graphml"
python3 -c "
import xml.etree.ElementTree as ET
ns = {'g': 'http://graphml.graphdrawing.org/xmlns'}
root = ET.parse('$work/graph.graphml').getroot()
assert len(root.findall('.//g:edge', ns)) == $rels
" || { echo "FAIL: graphml"; failures=$((failures + 1)); }
run 0 --db "$db" export --format dot
has "dot" "$out" "digraph quarry {"
same "dot edges" "$(grep -c -- ' -> ' <<< "$out")" "$rels"
run 2 --db "$db" export -o "$work/no/such/dir/g.json"
has "unwritable output" "$err" "cannot write"

# --- query ---
run 0 --db "$db" query --format csv "MATCH (p {name: 'Pavel Dremin'})-[r:arrive_in]->(c) RETURN c.name AS city, r.support AS support"
same "query answer" "$out" "$(printf 'city,support\nSorel,1')"
has "row count" "$err" "1 row"
run 0 --db "$db" query -p who='Pavel Dremin' 'MATCH (p {name: $who})-[:lead]->(d) RETURN d.name'
has "query parameter" "$out" "Northern Federation delegation"
run 1 --db "$db" query "MATCH (n) WHERE n.name != 'x' RETURN n"
has "syntax error position" "$err" "1:24"
has "syntax error caret" "$err" "^^"
has "syntax error hint" "$err" "<>"
run 2 --db "$db" query -p novalue 'RETURN 1'
has "bad parameter" "$err" "name=value"

# --- a second writer is turned away; readers work beside the writer ---
mkfifo "$work/fifo"
"$quarry" --db "$db" --quiet import - < "$work/fifo" &
holder=$!
exec 7> "$work/fifo"  # keeps the writer waiting for input, holding the database
sleep 1
run 3 --db "$db" import "$facts"
has "in use" "$err" "in use"
run 0 --db "$db" stats
has "read beside writer" "$out" "relationships"
run 0 --db "$db" query "MATCH (n) RETURN count(*) AS n"
has "query beside writer" "$err" "opened read-only"
exec 7>&-
wait "$holder"
holder=

if [[ $failures -ne 0 ]]; then
  echo "$failures failure(s)"
  exit 1
fi
echo "cli OK"
