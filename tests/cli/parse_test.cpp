// `quarry parse` end to end through the built binary, on segmentation output (no model).
#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <fstream>
#include <string>

namespace {

struct Run {
  int status;
  std::string out;
};

Run run(const std::string& args) {
  std::string cmd = std::string(QUARRY_BINARY_DIR) + "/quarry " + args + " 2>&1";
  Run r{0, {}};
  FILE* p = popen(cmd.c_str(), "r");
  REQUIRE(p != nullptr);
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
  r.status = pclose(p);
  return r;
}

std::string write_temp(const std::string& name, const std::string& content) {
  std::string path = std::string(QUARRY_BINARY_DIR) + "/" + name;
  std::ofstream(path) << content;
  return path;
}

const std::string kNoModel = "--model /nonexistent/model.qm";

}  // namespace

TEST_CASE("quarry parse: text to CoNLL-U with sentence ids, ranges and SpaceAfter") {
  auto path = write_temp("parse_conllu_out.txt", "Ana didn't call.\n\nShe wrote instead.\n");
  auto r = run("parse " + kNoModel + " " + path);
  CHECK(r.status == 0);
  CHECK(r.out.find("no model found at /nonexistent/model.qm") != std::string::npos);
  CHECK(r.out.find("# newdoc\n# newpar\n# sent_id = 1\n# text = Ana didn't call.\n") !=
        std::string::npos);
  CHECK(r.out.find("\n\n# newpar\n# sent_id = 2\n") != std::string::npos);
  CHECK(r.out.find("2-3\tdidn't\t") != std::string::npos);
  CHECK(r.out.find("4\tcall\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n") != std::string::npos);
  CHECK(r.out.find("# sent_id = 2\n# text = She wrote instead.\n") != std::string::npos);
}

TEST_CASE("quarry parse: json is one object per sentence with offsets") {
  auto path = write_temp("parse_json.txt", "Ana didn't call.\n\nShe wrote \"instead\".\n");
  auto r = run("-q parse --format json " + kNoModel + " " + path);
  CHECK(r.status == 0);
  CHECK(r.out.rfind("{\"id\":\"1\",\"text\":\"Ana didn't call.\",\"tokens\":[{\"id\":1,"
                    "\"form\":\"Ana\",\"start\":0,\"end\":3,\"space_after\":true}",
                    0) == 0);
  CHECK(r.out.find("\"form\":\"\\\"\",\"start\":28") != std::string::npos);
  CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 2);
}

TEST_CASE("quarry parse: pretty, stdin and conllu input keep the given tokens") {
  auto r = run("-q parse --format pretty " + kNoModel + " - < " +
               write_temp("parse_pretty.txt", "Rain fell.\n"));
  CHECK(r.status == 0);
  CHECK(r.out == "# 1: Rain fell.\n  Rain[0,4) fell[5,9) .[9,10)\n\n");

  auto conllu = write_temp("parse_in.conllu",
                           "# text = odd tokens\n1\todd tok\t_\t_\t_\t_\t_\t_\t_\t_\n"
                           "2\tens\t_\t_\t_\t_\t_\t_\t_\t_\n\n");
  r = run("-q parse --input conllu " + kNoModel + " " + conllu);
  CHECK(r.status == 0);
  CHECK(r.out.find("1\todd tok\t") != std::string::npos);
  CHECK(r.out.find("2\tens\t") != std::string::npos);

  // Without "# text" the text is rebuilt from the forms and SpaceAfter.
  conllu = write_temp("parse_in_notext.conllu",
                      "1\tHi\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n"
                      "2\t!\t_\t_\t_\t_\t_\t_\t_\t_\n\n");
  r = run("-q parse --input conllu " + kNoModel + " " + conllu);
  CHECK(r.out.find("# text = Hi!\n") != std::string::npos);
}

TEST_CASE("quarry parse: a missing input file is a usage error") {
  auto r = run("parse " + kNoModel + " /nonexistent/input.txt");
  CHECK(WEXITSTATUS(r.status) == 2);
  CHECK(r.out.find("/nonexistent/input.txt: cannot open") != std::string::npos);
}

TEST_CASE("quarry segment-eval: scores a gold file and lists errors") {
  auto gold = write_temp("segment_eval_cli.conllu",
                         "# newpar\n# text = Rain fell.\n"
                         "1\tRain\train\tNOUN\tNN\t_\t2\tnsubj\t_\t_\n"
                         "2\tfell\tfall\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No\n"
                         "3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n"
                         "# text = it stopped\n"
                         "1\tit\tit\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n"
                         "2\tstopped\tstop\tVERB\tVBD\t_\t0\troot\t_\t_\n\n");
  auto r = run("-q segment-eval --errors 5 --gold " + gold);
  CHECK(r.status == 0);
  CHECK(r.out.find("tokens     P 100.00  R 100.00  F1 100.00   (gold 5, system 5, correct 5)") !=
        std::string::npos);
  // "it" starts in lower case after a period: still a sentence end, so both sentences match.
  CHECK(r.out.find("sentences  P 100.00  R 100.00  F1 100.00   (gold 2, system 2, correct 2)") !=
        std::string::npos);

  auto missing = run("-q segment-eval --gold /nonexistent/gold.conllu");
  CHECK(WEXITSTATUS(missing.status) == 2);
}
