// Writing a whole graph out: JSON, JSON Lines, TSV, N-Triples, GraphML and DOT.
//
// write_graph() walks one GraphSnapshot (so the output is one consistent state) and
// streams it: nodes and relationships are read and written one at a time, so memory stays
// flat whatever the size of the graph. JSON Lines, TSV and N-Triples are the import
// formats and read back with `quarry import` (docs/data-model.md says what each keeps:
// JSON Lines keeps everything import can express, TSV keeps documents and confidences,
// N-Triples only the triples). JSON, GraphML and DOT are for other tools.
//
// Errors: whatever the snapshot's scans return, kCorruption when a relationship names a
// node that does not exist, kIOError when the stream fails. On error the stream holds a
// truncated document.
#pragma once

#include <ostream>

#include "quarry/database.h"
#include "storage/graph.h"

namespace quarry::storage {

Status write_graph(GraphSnapshot& graph, std::ostream& out, ExportFormat format);

}  // namespace quarry::storage
