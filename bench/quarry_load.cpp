// Bulk-load driver for the storage layer: imports triple files into a fresh database and
// reports triples/s, bytes on disk per triple and peak RSS, then runs check.
//
//   quarry-bench-load DB FILE...
//
// DB must not exist. Each file is one import (the first takes the bulk SST path).
#include <quarry/quarry.h>
#include <sys/resource.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: quarry-bench-load DB FILE...\n";
    return 2;
  }
  if (std::filesystem::exists(argv[1])) {
    std::cerr << argv[1] << " exists; give a fresh path\n";
    return 2;
  }
  auto db = quarry::Database::open(argv[1]);
  if (!db.ok()) {
    std::cerr << db.error().to_string() << "\n";
    return 1;
  }
  uint64_t lines = 0;
  auto t0 = std::chrono::steady_clock::now();
  for (int i = 2; i < argc; ++i) {
    auto r = (*db)->import(argv[i], {});
    if (!r.ok()) {
      std::cerr << r.error().to_string() << "\n";
      return 1;
    }
    lines += r->lines;
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  auto st = (*db)->stats();
  if (!st.ok()) return 1;
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  std::cout << "lines " << lines << ", relationships " << st->relationships << ", nodes "
            << st->nodes << "\n"
            << "seconds " << secs << ", triples/s " << static_cast<uint64_t>(lines / secs) << "\n"
            << "bytes on disk " << st->bytes_on_disk << ", per triple "
            << static_cast<double>(st->bytes_on_disk) / static_cast<double>(lines) << "\n"
            << "peak RSS MB " << ru.ru_maxrss / 1024 << "\n";
  if (std::getenv("QUARRY_BENCH_NO_CHECK")) return 0;
  auto t1 = std::chrono::steady_clock::now();
  auto check = (*db)->check();
  if (!check.ok()) return 1;
  std::cout << "check " << (check->ok() ? "ok" : "FAILED") << " in "
            << std::chrono::duration<double>(std::chrono::steady_clock::now() - t1).count()
            << " s\n";
  for (const auto& p : check->problems) std::cout << "  " << p << "\n";
  return check->ok() ? 0 : 1;
}
