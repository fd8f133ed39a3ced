// paretokit: the command line. Dispatches to the registered subcommands and
// turns errors into one line on stderr and the exit codes of DESIGN.md:
// 0 success, 2 usage or input error, 1 any other failure.
#include <chrono>
#include <iostream>

#include "options.hpp"

#include "command.hpp"
#include "paretokit/core/error.hpp"

namespace {

void print_overview() {
  std::cout << "usage: paretokit <command> [options]\n       paretokit --version\n\ncommands:\n";
  for (const auto& [name, command] : paretokit::cli::command_table()) {
    std::cout << "  " << name << std::string(name.size() < 14 ? 14 - name.size() : 1, ' ') << command.summary
              << "\n";
  }
  std::cout << "\n'paretokit <command> --help' describes a command.\n";
}

int fail(int code, const std::string& message) {
  std::cerr << "paretokit: error: " << message << '\n';
  return code;
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  if (argc < 2) {
    print_overview();
    return 2;
  }
  const std::string name = argv[1];
  if (name == "--help" || name == "-h" || name == "help") {
    print_overview();
    return 0;
  }
  if (name == "--version" || name == "-V" || name == "version") {
    std::cout << "paretokit " << PARETOKIT_VERSION << '\n';
    return 0;
  }
  const auto& table = paretokit::cli::command_table();
  const auto found = table.find(name);
  if (found == table.end()) return fail(2, "unknown command '" + name + "' (see 'paretokit --help')");

  try {
    const auto start = std::chrono::steady_clock::now();
    const int code = found->second.run(paretokit::cli::Arguments(argv + 2, argv + argc));
    if (paretokit::cli::timing_requested()) {
      std::cerr << "paretokit " << name << ": "
                << std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() << " s\n";
    }
    return code;
  } catch (const paretokit::InputError& error) {
    return fail(2, error.what());
  } catch (const paretokit::UsageError& error) {
    return fail(2, error.what());
  } catch (const std::exception& error) {
    return fail(1, error.what());
  }
}
