// What perf_hype and perf_hype_truncation share: the clock, their fronts and
// the comma-separated lists of their command lines.
#pragma once

#include <time.h>

#include <cmath>
#include <cstdint>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

#include "paretokit/core/rng.hpp"
#include "paretokit/core/matrix.hpp"

namespace paretokit::hype_bench {

// Process CPU time (all threads), or wall-clock time.
inline double clock_seconds(bool wall = false) {
  timespec t{};
  clock_gettime(wall ? CLOCK_MONOTONIC : CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
}

// "100,300,1000" -> {100, 300, 1000}.
inline std::vector<long> split_longs(const std::string& text) {
  std::vector<long> parts;
  std::stringstream stream(text);
  std::string part;
  while (std::getline(stream, part, ',')) parts.push_back(std::stol(part));
  return parts;
}

// Reads the command line into the variables bound to `options`. Returns the
// exit code when the program is to stop at once (--help: 0, a bad option:
// 2, with the usage on stderr), or -1 to go on.
inline int parse_command_line(int argc, char** argv, const boost::program_options::options_description& options,
                              const std::string& program) {
  namespace po = boost::program_options;
  po::variables_map vm;
  try {
    po::store(po::parse_command_line(argc, argv, options), vm);
    po::notify(vm);
  } catch (const po::error& error) {
    std::cerr << program << ": " << error.what() << "\n" << options;
    return 2;
  }
  if (vm.count("help")) {
    std::cout << options;
    return 0;
  }
  return -1;
}

// n points on the positive unit sphere (every point non-dominated), a
// fraction `duplicates` of them then replaced by copies of others.
inline Matrix sphere_front(Index n, Index m, Rng& rng, double duplicates = 0.0) {
  Matrix F(n, m);
  for (Index i = 0; i < n; ++i) {
    for (Index j = 0; j < m; ++j) F(i, j) = std::abs(rng.normal());
    F.row(i) /= F.row(i).norm();
  }
  if (duplicates > 0.0) {
    for (Index i = 0; i < n; ++i)
      if (rng.uniform() < duplicates)
        F.row(i) = F.row(static_cast<Index>(rng.below(static_cast<std::uint64_t>(n))));
  }
  return F;
}

}  // namespace paretokit::hype_bench
