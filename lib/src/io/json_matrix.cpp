#include "paretokit/io/json_matrix.hpp"

#include <charconv>
#include <cmath>
#include <limits>

namespace paretokit {

nlohmann::json to_json_number(double value) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  return value;
}

nlohmann::json matrix_to_json(const MatrixRef& matrix) {
  nlohmann::json rows = nlohmann::json::array();
  for (Index i = 0; i < matrix.rows(); ++i) {
    nlohmann::json row = nlohmann::json::array();
    for (Index j = 0; j < matrix.cols(); ++j) row.push_back(to_json_number(matrix(i, j)));
    rows.push_back(std::move(row));
  }
  return rows;
}

nlohmann::json vector_to_json(const VectorRef& vector) {
  nlohmann::json values = nlohmann::json::array();
  for (Index i = 0; i < vector.size(); ++i) values.push_back(to_json_number(vector(i)));
  return values;
}

double number_from_json(const nlohmann::json& value, const Location& where) {
  if (value.is_number()) return value.get<double>();
  if (value.is_string()) {
    const auto& text = value.get_ref<const std::string&>();
    if (text == "inf") return std::numeric_limits<double>::infinity();
    if (text == "-inf") return -std::numeric_limits<double>::infinity();
    if (text == "nan") return std::numeric_limits<double>::quiet_NaN();
  }
  throw InputError("expected a number, found " + value.dump(), where);
}

Matrix matrix_from_json(const nlohmann::json& value, Index columns, const Location& where) {
  if (!value.is_array()) throw InputError("expected an array of rows", where);
  const auto rows = static_cast<Index>(value.size());
  if (rows == 0) return Matrix(0, std::max<Index>(columns, 0));
  if (!value[0].is_array()) throw InputError("expected an array of rows", where);
  const auto width = static_cast<Index>(value[0].size());
  if (columns >= 0 && width != columns) {
    throw InputError("expected rows of " + std::to_string(columns) + " numbers, found " + std::to_string(width),
                     where);
  }
  Matrix matrix(rows, width);
  for (Index i = 0; i < rows; ++i) {
    const auto& row = value[static_cast<std::size_t>(i)];
    if (!row.is_array() || static_cast<Index>(row.size()) != width) {
      throw InputError("row " + std::to_string(i) + " does not have " + std::to_string(width) + " numbers", where);
    }
    for (Index j = 0; j < width; ++j) matrix(i, j) = number_from_json(row[static_cast<std::size_t>(j)], where);
  }
  return matrix;
}

Vector vector_from_json(const nlohmann::json& value, const Location& where) {
  if (!value.is_array()) throw InputError("expected an array of numbers", where);
  Vector vector(static_cast<Index>(value.size()));
  for (Index i = 0; i < vector.size(); ++i) vector(i) = number_from_json(value[static_cast<std::size_t>(i)], where);
  return vector;
}

void append_number(std::string& out, double value, bool json) {
  if (!std::isfinite(value)) {
    const char* text = std::isnan(value) ? "nan" : (value > 0 ? "inf" : "-inf");
    if (json) out += '"';
    out += text;
    if (json) out += '"';
    return;
  }
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  out.append(buffer, result.ptr);
}

void append_json_row(std::string& out, const Eigen::Ref<const RowVector>& row) {
  out += '[';
  for (Index j = 0; j < row.size(); ++j) {
    if (j > 0) out += ',';
    append_number(out, row(j));
  }
  out += ']';
}

}  // namespace paretokit
