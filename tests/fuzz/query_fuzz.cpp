// libFuzzer target over the lexer, parser, transformer and binder: any input must end
// in a statement or a QueryError, never a crash, hang or other exception.
//   cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER=clang++ -DQUARRY_FUZZ=ON
//   cmake --build build-fuzz --target query_fuzz && build-fuzz/tests/query_fuzz tests/fuzz/corpus
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "engine/binder/binder.h"
#include "engine/errors.h"
#include "engine/parser/parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    auto statement = quarry::engine::parse(text);
    quarry::engine::bind(statement);
  } catch (const quarry::engine::QueryError&) {
  }
  return 0;
}
