// `quarry carb-eval --gold GOLD.tsv [--curve FILE] SYSTEM.tsv`
//
// Scores Open IE tuples in CaRB's tab format against CaRB gold (extract/facts/carb.h):
// prints AUC and the best F1 with its precision, recall and confidence threshold.
#include <fmt/format.h>

#include <fstream>
#include <iostream>

#include "cli/cli.h"
#include "extract/facts/carb.h"

namespace quarry::cli {
namespace {

struct CarbEvalOptions {
  std::string gold;
  std::string system;
  std::string curve;
};

int run_carb_eval(const CarbEvalOptions& o) {
  std::ifstream gold_in(o.gold), system_in;
  if (!gold_in) {
    std::cerr << "quarry carb-eval: " << o.gold << ": cannot open\n";
    return kExitUsage;
  }
  if (o.system != "-") {
    system_in.open(o.system);
    if (!system_in) {
      std::cerr << "quarry carb-eval: " << o.system << ": cannot open\n";
      return kExitUsage;
    }
  }
  auto gold = extract::read_carb_gold(gold_in, o.gold);
  if (!gold) {
    std::cerr << "quarry carb-eval: " << gold.error().message() << "\n";
    return kExitUsage;
  }
  auto system = extract::read_carb_system(o.system == "-" ? std::cin : system_in,
                                          o.system == "-" ? "<stdin>" : o.system);
  if (!system) {
    std::cerr << "quarry carb-eval: " << system.error().message() << "\n";
    return kExitUsage;
  }
  size_t gold_n = 0, system_n = 0;
  for (const auto& [k, v] : *gold) gold_n += v.size();
  for (const auto& [k, v] : *system)
    if (gold->count(k)) system_n += v.size();
  auto score = extract::carb_score(*gold, *system);
  std::cout << fmt::format(
      "sentences {}  gold tuples {}  system tuples {}\n"
      "AUC {:.3f}  F1 {:.3f}  P {:.3f}  R {:.3f}  (at confidence >= {:.3f})\n",
      gold->size(), gold_n, system_n, score.auc, score.f1, score.precision, score.recall,
      score.threshold);
  if (!o.curve.empty()) {
    std::ofstream out(o.curve);
    out << "threshold\tprecision\trecall\n";
    for (const auto& pt : score.curve)
      out << fmt::format("{:.4f}\t{:.4f}\t{:.4f}\n", pt.threshold, pt.precision, pt.recall);
  }
  return kExitOk;
}

}  // namespace

void add_carb_eval_command(CLI::App& app, GlobalOptions& /*global*/, CommandAction& run) {
  auto* cmd = app.add_subcommand("carb-eval", "Score Open IE tuples against CaRB gold");
  static CarbEvalOptions o;
  cmd->add_option("--gold", o.gold, "CaRB gold file (sentence, relation, arguments)")->required();
  cmd->add_option("--curve", o.curve, "Write the precision/recall curve here (TSV)");
  cmd->add_option("system", o.system, "System tuples in CaRB's tab format, or -")->required();
  cmd->callback([&run] { run = [] { return run_carb_eval(o); }; });
}

}  // namespace quarry::cli
