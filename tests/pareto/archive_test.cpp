#include <catch2/catch.hpp>

#include <algorithm>

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
