#include <iostream>

#include "cli/cli.h"

namespace quarry::cli {

int exit_code_for(const Error& error) {
  switch (error.code()) {
    case ErrorCode::kOk: return kExitOk;
    case ErrorCode::kInvalidArgument: return kExitUsage;
    case ErrorCode::kDatabaseInUse:
    case ErrorCode::kCorruption:
    case ErrorCode::kIOError:
    case ErrorCode::kReadOnly: return kExitDatabaseError;
    default: return kExitQueryError;
  }
}

}  // namespace quarry::cli
