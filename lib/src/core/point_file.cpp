#include "paretokit/core/point_file.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>

#include "paretokit/core/error.hpp"
#include "paretokit/core/quote.hpp"

namespace paretokit {

namespace {

std::string read_all(const std::string& path) {
  if (path == "-") {
    return std::string(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  }
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!file) throw InputError("cannot open file", {path});
  std::string text;
  char buffer[1 << 16];
  std::size_t got = 0;
  while ((got = std::fread(buffer, 1, sizeof buffer, file.get())) > 0) text.append(buffer, got);
  if (std::ferror(file.get())) throw InputError("cannot read file", {path});
  return text;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'; }

// Accumulates the points of one set in a flat buffer before it becomes a Matrix.
struct SetBuilder {
  std::vector<double> values;
  std::vector<std::size_t> lines;

  void flush_into(std::vector<PointSet>& sets, Index dimension) {
    if (lines.empty()) return;
    PointSet set;
    set.points = Eigen::Map<const Matrix>(values.data(), static_cast<Index>(lines.size()), dimension);
    set.lines = std::move(lines);
    sets.push_back(std::move(set));
    values.clear();
    lines.clear();
  }
};

}  // namespace

std::vector<PointSet> parse_point_sets(std::string_view text, const std::string& source) {
  std::vector<PointSet> sets;
  SetBuilder current;
  Index dimension = -1;
  std::size_t line_number = 0;
  std::size_t position = 0;
  bool any_content = false;

  while (position < text.size()) {
    std::size_t end = text.find('\n', position);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(position, end - position);
    position = end + 1;
    ++line_number;

    if (const auto hash = line.find('#'); hash != std::string_view::npos) {
      // A comment-only line neither holds a point nor separates sets.
      const bool comment_only = line.find_first_not_of(" \t\r") == hash;
      line = line.substr(0, hash);
      if (comment_only) continue;
    }

    const char* cursor = line.data();
    const char* const stop = line.data() + line.size();
    Index count = 0;
    while (true) {
      while (cursor < stop && is_space(*cursor)) ++cursor;
      if (cursor == stop) break;
      const char* token_end = cursor;
      while (token_end < stop && !is_space(*token_end)) ++token_end;
      const char* number_start = (*cursor == '+' && token_end - cursor > 1) ? cursor + 1 : cursor;
      double value = 0;
      const auto [parsed_end, error] = std::from_chars(number_start, token_end, value);
      if (error != std::errc() || parsed_end != token_end || !std::isfinite(value)) {
        const std::string token = quote_for_message(std::string_view(cursor, token_end - cursor));
        if (error == std::errc::result_out_of_range) {
          throw InputError(token + " is out of the range of a double", {source, line_number});
        }
        if (error == std::errc() && parsed_end == token_end) {
          throw InputError(token + " is not a finite number", {source, line_number});
        }
        throw InputError(token + " is not a number", {source, line_number});
      }
      current.values.push_back(value);
      ++count;
      cursor = token_end;
    }

    if (count == 0) {  // a blank line ends the current set
      current.flush_into(sets, dimension);
      continue;
    }
    any_content = true;
    if (dimension < 0) dimension = count;
    if (count != dimension) {
      throw InputError("expected " + std::to_string(dimension) + " numbers (as on the first point), found " +
                           std::to_string(count),
                       {source, line_number});
    }
    current.lines.push_back(line_number);
  }
  current.flush_into(sets, dimension);

  if (text.empty()) throw InputError("the file is empty", {source});
  if (!any_content) throw InputError("the file holds no points", {source});
  return sets;
}

std::vector<PointSet> read_point_sets(const std::string& path) {
  return parse_point_sets(read_all(path), path == "-" ? "<stdin>" : path);
}

Matrix read_points(const std::string& path) {
  const auto sets = read_point_sets(path);
  Index rows = 0;
  for (const auto& set : sets) rows += set.points.rows();
  Matrix all(rows, sets.front().points.cols());
  Index row = 0;
  for (const auto& set : sets) {
    all.middleRows(row, set.points.rows()) = set.points;
    row += set.points.rows();
  }
  return all;
}

void write_points(std::ostream& out, const MatrixRef& points) {
  char buffer[32];
  std::string line;
  for (Index i = 0; i < points.rows(); ++i) {
    line.clear();
    for (Index j = 0; j < points.cols(); ++j) {
      const auto result = std::to_chars(buffer, buffer + sizeof buffer, points(i, j));
      if (j > 0) line += ' ';
      line.append(buffer, result.ptr);
    }
    line += '\n';
    out << line;
  }
}

}  // namespace paretokit
