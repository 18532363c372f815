// Property value encoding; the layout is documented in storage/keys.h.
#include <bit>

#include "storage/keys.h"

namespace quarry::storage::keys {

namespace {
enum Tag : char { kNull = 0, kBool, kInt, kFloat, kString, kList, kMap };
}

bool encode_value(const Value& v, std::string& out) {
  switch (v.kind()) {
    case ValueKind::kNull: out.push_back(kNull); return true;
    case ValueKind::kBool:
      out.push_back(kBool);
      out.push_back(v.as_bool() ? 1 : 0);
      return true;
    case ValueKind::kInt:
      out.push_back(kInt);
      append_u64(out, static_cast<uint64_t>(v.as_int()));
      return true;
    case ValueKind::kFloat:
      out.push_back(kFloat);
      append_u64(out, std::bit_cast<uint64_t>(v.as_float()));
      return true;
    case ValueKind::kString:
      out.push_back(kString);
      out.append(v.as_string());
      return true;
    case ValueKind::kList: {
      out.push_back(kList);
      append_varint(out, v.as_list().size());
      for (const Value& e : v.as_list()) {
        std::string inner;
        if (!encode_value(e, inner)) return false;
        append_bytes(out, inner);
      }
      return true;
    }
    case ValueKind::kMap: {
      out.push_back(kMap);
      append_varint(out, v.as_map().size());
      for (const auto& [k, e] : v.as_map()) {
        std::string inner;
        if (!encode_value(e, inner)) return false;
        append_bytes(out, k);
        append_bytes(out, inner);
      }
      return true;
    }
    case ValueKind::kNode:
    case ValueKind::kRelationship:
    case ValueKind::kPath: break;
  }
  return false;
}

std::optional<Value> decode_value(std::string_view in) {
  if (in.empty()) return std::nullopt;
  char tag = in.front();
  in.remove_prefix(1);
  switch (tag) {
    case kNull: return Value();
    case kBool:
      if (in.size() != 1) return std::nullopt;
      return Value(in[0] != 0);
    case kInt:
      if (in.size() != 8) return std::nullopt;
      return Value(static_cast<int64_t>(get_u64(in.data())));
    case kFloat:
      if (in.size() != 8) return std::nullopt;
      return Value(std::bit_cast<double>(get_u64(in.data())));
    case kString: return Value(std::string(in));
    case kList: {
      uint64_t n;
      if (!read_varint(in, n) || n > in.size()) return std::nullopt;
      List list;
      for (uint64_t i = 0; i < n; ++i) {
        std::string_view e;
        if (!read_bytes(in, e)) return std::nullopt;
        auto v = decode_value(e);
        if (!v) return std::nullopt;
        list.push_back(std::move(*v));
      }
      if (!in.empty()) return std::nullopt;
      return Value(std::move(list));
    }
    case kMap: {
      uint64_t n;
      if (!read_varint(in, n) || n > in.size()) return std::nullopt;
      Map map;
      for (uint64_t i = 0; i < n; ++i) {
        std::string_view k, e;
        if (!read_bytes(in, k) || !read_bytes(in, e)) return std::nullopt;
        auto v = decode_value(e);
        if (!v) return std::nullopt;
        map.emplace_back(std::string(k), std::move(*v));
      }
      if (!in.empty()) return std::nullopt;
      return Value(std::move(map));
    }
    default: break;
  }
  return std::nullopt;
}

}  // namespace quarry::storage::keys
