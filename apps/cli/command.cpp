#include "command.hpp"

#include <utility>

namespace paretokit::cli {

std::map<std::string, Command>& command_table() {
  static std::map<std::string, Command> table;
  return table;
}

RegisterCommand::RegisterCommand(std::string name, std::string summary, CommandFunction run) {
  auto key = name;
  command_table()[key] = Command{std::move(name), std::move(summary), std::move(run)};
}

}  // namespace paretokit::cli
