// Name lists for the entity recogniser (extract/nlp/entity_lists.h): reading each source's
// format, multi-word matching and the model-file round trip.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "extract/nlp/entity_lists.h"

using namespace quarry::nlp;

namespace {

std::vector<WordHashes> hashes(std::vector<std::string> forms) {
  Sentence s;
  for (auto& f : forms) {
    Token t;
    t.form = f;
    s.tokens.push_back(t);
  }
  std::vector<WordHashes> w;
  hash_words(s, w);
  return w;
}

void write(const std::filesystem::path& p, const std::string& text) {
  std::filesystem::create_directories(p.parent_path());
  std::ofstream(p) << text;
}

}  // namespace

TEST_CASE("name lists: one word by its lowercased form, several words as a phrase") {
  NameLists l;
  l.add("Zanzibar", NameLists::kPlace);
  l.add("Bosnia and Herzegovina", NameLists::kPlace | NameLists::kCountry);
  l.add("Korea, Republic of", NameLists::kPlace);  // inverted official forms are skipped
  CHECK(l.word(hashes({"zanzibar"})[0].lower) == NameLists::kPlace);
  CHECK(l.word(hashes({"Herzegovina"})[0].lower) == 0);
  CHECK(l.size() == 2);

  std::vector<uint16_t> ph;
  l.phrases(hashes({"in", "Bosnia", "and", "Herzegovina", "today"}), ph);
  const uint16_t k = (NameLists::kPlace | NameLists::kCountry) << 2;
  CHECK(ph == std::vector<uint16_t>{0, static_cast<uint16_t>(k | 1), static_cast<uint16_t>(k | 2),
                                    static_cast<uint16_t>(k | 3), 0});
  // A phrase starts at a capitalised word.
  l.phrases(hashes({"bosnia", "and", "Herzegovina"}), ph);
  CHECK(ph == std::vector<uint16_t>{0, 0, 0});
}

TEST_CASE("name lists: read from iso-codes, zone.tab, faker and dict/words formats") {
  auto dir = std::filesystem::temp_directory_path() / "quarry_entity_lists_test";
  std::filesystem::remove_all(dir);
  write(dir / "iso/iso_3166-1.json",
        R"({"3166-1": [{"alpha_2": "NL", "name": "Netherlands", "official_name": )"
        R"("Kingdom of the Netherlands"}]})");
  write(dir / "iso/iso_3166-2.json", R"({"3166-2": [{"code": "X", "name": "Gelderland"}]})");
  write(dir / "iso/iso_3166-3.json", R"({"3166-3": [{"name": "Yugoslavia"}]})");
  write(dir / "zone.tab", "# comment\nAR\t-3436-05827\tAmerica/Argentina/Buenos_Aires\n");
  write(dir / "faker/en_XX/__init__.py",
        "class Provider:\n    formats = ('{{first_name}} {{last_name}}',)\n"
        "    first_names_female = ('Aaliyah', 'Zoe')\n"
        "    first_names = first_names_male + first_names_female\n"
        "    last_names = OrderedDict((\n        ('Okafor', 0.1),  # a comment 'Nobody'\n"
        "        ('Smith', 0.9),\n    ))\n    prefixes = ('Dr.', 'Mr.')\n");
  write(dir / "words", "Aaron\nAaron's\nbill\nBill\n");
  NameListSources src{(dir / "iso").string(), (dir / "zone.tab").string(), (dir / "faker").string(),
                      (dir / "words").string()};
  std::vector<std::string> missing;
  NameLists l = NameLists::load(src, &missing);
  CHECK(missing.empty());
  auto kind = [&](const std::string& w) { return l.word(hashes({w})[0].lower); };
  CHECK(kind("Netherlands") == (NameLists::kPlace | NameLists::kCountry));
  CHECK(kind("Gelderland") == NameLists::kPlace);
  CHECK(kind("Yugoslavia") == (NameLists::kPlace | NameLists::kCountry));
  CHECK(kind("Aaliyah") == NameLists::kFirstName);
  CHECK(kind("Okafor") == NameLists::kLastName);
  CHECK(kind("Nobody") == 0);
  CHECK(kind("Dr.") == 0);
  CHECK(kind("Aaron") == NameLists::kProperWord);
  CHECK(kind("bill") == (NameLists::kProperWord | NameLists::kCommonWord));
  std::vector<uint16_t> ph;
  l.phrases(hashes({"Buenos", "Aires"}), ph);
  CHECK(ph[0] == (NameLists::kPlace << 2 | 1));
  l.phrases(hashes({"Kingdom", "of", "the", "Netherlands"}), ph);
  CHECK(ph[3] == ((NameLists::kPlace | NameLists::kCountry) << 2 | 3));

  // Missing sources are reported, not fatal.
  src.words = (dir / "nowhere").string();
  NameLists partial = NameLists::load(src, &missing);
  CHECK(missing == std::vector<std::string>{src.words});
  CHECK(partial.word(hashes({"Okafor"})[0].lower) == NameLists::kLastName);

  // Model-file round trip.
  ModelWriter w;
  l.write(w);
  ModelReader r(w.bytes().data(), w.bytes().size());
  NameLists back;
  back.read(r);
  CHECK_FALSE(r.failed());
  CHECK(back.size() == l.size());
  CHECK(back.word(hashes({"Okafor"})[0].lower) == NameLists::kLastName);
  back.phrases(hashes({"Buenos", "Aires"}), ph);
  CHECK(ph[1] == (NameLists::kPlace << 2 | 3));
  std::filesystem::remove_all(dir);
}
