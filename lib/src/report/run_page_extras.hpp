// What a domain search adds to its run folder for the run page to show
// beside the evaluations (internal to the report module):
//
//   exact_front.txt   the exact frontier (quantize), drawn as the reference
//   published.json    published configurations (quantize: HAWQ's), marked
//                     and listed with whether they lie on the exact frontier
//   baselines.txt     the baselines a search is compared with (offload)
//
// A folder without these files gets nothing extra.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "paretokit/core/matrix.hpp"
#include "paretokit/report/charts.hpp"

namespace paretokit::report::detail {

struct RunPageExtras {
  std::optional<Matrix> exact_front;
  std::vector<FrontSeries> marked;  // series drawn beside the evaluations
  std::string table_html;           // listed under the plots
};

// Objective counts that differ from n_obj are dropped (never drawn wrong).
RunPageExtras read_run_page_extras(const std::filesystem::path& run_folder, Index n_obj);

}  // namespace paretokit::report::detail
