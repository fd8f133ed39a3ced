// paretokit quantize: mixed-precision bit-width search on the Pareto
// frontier (HAWQ-V2/V3): the exact frontier by dynamic programming, the
// HAWQ-V3 choice under budgets, and optionally an evolutionary search of the
// same problem with its hypervolume against the exact frontier.
#include <iostream>
#include <string>

#include "accuracy_command.hpp"
#include "command.hpp"
#include "options.hpp"
#include "paretokit/core/error.hpp"
#include "paretokit/io/atomic_file.hpp"
#include "paretokit/io/run_folder.hpp"
#include "paretokit/quantization/study.hpp"
#include "stop_on_signal.hpp"

namespace paretokit::cli {

namespace {

using namespace paretokit::quantization;

constexpr const char* kDescription =
    "Searches a bit-width per layer (one per tie group) of a network's layer table and prints the\n"
    "Pareto frontier: the bits of every searched layer and the objective values. Objectives:\n"
    "  omega    HAWQ-V2's sensitivity, sum of Tr(H)/n x ||W - Q_b(W)||^2 over the layers\n"
    "  size     model size in MB (2^20 bytes), every layer at its bits\n"
    "  bops     giga bit operations, MACs x weight bits x activation bits (activations at the\n"
    "           layer's bits)\n"
    "  latency  the sum of the table's per-layer latencies\n"
    "The exact frontier comes from a dynamic program over the layers; with --algorithm (nsga2,\n"
    "nsga3, moead, ...) an evolutionary search runs too, and its hypervolume against the exact\n"
    "frontier's is reported. --budget size=0.5 (also bops=, latency=; several, comma-separated)\n"
    "allows half the way from the all-4-bit to the all-8-bit model, as HAWQ-V3, and picks the\n"
    "configuration of least omega (the first objective without a budget) within it; the budgets\n"
    "also restrict the frontier. Models: resnet18 and resnet50 (HAWQ's data, the first conv and the\n"
    "fc at 8 bit), mobilenetv2 (weights and MACs only: size and bops); --table FILE reads any layer\n"
    "table (format in the README). The run folder (default runs/quantize-<model>-<algorithm>-seed<S>)\n"
    "holds config.json, front.txt/.json, exact_front.txt/.json, published.json (HAWQ's published\n"
    "configurations placed against the exact frontier) and summary.json.\n"
    "--accuracy-command CMD measures the accuracy of every frontier configuration once the\n"
    "frontier is found: one run of CMD each (--workers at a time), its config.json holding the bits\n"
    "of every searched layer by layer name ({NAME} and $PARETOKIT_PARAM_<NAME> too); it reports\n"
    "{\"accuracy\": value} (or --accuracy-key) in result.json or as its last JSON line on stdout.\n"
    "The accuracy (or the trial's status: crashed, timeout) is printed beside each configuration\n"
    "and written to accuracy.jsonl and accuracy_trials/<i>/; a failed trial never stops the run.";

std::vector<int> parse_bits(const std::string& text) {
  std::vector<int> bits;
  for (const double value : parse_number_list(text, "--bits")) {
    if (value != static_cast<int>(value) || value < 1 || value > 32) {
      throw UsageError("bit-widths are whole numbers from 1 to 32", Location::of_field("--bits"));
    }
    bits.push_back(static_cast<int>(value));
  }
  return bits;
}

std::filesystem::path default_folder(const StudySettings& s) {
  const std::string base = "runs/quantize-" + (s.model.empty() ? std::string("table") : s.model) + "-" +
                           s.algorithm + "-seed" + std::to_string(s.seed);
  std::filesystem::path folder = base;
  for (int k = 2; std::filesystem::exists(folder); ++k) folder = base + "-" + std::to_string(k);
  return folder;
}

void print_point(const BitWidthSearch& search, const StudyPoint& point, const std::string& accuracy = {}) {
  for (Index j = 0; j < point.objectives.size(); ++j) std::cout << format_number(point.objectives(j)) << ' ';
  if (!accuracy.empty()) std::cout << accuracy << ' ';
  std::cout << ' ';
  for (const int b : search.searched_layer_bits(point.choice)) std::cout << ' ' << b;
  std::cout << '\n';
}

// The frontier's configurations as a space of one ordinal per searched
// layer (named after it, values the bit-widths) and their value-form rows.
SearchSpace bits_space(const BitWidthSearch& search) {
  SearchSpace space;
  const std::vector<double> values(search.bits().begin(), search.bits().end());
  for (const std::string& name : search.searched_layer_names()) space.add_ordinal(name, values);
  return space;
}

Matrix bits_rows(const BitWidthSearch& search, const std::vector<StudyPoint>& points) {
  Matrix X(static_cast<Index>(points.size()), static_cast<Index>(search.searched_layer_names().size()));
  for (std::size_t r = 0; r < points.size(); ++r) {
    const std::vector<int> bits = search.searched_layer_bits(points[r].choice);
    for (std::size_t j = 0; j < bits.size(); ++j) X(static_cast<Index>(r), static_cast<Index>(j)) = bits[j];
  }
  return X;
}

void print_text(const StudySettings& s, const StudyResult& result,
                const std::vector<AccuracyMeasurement>& accuracy, const std::string& accuracy_key) {
  const BitWidthSearch& search = *result.search;
  const auto& q = result.summary["quantization"];
  std::cout << "quantize " << q["model"].get<std::string>() << ": " << search.searched_layer_names().size()
            << " searched layers in " << search.n_groups()
            << (search.n_groups() == 1 ? " decision" : " decisions") << ", bits";
  for (const int b : search.bits()) std::cout << ' ' << b;
  std::cout << "\n";
  if (!result.exact_error.empty()) std::cout << "exact frontier not computed: " << result.exact_error << "\n";
  std::cout << (s.algorithm == "exact" ? "exact frontier" : s.algorithm + " front") << ": "
            << result.front.size() << " configurations\n# ";
  for (const Measure m : s.objectives)
    std::cout << to_string(m) << (*unit_of(m) ? std::string("_") + unit_of(m) : "") << ' ';
  if (!accuracy.empty()) std::cout << accuracy_key << "(measured) ";
  std::cout << " bits per searched layer, in table order\n";
  for (std::size_t r = 0; r < result.front.size(); ++r)
    print_point(search, result.front[r], accuracy.empty() ? std::string() : accuracy_cell(accuracy[r]));
  for (std::size_t r = 0; r < accuracy.size(); ++r) {
    if (accuracy[r].status != TrialStatus::success)
      std::cout << "accuracy of configuration " << r << " " << to_string(accuracy[r].status) << ": "
                << accuracy[r].message << "\n";
  }
  for (const auto& budget : q["budgets"]) {
    std::cout << "budget " << budget["measure"].get<std::string>() << "="
              << format_number(budget["fraction"].get<double>()) << ": limit "
              << format_number(budget["limit"].get<double>());
    const std::string unit = budget["unit"].get<std::string>();
    std::cout << (unit.empty() ? "" : " ") << unit << "\n";
  }
  if (result.exact_choice) {
    std::cout << "least " << to_string(result.budget_objective) << " within the budgets (exact):  ";
    print_point(search, *result.exact_choice);
    if (s.algorithm != "exact") {
      std::cout << "least " << to_string(result.budget_objective) << " within the budgets (" << s.algorithm
                << "): ";
      if (result.front_choice) {
        print_point(search, *result.front_choice);
      } else {
        std::cout << "none of the front fits\n";
      }
    }
  }
  if (!q["hypervolume"].is_null() && s.algorithm != "exact") {
    std::cout << "hypervolume " << format_number(q["hypervolume"]["front"].get<double>())
              << " of the exact frontier's " << format_number(q["hypervolume"]["exact"].get<double>());
    if (!q["hypervolume"]["ratio"].is_null())
      std::cout << " (ratio " << format_number(q["hypervolume"]["ratio"].get<double>()) << ")";
    std::cout << ", reference: the exact frontier's nadir x 1.1\n";
  }
  std::cout << "run folder: " << s.out.string() << "\n";
}

int run_quantize(const Arguments& args) {
  CommandLine command_line("quantize",
                           "quantize --model NAME | --table FILE [--bits 4,8] [--objectives omega,size]\n"
                           "         [--budget size=0.5] [--algorithm exact|nsga2|nsga3|moead|...]\n"
                           "         [--algorithm-params JSON] [--generations G] [--seed S] [--threads T]\n"
                           "         [--max-states N] [--accuracy-command CMD] [--accuracy-key NAME]\n"
                           "         [--workers W] [--timeout S] [--out DIR] [--json]",
                           kDescription);
  command_line.options.add_options()("model", po::value<std::string>(),
                                     "resnet18, resnet50, mobilenetv2 (with --table: only a label)")(
      "table", po::value<std::string>(), "a layer table (JSON, see the README)")(
      "bits", po::value<std::string>()->default_value("4,8"), "bit-widths offered to every searched layer")(
      "objectives", po::value<std::string>()->default_value("omega,size"),
      "two or more of omega, size, bops, latency")(
      "budget", po::value<std::string>(), "MEASURE=FRACTION[,...] between all-4-bit (0) and all-8-bit (1)")(
      "algorithm", po::value<std::string>()->default_value("exact"),
      "exact (dynamic program only) or a registered algorithm")("algorithm-params", po::value<std::string>(),
                                                                "algorithm parameters, a JSON object")(
      "generations", po::value<std::int64_t>()->default_value(200), "generations of the evolutionary search")(
      "seed", po::value<std::uint64_t>()->default_value(1), "random seed")(
      "threads", po::value<int>()->default_value(0), "threads; 0: every core (results do not depend on it)")(
      "max-states", po::value<Index>()->default_value(ExactFrontierOptions{}.max_states),
      "most partial configurations the dynamic program keeps")("out", po::value<std::string>(), "run folder")(
      "json", "print summary.json with the frontier on stdout");
  add_accuracy_options(command_line.options);
  po::variables_map vm;
  if (!command_line.parse(args, vm)) return 0;

  StudySettings s;
  if (vm.count("model")) s.model = vm["model"].as<std::string>();
  if (vm.count("table")) s.table_file = vm["table"].as<std::string>();
  if (s.model.empty() && s.table_file.empty()) {
    throw UsageError("missing --model NAME or --table FILE", Location::of_field("--model"));
  }
  s.bits = parse_bits(vm["bits"].as<std::string>());
  s.objectives = parse_measures(vm["objectives"].as<std::string>(), "--objectives");
  if (s.objectives.size() < 2)
    throw UsageError("needs two or more objectives", Location::of_field("--objectives"));
  if (vm.count("budget")) s.budgets = parse_budgets(vm["budget"].as<std::string>(), "--budget");
  s.algorithm = vm["algorithm"].as<std::string>();
  if (vm.count("algorithm-params")) {
    s.algorithm_params = parse_json_option(vm["algorithm-params"].as<std::string>(), "algorithm-params");
  }
  s.generations = vm["generations"].as<std::int64_t>();
  if (s.generations < 1) throw UsageError("must be >= 1", Location::of_field("--generations"));
  s.seed = vm["seed"].as<std::uint64_t>();
  s.threads = vm["threads"].as<int>();
  if (s.threads < 0) throw UsageError("must be >= 0", Location::of_field("--threads"));
  s.max_states = vm["max-states"].as<Index>();
  if (s.max_states < 1) throw UsageError("must be >= 1", Location::of_field("--max-states"));
  s.out = vm.count("out") ? std::filesystem::path(vm["out"].as<std::string>()) : default_folder(s);
  s.progress = !vm.count("json");
  const std::optional<AccuracySettings> accuracy_settings = read_accuracy_settings(vm);

  StudyResult result = run_study(s);
  std::vector<AccuracyMeasurement> accuracy;
  if (accuracy_settings) {
    // Only the frontier's members are worth a (possibly long) measurement.
    const RunFolder folder(s.out);
    nlohmann::json config = read_json_file(folder.config_path());
    config["accuracy"] = to_json(*accuracy_settings);
    folder.write_config(config);
    const SearchSpace space = bits_space(*result.search);
    const Matrix X = bits_rows(*result.search, result.front);
    StopOnSignal stop;
    try {
      accuracy = measure_accuracy(*accuracy_settings, space, X, s.out, &stop.requested());
    } catch (const EvaluationInterrupted&) {
      stop.tell("paretokit: interrupted while measuring accuracy (the frontier is in " + s.out.string() +
                ")\n");
      return 128 + stop.signal_number();
    }
    write_accuracy_log(s.out, space, X, accuracy);
    result.summary["quantization"]["accuracy"] = accuracy_summary(*accuracy_settings, accuracy, s.out);
    folder.write_summary(result.summary);
  }
  if (vm.count("json")) {
    nlohmann::json document = result.summary;
    nlohmann::json front = nlohmann::json::array();
    for (std::size_t r = 0; r < result.front.size(); ++r) {
      front.push_back(point_json(*result.search, s.objectives, result.front[r]));
      if (!accuracy.empty()) add_measurement(front.back(), accuracy[r]);
    }
    document["quantization"]["layers"] = result.search->searched_layer_names();
    document["quantization"]["frontier"] = std::move(front);
    document["quantization"]["run_folder"] = s.out.string();
    print_json(document);
    return 0;
  }
  print_text(s, result, accuracy, accuracy_settings ? accuracy_settings->key : std::string());
  return 0;
}

const RegisterCommand quantize_command{
    "quantize", "mixed-precision bit-width search (HAWQ-V2/V3): the Pareto frontier", run_quantize};

}  // namespace

}  // namespace paretokit::cli
