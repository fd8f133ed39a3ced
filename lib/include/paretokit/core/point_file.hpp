// Point files (DESIGN.md section 5): plain text, one point per line, numbers
// separated by spaces or tabs; `#` starts a comment; one or more blank lines
// separate point sets, as moocore's tools read them.
//
// Every rejection names the file and line: ragged rows, tokens that are not
// numbers, NaN or infinity, an empty file, a file with no points.
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "paretokit/core/matrix.hpp"

namespace paretokit {

struct PointSet {
  Matrix points;               // one row per point
  std::vector<std::size_t> lines;  // the 1-based line of each point in the file
};

// Every point set of a file, in order. "-" reads standard input.
std::vector<PointSet> read_point_sets(const std::string& path);
// Every point of a file as one matrix (sets are concatenated).
Matrix read_points(const std::string& path);

// The same from text in memory; `source` names it in error messages.
std::vector<PointSet> parse_point_sets(std::string_view text, const std::string& source);

// Writes one point per line with full (round-trip) precision.
void write_points(std::ostream& out, const MatrixRef& points);

}  // namespace paretokit
