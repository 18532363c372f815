// Fact-level writes: entities resolved by normalised name, facts merged by
// (subject, type, object), mentions, and retraction of a document's mentions.
#include <fmt/format.h>

#include "storage/writer.h"

namespace quarry::storage {

using keys::TermKind;

namespace {

constexpr std::string_view kOther = "Other";

bool one_word(std::string_view normalised) { return normalised.find(' ') == std::string::npos; }

// Appends `items` to the string list `list`, skipping those already there. True if any was new.
bool merge_into(List& list, const std::vector<std::string>& items, const std::string& skip) {
  bool changed = false;
  for (const auto& item : items) {
    if (item.empty() || item == skip) continue;
    if (std::find(list.begin(), list.end(), Value(item)) != list.end()) continue;
    list.emplace_back(item);
    changed = true;
  }
  return changed;
}

}  // namespace

// Across types only Other gives way: a mention typed Other (the recogniser missed the name,
// or it is a phrase) and a node with a specific type, or the reverse, are one entity when
// exactly one such node answers to the name or an alias; the specific type wins, and the
// node is relabelled when it was Other. Two specific types (Person, Place) stay apart:
// "Jordan" the person is not Jordan the country, and a name alone cannot say which is right.
Result<std::optional<NodeId>> Writer::other_type_node(const EntityRef& entity,
                                                      const std::vector<std::string>& forms,
                                                      std::string& reason) {
  const bool typed = entity.type != kOther;
  const auto other = term_id(TermKind::kLabel, kOther);
  std::optional<NodeId> found;
  for (const auto& form : forms) {
    for (NodeId n : alias_nodes(form)) {
      auto labels = node_labels(n);
      bool is_other = labels.empty() ||
                      (other && std::find(labels.begin(), labels.end(), *other) != labels.end());
      if (typed != is_other) continue;  // both specific, or both Other (matched already)
      if (found && *found != n) return std::optional<NodeId>{};  // ambiguous: keep apart
      found = n;
    }
  }
  if (!found) return found;
  if (typed) {
    if (other) {
      if (auto st = remove_label(*found, kOther); !st.ok()) return st;
    }
    if (auto st = add_label(*found, entity.type); !st.ok()) return st;
    reason = fmt::format("'{}': typed {} here, Other before (a typed mention wins over Other)",
                         entity.name, entity.type);
  } else {
    reason =
        fmt::format("'{}': typed Other here, joins the one typed entity of that name", entity.name);
  }
  return found;
}

Result<NodeId> Writer::resolve_entity(const EntityRef& entity, WriteSummary& summary) {
  std::string cache_key = (exact_names_ ? "=" : "") + entity.type + '\x01' + entity.name;
  for (const auto& a : entity.aliases) cache_key += '\x02' + a;
  for (const auto& m : entity.merges) cache_key += '\x03' + m;
  for (const auto& v : entity.variants) cache_key += '\x04' + v;
  if (auto it = entities_.find(cache_key); it != entities_.end()) return it->second;
  std::string norm = keys::normalise_name(entity.name);
  if (norm.empty()) {
    return Error(ErrorCode::kInvalidArgument,
                 fmt::format("entity name '{}' has no letters or digits", entity.name));
  }
  std::optional<uint64_t> label;
  if (!entity.type.empty()) label = term_id(TermKind::kLabel, entity.type);
  // The name first, then the aliases that are safe to look up (see EntityRef).
  std::vector<std::string> forms{norm};
  std::vector<std::string> lookups = entity.aliases;
  lookups.insert(lookups.end(), entity.variants.begin(), entity.variants.end());
  for (const auto& a : lookups) {
    std::string f = keys::normalise_name(a);
    if (!f.empty() && (!one_word(f) || one_word(norm))) forms.push_back(std::move(f));
  }
  // With exact names (import) only the name itself is looked up, and a node is the same
  // entity only when its canonical name is byte for byte the same.
  if (exact_names_) forms.resize(1);
  std::optional<NodeId> found;
  if (entity.type.empty() || label) {
    for (const auto& form : forms) {
      for (NodeId n : alias_nodes(form)) {
        if (exact_names_) {
          auto name = prop('n', n, "name");
          if (!name || name->kind() != ValueKind::kString || name->as_string() != entity.name) {
            continue;
          }
        }
        if (entity.type.empty()) {
          found = n;
          break;
        }
        auto labels = node_labels(n);
        if (std::find(labels.begin(), labels.end(), *label) != labels.end()) {
          found = n;
          break;
        }
      }
      if (found) break;
    }
  }
  std::string retyped;  // the merge reason when the node and this mention differ in type
  if (!found && !entity.type.empty()) {
    auto cross = other_type_node(entity, forms, retyped);
    if (!cross.ok()) return cross.status();
    found = *cross;
  }
  NodeId id;
  std::vector<std::string> names = entity.aliases;
  if (!found) {
    auto created = create_node({entity.type.empty() ? std::string(kOther) : entity.type},
                               Map{{"name", entity.name}});
    if (!created.ok()) return created;
    id = *created;
    ++summary.entities_added;
  } else {
    id = *found;
    names.insert(names.begin(), entity.name);
  }
  // New spellings become aliases; the first name seen stays the canonical one.
  auto name = prop('n', id, "name");
  std::string canonical = name && name->kind() == ValueKind::kString ? name->as_string() : "";
  List aliases;
  if (auto a = prop('n', id, "aliases"); a && a->kind() == ValueKind::kList) {
    aliases = a->as_list();
  }
  if (merge_into(aliases, names, canonical)) {
    if (auto s = put_prop('n', id, "aliases", Value(std::move(aliases))); !s.ok()) return s;
  }
  List merges;
  if (auto m = prop('n', id, "merges"); m && m->kind() == ValueKind::kList) merges = m->as_list();
  std::vector<std::string> reasons = entity.merges;
  if (!retyped.empty()) reasons.push_back(std::move(retyped));
  if (merge_into(merges, reasons, "")) {
    if (auto s = put_prop('n', id, "merges", Value(std::move(merges))); !s.ok()) return s;
  }
  entities_.emplace(std::move(cache_key), id);
  return id;
}

Status Writer::add_fact(const Fact& fact, uint64_t doc, WriteSummary& summary) {
  if (auto s = check_open(); !s.ok()) return s;
  if (fact.predicate.empty()) return Error(ErrorCode::kInvalidArgument, "empty predicate");
  auto s = resolve_entity(fact.subject, summary);
  if (!s.ok()) return s.status();
  auto o = resolve_entity(fact.object, summary);
  if (!o.ok()) return o.status();
  uint64_t p = intern(TermKind::kType, fact.predicate);
  // One relationship for both directions of a symmetric fact (see Fact::symmetric).
  if (fact.symmetric && *o < *s) std::swap(*s, *o);

  // Facts merge into the one fact relationship for (s, p, o); CREATEd ones are left alone.
  auto key = std::make_tuple(*s, p, *o);
  RelId rel = 0;
  if (auto it = facts_.find(key); it != facts_.end()) {
    rel = it->second;
  } else {
    std::string prefix = keys::id_prefix({*s, p, *o});
    std::vector<RelId> candidates;
    auto st = scan(keys::kSpo, prefix, [&](auto k, auto) {
      keys::Triple t;
      if (keys::decode_quad(keys::Order::kSpo, k, t)) candidates.push_back(t.rel);
      return true;
    });
    if (!st.ok()) return st;
    for (RelId r : candidates) {
      // Only the flags are needed: a candidate is in SPO, so a block record covering it
      // (a bulk-imported fact) need not be searched for it.
      auto record = rel_record(r);
      if (record && (record->flags & keys::kRelFact)) {
        rel = r;
        break;
      }
    }
    if (rel == 0) {
      rel = new_rel(*s, p, *o, keys::kRelFact);
      ++summary.facts_added;
      if (fact.symmetric) {
        if (auto st = put_prop('r', rel, "symmetric", Value(true)); !st.ok()) return st;
      }
    }
    facts_.emplace(key, rel);
  }

  const Mention& m = fact.mention;
  keys::ProvValue pv;
  pv.sentence = m.sentence;
  pv.start = m.start;
  pv.end = m.end;
  pv.confidence = m.confidence;
  pv.extractor = m.extractor.empty() ? 0 : intern(TermKind::kExtractor, m.extractor);
  // The surface form is stored only when it differs from the type, which is common.
  if (fact.text != fact.predicate) pv.surface = fact.text;
  std::string qualifiers;
  if (!m.qualifiers.empty() && !keys::encode_value(Value(m.qualifiers), qualifiers)) {
    return Error(ErrorCode::kInvalidArgument, "mention qualifiers cannot hold graph values");
  }
  pv.qualifiers = qualifiers;
  std::string value = keys::prov_value(pv);
  std::string prefix = keys::id_prefix({rel, doc});
  uint32_t seq = 0;
  bool duplicate = false;
  auto st = scan(keys::kProv, prefix, [&](auto k, auto v) {
    keys::ProvKey pk;
    if (!keys::decode_prov_key(k, pk)) return true;
    seq = pk.seq + 1;
    duplicate = duplicate || v == value;
    return !duplicate;
  });
  if (!st.ok()) return st;
  if (duplicate) return {};
  keys::ProvKey pk{rel, doc, seq};
  put(keys::kProv, keys::prov_key(pk), value);
  if (doc != 0) put(keys::kDocRels, keys::docrel_key(pk), {});
  add_stat(keys::stat_global_key("mentions"), 1);
  ++summary.mentions_added;
  return {};
}

Status Writer::retract_document(uint64_t doc) {
  if (auto s = check_open(); !s.ok()) return s;
  std::vector<keys::ProvKey> mentions;
  auto s = scan(keys::kDocRels, keys::id_key(doc), [&](auto k, auto) {
    keys::ProvKey pk;
    if (keys::decode_docrel_key(k, pk)) mentions.push_back(pk);
    return true;
  });
  if (!s.ok()) return s;
  std::set<RelId> touched;
  for (const auto& pk : mentions) {
    del(keys::kProv, keys::prov_key(pk));
    del(keys::kDocRels, keys::docrel_key(pk));
    add_stat(keys::stat_global_key("mentions"), -1);
    touched.insert(pk.rel);
  }
  // A fact no other document (or import) supports any more is retracted.
  for (RelId rel : touched) {
    bool supported = false;
    s = scan(keys::kProv, keys::id_key(rel), [&](auto, auto) {
      supported = true;
      return false;
    });
    if (!s.ok()) return s;
    if (!supported) {
      if (auto st = delete_rel(rel); !st.ok()) return st;
    }
  }
  return {};
}

}  // namespace quarry::storage
