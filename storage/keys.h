// Every byte layout Quarry writes to RocksDB, in one place.
//
// # Storage layout (format version 3)
//
// Ids are uint64. In the keys of the per-triple families (rels, spo, pos, osp, prov,
// docrels) and of labelidx an id is written `id` below: one length byte n (0..8), then
// the id's n significant bytes big-endian (0 is the lone byte 0x00). A longer encoding is
// a larger number and equal lengths compare bytewise, so byte order = numeric order, and
// an id of a graph of millions costs 3-4 bytes instead of 8: keys are what the triple
// indexes are made of, and short keys need no heavy compressor. Elsewhere keys hold
// fixed 8-byte big-endian ids `(8)`. Three id spaces, each a counter in `default`, never
// reused:
//   node ids (entities and created nodes), rel ids (relationships), term ids (the
//   dictionary: relationship types, labels, property keys, document ids, extractors).
// Id 0 means "none" everywhere (doc 0 = a mention without a document).
//
// Column family  key                                   value
// default        "format_version"                      u32 BE; open refuses a newer one
//                "next_node" / "next_rel" / "next_term"  u64 BE: next id to hand out
// term2id        kind(1) + text                        term id (8)
// id2term        term id (8)                           kind(1) + text
//    kinds: 'T' relationship type, 'L' label, 'K' property key, 'D' document id,
//    'X' extractor name. Text is stored as given (types and labels are case-sensitive).
// nodes          node (8)                              varint n + n varint label ids
// labelidx       id label, id node                     empty (scan_nodes by label)
// rels           id rel                                varint s, type, o, flags
//    flags bit 0 = "fact": made by add_facts/add_document/import. Facts with the same
//    (s, type, o) merge into one fact relationship; CREATE makes parallel ones freely.
//                id first                              varint s, type, o, flags (bit 1 set),
//                                                      count, last s - s, last type, last o
//    A block record (format 3): the bulk import hands out relationship ids in SPO order
//    and every one is a fact, so it writes one record per kRelBlockSize consecutive ids
//    instead of one per relationship: ids first .. first+count-1, the SPO entries from
//    (s, type, o, first) to (last s, last type, last o, first+count-1), which hold each
//    member's triple. A member exists while its SPO entry does (deleting one leaves the
//    record; deleting the last one removes it); other relationships' entries may lie
//    between them in SPO, with ids outside the block. Writer-made relationships keep one
//    record each; a lookup reads the record at or before the id (one SeekForPrev).
// spo            id s, id type, id o, id rel           empty
// pos            id type, id o, id s, id rel           empty
// osp            id o, id s, id type, id rel           empty
//    Every triple pattern with any position bound is one prefix scan of one of these.
//    The prefix extractor of spo, pos, osp, prov, docrels and labelidx is the leading
//    id (first_id_size), with prefix bloom filters on it.
// props          'n' node(8) key(8) / 'r' rel(8) key(8)  encoded Value (see encode_value)
// alias          normalised surface + 0x00 + node(8)   empty
//    normalise_name(): NFKD, case-folded, marks (diacritics) stripped, every run of
//    punctuation, symbols, hyphens and spaces collapsed to one space, trimmed. So
//    "Kim Jong-un", "KIM JONG UN" and "Kim Jong Un" share a key. The entries are the
//    node's `name` and each of its `aliases`.
// prov           id rel, id doc, id seq                varint sentence, start, end;
//                                                      f64 confidence (8, BE bits);
//                                                      varint extractor term; surface text;
//                                                      [0x00 + encoded Map qualifiers]
//    The qualifiers (negated, hedged, attribution, time, place, extra roles) follow the
//    surface text after one 0x00 byte, only when there are any; surface text never holds
//    0x00 (the writer drops it), so records written before qualifiers existed read as
//    before and no format version change was needed.
// docrels        id doc, id rel, id seq                empty (back-index of prov, doc != 0)
// docs           doc(8)                                hash(8) then length-prefixed id,
//                                                      title, source, date, text
// stats          'g' + name ("nodes", "rels", "mentions", "docs")   i64 BE (merge: add)
//                'p' type(8)  relationships of a type  i64 BE (merge: add)
//                'l' label(8) nodes with a label       i64 BE (merge: add)
//                'o' node(8) / 'i' node(8)  out/in degree      i64 BE (merge: add)
//
// Statistics are int64-add merge operands written in the same WriteBatch as the data
// they count; `check` recounts them. Relationship properties `support` (distinct
// documents among mentions; mentions without a document count as one source),
// `confidence` (the MAX over mentions) and `text` (surface form of the first mention)
// are derived from prov when read, unless a property of that name is stored.
#pragma once

#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "quarry/value.h"

namespace quarry::storage::keys {

// Version 2 brought the short ids in keys, version 3 the block records of rels. Open
// reads versions kOldestFormatVersion .. kFormatVersion (a version 2 database is a
// version 3 one without block records; it is restamped 3 when a bulk import writes
// some) and refuses any other: format 1 is not migrated (re-import an export of it).
inline constexpr uint32_t kFormatVersion = 3;
inline constexpr uint32_t kOldestFormatVersion = 2;

enum Cf : uint8_t {
  kDefault = 0,
  kTerm2Id,
  kId2Term,
  kNodes,
  kLabelIdx,
  kRels,
  kSpo,
  kPos,
  kOsp,
  kProps,
  kAlias,
  kProv,
  kDocRels,
  kDocs,
  kStats,
  kCfCount
};
const char* cf_name(Cf cf);

inline constexpr std::string_view kFormatVersionKey = "format_version";
inline constexpr std::string_view kNextNodeKey = "next_node";
inline constexpr std::string_view kNextRelKey = "next_rel";
inline constexpr std::string_view kNextTermKey = "next_term";

enum class TermKind : char {
  kType = 'T',
  kLabel = 'L',
  kPropKey = 'K',
  kDoc = 'D',
  kExtractor = 'X'
};

inline constexpr uint32_t kRelFact = 1;   // rels flags bit 0
inline constexpr uint32_t kRelBlock = 2;  // rels flags bit 1: a block record
// Relationships per block record of a bulk import (see the layout above).
inline constexpr uint64_t kRelBlockSize = 32;

// ---- fixed-width big-endian integers ----
inline void put_u64(char* out, uint64_t v) {
  for (int i = 7; i >= 0; --i, v >>= 8) out[i] = static_cast<char>(v & 0xff);
}
inline void put_u32(char* out, uint32_t v) {
  for (int i = 3; i >= 0; --i, v >>= 8) out[i] = static_cast<char>(v & 0xff);
}
inline uint64_t get_u64(const char* p) {
  uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v = (v << 8) | static_cast<uint8_t>(p[i]);
  return v;
}
inline uint32_t get_u32(const char* p) {
  uint32_t v = 0;
  for (int i = 0; i < 4; ++i) v = (v << 8) | static_cast<uint8_t>(p[i]);
  return v;
}
void append_u64(std::string& out, uint64_t v);
void append_u32(std::string& out, uint32_t v);
std::string u64_key(uint64_t v);
// ---- ids in keys (see the layout above) ----
inline constexpr size_t kMaxIdSize = 9;
inline size_t id_size(uint64_t v) {
  size_t n = 1;
  for (; v; v >>= 8) ++n;
  return n;
}
// Writes `v` at `out` (room for kMaxIdSize bytes); returns the bytes written.
inline size_t put_id(char* out, uint64_t v) {
  size_t n = id_size(v) - 1;
  out[0] = static_cast<char>(n);
  for (size_t i = n; i > 0; --i, v >>= 8) out[i] = static_cast<char>(v & 0xff);
  return n + 1;
}
// Reads one id from the front of `in` and drops it; false when `in` does not start with one.
inline bool read_id(std::string_view& in, uint64_t& v) {
  if (in.empty()) return false;
  size_t n = static_cast<uint8_t>(in[0]);
  if (n > 8 || in.size() < n + 1) return false;
  v = 0;
  for (size_t i = 1; i <= n; ++i) v = (v << 8) | static_cast<uint8_t>(in[i]);
  in.remove_prefix(n + 1);
  return true;
}
void append_id(std::string& out, uint64_t v);
std::string id_key(uint64_t v);
// The ids in order: a key, or the prefix of every key that starts with them.
std::string id_prefix(std::initializer_list<uint64_t> ids);
// The size of the leading id of `key` (the prefix extractor), 0 when it has none.
inline size_t first_id_size(std::string_view key) {
  if (key.empty() || static_cast<uint8_t>(key[0]) > 8) return 0;
  size_t n = static_cast<uint8_t>(key[0]) + 1u;
  return key.size() >= n ? n : 0;
}

// LEB128 varints for values (never in keys: they do not sort numerically).
void append_varint(std::string& out, uint64_t v);
bool read_varint(std::string_view& in, uint64_t& v);
// A varint length, then the bytes.
void append_bytes(std::string& out, std::string_view s);
bool read_bytes(std::string_view& in, std::string_view& s);

// ---- dictionary ----
std::string term_key(TermKind kind, std::string_view text);
std::string term_value(TermKind kind, std::string_view text);  // id2term value

// ---- triples ----
// The three index orders. A quad key is four ids: three in index order, then rel.
enum class Order : uint8_t { kSpo, kPos, kOsp };
struct Triple {
  uint64_t s = 0, p = 0, o = 0, rel = 0;
};
inline constexpr size_t kMaxQuadSize = 4 * kMaxIdSize;
// Writes the key of `t` in `order` at `out` (room for kMaxQuadSize); returns its size.
size_t encode_quad(Order order, const Triple& t, char* out);
// False when `key` is not exactly four ids.
bool decode_quad(Order order, std::string_view key, Triple& t);
Cf order_cf(Order order);
std::string rel_key(uint64_t rel);
bool decode_rel_key(std::string_view key, uint64_t& rel);

// rels value of one relationship
std::string rel_value(uint64_t s, uint64_t p, uint64_t o, uint32_t flags);
// False for a malformed value and for a block record.
bool decode_rel_value(std::string_view v, Triple& t, uint32_t& flags);
// A rels record of either kind: one relationship is a block of one (first = last).
struct RelBlock {
  Triple first, last;  // first.rel is the record's key, last.rel = first.rel + count - 1
  uint32_t flags = 0;  // kRelBlock set for a block record
  uint64_t count() const { return last.rel - first.rel + 1; }
  bool covers(uint64_t rel) const { return rel >= first.rel && rel <= last.rel; }
};
// The value of a block record of `b` (its flags are kRelFact | kRelBlock).
std::string rel_block_value(const RelBlock& b);
// Decodes the record of key `rel` (either kind); false when malformed.
bool decode_rel_record(uint64_t rel, std::string_view v, RelBlock& b);

// nodes value: label term ids
std::string node_value(const std::vector<uint64_t>& labels);
bool decode_node_value(std::string_view v, std::vector<uint64_t>& labels);
std::string label_index_key(uint64_t label, uint64_t node);
bool decode_label_index_key(std::string_view key, uint64_t& label, uint64_t& node);

// props
std::string node_prop_key(uint64_t node, uint64_t key);  // key = 'n' node key
std::string rel_prop_key(uint64_t rel, uint64_t key);    // key = 'r' rel key
std::string prop_prefix(char tag, uint64_t id);          // 'n'/'r' + id: all of one entity

// Values: tag byte, then: null -; bool 1 byte; int i64 BE; float f64 BE bits; string
// raw bytes; list varint n + n length-prefixed encoded values; map varint n + n
// (length-prefixed key, length-prefixed encoded value). Nodes, relationships and paths
// cannot be stored as properties: encode_value returns false.
bool encode_value(const Value& v, std::string& out);
std::optional<Value> decode_value(std::string_view in);

// ---- entities ----
// The normalised form used by the alias index (see the layout above). Empty when the
// name has no letters or digits.
std::string normalise_name(std::string_view name);
std::string alias_key(std::string_view normalised, uint64_t node);
std::string alias_prefix(std::string_view normalised);  // normalised + 0x00

// ---- provenance and documents ----
struct ProvKey {
  uint64_t rel = 0, doc = 0;
  uint32_t seq = 0;
};
std::string prov_key(const ProvKey& k);
std::string docrel_key(const ProvKey& k);  // doc, rel, seq
// False when `key` is not exactly three ids.
bool decode_prov_key(std::string_view key, ProvKey& k);
bool decode_docrel_key(std::string_view key, ProvKey& k);
struct ProvValue {
  uint32_t sentence = 0, start = 0, end = 0;
  double confidence = 1.0;
  uint64_t extractor = 0;
  std::string_view surface;
  std::string_view qualifiers = {};  // encode_value() of a Map; empty when there are none
};
std::string prov_value(const ProvValue& v);
bool decode_prov_value(std::string_view in, ProvValue& v);

struct DocRecord {
  uint64_t hash = 0;
  std::string id, title, source, date, text;
};
std::string doc_value(const DocRecord& d);
bool decode_doc_value(std::string_view in, DocRecord& d);
uint64_t content_hash(std::string_view text);  // FNV-1a 64

// ---- statistics ----
std::string stat_global_key(std::string_view name);    // "g" + name
std::string stat_type_key(uint64_t type);              // 'p' type
std::string stat_label_key(uint64_t label);            // 'l' label
std::string stat_degree_key(bool out, uint64_t node);  // 'o'/'i' node
std::string i64_value(int64_t v);
int64_t decode_i64(std::string_view v);  // 0 when not 8 bytes

}  // namespace quarry::storage::keys
