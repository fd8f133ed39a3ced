#include "command_template.hpp"

#include <unistd.h>

#include <cctype>
#include <cstdlib>
#include <set>
#include <sstream>

#include "paretokit/core/error.hpp"

namespace paretokit::detail {

namespace {

const std::set<std::string> kBuiltins = {"config_file", "trial_dir", "trial"};

bool identifier_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '-' || c == '.';
}

}  // namespace

CommandTemplate::CommandTemplate(std::string command, const SearchSpace& space)
    : command_(std::move(command)) {
  if (command_.find_first_not_of(" \t\n") == std::string::npos) {
    throw UsageError("the command is empty", Location::of_field("--command"));
  }
  std::set<std::string> names(kBuiltins);
  for (const auto& v : space.variables()) names.insert(v.name);
  std::string literal;
  for (std::size_t i = 0; i < command_.size(); ++i) {
    const char c = command_[i];
    if ((c == '{' || c == '}') && i + 1 < command_.size() && command_[i + 1] == c) {
      literal += c;  // "{{" and "}}": a literal brace
      ++i;
      continue;
    }
    if (c == '{' && (i == 0 || command_[i - 1] != '$')) {
      std::size_t j = i + 1;
      while (j < command_.size() && identifier_char(command_[j])) ++j;
      if (j < command_.size() && command_[j] == '}' && j > i + 1) {
        const std::string name = command_.substr(i + 1, j - i - 1);
        if (names.count(name) == 0) {
          std::string known;
          for (const auto& v : space.variables()) known += (known.empty() ? "" : ", ") + v.name;
          throw UsageError("placeholder {" + name + "} names no variable of the space (variables: " + known +
                               "; also {config_file}, {trial_dir}, {trial})",
                           Location::of_field("--command"));
        }
        if (!literal.empty()) pieces_.push_back({std::move(literal), false});
        literal.clear();
        pieces_.push_back({name, true});
        i = j;
        continue;
      }
    }
    literal += c;
  }
  if (!literal.empty()) pieces_.push_back({std::move(literal), false});
}

std::string value_text(const nlohmann::json& value) {
  if (value.is_string()) return value.get<std::string>();
  return value.dump();
}

std::string shell_quote(const std::string& text) {
  bool plain = !text.empty();
  for (const char c : text) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) != 0 ||
          std::string_view("_.,:/+=@%-").find(c) != std::string_view::npos)) {
      plain = false;
    }
  }
  if (plain) return text;
  std::string quoted = "'";
  for (const char c : text) {
    if (c == '\'') {
      quoted += "'\\''";
    } else {
      quoted += c;
    }
  }
  return quoted + "'";
}

std::string CommandTemplate::expand(const nlohmann::json& config, std::int64_t trial,
                                    const std::string& trial_dir, const std::string& config_file) const {
  std::string out;
  for (const auto& piece : pieces_) {
    if (!piece.placeholder) {
      out += piece.text;
    } else if (piece.text == "config_file") {
      out += shell_quote(config_file);
    } else if (piece.text == "trial_dir") {
      out += shell_quote(trial_dir);
    } else if (piece.text == "trial") {
      out += std::to_string(trial);
    } else if (const auto it = config.find(piece.text); it != config.end()) {
      out += shell_quote(value_text(*it));
    } else {
      out += "''";  // an inactive variable
    }
  }
  return out;
}

std::string CommandTemplate::program() const {
  if (pieces_.empty() || pieces_.front().placeholder) return {};
  const std::string& head = pieces_.front().text;
  const auto begin = head.find_first_not_of(" \t");
  if (begin == std::string::npos) return {};
  auto end = head.find_first_of(" \t\n;&|<>()", begin);
  if (end == std::string::npos) {
    if (pieces_.size() > 1) return {};  // the word runs into a placeholder
    end = head.size();
  }
  const std::string word = head.substr(begin, end - begin);
  // Shell syntax (quotes, variables, assignments, keywords, builtins): the
  // shell tells; exit code 127 then marks each trial crashed.
  if (word.find_first_of("'\"$`=\\*?[~") != std::string::npos) return {};
  static const std::set<std::string> shell_words = {
      "if",    "for",  "while", "until", "case",   "exec", "cd",   "export",  "set",  "eval", ".", "true",
      "false", "test", "[",     "echo",  "printf", "read", "exit", "command", "time", "!",    "{"};
  if (shell_words.count(word)) return {};
  return word;
}

void check_program_exists(const std::string& program) {
  if (program.empty()) return;
  if (program.find('/') != std::string::npos) {
    if (::access(program.c_str(), X_OK) != 0) {
      throw UsageError("command '" + program + "' is not an executable file",
                       Location::of_field("--command"));
    }
    return;
  }
  const char* path = std::getenv("PATH");
  std::stringstream dirs(path != nullptr ? path : "/usr/bin:/bin");
  std::string dir;
  while (std::getline(dirs, dir, ':')) {
    const std::string candidate = (dir.empty() ? std::string(".") : dir) + "/" + program;
    if (::access(candidate.c_str(), X_OK) == 0) return;
  }
  throw UsageError("command '" + program + "' not found on PATH", Location::of_field("--command"));
}

std::string environment_name(const std::string& variable) {
  std::string name = "PARETOKIT_PARAM_";
  for (const char c : variable) {
    name += std::isalnum(static_cast<unsigned char>(c)) != 0
                ? static_cast<char>(std::toupper(static_cast<unsigned char>(c)))
                : '_';
  }
  return name;
}

}  // namespace paretokit::detail
