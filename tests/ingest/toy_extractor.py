#!/usr/bin/env python3
"""A toy plug-in extractor for the `quarry ingest --extractor` protocol (docs/extraction.md).

Reads documents as JSON Lines on stdin and writes one fact per line on stdout. It knows two
patterns, "<Subject> met <Object>." and "<Subject> thanked <Object>.", per sentence; the
subject or object may be a pronoun or a bare surname, which Quarry's resolution resolves.
A document whose text contains "FAIL" makes it exit with status 3.
"""
import json
import re
import sys

PATTERN = re.compile(r"^(?P<s>[A-Z][\w. -]*?) (?P<v>met|thanked) (?P<o>[\w. -]+?)(?: on (?P<t>\w+))?$")

for line in sys.stdin:
    doc = json.loads(line)
    if "FAIL" in doc["text"]:
        sys.exit(3)
    # Paragraphs, then sentences: a period after three lower-case letters ends one ("Mr." does not).
    sentences = [s.strip() for p in re.split(r"\n\s*\n", doc["text"])
                 for s in re.split(r"(?<=[a-z]{3}\.)\s+", p) if s.strip()]
    for index, sentence in enumerate(sentences):
        m = PATTERN.match(sentence.rstrip("."))
        if not m:
            continue
        fact = {"doc": doc["id"], "subject": m["s"], "predicate": "meet" if m["v"] == "met" else "thank",
                "object": m["o"], "text": m["v"], "sentence": index, "confidence": 0.7}
        if m["t"]:
            fact["time"] = "on " + m["t"]
        print(json.dumps(fact))
