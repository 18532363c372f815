// Reading facts on a thread of their own: read_facts() with the reader (line splitting,
// field parsing, string copies) running beside the caller's `add` instead of before it.
//
// The reading thread fills batches of ReadFact, and the caller's thread takes them in
// order, so everything order-dependent downstream (ids in first-seen order, bad lines
// reported in file order with their line numbers, `strict` stopping at the first) is
// exactly what read_facts() gives. Batches are recycled, with their strings' capacity:
// at most kDepth of them wait, so memory is bounded and the reader never runs far ahead.
#pragma once

#include <functional>
#include <string>

#include "storage/io/triple_reader.h"

namespace quarry::storage {

// One line as read: a fact, or the reader's error for a bad line.
struct ReadFact {
  Fact fact;
  Status status;
  uint64_t line = 0;      // 1-based number of the line the fact ends on
  uint64_t keys[3] = {};  // whatever `prepare` computed on the reading thread
};

// As read_facts(), with `prepare(item)` called on the reading thread for every fact read
// (not for bad lines), and `add(item, later)` on the calling thread in file order, where
// `later` is the item a few lines further on when it is already read (for prefetching),
// else nullptr. The stream and the reader are used by the reading thread only, and only
// until this returns.
Status read_facts_ahead(TripleReader& reader, const std::string& name, bool strict,
                        ImportReport& report, const std::function<void(ReadFact&)>& prepare,
                        const std::function<Status(const ReadFact&, const ReadFact*)>& add);

}  // namespace quarry::storage
