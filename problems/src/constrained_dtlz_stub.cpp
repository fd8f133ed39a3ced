#include "catalog.hpp"
namespace paretokit::problems::detail {
void add_constrained_dtlz(Catalog&) {}
}  // namespace paretokit::problems::detail
