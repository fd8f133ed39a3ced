// Shared command-line plumbing for the subcommands: parsing with
// Boost.Program_options, --help, --json output and number lists.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <boost/program_options.hpp>
#include <nlohmann/json.hpp>

#include "command.hpp"
#include "paretokit/core/matrix.hpp"

namespace paretokit::cli {

namespace po = boost::program_options;

// A subcommand's options. `--help` is always added.
struct CommandLine {
  CommandLine(std::string command, std::string usage, std::string description);

  po::options_description options;      // named options
  po::positional_options_description positional;
  po::options_description hidden{"hidden"};  // positional targets, not listed in --help
  std::string command;
  std::string usage;       // e.g. "hv [options] FILE..."
  std::string description; // one paragraph shown by --help

  // Declares the positional FILE argument (vm["file"]: a std::string, or a
  // std::vector<std::string> with `several`), required: without it parse()
  // throws UsageError("missing FILE ...").
  void add_file_argument(bool several = false);

  // Parses args into vm. Returns false when --help was asked (help printed).
  // Throws UsageError for unknown or malformed options.
  bool parse(const Arguments& args, po::variables_map& vm) const;
  void print_help() const;
};

// Whether the last parse() saw --timing (every command accepts it; main()
// then prints the command's wall time on stderr).
bool timing_requested();

// "1,2.5,3" -> {1, 2.5, 3}; throws UsageError naming the option on bad input.
std::vector<double> parse_number_list(const std::string& text, const std::string& option);

// The --reference point: exactly d numbers (the number of objectives).
Vector parse_reference_option(const std::string& text, Index d);

// Parses a JSON option value; throws UsageError naming the option.
nlohmann::json parse_json_option(const std::string& text, const std::string& option);

// Prints one JSON document on stdout (numbers round-trip exactly).
void print_json(const nlohmann::json& document);

// Formats a double with round-trip precision for plain-text output.
std::string format_number(double value);

}  // namespace paretokit::cli
