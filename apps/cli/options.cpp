#include "options.hpp"

#include <cctype>
#include <charconv>
#include <cmath>
#include <iostream>
#include <map>
#include <sstream>

#include "paretokit/core/error.hpp"

namespace paretokit::cli {

CommandLine::CommandLine(std::string command_name, std::string usage_line, std::string text)
    : options("options"), command(std::move(command_name)), usage(std::move(usage_line)),
      description(std::move(text)) {
  options.add_options()("help,h", "print this help and exit");
}

namespace {

bool timing_was_requested = false;

std::map<std::string, std::string> usage_placeholders(const std::string& usage);

// --timing, for every command that does not declare its own.
po::options_description timing_option() {
  po::options_description timing;
  timing.add_options()("timing", "print the seconds the command took on stderr");
  return timing;
}

// The placeholder of an option's value: its value_name, else its long name
// in capitals ("--seed SEED"), never program_options' "arg".
std::string placeholder(const po::option_description& option,
                        const std::map<std::string, std::string>& from_usage) {
  std::string parameter = option.format_parameter();
  if (parameter.rfind("arg", 0) == 0 && from_usage.count(option.long_name())) {
    parameter = from_usage.at(option.long_name()) + parameter.substr(3);
  } else if (const auto name = option.format_name(); parameter.rfind("arg", 0) == 0 && name.size() > 2 &&
                                                     name[0] == '-' && name[1] != '-' &&
                                                     from_usage.count(name.substr(1, 1))) {
    parameter = from_usage.at(name.substr(1, 1)) + parameter.substr(3);  // "-n N"
  } else if (parameter.rfind("arg", 0) == 0) {
    std::string name = option.long_name();
    for (char& c : name) c = c == '-' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    parameter = name + parameter.substr(3);
  }
  return parameter;
}

// `text` wrapped to `width` columns, lines after the first indented by `indent`.
std::string wrapped(const std::string& text, std::size_t column, std::size_t indent, std::size_t width = 80) {
  std::string out;
  std::istringstream words(text);
  std::string word;
  bool first = true;
  while (words >> word) {
    if (!first && column + 1 + word.size() > width) {
      out += '\n';
      out.append(indent, ' ');
      column = indent;
    } else if (!first) {
      out += ' ';
      ++column;
    }
    out += word;
    column += word.size();
    first = false;
  }
  return out;
}

// One option per entry, within 80 columns: "  -r, --reference R1,R2  what it is".
std::string format_options(const po::options_description& options, const std::string& usage) {
  const auto from_usage = usage_placeholders(usage);
  constexpr std::size_t kColumn = 28;
  std::string out;
  for (const auto& option : options.options()) {
    std::string names = option->format_name();  // "-h [ --help ]" or "--seed"
    if (const auto open = names.find(" [ "); open != std::string::npos) {
      const std::string short_name = names.substr(0, open);
      const std::string long_name = names.substr(open + 3, names.size() - open - 5);
      names = option->long_name().size() == 1 ? short_name : short_name + ", " + long_name;  // "-k"
    }
    std::string head = "  " + names;
    const std::string parameter = placeholder(*option, from_usage);
    if (!parameter.empty()) head.append(" ").append(parameter);
    if (head.size() + 2 > kColumn) {
      out.append(head).append("\n").append(kColumn, ' ');
    } else {
      out.append(head).append(kColumn - head.size(), ' ');
    }
    out += wrapped(option->description(), kColumn, kColumn) + "\n";
  }
  return out;
}

// The units of a usage line: words, with each [...] group kept whole.
std::vector<std::string> usage_units(const std::string& line) {
  std::vector<std::string> units;
  std::string unit;
  int depth = 0;
  for (const char c : line) {
    if (c == ' ' && depth == 0) {
      if (!unit.empty()) units.push_back(unit);
      unit.clear();
      continue;
    }
    depth += c == '[' ? 1 : c == ']' ? -1 : 0;
    unit += c;
  }
  if (!unit.empty()) units.push_back(unit);
  return units;
}

// "usage: paretokit ..." within 80 columns: each form (a line naming
// paretokit, or the first) with its continuation lines joined, then wrapped
// under the form's first option.
std::string usage_text(const std::string& usage) {
  std::vector<std::string> forms;
  std::istringstream lines(usage);
  std::string line;
  while (std::getline(lines, line)) {
    const auto start = line.find_first_not_of(' ');
    if (start == std::string::npos) continue;
    if (forms.empty() || line.find("paretokit ") != std::string::npos) {
      const auto name = line.find("paretokit ");
      forms.push_back(name == std::string::npos ? line.substr(start) : line.substr(name + 10));
    } else {
      forms.back().append(" ").append(line.substr(start));
    }
  }
  std::string out;
  for (std::size_t f = 0; f < forms.size(); ++f) {
    const auto units = usage_units(forms[f]);
    std::string current = f == 0 ? "usage: paretokit" : "       paretokit";
    const std::size_t indent = current.size() + 1 + (units.empty() ? 0 : units.front().size() + 1);
    for (std::size_t u = 0; u < units.size(); ++u) {
      if (u > 1 && current.size() + 1 + units[u].size() > 80) {
        out += current + "\n";
        current.assign(indent - 1, ' ');
      }
      current.append(" ").append(units[u]);
    }
    out += current + "\n";
  }
  return out;
}

// What the usage line puts after each option: "--seed S" -> {"seed", "S"}.
std::map<std::string, std::string> usage_placeholders(const std::string& usage) {
  std::map<std::string, std::string> names;
  std::istringstream words(usage);
  std::string word, previous;
  auto clean = [](std::string text) {
    while (!text.empty() && (text.back() == ']' || text.back() == ',')) text.pop_back();
    while (!text.empty() && text.front() == '[') text.erase(0, 1);
    return text;
  };
  while (words >> word) {
    const std::string option = clean(previous), value = clean(word);
    if (option.rfind("--", 0) == 0 && !value.empty() && value[0] != '-' && !names.count(option.substr(2))) {
      names[option.substr(2)] = value;
    }
    if (option.size() >= 2 && option[0] == '-' && option[1] != '-' && !value.empty() && value[0] != '-') {
      names[option.substr(1, 1)] = value;  // "-n N" and "-n|--points N"
    }
    previous = word;
  }
  return names;
}

// The description within 80 columns: lines that start at the margin are
// joined into paragraphs and wrapped; an indented line (a table row such as
// "  config.json   the settings") is wrapped under its second column.
std::string description_text(const std::string& description) {
  std::string out, paragraph;
  auto flush = [&] {
    if (!paragraph.empty()) out += wrapped(paragraph, 0, 0) + "\n";
    paragraph.clear();
  };
  std::istringstream lines(description);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.empty()) {
      flush();
      out += "\n";
    } else if (line[0] == ' ') {
      flush();
      const std::size_t lead = line.find_first_not_of(' ');
      const std::size_t gap = line.find("  ", lead);
      const std::size_t second = gap == std::string::npos ? lead : line.find_first_not_of(' ', gap);
      const std::size_t hang = second == std::string::npos || second > 40 ? lead + 2 : second;
      out += line.size() <= 80 ? line + "\n"
                               : line.substr(0, std::min(second, line.size())) +
                                     wrapped(line.substr(std::min(second, line.size())),
                                             std::min(second, line.size()), hang) +
                                     "\n";
    } else {
      paragraph.append(paragraph.empty() ? "" : " ").append(line);
    }
  }
  flush();
  return out;
}

}  // namespace

bool timing_requested() { return timing_was_requested; }

void CommandLine::print_help() const {
  po::options_description listed;
  listed.add(options);
  if (!options.find_nothrow("timing", false)) listed.add(timing_option());
  std::cout << usage_text(usage) << "\n"
            << description_text(description) << "\noptions:\n"
            << format_options(listed, usage);
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
  if (!options.find_nothrow("timing", false)) all.add(timing_option());
  try {
    po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
    if (vm.count("help")) {
      print_help();
      return false;
    }
    po::notify(vm);
    timing_was_requested = vm.count("timing") > 0;
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
