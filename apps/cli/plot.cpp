// paretokit plot FILE... [--front REF] [--out F.svg|F.html]: point files
// drawn as the reports draw fronts, for pymoo's Scatter users.
#include <filesystem>
#include <iostream>

#include "command.hpp"
#include "options.hpp"
#include "paretokit/core/error.hpp"
#include "paretokit/core/point_file.hpp"
#include "paretokit/io/atomic_file.hpp"
#include "paretokit/report/html_report.hpp"

namespace paretokit::cli {

namespace {

namespace fs = std::filesystem;

int run_plot(const Arguments& args) {
  CommandLine command_line("plot",
                           "plot FILE... [--front REF] [--title TEXT] [--out FILE.svg|FILE.html] [--json]",
                           "Draws the point sets of each FILE (a blank line separates sets; each set is\n"
                           "one series) as a scatter for 2 objectives, the three pairwise projections for\n"
                           "3, and parallel coordinates for 4 or more, with the points of REF (e.g. a true\n"
                           "front from 'paretokit front') in grey beneath. Writes one self-contained file:\n"
                           "SVG or HTML by the extension of --out (default plot.svg). PNG is not offered:\n"
                           "convert the SVG (e.g. rsvg-convert). Series of more than 5000 points are drawn\n"
                           "as an even sample, said in their legend.");
  command_line.options.add_options()("front", po::value<std::string>(), "points drawn in grey beneath")(
      "title", po::value<std::string>()->default_value("Objectives"), "plot title")(
      "out", po::value<std::string>()->default_value("plot.svg"), "output file, .svg or .html")(
      "json", "print one JSON document");
  command_line.add_file_argument(/*several=*/true);
  po::variables_map vm;
  if (!command_line.parse(args, vm)) return 0;

  const fs::path out = vm["out"].as<std::string>();
  const std::string extension = out.extension().string();
  if (extension != ".svg" && extension != ".html") {
    throw UsageError("'" + out.string() + "': the output must end in .svg or .html (PNG: convert the SVG)",
                     Location::of_field("--out"));
  }
  std::vector<report::PointSeries> series;
  Index m = -1;
  for (const auto& file : vm["file"].as<std::vector<std::string>>()) {
    const auto sets = read_point_sets(file);
    for (std::size_t k = 0; k < sets.size(); ++k) {
      if (m < 0) m = sets[k].points.cols();
      if (sets[k].points.cols() != m) {
        throw InputError("point set with " + std::to_string(sets[k].points.cols()) +
                             " objectives, but the first one has " + std::to_string(m),
                         {file, sets[k].lines.front()});
      }
      const std::string name = fs::path(file).filename().string();
      series.push_back({sets.size() > 1 ? name + " #" + std::to_string(k + 1) : name, sets[k].points});
    }
  }
  std::optional<Matrix> front;
  if (vm.count("front")) {
    front = read_points(vm["front"].as<std::string>());
    if (front->cols() != m) {
      throw InputError(
          "the front has " + std::to_string(front->cols()) + " objectives, the points " + std::to_string(m),
          Location(vm["front"].as<std::string>()));
    }
  }
  const std::string title = vm["title"].as<std::string>();
  const std::string text = extension == ".svg" ? report::points_svg(series, front, title)
                                               : report::points_page_html(series, front, title);
  write_file_atomically(out, text);
  if (vm.count("json")) {
    print_json({{"out", out.string()}, {"series", series.size()}, {"objectives", m}, {"bytes", text.size()}});
  } else {
    std::cout << "plot " << out.string() << " (" << series.size() << " series, " << m << " objectives)\n";
  }
  return 0;
}

const RegisterCommand plot_command{"plot", "draw point files: scatter, projections or parallel coordinates",
                                   run_plot};

}  // namespace

}  // namespace paretokit::cli
