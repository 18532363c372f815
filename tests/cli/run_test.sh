#!/usr/bin/env bash
# Drives `quarry query` and `quarry run`: every --format, scripts from a file and a pipe,
# fail-fast and --continue, error positions in file coordinates, and the exit codes
# 0 (ok), 1 (query error), 2 (usage), 3 (database missing, corrupt or locked).
# usage: run_test.sh QUARRY SOURCE_DIR
set -uo pipefail
quarry=$1
src=$2
work=$(mktemp -d)
trap 'exec 7>&- 2>/dev/null; [[ -n ${holder:-} ]] && kill "$holder" 2>/dev/null; rm -rf "$work"' EXIT
failures=0
export LANG=C.UTF-8 LC_ALL=C.UTF-8
unset NO_COLOR

# run EXPECTED_EXIT ARGS...: runs quarry, keeping stdout in $out and stderr in $err.
run() {
  local want=$1
  shift
  "$quarry" "$@" > "$work/out" 2> "$work/err" < "${stdin:-/dev/null}"
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
has() {
  if ! grep -qF -- "$3" <<< "$2"; then
    echo "FAIL: $1: expected to find '$3' in:"
    echo "${2:0:800}" | sed 's/^/  /'
    failures=$((failures + 1))
  fi
}
hasnt() {
  if grep -qF -- "$3" <<< "$2"; then
    echo "FAIL: $1: did not expect '$3' in:"
    echo "${2:0:800}" | sed 's/^/  /'
    failures=$((failures + 1))
  fi
}
same() {
  if [[ "$2" != "$3" ]]; then
    echo "FAIL: $1:"
    echo "  got:  $(head -c 600 <<< "$2")"
    echo "  want: $(head -c 600 <<< "$3")"
    failures=$((failures + 1))
  fi
}
check_py() {  # check_py NAME PYTHON: runs PYTHON with the last stdout on stdin
  if ! python3 -c "$2" < "$work/out"; then
    echo "FAIL: $1"
    failures=$((failures + 1))
  fi
}

db=$work/demo.db
"$quarry" --db "$db" --quiet import "$src/examples/facts/sorel.tsv" || { echo "FAIL: import"; exit 1; }
q_tricky="RETURN 'a,b' AS comma, 'say \"hi\"' AS quote, 'two\\nlines' AS nl, 'tab\\there' AS tab, '金正恩' AS cjk, 1.5 AS f, null AS nothing, ['x', 2] AS list"

# --- quarry query: every format ---
run 0 --db "$db" query --format csv "$q_tricky"
check_py "csv parses back" "
import csv, sys
rows = list(csv.reader(sys.stdin))
assert rows[0] == ['comma', 'quote', 'nl', 'tab', 'cjk', 'f', 'nothing', 'list'], rows[0]
assert rows[1] == ['a,b', 'say \"hi\"', 'two\nlines', 'tab\there', '金正恩', '1.5', '', '[\"x\", 2]'], rows[1]
"
has "csv quoting" "$out" '"say ""hi"""'
run 0 --db "$db" query --format tsv "$q_tricky"
same "tsv escapes" "$(sed -n 2p <<< "$out")" "$(printf 'a,b\tsay "hi"\ttwo\\nlines\ttab\\there\t金正恩\t1.5\t\t["x", 2]')"
run 0 --db "$db" query --format json "$q_tricky"
check_py "json valid" "
import json, sys
d = json.load(sys.stdin)
assert d == [{'comma': 'a,b', 'quote': 'say \"hi\"', 'nl': 'two\nlines', 'tab': 'tab\there', 'cjk': '金正恩', 'f': 1.5, 'nothing': None, 'list': ['x', 2]}], d
"
has "json keeps UTF-8" "$out" "金正恩"
run 0 --db "$db" query --format jsonl "MATCH (p {name: 'Pavel Dremin'})-[r:lead]->(d) RETURN p, r, d.name AS d"
check_py "jsonl graph shapes" "
import json, sys
rows = [json.loads(l) for l in sys.stdin]
assert len(rows) == 1, rows
r = rows[0]
assert r['p']['properties']['name'] == 'Pavel Dremin' and isinstance(r['p']['id'], int) and r['p']['labels']
assert r['r']['type'] == 'lead' and r['r']['start'] == r['p']['id'] and r['r']['properties']['support'] == 2
assert r['d'] == 'Northern Federation delegation'
"
run 0 --db "$db" query --format markdown "RETURN 'a|b' AS s, 3 AS n"
same "markdown" "$out" "$(printf '| s    | n   |\n| ---- | --: |\n| a\\|b |   3 |')"
run 0 --db "$db" query --format table "MATCH (p {name: 'Pavel Dremin'})-[r:lead]->(d) RETURN d, r.support AS support"
has "table box" "$out" "┌"
has "table node" "$out" '(:Other {name: "Northern Federation delegation"})'
has "table types" "$out" "│ NODE "
hasnt "no colour off a terminal" "$out" $'\x1b'
LANG=C LC_ALL=C run 0 --db "$db" query "RETURN '金正恩' AS name"
has "ascii box in the C locale" "$out" "+-----"
has "cjk width" "$out" "| 金正恩 |"
# On a terminal: colour (unless NO_COLOR) and values cut to the terminal's width.
long_q="RETURN 'Northern Federation delegation and a much longer tail of words' AS a, null AS b"
run 0 --db "$db" query "$long_q"
hasnt "no truncation off a terminal" "$out" "…"
out=$(python3 "$src/tests/cli/on_tty.py" 40 "$quarry" --db "$db" query "$long_q" 2> /dev/null)
has "colour on a terminal" "$out" $'\x1b[1ma\x1b[0m'
has "dim null" "$out" $'\x1b[2mnull\x1b[0m'
has "cut to the width" "$out" "…"
widest=$(sed 's/\x1b\[[0-9]*m//g' <<< "$out" | python3 -c "import sys; print(max(len(l.rstrip('\n')) for l in sys.stdin))")
[[ $widest -le 40 ]] || { echo "FAIL: table $widest wide on a 40-column terminal"; failures=$((failures + 1)); }
out=$(NO_COLOR=1 python3 "$src/tests/cli/on_tty.py" 40 "$quarry" --db "$db" query "$long_q" 2> /dev/null)
hasnt "NO_COLOR" "$out" $'\x1b'
out=$(python3 "$src/tests/cli/on_tty.py" 40 "$quarry" --db "$db" query -o "$work/tty.txt" "$long_q" 2> /dev/null)
hasnt "--output is not the terminal" "$(cat "$work/tty.txt")" $'\x1b'
run 0 --db "$db" query -o "$work/q.json" --format json "RETURN 1 AS one"
same "--output file" "$(cat "$work/q.json")" "$(printf '[\n{"one":1}\n]')"
same "--output leaves stdout empty" "$out" ""
run 0 --db "$db" --quiet query "RETURN 1"
same "quiet query" "$err" ""
run 0 --db "$db" --verbose query "RETURN 1"
has "verbose time" "$err" " ms"

# --- quarry query: errors and usage ---
run 1 --db "$db" query "RETURN 1 +"
has "query syntax error" "$err" "SyntaxError"
run 1 --db "$db" query "RETURN 1 / 0"
run 2 --db "$db" query --format yaml "RETURN 1"
has "bad format" "$err" "unknown format 'yaml'"
run 2 --db "$db" query
run 2 --db "$db" query -o "$work/no/such/dir/x" "RETURN 1"
has "unwritable output" "$err" "cannot write"

# --- quarry run: a script from a file and from a pipe ---
cat > "$work/ok.cypher" <<'CYPHER'
// comments; with semicolons
:param who => 'Pavel' + ' Dremin'
MATCH (p {name: $who})-[:arrive_in]->(c)
RETURN c.name AS city; /* a ; in a comment */
RETURN 'x;y' AS s;
:format csv
RETURN $who AS who, 2 AS n
CYPHER
run 0 --db "$db" run "$work/ok.cypher"
has "first result" "$out" "│ Sorel  │"
has "string with ;" "$out" "│ x;y    │"
has "blank line between tables" "$out" $'┘\n\n┌'
has ":format csv" "$out" $'who,n\nPavel Dremin,2'
has "row counts on stderr" "$err" "1 row"
file_out=$out
stdin=$work/ok.cypher run 0 --db "$db" run -
same "pipe == file" "$out" "$file_out"
cat "$work/ok.cypher" | "$quarry" --db "$db" run - > "$work/piped" 2> /dev/null
same "real pipe == file" "$(cat "$work/piped")" "$file_out"
run 0 --db "$db" --quiet run --format jsonl "$work/ok.cypher"
same "quiet run" "$err" ""
has "run --format jsonl" "$out" '{"city":"Sorel"}'
run 0 --db "$db" --verbose run "$work/ok.cypher"
has "verbose statement time" "$err" "$work/ok.cypher:3:1: 1 row in "
run 0 --db "$db" run -o "$work/run.txt" "$work/ok.cypher"
same "run --output" "$(cat "$work/run.txt")" "$file_out"

printf '\xEF\xBB\xBFRETURN $who AS who, $n + 1 AS next;\r\n' > "$work/bom.cypher"
run 0 --db "$db" run -f csv -p who='Ana Velasco' -p n=41 "$work/bom.cypher"
same "run --param, BOM and CRLF" "$out" "$(printf 'who,next\nAna Velasco,42')"

# --- quarry run: failures at file:line:col, fail-fast and --continue ---
cat > "$work/bad.cypher" <<'CYPHER'
RETURN 1 AS first;

MATCH (n)
WHERE n.name != 'x' RETURN n;
RETURN 3 AS third;
CYPHER
run 1 --db "$db" run "$work/bad.cypher"
has "statement position" "$err" "$work/bad.cypher:3:1: SyntaxError at 4:14"
has "caret in file coordinates" "$err" $'  WHERE n.name != \'x\' RETURN n;\n               ^^'
has "ran the first" "$out" "first"
hasnt "fail-fast" "$out" "third"
run 1 --db "$db" run --continue "$work/bad.cypher"
has "--continue runs the rest" "$out" "third"
stdin=$work/bad.cypher run 1 --db "$db" run -
has "stdin named in messages" "$err" "<stdin>:3:1:"
printf 'RETURN 1;\nRETURN "abc;\n' > "$work/open.cypher"
run 1 --db "$db" run "$work/open.cypher"
has "unterminated string" "$err" "$work/open.cypher:2:8: SyntaxError at 2:8: unterminated string"
printf 'RETURN 1;\n:param x => [1,\n' > "$work/param.cypher"
run 1 --db "$db" run "$work/param.cypher"
has "bad :param value" "$err" "$work/param.cypher:2:1: SyntaxError at 2:16: incomplete value"
printf ':timing on\n' > "$work/cmd.cypher"
run 1 --db "$db" run "$work/cmd.cypher"
has "unknown command" "$err" "unknown command :timing"
printf ':format yaml\n' > "$work/fmt.cypher"
run 1 --db "$db" run "$work/fmt.cypher"
has "unknown script format" "$err" "unknown format 'yaml'"
# A failing write leaves the database as it was.
before=$("$quarry" --db "$db" query --format csv "MATCH (n) RETURN count(n) AS n" 2> /dev/null)
printf "CREATE (n:Person {name: 'Nobody'}) RETURN 1 / 0;\n" > "$work/write.cypher"
run 1 --db "$db" run "$work/write.cypher"
same "failed write changed nothing" \
  "$("$quarry" --db "$db" query --format csv "MATCH (n) RETURN count(n) AS n" 2> /dev/null)" "$before"

# --- EXPLAIN / PROFILE print the plan: on stdout for tables, on stderr for data formats ---
run 0 --db "$db" query "EXPLAIN MATCH (p:Person) RETURN p.name"
has "query EXPLAIN prints the plan" "$out" "Match((p:Person))"
run 0 --db "$db" query --format csv "PROFILE MATCH (p:Person) RETURN p.name AS n"
hasnt "a CSV result stays data only" "$out" "Match"
has "the PROFILE plan goes to stderr with csv" "$err" "Match((p:Person))"
printf 'PROFILE MATCH (p:Person) RETURN p.name AS n;\n' > "$work/profile.cypher"
run 0 --db "$db" run "$work/profile.cypher"
has "run PROFILE prints the plan with rows" "$out" "Match((p:Person))"
has "PROFILE counts rows" "$out" "rows="

# --- limits: --timeout / --max-rows, and :timeout / :maxrows in scripts ---
slow="UNWIND range(1, 100000) AS x UNWIND range(1, 100000) AS y RETURN count(*) AS n"
run 1 --db "$db" query --timeout 200ms "$slow"
has "query --timeout" "$err" "Timeout: the query ran past its timeout"
has "timeout hint" "$err" "--timeout"
run 1 --db "$db" query --max-rows 3 "UNWIND range(1, 10) AS x RETURN x"
has "query --max-rows" "$err" "the query returned more than 3 rows"
run 0 --db "$db" query --format csv --max-rows 10 --timeout 1m "UNWIND range(1, 10) AS x RETURN x"
same "limits that are not reached" "$(tail -n 1 <<< "$out")" "10"
run 2 --db "$db" query --timeout 5x "RETURN 1"
has "bad --timeout" "$err" "quarry query: --timeout wants a duration such as 500ms, 5s or 2m, or off, got '5x'"
run 2 --db "$db" run --max-rows lots "$work/ok.cypher"
has "bad --max-rows" "$err" "quarry run: --max-rows wants a whole number of rows, or off, got 'lots'"
cat > "$work/limits.cypher" <<CYPHER
:timeout 200ms
$slow;
:timeout off
:maxrows 2
UNWIND range(1, 3) AS x RETURN x AS many;
:maxrows off
UNWIND range(1, 3) AS x RETURN x AS unlimited;
:maxrows two
CYPHER
run 1 --db "$db" run --continue --format csv "$work/limits.cypher"
has ":timeout in a script" "$err" "$work/limits.cypher:2:1: Timeout"
has ":maxrows in a script" "$err" "$work/limits.cypher:5:1: RuntimeError: the query returned more than 2 rows"
has ":maxrows off" "$out" "unlimited"
has "bad :maxrows at its value" "$err" "$work/limits.cypher:8:1: SyntaxError at 8:10: :maxrows wants a whole number of rows, or off"$'\n  :maxrows two\n           ^^^'
run 0 --db "$db" run --timeout 5s --max-rows 100 "$work/ok.cypher"
same "run with limits not reached" "$out" "$file_out"

# --- usage ---
run 2 --db "$db" run
run 2 --db "$db" run "$work/missing.cypher"
has "missing script" "$err" "cannot read $work/missing.cypher"
run 2 --db "$db" run --format yaml "$work/ok.cypher"

# --- a new path starts a new database (as in sqlite3), with a notice ---
run 0 --db "$work/new.db" query "CREATE (:Person {name: 'Ada'})"
has "new database notice" "$err" "no database at $work/new.db; creating a new, empty one"
run 0 --db "$work/new.db" query --format csv "MATCH (p:Person) RETURN p.name AS name"
has "the created node is there" "$out" "Ada"
run 0 --quiet --db "$work/new2.db" run "$work/ok.cypher"
[[ -z $err ]] || { echo "FAIL: --quiet printed '$err'"; failures=$((failures + 1)); }

# --- database errors: corrupt, locked ---
cp -r "$db" "$work/corrupt.db"
echo garbage > "$work/corrupt.db/CURRENT"
run 3 --db "$work/corrupt.db" query "RETURN 1"
run 3 --db "$work/corrupt.db" run "$work/ok.cypher"
has "corrupt named" "$err" "Corruption"
for cmd in stats check export; do run 3 --db "$work/corrupt.db" "$cmd"; done
run 3 --db "$work/corrupt.db" import "$src/examples/facts/sorel.tsv"
mkfifo "$work/fifo"
"$quarry" --db "$db" --quiet import - < "$work/fifo" &
holder=$!
exec 7> "$work/fifo"  # the writer waits for input, holding the write lock
sleep 1
run 0 --db "$db" run "$work/ok.cypher"
has "read-only notice" "$err" "opened read-only"
run 3 --db "$db" query "CREATE (n:Person {name: 'Blocked'}) RETURN n"
has "write refused" "$err" "ReadOnly"
printf "RETURN 1;\nCREATE (n:Person {name: 'Blocked'});\n" > "$work/locked.cypher"
run 3 --db "$db" run "$work/locked.cypher"
has "write refused in a script" "$err" "$work/locked.cypher:2:1:"
exec 7>&-
wait "$holder"
holder=

# --- the example scripts run cleanly against the demo graph ---
for script in "$src"/examples/queries/*.cypher; do
  run 0 --db "$db" run "$script"
done

if [[ $failures -ne 0 ]]; then
  echo "$failures failure(s)"
  exit 1
fi
echo "run/query OK"
