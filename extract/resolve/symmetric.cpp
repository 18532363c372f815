#include "extract/resolve/symmetric.h"

#include <array>

namespace quarry::extract::resolve {

bool symmetric_predicate(std::string_view predicate) {
  // Canonical forms only: meet_with is already folded to meet by the extractor. talk_with
  // and speak_with are kept by the extractor (talk_to and speak_to stay directed).
  static constexpr std::array<std::string_view, 11> kSymmetric{
      "meet",      "confer_with", "negotiate_with", "cooperate_with", "collaborate_with",
      "talk_with", "speak_with",  "hold_talk_with", "marry",          "ally_with",
      "clash_with"};
  for (auto p : kSymmetric)
    if (p == predicate) return true;
  return false;
}

}  // namespace quarry::extract::resolve
