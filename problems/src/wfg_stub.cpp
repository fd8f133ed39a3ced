#include "catalog.hpp"
namespace paretokit::problems::detail {
void add_wfg(Catalog&) {}
}  // namespace paretokit::problems::detail
