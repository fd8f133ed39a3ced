#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "paretokit/core/error.hpp"
#include "paretokit/core/rng.hpp"
#include "paretokit/pareto/archive.hpp"
#include "paretokit/pareto/nondominated_sort.hpp"

using namespace paretokit;

TEST_CASE("archive: keeps only non-dominated rows, first of equals, with ids") {
  NondominatedArchive archive(1, 2);
  Matrix X(4, 1), F(4, 2);
  X << 10, 11, 12, 13;
  F << 2, 2,  //
      1, 3,   //
      2, 2,   // equal to row 0: rejected
      3, 3;   // dominated
  CHECK(archive.insert(X, F) == 2);
  REQUIRE(archive.size() == 2);
  CHECK(archive.ids() == std::vector<Index>{0, 1});
  CHECK(archive.x()(0, 0) == 10);
  RowVector x(1), f(2);
  x << 20;
  f << 1, 1;  // dominates everything
  CHECK(archive.insert_one(x, f));
  CHECK(archive.size() == 1);
  CHECK(archive.ids() == std::vector<Index>{4});
  f << 1, 1;
  CHECK_FALSE(archive.insert_one(x, f));
  CHECK(archive.offered() == 6);
  CHECK_THROWS_AS(archive.insert_one(x, RowVector::Zero(3)), InputError);
}

TEST_CASE("archive: batches give the non-dominated set of everything offered") {
  Rng rng(5);
  NondominatedArchive archive(0, 3);
  Matrix all(0, 3);
  for (int batch = 0; batch < 20; ++batch) {
    Matrix F(50, 3);
    for (Index i = 0; i < F.rows(); ++i) {
      for (Index j = 0; j < 3; ++j) F(i, j) = static_cast<double>(rng.below(8));
    }
    archive.insert(Matrix(50, 0), F);
    Matrix grown(all.rows() + F.rows(), 3);
    grown << all, F;
    all = grown;
  }
  // Reference: first occurrence of each distinct non-dominated row.
  std::vector<Index> expected;
  for (const Index i : nondominated_indices(all)) {
    bool repeat = false;
    for (const Index e : expected) repeat = repeat || (all.row(e).array() == all.row(i).array()).all();
    if (!repeat) expected.push_back(i);
  }
  std::vector<Index> got = archive.ids();
  std::sort(got.begin(), got.end());
  CHECK(got == expected);
  for (Index k = 0; k < archive.size(); ++k) CHECK(archive.f().row(k) == all.row(archive.ids()[k]));
}

namespace {

// The archive by definition: a list scanned in full for every row.
struct ListArchive {
  std::vector<RowVector> f;
  std::vector<RowVector> x;
  std::vector<Index> ids;
  Index offered = 0;

  bool insert_one(const RowVector& xi, const RowVector& fi) {
    const Index id = offered++;
    for (const auto& member : f) {
      if ((member.array() <= fi.array()).all()) return false;
    }
    std::size_t kept = 0;
    for (std::size_t i = 0; i < f.size(); ++i) {
      if ((fi.array() <= f[i].array()).all()) continue;
      f[kept] = f[i];
      x[kept] = x[i];
      ids[kept] = ids[i];
      ++kept;
    }
    f.resize(kept);
    x.resize(kept);
    ids.resize(kept);
    f.push_back(fi);
    x.push_back(xi);
    ids.push_back(id);
    return true;
  }
};

// Points that creep towards a simplex front as the stream goes on (large
// fronts, many evictions), on a coarse grid now and then (ties, duplicates).
RowVector stream_point(Rng& rng, Index m, int step, int steps, bool grid) {
  RowVector f(m);
  double sum = 0.0;
  for (Index j = 0; j < m; ++j) sum += f[j] = -std::log(1.0 - rng.uniform());
  const double distance = 1.0 + 2.0 * (1.0 - static_cast<double>(step) / steps) * rng.uniform();
  f *= distance / sum;
  if (grid) f = (f * 4.0).array().round() / 4.0;
  return f;
}

void check_same(const NondominatedArchive& archive, const ListArchive& list) {
  REQUIRE(archive.size() == static_cast<Index>(list.f.size()));
  REQUIRE(archive.ids() == list.ids);
  bool same = true;
  for (Index i = 0; i < archive.size(); ++i) {
    same = same && archive.f().row(i) == list.f[static_cast<std::size_t>(i)] &&
           archive.x().row(i) == list.x[static_cast<std::size_t>(i)];
  }
  REQUIRE(same);
}

}  // namespace

TEST_CASE("archive: the ND-tree keeps the list's members, order and ids after every insert") {
  for (Index m = 2; m <= 8; ++m) {
    for (const int grid_every : {0, 3}) {
      Rng rng(static_cast<std::uint64_t>(100 * m + grid_every));
      NondominatedArchive archive(2, m);
      ListArchive list;
      const int steps = m <= 4 ? 3000 : 1500;
      for (int step = 0; step < steps; ++step) {
        const bool grid = grid_every > 0 && step % grid_every == 0;
        RowVector f = stream_point(rng, m, step, steps, grid);
        // Repeat an earlier member now and then: equal rows are rejected.
        if (step % 17 == 5 && !list.f.empty()) f = list.f[rng.below(list.f.size())];
        RowVector x(2);
        x << step, -step;
        const bool expected = list.insert_one(x, f);
        REQUIRE(archive.insert_one(x, f) == expected);
        check_same(archive, list);
      }
      // The stream must exercise the tree: a front past a few leaves.
      CHECK(archive.size() > 40);
    }
  }
}

TEST_CASE("archive: batch insert equals the list fed the batch's non-dominated rows") {
  Rng rng(11);
  for (Index m : {2, 3, 5, 8}) {
    NondominatedArchive archive(0, m);
    ListArchive list;
    for (int batch = 0; batch < 40; ++batch) {
      Matrix F(60, m);
      for (Index i = 0; i < F.rows(); ++i) F.row(i) = stream_point(rng, m, batch, 40, i % 4 == 0);
      const Index first = list.offered;
      Index expected = 0;
      for (const Index i : nondominated_indices(F)) {
        list.offered = first + i;
        expected += list.insert_one(RowVector(0), F.row(i));
      }
      list.offered = first + F.rows();
      CHECK(archive.insert(Matrix(60, 0), F) == expected);
      check_same(archive, list);
    }
    // Copies and clear keep working.
    NondominatedArchive copy = archive;
    check_same(copy, list);
    copy.clear();
    CHECK(copy.empty());
    CHECK(archive.size() == static_cast<Index>(list.f.size()));
  }
}

TEST_CASE("archive: a moved-from archive can be cleared and filled again") {
  NondominatedArchive archive(1, 2);
  Matrix X(2, 1), F(2, 2);
  X << 10, 11;
  F << 1, 2,  //
      2, 1;
  archive.insert(X, F);
  NondominatedArchive moved = std::move(archive);
  CHECK(moved.size() == 2);
  archive.clear();  // NOLINT(bugprone-use-after-move): valid, unspecified state
  CHECK(archive.insert(X, F) == 2);
  CHECK(archive.size() == 2);
  CHECK(archive.f() == F);
}
