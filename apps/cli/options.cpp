#include "options.hpp"

#include <charconv>
#include <cmath>
#include <iostream>
#include <sstream>

#include "paretokit/core/error.hpp"

namespace paretokit::cli {

CommandLine::CommandLine(std::string command_name, std::string usage_line, std::string text)
    : options("options"), command(std::move(command_name)), usage(std::move(usage_line)),
      description(std::move(text)) {
  options.add_options()("help,h", "print this help and exit");
}

void CommandLine::print_help() const {
  std::cout << "usage: paretokit " << usage << "\n\n" << description << "\n\n" << options << "\n";
}

void CommandLine::add_file_argument(bool several) {
  if (several) {
    hidden.add_options()("file", po::value<std::vector<std::string>>()->required(), "point files");
    positional.add("file", -1);
  } else {
    hidden.add_options()("file", po::value<std::string>()->required(), "point file");
    positional.add("file", 1);
  }
}

bool CommandLine::parse(const Arguments& args, po::variables_map& vm) const {
  po::options_description all;
  all.add(options).add(hidden);
  try {
    po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
    if (vm.count("help")) {
      print_help();
      return false;
    }
    po::notify(vm);
  } catch (const po::required_option& error) {
    const std::string missing = error.get_option_name() == "--file" ? "FILE" : error.get_option_name();
    throw UsageError("missing " + missing + " (see 'paretokit " + command + " --help')");
  } catch (const po::error& error) {
    throw UsageError(std::string(error.what()) + " (see 'paretokit " + command + " --help')");
  }
  return true;
}

std::vector<double> parse_number_list(const std::string& text, const std::string& option) {
  std::vector<double> values;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(',', start);
    if (end == std::string::npos) end = text.size();
    std::string token = text.substr(start, end - start);
    while (!token.empty() && std::isspace(static_cast<unsigned char>(token.front()))) token.erase(0, 1);
    while (!token.empty() && std::isspace(static_cast<unsigned char>(token.back()))) token.pop_back();
    const char* first = token.data() + (token.size() > 1 && token[0] == '+' ? 1 : 0);
    double value = 0;
    const auto [ptr, error] = std::from_chars(first, token.data() + token.size(), value);
    if (token.empty() || error != std::errc() || ptr != token.data() + token.size() || !std::isfinite(value)) {
      throw UsageError("'" + token + "' is not a finite number", Location::of_field("--" + option));
    }
    values.push_back(value);
    start = end + 1;
  }
  return values;
}

Vector parse_reference_option(const std::string& text, Index d) {
  const std::vector<double> values = parse_number_list(text, "reference");
  if (static_cast<Index>(values.size()) != d) {
    throw UsageError("expected " + std::to_string(d) + " numbers (the number of objectives), found " +
                         std::to_string(values.size()),
                     Location::of_field("--reference"));
  }
  return Eigen::Map<const Vector>(values.data(), d);
}

nlohmann::json parse_json_option(const std::string& text, const std::string& option) {
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& error) {
    throw UsageError(std::string("not valid JSON: ") + error.what(), Location::of_field("--" + option));
  }
}

void print_json(const nlohmann::json& document) { std::cout << document.dump(2) << '\n'; }

std::string format_number(double value) {
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

}  // namespace paretokit::cli
