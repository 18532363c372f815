// `quarry nlp-eval`: scores the model on gold-tokenised CoNLL-U (see extract/nlp/evaluate.h).
#include <fstream>
#include <iostream>

#include "cli/cli.h"
#include "extract/nlp/conllu.h"
#include "extract/nlp/evaluate.h"

namespace quarry::cli {

void add_nlp_eval_command(CLI::App& app, GlobalOptions&, CommandAction& run) {
  auto* cmd = app.add_subcommand(
      "nlp-eval", "Re-annotate gold CoNLL-U files and report UPOS/XPOS/lemma/UAS/LAS/entity F1");
  struct Args {
    std::vector<std::string> gold;
    std::string model = "models/en.qm";
    bool sentences = false;
    std::string entity_errors;
  };
  auto args = std::make_shared<Args>();
  cmd->add_option("--gold", args->gold, "Gold CoNLL-U file(s)")->required();
  cmd->add_option("--model", args->model, "Model file")->capture_default_str();
  cmd->add_flag("--sentences", args->sentences,
                "Annotate sentence by sentence (default: by document, '# newdoc id')");
  cmd->add_option("--entity-errors", args->entity_errors,
                  "Write every missed and spurious entity to this file (error analysis)");
  cmd->callback([&run, args] {
    run = [args] {
      auto pipeline = nlp::Pipeline::load(args->model);
      if (!pipeline.ok()) {
        std::cerr << pipeline.error().to_string() << "\n";
        return exit_code_for(pipeline.error());
      }
      for (const std::string& path : args->gold) {
        auto doc = nlp::read_conllu_file(path);
        if (!doc.ok()) {
          std::cerr << doc.error().to_string() << "\n";
          return exit_code_for(doc.error());
        }
        nlp::EvalReport report =
            nlp::evaluate(*pipeline, std::move(doc->sentences),
                          args->sentences ? std::vector<std::string>() : doc->doc_ids);
        std::cout << report.to_string(path);
        if (!args->entity_errors.empty()) {
          std::ofstream out(args->entity_errors, std::ios::app);
          for (const std::string& line : report.entity_errors) out << line << "\n";
        }
      }
      return static_cast<int>(kExitOk);
    };
  });
}

}  // namespace quarry::cli
