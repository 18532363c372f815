#!/usr/bin/env python3
"""Writes a seed corpus for query_fuzz: one file per query, taken from the engine's case
files (tests/engine/cases) and, when present, the openCypher TCK features.

    tests/fuzz/make_corpus.py OUT_DIR [TCK_FEATURES_DIR]

The checked-in tests/fuzz/corpus stays small; this gives the fuzzer a few thousand real
queries to mutate, so it reaches deep binder paths in minutes instead of hours.
"""
import hashlib
import pathlib
import sys


def case_queries(path):
    # A case file: "### name" headers, a query, then "----" and the expected rows/error.
    query = None  # None while reading expected rows
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("###") or line.startswith("----"):
            if query:
                yield "\n".join(query)
            query = [] if line.startswith("###") else None
        elif query is not None:
            query.append(line)
    if query:
        yield "\n".join(query)


def feature_queries(path):
    # Gherkin doc strings between lines of three double quotes.
    inside, block = False, []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() == '"""':
            if inside:
                yield "\n".join(block)
            inside, block = not inside, []
        elif inside:
            block.append(line.strip())


def main():
    out = pathlib.Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    root = pathlib.Path(__file__).resolve().parents[2]
    queries = []
    for case in sorted((root / "tests/engine/cases").glob("*.cypher")):
        queries += case_queries(case)
    if len(sys.argv) > 2:
        for feature in sorted(pathlib.Path(sys.argv[2]).rglob("*.feature")):
            queries += feature_queries(feature)
    written = 0
    for query in queries:
        query = query.strip()
        if not query or len(query) > 4096:
            continue
        name = hashlib.sha1(query.encode()).hexdigest()[:16]
        (out / name).write_text(query + "\n", encoding="utf-8")
        written += 1
    print(f"{written} queries in {out}")


if __name__ == "__main__":
    main()
