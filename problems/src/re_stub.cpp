#include "catalog.hpp"
namespace paretokit::problems::detail {
void add_re(Catalog&) {}
}  // namespace paretokit::problems::detail
