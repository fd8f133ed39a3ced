// The learned set file; see learning/learned_set.hpp.
#include "paretokit/learning/learned_set.hpp"

#include "paretokit/core/error.hpp"
#include "paretokit/learning/pareto_set_learning.hpp"

namespace paretokit {

Matrix LearnedSet::solutions(const MatrixRef& preferences) const {
  if (preferences.cols() != model.n_obj())
    throw InputError("a preference needs " + std::to_string(model.n_obj()) + " numbers (one per objective)",
                     Location::of_field("preferences"));
  Matrix P = preferences;
  for (Index i = 0; i < P.rows(); ++i) {
    if (!P.row(i).allFinite() || (P.row(i).array() < 0).any() || P.row(i).sum() <= 0)
      throw InputError("preference " + std::to_string(i + 1) + " must be numbers >= 0, not all 0",
                       Location::of_field("preferences"));
    P.row(i) /= P.row(i).sum();
  }
  // +1e-4 as in training (learning/pareto_set_learning.cpp).
  return space.decode(model.predict((P.array() + 1e-4).matrix()));
}

nlohmann::json LearnedSet::to_json() const {
  return {{"format", "paretokit-set-model"},
          {"version", 1},
          {"algorithm", algorithm},
          {"search_space", space.to_json()},
          {"set_model", model.to_json()}};
}

LearnedSet LearnedSet::from_json(const nlohmann::json& json, const std::string& file) {
  if (!json.is_object() || json.value("format", "") != "paretokit-set-model")
    throw InputError("not a set model file (expected \"format\": \"paretokit-set-model\")",
                     {file, 0, "format"});
  LearnedSet set;
  try {
    set.algorithm = json.value("algorithm", "");
    if (!json.contains("search_space")) throw InputError("missing", Location::of_field("search_space"));
    set.space = SearchSpace::from_json(json.at("search_space"));
    if (!json.contains("set_model")) throw InputError("missing", Location::of_field("set_model"));
    set.model = SetModel::from_json(json.at("set_model"), "set_model");
  } catch (const InputError& error) {
    const std::string field = error.where().field;
    throw InputError(error.reason(),
                     {file, 0, field.rfind("variables", 0) == 0 ? "search_space." + field : field});
  }
  if (set.model.n_var() != set.space.size())
    throw InputError("the set model has " + std::to_string(set.model.n_var()) +
                         " outputs, the search space " + std::to_string(set.space.size()) + " variables",
                     {file, 0, "set_model.n_var"});
  return set;
}

std::optional<LearnedSet> learned_set(const Algorithm& algorithm) {
  const auto* psl = dynamic_cast<const ParetoSetLearning*>(&algorithm);
  if (psl == nullptr || !psl->set_model()) return std::nullopt;
  return LearnedSet{psl->name(), psl->space(), *psl->set_model()};
}

}  // namespace paretokit
