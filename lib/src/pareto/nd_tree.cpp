// ND-tree (Jaszkiewicz and Lust 2018); see nd_tree.hpp.
#include "nd_tree.hpp"

#include <algorithm>
#include <limits>

namespace paretokit::detail {

namespace {
constexpr double infinity = std::numeric_limits<double>::infinity();
}

NdTree::NdTree(int n_obj) : n_obj_(n_obj) { clear(); }

void NdTree::clear() {
  nodes_.clear();
  free_nodes_.clear();
  root_ = new_node();
}

int NdTree::new_node() {
  int id;
  if (!free_nodes_.empty()) {
    id = free_nodes_.back();
    free_nodes_.pop_back();
  } else {
    id = static_cast<int>(nodes_.size());
    nodes_.emplace_back();
  }
  Node& node = nodes_[static_cast<std::size_t>(id)];
  node = Node{};
  node.ideal.assign(static_cast<std::size_t>(n_obj_), infinity);
  node.nadir.assign(static_cast<std::size_t>(n_obj_), -infinity);
  return id;
}

void NdTree::free_node(int node) {
  nodes_[static_cast<std::size_t>(node)] = Node{};
  free_nodes_.push_back(node);
}

void NdTree::widen(Node& node, const double* p) const {
  for (int j = 0; j < n_obj_; ++j) {
    node.ideal[j] = std::min(node.ideal[j], p[j]);
    node.nadir[j] = std::max(node.nadir[j], p[j]);
  }
}

double NdTree::distance_to_middle(const Node& node, const double* p) const {
  double sum = 0.0;
  for (int j = 0; j < n_obj_; ++j) {
    const double d = 0.5 * (node.ideal[j] + node.nadir[j]) - p[j];
    sum += d * d;
  }
  return sum;
}

bool NdTree::weakly_dominated(const double* q, const double* points) const {
  return !empty() && dominated_below(root_, q, points);
}

bool NdTree::dominated_below(int id, const double* q, const double* points) const {
  const Node& node = nodes_[static_cast<std::size_t>(id)];
  // A point p <= q needs ideal <= q; nadir <= q makes every point such a p.
  bool nadir_below = true;
  for (int j = 0; j < n_obj_; ++j) {
    if (node.ideal[j] > q[j]) return false;
    nadir_below = nadir_below && node.nadir[j] <= q[j];
  }
  if (nadir_below) return true;
  if (node.leaf) {
    for (const Handle h : node.points) {
      const double* p = points + static_cast<std::size_t>(h) * static_cast<std::size_t>(n_obj_);
      int j = 0;
      while (j < n_obj_ && p[j] <= q[j]) ++j;
      if (j == n_obj_) return true;
    }
    return false;
  }
  for (const int child : node.children) {
    if (dominated_below(child, q, points)) return true;
  }
  return false;
}

void NdTree::remove_dominated_by(const double* q, const double* points, std::vector<Handle>& removed) {
  if (!empty()) remove_below(root_, q, points, removed);
}

void NdTree::free_subtree(int id, std::vector<Handle>& removed) {
  Node& node = nodes_[static_cast<std::size_t>(id)];
  if (node.leaf) {
    removed.insert(removed.end(), node.points.begin(), node.points.end());
  } else {
    const std::vector<int> children = std::move(node.children);
    for (const int child : children) {
      free_subtree(child, removed);
      free_node(child);
    }
  }
}

std::int64_t NdTree::remove_below(int id, const double* q, const double* points,
                                  std::vector<Handle>& removed) {
  // q <= p needs q <= nadir; q <= ideal makes every point such a p.
  bool below_ideal = true;
  {
    const Node& node = nodes_[static_cast<std::size_t>(id)];
    for (int j = 0; j < n_obj_; ++j) {
      if (q[j] > node.nadir[j]) return 0;
      below_ideal = below_ideal && q[j] <= node.ideal[j];
    }
  }
  if (below_ideal) {
    const std::int64_t count = nodes_[static_cast<std::size_t>(id)].count;
    free_subtree(id, removed);
    Node& node = nodes_[static_cast<std::size_t>(id)];
    node = Node{};
    node.ideal.assign(static_cast<std::size_t>(n_obj_), infinity);
    node.nadir.assign(static_cast<std::size_t>(n_obj_), -infinity);
    return count;
  }
  std::int64_t gone = 0;
  if (nodes_[static_cast<std::size_t>(id)].leaf) {
    Node& node = nodes_[static_cast<std::size_t>(id)];
    auto kept = node.points.begin();
    for (const Handle h : node.points) {
      const double* p = points + static_cast<std::size_t>(h) * static_cast<std::size_t>(n_obj_);
      int j = 0;
      while (j < n_obj_ && q[j] <= p[j]) ++j;
      if (j == n_obj_) {
        removed.push_back(h);
        ++gone;
      } else {
        *kept++ = h;
      }
    }
    node.points.erase(kept, node.points.end());
  } else {
    std::vector<int>& children = nodes_[static_cast<std::size_t>(id)].children;
    for (const int child : children) gone += remove_below(child, q, points, removed);
    if (gone == 0) return 0;
    std::erase_if(children, [&](int child) {
      if (nodes_[static_cast<std::size_t>(child)].count > 0) return false;
      free_node(child);
      return true;
    });
    if (children.size() == 1) {
      // An inner node with one child is that child.
      const int child = children.front();
      nodes_[static_cast<std::size_t>(id)] = std::move(nodes_[static_cast<std::size_t>(child)]);
      free_node(child);
      return gone;  // the child's bounds and count are already tight
    }
  }
  if (gone > 0) recompute_bounds(id, points);
  return gone;
}

void NdTree::recompute_bounds(int id, const double* points) {
  Node& node = nodes_[static_cast<std::size_t>(id)];
  std::fill(node.ideal.begin(), node.ideal.end(), infinity);
  std::fill(node.nadir.begin(), node.nadir.end(), -infinity);
  if (node.leaf) {
    node.count = static_cast<std::int64_t>(node.points.size());
    for (const Handle h : node.points)
      widen(node, points + static_cast<std::size_t>(h) * static_cast<std::size_t>(n_obj_));
    return;
  }
  node.count = 0;
  if (node.children.empty()) node.leaf = true;
  for (const int child : node.children) {
    const Node& below = nodes_[static_cast<std::size_t>(child)];
    node.count += below.count;
    for (int j = 0; j < n_obj_; ++j) {
      node.ideal[j] = std::min(node.ideal[j], below.ideal[j]);
      node.nadir[j] = std::max(node.nadir[j], below.nadir[j]);
    }
  }
}

void NdTree::insert(Handle handle, const double* points) {
  const double* p = points + static_cast<std::size_t>(handle) * static_cast<std::size_t>(n_obj_);
  int id = root_;
  for (;;) {
    Node& node = nodes_[static_cast<std::size_t>(id)];
    widen(node, p);
    ++node.count;
    if (node.leaf) {
      node.points.push_back(handle);
      if (node.points.size() > static_cast<std::size_t>(leaf_capacity)) split(id, points);
      return;
    }
    // Down to the child whose box middle is nearest.
    int best = node.children.front();
    double best_distance = infinity;
    for (const int child : node.children) {
      const double d = distance_to_middle(nodes_[static_cast<std::size_t>(child)], p);
      if (d < best_distance) {
        best_distance = d;
        best = child;
      }
    }
    id = best;
  }
}

void NdTree::split(int leaf, const double* points) {
  const std::vector<Handle> members = std::move(nodes_[static_cast<std::size_t>(leaf)].points);
  const std::size_t n = members.size();
  const auto m = static_cast<std::size_t>(n_obj_);
  auto at = [&](std::size_t i) { return points + static_cast<std::size_t>(members[i]) * m; };
  std::vector<double> distance(n * n, 0.0);
  for (std::size_t a = 0; a < n; ++a) {
    for (std::size_t b = a + 1; b < n; ++b) {
      double sum = 0.0;
      for (std::size_t j = 0; j < m; ++j) {
        const double d = at(a)[j] - at(b)[j];
        sum += d * d;
      }
      distance[a * n + b] = distance[b * n + a] = sum;
    }
  }
  // Seeds: the point farthest from the others on average, then farthest-point selection.
  const std::size_t n_children = std::min(n, m + 1);
  std::vector<std::size_t> seeds;
  std::vector<double> nearest_seed(n, infinity);
  {
    std::size_t first = 0;
    double best = -1.0;
    for (std::size_t a = 0; a < n; ++a) {
      double sum = 0.0;
      for (std::size_t b = 0; b < n; ++b) sum += distance[a * n + b];
      if (sum > best) {
        best = sum;
        first = a;
      }
    }
    seeds.push_back(first);
  }
  while (seeds.size() < n_children) {
    const std::size_t last = seeds.back();
    std::size_t next = n;
    double best = -1.0;
    for (std::size_t a = 0; a < n; ++a) {
      nearest_seed[a] = std::min(nearest_seed[a], distance[a * n + last]);
      if (nearest_seed[a] > best && std::find(seeds.begin(), seeds.end(), a) == seeds.end()) {
        best = nearest_seed[a];
        next = a;
      }
    }
    seeds.push_back(next);
  }
  std::vector<int> children;
  for (const std::size_t seed : seeds) {
    const int child = new_node();
    Node& node = nodes_[static_cast<std::size_t>(child)];
    node.points.push_back(members[seed]);
    node.count = 1;
    widen(node, at(seed));
    children.push_back(child);
  }
  for (std::size_t a = 0; a < n; ++a) {
    if (std::find(seeds.begin(), seeds.end(), a) != seeds.end()) continue;
    int best = children.front();
    double best_distance = infinity;
    for (const int child : children) {
      const double d = distance_to_middle(nodes_[static_cast<std::size_t>(child)], at(a));
      if (d < best_distance) {
        best_distance = d;
        best = child;
      }
    }
    Node& node = nodes_[static_cast<std::size_t>(best)];
    node.points.push_back(members[a]);
    ++node.count;
    widen(node, at(a));
  }
  Node& node = nodes_[static_cast<std::size_t>(leaf)];
  node.leaf = false;
  node.points.clear();
  node.children = std::move(children);
}

void NdTree::rename(const std::vector<Handle>& new_handle) {
  for (Node& node : nodes_) {
    for (Handle& h : node.points) h = new_handle[static_cast<std::size_t>(h)];
  }
}

}  // namespace paretokit::detail
