// A program that embeds paretokit through find_package(paretokit).
#include <iostream>

#include <paretokit/core/point_file.hpp>
#include <paretokit/core/rng.hpp>

int main() {
  const auto sets = paretokit::parse_point_sets("1 2\n2 1\n", "inline");
  paretokit::Rng rng(1);
  if (sets.size() != 1 || sets[0].points.rows() != 2 || rng.uniform() >= 1.0) return 1;
  std::cout << "consumer ok\n";
  return 0;
}
