#!/usr/bin/env bash
# quarry extract and quarry carb-eval end to end: formats, JSON Lines errors, pretokenized
# CaRB output that carb-eval scores. Skips (exit 0 with a message) without the model.
# usage: extract_cli_test.sh QUARRY SOURCE_DIR
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

printf '{"id":"d1","source":"Wire","text":"The envoy met the mayor in Porto."}\nnot json\n' > "$work/docs.jsonl"
"$quarry" extract --model "$model" "$work/docs.jsonl" > "$work/out" 2> "$work/err"
code=$?
[[ $code -eq 1 ]] || fail "bad JSON line should exit 1, got $code"
grep -qF '"doc":"d1","source":"Wire"' "$work/out" || fail "jsonl provenance: $(cat "$work/out")"
grep -qF '"predicate":"meet"' "$work/out" || fail "jsonl predicate: $(cat "$work/out")"
grep -qF 'docs.jsonl:2: not a JSON object' "$work/err" || fail "error position: $(cat "$work/err")"

printf 'Ana  met Rui in Lisbon .\n' > "$work/sent.txt"
"$quarry" extract --model "$model" --pretokenized --format carb "$work/sent.txt" > "$work/sys.tsv" ||
  fail "carb extract failed"
line=$(head -1 "$work/sys.tsv")
[[ $line == $'Ana  met Rui in Lisbon .\t'* ]] || fail "sentence not kept as given: $line"
printf 'Ana met Rui in Lisbon .\tmet\tAna\tRui\tin Lisbon\n' > "$work/gold.tsv"
"$quarry" carb-eval --gold "$work/gold.tsv" "$work/sys.tsv" > "$work/score" || fail "carb-eval failed"
grep -qF 'F1 1.000' "$work/score" || fail "expected a perfect score: $(cat "$work/score") on $(cat "$work/sys.tsv")"

"$quarry" extract --model "$model" --format tsv - <<< "Rui founded the company." > "$work/tsv"
[[ $(head -1 "$work/tsv") == doc$'\t'sentence$'\t'* ]] || fail "tsv header"
grep -qP '^<stdin>\t0\tRui\tfound\tthe company\t' "$work/tsv" || fail "tsv row: $(cat "$work/tsv")"

# --open-ie: the same tuples as carb, one JSON line each, with their rules.
"$quarry" extract --model "$model" --pretokenized --open-ie "$work/sent.txt" > "$work/oie.jsonl" ||
  fail "open-ie extract failed"
[[ $(wc -l < "$work/oie.jsonl") -eq $(wc -l < "$work/sys.tsv") ]] ||
  fail "--open-ie jsonl and carb differ in tuple count: $(cat "$work/oie.jsonl")"
grep -qF '"rule":' "$work/oie.jsonl" || fail "--open-ie jsonl has no rule: $(cat "$work/oie.jsonl")"

[[ $failures -eq 0 ]] && echo "all extract CLI checks passed"
exit $((failures > 0))
