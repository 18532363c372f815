// Predicates that read the same in both directions: "A met B" states what "B met A" does.
//
// resolve_document() marks their facts Fact::symmetric, and storage keeps ONE relationship
// per pair for them (docs/data-model.md), so five outlets writing "Kim met Shoigu" and
// "Shoigu met Kim" support one fact, and `MATCH (a)-[:meet]-(b)` finds it once per pair.
// The list is deliberately short: only predicates whose canonical form (after the
// verb + preposition folds of extract/facts/verbal_rules.cpp) is mutual in every use.
// "talk_to" and "speak_to" are not on it: "spoke to reporters" is one-way.
#pragma once

#include <string_view>

namespace quarry::extract::resolve {

bool symmetric_predicate(std::string_view predicate);

}  // namespace quarry::extract::resolve
