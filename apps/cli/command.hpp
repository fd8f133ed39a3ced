// Subcommands of the `paretokit` executable.
//
// Each subcommand lives in its own file and registers itself with a
// file-scope `const RegisterCommand`, e.g.
//
//   int run_hv(const Arguments& args);
//   const RegisterCommand hv_command{"hv", "hypervolume of point sets", run_hv};
//
// A command returns the exit code (0 on success). It reports bad input by
// throwing paretokit::InputError or UsageError (exit 2); any other exception
// is exit 1. main() prints the message as "paretokit: error: <message>".
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace paretokit::cli {

// The arguments after the subcommand name.
using Arguments = std::vector<std::string>;
using CommandFunction = std::function<int(const Arguments&)>;

struct Command {
  std::string name;
  std::string summary;
  CommandFunction run;
};

std::map<std::string, Command>& command_table();

struct RegisterCommand {
  RegisterCommand(std::string name, std::string summary, CommandFunction run);
};

}  // namespace paretokit::cli
