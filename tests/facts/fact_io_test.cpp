// The fact writers (jsonl, tsv, carb) and the JSON Lines document reader.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <sstream>

#include "extract/facts/fact_io.h"

using namespace quarry;
using namespace quarry::extract;

namespace {

ExtractedFact sample() {
  ExtractedFact f;
  f.subject = {"the two presidents", 5, 8, 7, 30, 48, "", false};
  f.predicate = "sign";
  f.text = "was signed by";
  f.object = {"The treaty", 0, 2, 1, 0, 10, "Artifact", false};
  f.extra.push_back({"with", Argument{"a pen", 9, 11, 10, 54, 59, "", false}});
  f.qualifiers.hedged = true;
  f.qualifiers.time = "on Monday";
  f.confidence = 0.8456;
  f.sentence = 2;
  f.start = 0;
  f.end = 70;
  f.rule = "passive";
  return f;
}

}  // namespace

TEST_CASE("fact_io: jsonl carries provenance, arguments and only the qualifiers set") {
  Document doc{"d1", "T", "2023-07-27", "Agency", "..."};
  std::ostringstream out;
  write_fact_jsonl(out, doc, sample());
  auto j = nlohmann::json::parse(out.str());
  CHECK(j["doc"] == "d1");
  CHECK(j["source"] == "Agency");
  CHECK(j["sentence"] == 2);
  CHECK(j["predicate"] == "sign");
  CHECK(j["subject"]["text"] == "the two presidents");
  CHECK(j["subject"]["start"] == 30);
  CHECK(j["object"]["type"] == "Artifact");
  CHECK(j["extra"][0]["role"] == "with");
  CHECK(j["qualifiers"]["hedged"] == true);
  CHECK(j["qualifiers"]["time"] == "on Monday");
  CHECK_FALSE(j["qualifiers"].contains("negated"));
  CHECK(j["confidence"] == Approx(0.846));
  CHECK(j["rule"] == "passive");
  CHECK(out.str().back() == '\n');
  CHECK(out.str().find('\n') == out.str().size() - 1);
}

TEST_CASE("fact_io: carb keeps the passive in sentence order, be as lemma, extras after") {
  std::ostringstream out;
  write_fact_carb(out, "The treaty was signed by the two presidents with a pen on Monday .",
                  sample());
  CHECK(out.str() ==
        "The treaty was signed by the two presidents with a pen on Monday .\t0.846\tbe signed "
        "by\tThe treaty\tthe two presidents\twith a pen\ton Monday\n");
}

TEST_CASE("fact_io: carb writes a participial phrase out with its copula") {
  // The band toured Spain , winning many fans .  /  the mill built by Rui Lima
  ExtractedFact active;
  active.rule = "participle/svo";
  active.text = "winning";
  active.subject.text = "The band";
  active.object.text = "many fans";
  active.confidence = 0.36;
  std::ostringstream out;
  write_fact_carb(out, "s", active);
  CHECK(out.str() == "s\t0.360\tbe winning\tThe band\tmany fans\n");
  ExtractedFact passive = active;
  passive.rule = "participle/passive_prep";
  passive.text = "built by";
  passive.subject.text = "the mill";  // passive_prep: the surface subject, as written
  passive.object.text = "Rui Lima";
  out.str("");
  write_fact_carb(out, "s", passive);
  CHECK(out.str() == "s\t0.360\tbe built by\tthe mill\tRui Lima\n");
  // Not for an active past participle or a clause of its own.
  ExtractedFact founded = active;
  founded.text = "founded";
  out.str("");
  write_fact_carb(out, "s", founded);
  CHECK(out.str() == "s\t0.360\tfounded\tThe band\tmany fans\n");
  ExtractedFact svo = active;
  svo.rule = "svo";
  out.str("");
  write_fact_carb(out, "s", svo);
  CHECK(out.str() == "s\t0.360\twinning\tThe band\tmany fans\n");
}

TEST_CASE("fact_io: tsv has one line per fact with qualifiers summarised") {
  std::ostringstream out;
  write_fact_tsv(out, Document{"d1", "", "", "", ""}, sample());
  CHECK(out.str() ==
        "d1\t2\tthe two presidents\tsign\tThe treaty\t0.846\tpassive\twas signed by\thedged; "
        "time=on Monday\n");
}

TEST_CASE("fact_io: JSON Lines documents are checked") {
  auto d = parse_document_json(R"({"id": 7, "source": "KCNA", "text": "Kim met Shoigu."})");
  REQUIRE(d.ok());
  CHECK(d->id == "7");
  CHECK(d->source == "KCNA");
  CHECK(d->text == "Kim met Shoigu.");
  CHECK(parse_document_json("{\"id\": \"x\"}").error().message() == "missing \"text\"");
  CHECK(parse_document_json("{\"text\": 3}").error().message() == "\"text\" must be a string");
  CHECK(parse_document_json("not json").error().message() == "not a JSON object");
}
