// Matrices and vectors in JSON, exactly.
//
// A matrix is an array of rows, a vector an array of numbers. Doubles are
// written with round-trip precision (nlohmann::json prints the shortest
// decimal that reads back to the same bits), so a checkpoint restores a
// population bit for bit. JSON has no infinity or NaN: those are written as
// the strings "inf", "-inf" and "nan" and read back as such.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "paretokit/core/error.hpp"
#include "paretokit/core/matrix.hpp"

namespace paretokit {

nlohmann::json to_json_number(double value);
nlohmann::json matrix_to_json(const MatrixRef& matrix);
nlohmann::json vector_to_json(const VectorRef& vector);

// Inverse of the above. `where` names the source in errors (an InputError
// for a non-number, ragged rows, or a wrong shape). `columns` >= 0 demands
// that many columns; an empty array is a 0 x max(columns, 0) matrix.
double number_from_json(const nlohmann::json& value, const Location& where = {});
Matrix matrix_from_json(const nlohmann::json& value, Index columns = -1, const Location& where = {});
Vector vector_from_json(const nlohmann::json& value, const Location& where = {});

// Appends `value` with round-trip precision (std::to_chars) to `out`; the
// JSON form ("inf" and friends quoted) when `json` is true.
void append_number(std::string& out, double value, bool json = true);
// Appends a row as a JSON array: [v0,v1,...].
void append_json_row(std::string& out, const Eigen::Ref<const RowVector>& row);

}  // namespace paretokit
