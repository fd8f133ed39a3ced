#include "catalog.hpp"
namespace paretokit::problems::detail {
void add_classic(Catalog&) {}
}  // namespace paretokit::problems::detail
