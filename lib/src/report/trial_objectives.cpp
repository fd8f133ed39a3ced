#include "trial_objectives.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <limits>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "paretokit/core/error.hpp"
#include "paretokit/core/evaluation.hpp"
#include "paretokit/io/json_matrix.hpp"

namespace paretokit::report::detail {

namespace {

// A forward scanner over one line of the shape TrialLog writes; every
// function returns false on anything unexpected (the caller then falls back
// to the full JSON parser, which either reads the line or explains it).
struct Scanner {
  const char* p;
  const char* end;

  void skip_space() {
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\r')) ++p;
  }
  bool take(char ch) {
    skip_space();
    if (p == end || *p != ch) return false;
    ++p;
    return true;
  }
  // A string without escapes (keys, statuses, "nan"); false on a backslash.
  bool plain_string(std::string_view& out) {
    if (!take('"')) return false;
    const char* start = p;
    while (p < end && *p != '"') {
      if (*p == '\\') return false;
      ++p;
    }
    if (p == end) return false;
    out = std::string_view(start, static_cast<std::size_t>(p - start));
    ++p;
    return true;
  }
  bool number(double& out) {
    skip_space();
    if (p < end && *p == '"') {  // non-finite values are written as strings
      std::string_view text;
      if (!plain_string(text)) return false;
      if (text == "nan")
        out = std::numeric_limits<double>::quiet_NaN();
      else if (text == "inf")
        out = std::numeric_limits<double>::infinity();
      else if (text == "-inf")
        out = -std::numeric_limits<double>::infinity();
      else
        return false;
      return true;
    }
    const auto [next, error] = std::from_chars(p, end, out);
    if (error != std::errc() || next == p) return false;
    p = next;
    return true;
  }
  bool numbers(std::vector<double>& into, Index& count) {
    if (!take('[')) return false;
    count = 0;
    skip_space();
    if (p < end && *p == ']') return ++p, true;
    do {
      double value;
      if (!number(value)) return false;
      into.push_back(value);
      ++count;
    } while (take(','));
    return take(']');
  }
  // Any value, not decoded: strings (escapes included), nesting, scalars.
  bool skip_value() {
    skip_space();
    int depth = 0;
    while (p < end) {
      const char ch = *p++;
      if (ch == '"') {
        while (p < end && *p != '"') p += (*p == '\\') ? 2 : 1;
        if (p >= end) return false;
        ++p;
      } else if (ch == '[' || ch == '{') {
        ++depth;
      } else if (ch == ']' || ch == '}') {
        if (--depth < 0) return --p, true;
      } else if (ch == ',' && depth == 0) {
        return --p, true;
      }
      if (depth == 0 && (ch == '"' || ch == ']' || ch == '}')) return true;
    }
    return depth == 0;
  }
};

struct Row {
  Index f = -1, g = -1;  // counts read; -1 when the key is absent
};

// An object's members, each value read by member(key) (which returns false
// on anything it does not understand).
template <class Member>
bool scan_object(Scanner& in, Member member) {
  if (!in.take('{')) return false;
  if (in.take('}')) return true;
  do {
    std::string_view key;
    if (!in.plain_string(key) || !in.take(':') || !member(key)) return false;
  } while (in.take(','));
  return in.take('}');
}

bool whole_line(Scanner& in) {
  in.skip_space();
  return in.p == in.end;
}

// The fast path; false when the line is not in the plain shape.
bool scan_line(std::string_view line, TrialObjectives& out, Row& row) {
  Scanner in{line.data(), line.data() + line.size()};
  return scan_object(in,
                     [&](std::string_view key) {
                       if (key == "f") return row.f < 0 && in.numbers(out.f, row.f);
                       if (key == "g") return row.g < 0 && in.numbers(out.g, row.g);
                       if (key == "status") {
                         std::string_view status;
                         return in.plain_string(status) && trial_status_from_string(status).has_value();
                       }
                       return in.skip_value();
                     }) &&
         whole_line(in);
}

// The slow path: what read_trials() accepts, with its messages.
void parse_line(std::string_view line, const Location& where, TrialObjectives& out, Row& row) {
  const nlohmann::json record = nlohmann::json::parse(line);  // parse_error: the caller decides
  if (!record.is_object()) throw InputError("a trial record must be a JSON object", where);
  auto fill = [&](const char* key, std::vector<double>& into, Index& count) {
    if (!record.contains(key)) return;
    const Vector values = vector_from_json(record.at(key), {where.file, where.line, key});
    into.insert(into.end(), values.data(), values.data() + values.size());
    count = values.size();
  };
  fill("f", out.f, row.f);
  fill("g", out.g, row.g);
  if (const auto it = record.find("status"); it != record.end()) {
    const auto parsed = it->is_string() ? trial_status_from_string(it->get<std::string>()) : std::nullopt;
    if (!parsed) throw InputError("unknown trial status " + it->dump(), {where.file, where.line, "status"});
  }
}

}  // namespace

namespace {

// Calls visit(line, where) for every complete, non-blank line. A line that is
// not JSON (nlohmann::json::parse_error from visit) ends the file quietly when
// it is the last one (what a crash leaves) and is an error anywhere else; so
// is a final line without its newline.
template <class Visit>
void for_each_line(const std::filesystem::path& path, Visit visit) {
  std::ifstream file(path, std::ios::binary);
  if (!file) throw InputError("cannot open the trial log", Location(path.string()));
  std::string line, next;
  std::size_t line_number = 0;
  bool have = static_cast<bool>(std::getline(file, line));
  while (have) {
    ++line_number;
    if (file.eof()) break;  // no newline: the writer died in this line
    have = static_cast<bool>(std::getline(file, next));
    if (line.find_first_not_of(" \t\r") != std::string::npos) {
      const Location where(path.string(), line_number);
      try {
        visit(std::string_view(line), where);
      } catch (const nlohmann::json::parse_error&) {
        if (have) throw InputError("line is not valid JSON", where);
        break;
      }
    }
    line.swap(next);
  }
}

}  // namespace

TrialObjectives read_trial_objectives(const std::filesystem::path& path) {
  TrialObjectives out;
  for_each_line(path, [&](std::string_view line, const Location& where) {
    const std::size_t f_before = out.f.size(), g_before = out.g.size();
    Row row;
    if (!scan_line(line, out, row)) {
      out.f.resize(f_before), out.g.resize(g_before);
      row = Row{};
      parse_line(line, where, out, row);
    }
    if (out.rows == 0)
      out.objectives = std::max<Index>(row.f, 0), out.constraints = std::max<Index>(row.g, 0);
    if (row.f < 0 && out.objectives > 0)
      throw InputError("missing objectives", {where.file, where.line, "f"});
    if (std::max<Index>(row.f, 0) != out.objectives)
      throw InputError("wrong number of values", {where.file, where.line, "f"});
    if (std::max<Index>(row.g, 0) != out.constraints)
      throw InputError("wrong number of values", {where.file, where.line, "g"});
    ++out.rows;
  });
  return out;
}

namespace {

// carps' line: {"trial_value": {"cost": [...], "status": 1, ...}, ...}.
// Fast path; false when the line is not in the plain shape. cost < 0 when
// absent; status 0 when absent (as the slow path's value("status", 0)).
bool scan_carps_line(std::string_view line, std::vector<double>& into, Index& cost, double& status) {
  Scanner in{line.data(), line.data() + line.size()};
  bool seen_value = false;
  return scan_object(in,
                     [&](std::string_view key) {
                       if (key != "trial_value") return in.skip_value();
                       if (seen_value) return false;
                       seen_value = true;
                       return scan_object(in, [&](std::string_view inner) {
                         if (inner == "cost") {
                           in.skip_space();
                           return cost < 0 && in.p < in.end && *in.p == '[' && in.numbers(into, cost);
                         }
                         if (inner == "status") return in.number(status) && std::isfinite(status);
                         return in.skip_value();
                       });
                     }) &&
         whole_line(in);
}

}  // namespace

CarpsCosts read_carps_costs(const std::filesystem::path& path) {
  CarpsCosts out;
  std::size_t line_index = 0;  // 0-based, as the bench's own reader counts
  for_each_line(path, [&](std::string_view line, const Location& where) {
    const std::size_t before = out.f.size();
    Index count = -1;
    double status = 0;
    const Location cost_at(path.string(), line_index + 1, "trial_value.cost");
    ++line_index;
    if (!scan_carps_line(line, out.f, count, status)) {
      out.f.resize(before);
      count = -1, status = 0;
      const nlohmann::json record = nlohmann::json::parse(line);
      try {
        const auto& value = record.value("trial_value", nlohmann::json::object());
        status = value.value("status", 0) == 1 ? 1 : 0;
        if (value.contains("cost") && value.at("cost").is_array()) {
          const Vector cost = vector_from_json(value.at("cost"), cost_at);
          out.f.insert(out.f.end(), cost.data(), cost.data() + cost.size());
          count = cost.size();
        }
      } catch (const nlohmann::json::type_error& error) {
        throw InputError(std::string("malformed trial record: ") + error.what(), where);
      }
    }
    if (status != 1 || count < 0) {
      out.f.resize(before);
      ++out.failed;
      return;
    }
    if (out.rows == 0) out.objectives = count;
    if (count != out.objectives) throw InputError("cost has a different length", cost_at);
    if (!std::all_of(out.f.begin() + static_cast<std::ptrdiff_t>(before), out.f.end(),
                     [](double v) { return std::isfinite(v); })) {
      out.f.resize(before);
      ++out.failed;
      return;
    }
    ++out.rows;
  });
  return out;
}

}  // namespace paretokit::report::detail
