#include "offloading/search.hpp"

#include "paretokit/pareto/nondominated_sort.hpp"

namespace paretokit::offloading {

SearchResult search_front(const Problem& problem, Algorithm& algorithm, RunOptions options) {
  // The archive keeps only non-dominated rows, pruned once it doubles.
  Matrix archive_x(0, problem.n_var()), archive_f(0, problem.n_obj());
  Index pruned_size = 0;
  const auto prune = [&] {
    std::vector<Index> keep;
    for (const Index i : nondominated_indices(archive_f)) {  // dropping repeats of an objective vector
      bool repeat = false;
      for (const Index j : keep) repeat = repeat || archive_f.row(i) == archive_f.row(j);
      if (!repeat) keep.push_back(i);
    }
    Matrix x(static_cast<Index>(keep.size()), archive_x.cols()),
        f(static_cast<Index>(keep.size()), archive_f.cols());
    for (std::size_t i = 0; i < keep.size(); ++i) {
      x.row(static_cast<Index>(i)) = archive_x.row(keep[i]);
      f.row(static_cast<Index>(i)) = archive_f.row(keep[i]);
    }
    archive_x = std::move(x);
    archive_f = std::move(f);
    pruned_size = archive_f.rows();
  };
  options.callbacks.push_back([&](const GenerationReport& report) {
    const Matrix& X = *report.batch_x;
    const Matrix& F = report.batch->objectives;
    const Index old = archive_f.rows();
    archive_x.conservativeResize(old + X.rows(), Eigen::NoChange);
    archive_f.conservativeResize(old + F.rows(), Eigen::NoChange);
    archive_x.bottomRows(X.rows()) = X;
    archive_f.bottomRows(F.rows()) = F;
    if (archive_f.rows() > 2 * pruned_size + 256) prune();
    return true;
  });
  SearchResult result;
  result.run = run(problem, algorithm, options);
  if (archive_f.rows() > 0) prune();
  result.front_x = std::move(archive_x);
  result.front_f = std::move(archive_f);
  return result;
}

}  // namespace paretokit::offloading
