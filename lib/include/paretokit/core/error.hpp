// Errors carry what went wrong and where (file, line, field).
//
// The command line maps InputError and UsageError to exit code 2 and prints
// "paretokit: error: <where>: <reason>"; any other Error is exit code 1.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <utility>

namespace paretokit {

// Where an error was found; every part is optional.
struct Location {
  Location() = default;
  Location(std::string file_, std::size_t line_ = 0, std::string field_ = {})
      : file(std::move(file_)), line(line_), field(std::move(field_)) {}
  // Only a field or option, e.g. Location::of_field("--reference").
  static Location of_field(std::string field_) { return Location({}, 0, std::move(field_)); }

  std::string file;       // a path, or "<stdin>", or empty
  std::size_t line = 0;   // 1-based; 0 when not about a line
  std::string field;      // a JSON field, an option or a column; empty if none

  std::string to_string() const;  // "file:line: field", parts omitted when empty
};

class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& reason, Location where = {});

  const std::string& reason() const noexcept { return reason_; }
  const Location& where() const noexcept { return where_; }

 private:
  std::string reason_;
  Location where_;
};

// Bad data: a malformed file, a value out of range, an unknown name.
class InputError : public Error {
  using Error::Error;
};

// Bad command line: an unknown option, a missing argument, conflicting flags.
class UsageError : public Error {
  using Error::Error;
};

}  // namespace paretokit
