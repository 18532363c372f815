#!/usr/bin/env bash
# scripts/carb-analyze agrees with carb-eval on one-argument tuples: a gold line written with a
# trailing tab has one argument, so a one-argument system tuple can match it (it used to be
# read as a second, empty argument that nothing matched).
# usage: carb_analyze_test.sh QUARRY SOURCE_DIR
set -uo pipefail
quarry=$1
script=$2/scripts/carb-analyze
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

s='The old bridge was not repaired .'
printf '%s\twas not repaired\tThe old bridge\t\n' "$s" > "$work/gold.tsv"
printf '%s\t0.700\tbe not repaired\tThe old bridge\t\n' "$s" > "$work/sys.carb"
printf '{"rule":"passive_alone"}\n' > "$work/sys.jsonl"

"$quarry" carb-eval --gold "$work/gold.tsv" "$work/sys.carb" > "$work/eval" ||
  fail "carb-eval exit code $?"
grep -q 'F1 1.000' "$work/eval" || fail "carb-eval: $(cat "$work/eval")"
python3 "$script" "$work/gold.tsv" "$work/sys.carb" "$work/sys.jsonl" > "$work/out" ||
  fail "carb-analyze exit code $?"
grep -Eq 'passive_alone +1 +P 1.00 +match 1.00' "$work/out" || fail "rule line: $(cat "$work/out")"
grep -Eq 'is \.\.\. \(other\) +0 of 1' "$work/out" || fail "missed line: $(cat "$work/out")"

[[ $failures -eq 0 ]] && echo "carb-analyze: all passed"
exit $((failures > 0))
