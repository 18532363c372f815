// Opens a database the way a second process would and prints what happened:
//   lock_probe DB write|read|fallback
// prints "opened read_only=<0|1> nodes=<n>" or "<ErrorCode name>: <message>".
#include <quarry/quarry.h>

#include <iostream>
#include <string>

int main(int argc, char** argv) {
  if (argc != 3) return 2;
  quarry::OpenOptions o;
  std::string mode = argv[2];
  o.read_only = mode == "read";
  o.read_only_if_locked = mode == "fallback";
  auto db = quarry::Database::open(argv[1], o);
  if (!db.ok()) {
    std::cout << quarry::error_code_name(db.error().code()) << ": " << db.error().message() << "\n";
    return 0;
  }
  auto st = (*db)->stats();
  if (!st.ok()) return 1;
  std::cout << "opened read_only=" << (*db)->read_only() << " nodes=" << st->nodes << "\n";
  if ((*db)->read_only()) {
    auto w = (*db)->add_facts({});
    std::cout << "write: " << (w.ok() ? "ok" : quarry::error_code_name(w.error().code())) << "\n";
  }
  return 0;
}
