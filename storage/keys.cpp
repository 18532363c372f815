#include "storage/keys.h"

#include <utf8proc.h>

#include <bit>

namespace quarry::storage::keys {

const char* cf_name(Cf cf) {
  static constexpr const char* kNames[kCfCount] = {
      "default", "term2id", "id2term", "nodes", "labelidx", "rels", "spo",  "pos",
      "osp",     "props",   "alias",   "prov",  "docrels",  "docs", "stats"};
  return kNames[cf];
}

void append_u64(std::string& out, uint64_t v) {
  char b[8];
  put_u64(b, v);
  out.append(b, 8);
}
void append_u32(std::string& out, uint32_t v) {
  char b[4];
  put_u32(b, v);
  out.append(b, 4);
}
std::string u64_key(uint64_t v) {
  std::string s(8, '\0');
  put_u64(s.data(), v);
  return s;
}

void append_id(std::string& out, uint64_t v) {
  char b[kMaxIdSize];
  out.append(b, put_id(b, v));
}
std::string id_key(uint64_t v) {
  std::string s;
  append_id(s, v);
  return s;
}
std::string id_prefix(std::initializer_list<uint64_t> ids) {
  std::string s;
  for (uint64_t id : ids) append_id(s, id);
  return s;
}

void append_varint(std::string& out, uint64_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<char>(v));
}
bool read_varint(std::string_view& in, uint64_t& v) {
  v = 0;
  for (int shift = 0; shift < 64 && !in.empty(); shift += 7) {
    uint8_t b = static_cast<uint8_t>(in.front());
    in.remove_prefix(1);
    v |= uint64_t{b & 0x7fu} << shift;
    if (!(b & 0x80)) return true;
  }
  return false;
}
void append_bytes(std::string& out, std::string_view s) {
  append_varint(out, s.size());
  out.append(s);
}
bool read_bytes(std::string_view& in, std::string_view& s) {
  uint64_t n;
  if (!read_varint(in, n) || n > in.size()) return false;
  s = in.substr(0, n);
  in.remove_prefix(n);
  return true;
}

std::string term_key(TermKind kind, std::string_view text) {
  std::string k;
  k.reserve(1 + text.size());
  k.push_back(static_cast<char>(kind));
  k.append(text);
  return k;
}
std::string term_value(TermKind kind, std::string_view text) { return term_key(kind, text); }

Cf order_cf(Order order) {
  switch (order) {
    case Order::kSpo: return kSpo;
    case Order::kPos: return kPos;
    case Order::kOsp: break;
  }
  return kOsp;
}

size_t encode_quad(Order order, const Triple& t, char* out) {
  uint64_t a = t.s, b = t.p, c = t.o;
  if (order == Order::kPos) a = t.p, b = t.o, c = t.s;
  if (order == Order::kOsp) a = t.o, b = t.s, c = t.p;
  size_t n = put_id(out, a);
  n += put_id(out + n, b);
  n += put_id(out + n, c);
  return n + put_id(out + n, t.rel);
}

bool decode_quad(Order order, std::string_view key, Triple& t) {
  uint64_t a, b, c;
  if (!read_id(key, a) || !read_id(key, b) || !read_id(key, c) || !read_id(key, t.rel) ||
      !key.empty()) {
    return false;
  }
  t.s = a, t.p = b, t.o = c;
  if (order == Order::kPos) t.p = a, t.o = b, t.s = c;
  if (order == Order::kOsp) t.o = a, t.s = b, t.p = c;
  return true;
}

std::string rel_key(uint64_t rel) { return id_key(rel); }
bool decode_rel_key(std::string_view key, uint64_t& rel) {
  return read_id(key, rel) && key.empty();
}

std::string rel_value(uint64_t s, uint64_t p, uint64_t o, uint32_t flags) {
  std::string v;
  append_varint(v, s);
  append_varint(v, p);
  append_varint(v, o);
  append_varint(v, flags);
  return v;
}
bool decode_rel_value(std::string_view v, Triple& t, uint32_t& flags) {
  uint64_t f = 0;
  if (!read_varint(v, t.s) || !read_varint(v, t.p) || !read_varint(v, t.o) || !read_varint(v, f) ||
      !v.empty() || (f & kRelBlock)) {
    return false;
  }
  flags = static_cast<uint32_t>(f);
  return true;
}

std::string rel_block_value(const RelBlock& b) {
  std::string v = rel_value(b.first.s, b.first.p, b.first.o, kRelFact | kRelBlock);
  append_varint(v, b.count());
  append_varint(v, b.last.s - b.first.s);  // SPO order: last.s >= first.s
  append_varint(v, b.last.p);
  append_varint(v, b.last.o);
  return v;
}
bool decode_rel_record(uint64_t rel, std::string_view v, RelBlock& b) {
  uint64_t f = 0, count = 0, ds = 0;
  if (!read_varint(v, b.first.s) || !read_varint(v, b.first.p) || !read_varint(v, b.first.o) ||
      !read_varint(v, f)) {
    return false;
  }
  b.first.rel = rel;
  b.flags = static_cast<uint32_t>(f);
  if (!(f & kRelBlock)) {
    b.last = b.first;
    return v.empty();
  }
  if (!read_varint(v, count) || count == 0 || !read_varint(v, ds) || !read_varint(v, b.last.p) ||
      !read_varint(v, b.last.o) || !v.empty()) {
    return false;
  }
  b.last.s = b.first.s + ds;
  b.last.rel = rel + count - 1;
  return true;
}

std::string node_value(const std::vector<uint64_t>& labels) {
  std::string v;
  append_varint(v, labels.size());
  for (uint64_t l : labels) append_varint(v, l);
  return v;
}
bool decode_node_value(std::string_view v, std::vector<uint64_t>& labels) {
  labels.clear();
  uint64_t n;
  if (!read_varint(v, n) || n > v.size()) return false;
  for (uint64_t i = 0; i < n; ++i) {
    uint64_t l;
    if (!read_varint(v, l)) return false;
    labels.push_back(l);
  }
  return v.empty();
}
std::string label_index_key(uint64_t label, uint64_t node) { return id_prefix({label, node}); }
bool decode_label_index_key(std::string_view key, uint64_t& label, uint64_t& node) {
  return read_id(key, label) && read_id(key, node) && key.empty();
}

std::string prop_prefix(char tag, uint64_t id) {
  std::string k(1, tag);
  append_u64(k, id);
  return k;
}
std::string node_prop_key(uint64_t node, uint64_t key) {
  std::string k = prop_prefix('n', node);
  append_u64(k, key);
  return k;
}
std::string rel_prop_key(uint64_t rel, uint64_t key) {
  std::string k = prop_prefix('r', rel);
  append_u64(k, key);
  return k;
}

std::string alias_prefix(std::string_view normalised) {
  std::string k(normalised);
  k.push_back('\0');
  return k;
}
std::string alias_key(std::string_view normalised, uint64_t node) {
  std::string k = alias_prefix(normalised);
  append_u64(k, node);
  return k;
}

std::string normalise_name(std::string_view name) {
  utf8proc_uint8_t* mapped = nullptr;
  auto n = utf8proc_map(
      reinterpret_cast<const utf8proc_uint8_t*>(name.data()),
      static_cast<utf8proc_ssize_t>(name.size()), &mapped,
      static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD |
                                     UTF8PROC_STRIPMARK | UTF8PROC_IGNORE));
  std::string out;
  if (n < 0) {  // invalid UTF-8: fall back to ASCII lower-casing of the bytes
    for (char c : name) out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
    return out;
  }
  bool space = false;
  const utf8proc_uint8_t* p = mapped;
  const utf8proc_uint8_t* end = mapped + n;
  while (p < end) {
    utf8proc_int32_t cp;
    auto len = utf8proc_iterate(p, end - p, &cp);
    if (len <= 0) break;
    auto cat = utf8proc_category(cp);
    bool keep = (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
                (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO);
    if (keep) {
      if (space && !out.empty()) out.push_back(' ');
      space = false;
      out.append(reinterpret_cast<const char*>(p), len);
    } else if (cat != UTF8PROC_CATEGORY_MN && cat != UTF8PROC_CATEGORY_MC &&
               cat != UTF8PROC_CATEGORY_ME) {
      space = true;
    }
    p += len;
  }
  free(mapped);
  return out;
}

bool decode_prov_key(std::string_view key, ProvKey& k) {
  uint64_t seq;
  if (!read_id(key, k.rel) || !read_id(key, k.doc) || !read_id(key, seq) || !key.empty()) {
    return false;
  }
  k.seq = static_cast<uint32_t>(seq);
  return true;
}
bool decode_docrel_key(std::string_view key, ProvKey& k) {
  uint64_t seq;
  if (!read_id(key, k.doc) || !read_id(key, k.rel) || !read_id(key, seq) || !key.empty()) {
    return false;
  }
  k.seq = static_cast<uint32_t>(seq);
  return true;
}
std::string prov_key(const ProvKey& k) { return id_prefix({k.rel, k.doc, k.seq}); }
std::string docrel_key(const ProvKey& k) { return id_prefix({k.doc, k.rel, k.seq}); }

std::string prov_value(const ProvValue& v) {
  std::string s;
  append_varint(s, v.sentence);
  append_varint(s, v.start);
  append_varint(s, v.end);
  append_u64(s, std::bit_cast<uint64_t>(v.confidence));
  append_varint(s, v.extractor);
  for (char c : v.surface) {
    if (c != '\0') s.push_back(c);
  }
  if (!v.qualifiers.empty()) {
    s.push_back('\0');
    s.append(v.qualifiers);
  }
  return s;
}
bool decode_prov_value(std::string_view in, ProvValue& v) {
  uint64_t a, b, c;
  if (!read_varint(in, a) || !read_varint(in, b) || !read_varint(in, c) || in.size() < 8) {
    return false;
  }
  v.sentence = static_cast<uint32_t>(a);
  v.start = static_cast<uint32_t>(b);
  v.end = static_cast<uint32_t>(c);
  v.confidence = std::bit_cast<double>(get_u64(in.data()));
  in.remove_prefix(8);
  if (!read_varint(in, v.extractor)) return false;
  size_t nul = in.find('\0');
  v.surface = in.substr(0, nul);
  v.qualifiers = nul == std::string_view::npos ? std::string_view() : in.substr(nul + 1);
  return true;
}

std::string doc_value(const DocRecord& d) {
  std::string s;
  append_u64(s, d.hash);
  for (const std::string* f : {&d.id, &d.title, &d.source, &d.date, &d.text}) append_bytes(s, *f);
  return s;
}
bool decode_doc_value(std::string_view in, DocRecord& d) {
  if (in.size() < 8) return false;
  d.hash = get_u64(in.data());
  in.remove_prefix(8);
  for (std::string* f : {&d.id, &d.title, &d.source, &d.date, &d.text}) {
    std::string_view s;
    if (!read_bytes(in, s)) return false;
    f->assign(s);
  }
  return in.empty();
}
uint64_t content_hash(std::string_view text) {
  uint64_t h = 1469598103934665603ull;
  for (char c : text) h = (h ^ static_cast<uint8_t>(c)) * 1099511628211ull;
  return h;
}

std::string stat_global_key(std::string_view name) { return "g" + std::string(name); }
std::string stat_type_key(uint64_t type) { return prop_prefix('p', type); }
std::string stat_label_key(uint64_t label) { return prop_prefix('l', label); }
std::string stat_degree_key(bool out, uint64_t node) { return prop_prefix(out ? 'o' : 'i', node); }
std::string i64_value(int64_t v) { return u64_key(static_cast<uint64_t>(v)); }
int64_t decode_i64(std::string_view v) {
  return v.size() == 8 ? static_cast<int64_t>(get_u64(v.data())) : 0;
}

}  // namespace quarry::storage::keys
