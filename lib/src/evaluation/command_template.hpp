// The command line of an external-process trial: a shell command with
// {placeholders}, substituted per trial.
//
//   {config_file}  the trial's config.json (absolute path)
//   {trial_dir}    the trial's folder, where result.json may go
//   {trial}        the trial number
//   {NAME}         variable NAME's value (a categorical's choice; empty when
//                  a condition leaves it inactive)
// Values are shell-quoted when they hold anything but [A-Za-z0-9_.,:/+=@%-].
// "${...}" is the shell's, not a placeholder; "{{" and "}}" are literal
// braces (awk '{{print}}'); other braces stay as they are.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "paretokit/core/search_space.hpp"

namespace paretokit::detail {

class CommandTemplate {
 public:
  // Throws UsageError (field --command) for a placeholder that names no
  // variable and is none of the built-in ones, and for an empty command.
  CommandTemplate(std::string command, const SearchSpace& space);

  // The command for one trial; `config` is SearchSpace::row_to_json's object.
  std::string expand(const nlohmann::json& config, std::int64_t trial, const std::string& trial_dir,
                     const std::string& config_file) const;

  // The program the command starts, when it can be told without running a
  // shell (a plain first word); empty otherwise.
  std::string program() const;

  const std::string& text() const { return command_; }

 private:
  struct Piece {
    std::string text;
    bool placeholder = false;
  };
  std::string command_;
  std::vector<Piece> pieces_;
};

// A value as placeholder and environment text: strings as they are, numbers
// as JSON writes them (integers without a point), booleans as true/false.
std::string value_text(const nlohmann::json& value);
std::string shell_quote(const std::string& text);

// Throws UsageError (field --command) when `program` is neither an
// executable path nor found on PATH. Empty: nothing to check.
void check_program_exists(const std::string& program);

// PARETOKIT_PARAM_<NAME> for a variable NAME: upper case, other characters '_'.
std::string environment_name(const std::string& variable);

}  // namespace paretokit::detail
