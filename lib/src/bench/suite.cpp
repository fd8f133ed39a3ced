#include "paretokit/bench/suite.hpp"

#include <algorithm>
#include <set>
#include <string>

#include "paretokit/core/error.hpp"
#include "paretokit/io/atomic_file.hpp"
#include "paretokit/core/problem_registry.hpp"

namespace paretokit::bench {

namespace {

constexpr Index max_trials = 1'000'000'000;

class Checker {
 public:
  explicit Checker(std::string source) : source_(std::move(source)) {}

  [[noreturn]] void fail(const std::string& field, const std::string& reason) const {
    throw InputError(reason, Location(source_, 0, field));
  }

  void only_fields(const nlohmann::json& object, const std::string& field,
                   std::initializer_list<const char*> allowed) const {
    if (!object.is_object())
      fail(field.empty() ? "(top level)" : field, "expected a JSON object, got " + object.dump());
    for (const auto& [key, value] : object.items()) {
      if (std::none_of(allowed.begin(), allowed.end(), [&](const char* name) { return key == name; })) {
        std::string valid;
        for (const char* name : allowed) valid += (valid.empty() ? "" : ", ") + std::string(name);
        fail(join(field, key), "unknown field (valid: " + valid + ")");
      }
    }
  }

  std::string string_field(const nlohmann::json& object, const std::string& parent, const char* key,
                           bool required) const {
    const std::string field = join(parent, key);
    if (!object.contains(key)) {
      if (required) fail(field, "missing");
      return {};
    }
    const auto& value = object.at(key);
    if (!value.is_string() || value.get<std::string>().empty())
      fail(field, "expected a non-empty string, got " + value.dump());
    return value.get<std::string>();
  }

  Index integer_field(const nlohmann::json& object, const std::string& parent, const char* key, Index low,
                      Index high) const {
    const std::string field = join(parent, key);
    if (!object.contains(key)) fail(field, "missing");
    const auto& value = object.at(key);
    const bool integral =
        value.is_number_integer() ||
        (value.is_number_float() &&
         value.get<double>() == static_cast<double>(static_cast<long long>(value.get<double>())));
    if (!integral) fail(field, "expected an integer, got " + value.dump());
    const double number = value.get<double>();
    if (number < static_cast<double>(low) || number > static_cast<double>(high)) {
      fail(field,
           "must lie in [" + std::to_string(low) + ", " + std::to_string(high) + "], got " + value.dump());
    }
    return static_cast<Index>(number);
  }

  static std::string join(const std::string& parent, const std::string& key) {
    return parent.empty() ? key : parent + "." + key;
  }

 private:
  std::string source_;
};

// A task id becomes folders of the bench layout: it must stay inside them.
bool safe_relative_path(const std::string& id) {
  if (id.empty() || id.front() == '/' || id.back() == '/') return false;
  for (const char ch : id) {
    const bool ok = std::isalnum(static_cast<unsigned char>(ch)) || ch == '_' || ch == '-' || ch == '.' ||
                    ch == '/' || ch == '^' || ch == '+';
    if (!ok) return false;
  }
  std::size_t start = 0;
  while (start <= id.size()) {
    std::size_t end = id.find('/', start);
    if (end == std::string::npos) end = id.size();
    const std::string part = id.substr(start, end - start);
    if (part.empty() || part == "." || part == "..") return false;
    start = end + 1;
  }
  return true;
}

std::vector<std::string> id_list(const Checker& check, const nlohmann::json& value, const std::string& field,
                                 const std::set<std::string>& known) {
  if (!value.is_array()) check.fail(field, "expected an array of task ids");
  std::vector<std::string> ids;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const std::string here = field + "[" + std::to_string(i) + "]";
    if (!value[i].is_string()) check.fail(here, "expected a task id string, got " + value[i].dump());
    const auto id = value[i].get<std::string>();
    if (!known.count(id)) check.fail(here, "unknown task id '" + id + "'");
    if (!seen.insert(id).second) check.fail(here, "task id '" + id + "' listed twice");
    ids.push_back(id);
  }
  return ids;
}

}  // namespace

ProblemFactory default_problem_factory() {
  return [](const std::string& name, const nlohmann::json& params) {
    return make_registered_problem(name, params);
  };
}

namespace {

// Every error of a suite, not only the first: each part (a top-level field,
// a task, the split) is checked on its own and its first error collected.
class Errors {
 public:
  explicit Errors(std::string source) : source_(std::move(source)) {}
  template <class Check>
  void check(Check&& part) {
    try {
      part();
    } catch (const InputError& error) {
      errors_.push_back(error);
    }
  }
  // One error: as it was thrown. Several: one message listing each on its line.
  void throw_if_any() const {
    if (errors_.empty()) return;
    if (errors_.size() == 1) throw errors_.front();
    std::string reason = std::to_string(errors_.size()) + " errors:";
    for (const auto& error : errors_) reason += "\n  " + error.where().field + ": " + error.reason();
    throw InputError(reason, Location(source_));
  }

 private:
  std::string source_;
  std::vector<InputError> errors_;
};

}  // namespace

Suite parse_suite(const nlohmann::json& document, const std::string& source, const ProblemFactory& factory) {
  const Checker check(source);
  check.only_fields(document, "", {"name", "description", "benchmark_id", "tasks", "split"});
  Errors errors(source);
  Suite suite;
  errors.check([&] { suite.name = check.string_field(document, "", "name", true); });
  errors.check([&] { suite.description = check.string_field(document, "", "description", false); });
  errors.check([&] {
    suite.benchmark_id = check.string_field(document, "", "benchmark_id", true);
    if (!safe_relative_path(suite.benchmark_id) || suite.benchmark_id.find('/') != std::string::npos) {
      check.fail("benchmark_id", "must be one folder name of letters, digits, '_', '-', '.'");
    }
  });
  if (!document.contains("tasks")) errors.check([&] { check.fail("tasks", "missing"); });
  const auto& tasks = document.contains("tasks") ? document.at("tasks") : nlohmann::json::array();
  if (document.contains("tasks") && (!tasks.is_array() || tasks.empty())) {
    errors.check([&] { check.fail("tasks", "expected a non-empty array of tasks"); });
  }

  std::set<std::string> ids;
  for (std::size_t i = 0; tasks.is_array() && i < tasks.size(); ++i)
    errors.check([&] {
      const std::string at = "tasks[" + std::to_string(i) + "]";
      const auto& entry = tasks[i];
      check.only_fields(entry, at, {"task_id", "problem", "params", "n_var", "n_obj", "n_trials"});
      Task task;
      task.task_id = check.string_field(entry, at, "task_id", true);
      if (!safe_relative_path(task.task_id)) {
        check.fail(at + ".task_id",
                   "'" + task.task_id +
                       "' is not a relative path of letters, digits and '_', '-', '.', '^', '+' "
                       "(it names folders of the bench layout)");
      }
      if (!ids.insert(task.task_id).second)
        check.fail(at + ".task_id", "task id '" + task.task_id + "' appears twice");
      task.problem = check.string_field(entry, at, "problem", true);
      if (entry.contains("params")) {
        task.params = entry.at("params");
        if (!task.params.is_object())
          check.fail(at + ".params", "expected a JSON object, got " + task.params.dump());
      }
      task.n_trials = check.integer_field(entry, at, "n_trials", 1, max_trials);

      std::unique_ptr<Problem> problem;
      try {
        problem = factory(task.problem, task.params);
      } catch (const Error& error) {
        const std::string field = error.where().field;
        const bool about_params = !field.empty() && field != "problem";
        check.fail(at + (about_params ? ".params." + field : ".problem"), error.reason());
      }
      if (!problem) check.fail(at + ".problem", "the factory built no problem for '" + task.problem + "'");
      task.n_var = problem->n_var();
      task.n_obj = problem->n_obj();
      if (task.n_obj < 2)
        check.fail(at + ".problem", "'" + task.problem + "' has one objective; bench tasks need two or more");
      for (const char* key : {"n_var", "n_obj"}) {
        if (!entry.contains(key)) continue;
        const Index stated = check.integer_field(entry, at, key, 1, 1'000'000);
        const Index actual = std::string(key) == "n_var" ? task.n_var : task.n_obj;
        if (stated != actual) {
          check.fail(at + "." + key, "the suite says " + std::to_string(stated) + " but problem '" +
                                         task.problem + "' with these params has " + std::to_string(actual));
        }
      }
      suite.tasks.push_back(std::move(task));
    });

  if (document.contains("split"))
    errors.check([&] {
      const auto& split = document.at("split");
      check.only_fields(split, "split", {"dev", "test"});
      if (split.contains("dev")) suite.dev = id_list(check, split.at("dev"), "split.dev", ids);
      if (split.contains("test")) suite.test = id_list(check, split.at("test"), "split.test", ids);
      for (const auto& id : suite.test) {
        if (std::find(suite.dev.begin(), suite.dev.end(), id) != suite.dev.end()) {
          check.fail("split.test", "task id '" + id + "' is in both dev and test");
        }
      }
    });
  errors.throw_if_any();
  return suite;
}

Suite read_suite(const std::filesystem::path& path, const ProblemFactory& factory) {
  return parse_suite(read_json_file(path), path.string(), factory);
}

nlohmann::json suite_to_json(const Suite& suite) {
  nlohmann::json tasks = nlohmann::json::array();
  for (const auto& task : suite.tasks) {
    tasks.push_back({{"task_id", task.task_id},
                     {"problem", task.problem},
                     {"params", task.params},
                     {"n_var", task.n_var},
                     {"n_obj", task.n_obj},
                     {"n_trials", task.n_trials}});
  }
  nlohmann::json document = {{"name", suite.name}};
  if (!suite.description.empty()) document["description"] = suite.description;
  document["benchmark_id"] = suite.benchmark_id;
  document["tasks"] = std::move(tasks);
  if (!suite.dev.empty() || !suite.test.empty())
    document["split"] = {{"dev", suite.dev}, {"test", suite.test}};
  return document;
}

const Task* find_task(const Suite& suite, const std::string& task_id) {
  for (const auto& task : suite.tasks) {
    if (task.task_id == task_id) return &task;
  }
  return nullptr;
}

}  // namespace paretokit::bench
