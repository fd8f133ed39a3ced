// The set model's backpropagation against finite differences, Adam on a
// quadratic, the Dirichlet sampler, the JSON round trip, and the greedy
// hypervolume selection against brute force.
#include <algorithm>
#include <cmath>
#include <set>

#include <catch2/catch.hpp>

#include "paretokit/core/error.hpp"
#include "paretokit/indicators/hypervolume.hpp"
#include "paretokit/learning/batch_selection.hpp"
#include "paretokit/learning/set_model.hpp"

using namespace paretokit;

TEST_CASE("set model gradients match finite differences") {
  Rng rng(2);
  SetModel model(3, 4, 6, rng);
  const Matrix P = sample_dirichlet(5, 3, rng);
  Matrix weights(5, 4);
  for (Index i = 0; i < weights.size(); ++i) weights.data()[i] = rng.normal();
  // loss = sum(weights .* output)
  const auto loss = [&](const SetModel& m) { return (m.predict(P).array() * weights.array()).sum(); };
  const Vector g = model.backward(model.forward(P), weights);
  REQUIRE(g.size() == model.n_parameters());
  for (Index k = 0; k < model.n_parameters(); ++k) {
    SetModel up = model, down = model;
    up.parameters()(k) += 1e-6;
    down.parameters()(k) -= 1e-6;
    CHECK(g(k) == Approx((loss(up) - loss(down)) / 2e-6).epsilon(1e-5).margin(1e-8));
  }
  const Matrix X = model.predict(P);
  CHECK((X.array() > 0).all());
  CHECK((X.array() < 1).all());
}

TEST_CASE("normalized weighted backward matches per-sample gradients") {
  Rng rng(3);
  SetModel model(2, 3, 5, rng);
  const Matrix P = sample_dirichlet(4, 2, rng);
  Matrix output_grad(4, 3);
  Vector w(4);
  for (Index i = 0; i < output_grad.size(); ++i) output_grad.data()[i] = rng.normal();
  for (Index i = 0; i < 4; ++i) w(i) = rng.uniform(0.5, 2.0);
  // Explicit: one backward per sample, normalized per parameter over the samples.
  Matrix grads(4, model.n_parameters());
  for (Index b = 0; b < 4; ++b)
    grads.row(b) = model.backward(model.forward(P.row(b)), output_grad.row(b)).transpose();
  const RowVector norms = grads.colwise().norm().cwiseMax(1e-12);
  const Vector expected = (grads.array().rowwise() / norms.array()).matrix().transpose() * w;
  Vector got;
  model.normalized_weighted_backward(model.forward(P), output_grad, w, got);
  REQUIRE(got.size() == expected.size());
  for (Index k = 0; k < got.size(); ++k) CHECK(got(k) == Approx(expected(k)).epsilon(1e-10).margin(1e-12));
}

TEST_CASE("adam minimizes a quadratic") {
  Vector x = Vector::Constant(3, 5.0);
  Adam adam(3, 0.1);
  for (int t = 0; t < 2000; ++t) adam.step(x, 2.0 * (x.array() - 1.0).matrix());
  CHECK((x.array() - 1.0).abs().maxCoeff() < 1e-3);
}

TEST_CASE("dirichlet preferences lie on the simplex with mean 1/m") {
  Rng rng(4);
  const Matrix P = sample_dirichlet(20000, 3, rng);
  CHECK((P.array() >= 0).all());
  CHECK((P.rowwise().sum().array() - 1.0).abs().maxCoeff() < 1e-12);
  const RowVector mean = P.colwise().mean();
  for (Index j = 0; j < 3; ++j) CHECK(mean(j) == Approx(1.0 / 3).margin(0.01));
  // Flat Dirichlet: the first coordinate is Beta(1, 2), variance 1/18.
  CHECK((P.col(0).array() - mean(0)).square().mean() == Approx(1.0 / 18).margin(0.003));
}

TEST_CASE("set model JSON round trip is exact, and bad sizes are refused") {
  Rng rng(9);
  const SetModel model(2, 3, 4, rng);
  const auto json = nlohmann::json::parse(model.to_json().dump());
  const SetModel back = SetModel::from_json(json, "set_model");
  CHECK(back.parameters() == model.parameters());
  auto bad = json;
  bad["hidden"] = 5;
  CHECK_THROWS_AS(SetModel::from_json(bad, "set_model"), InputError);
}

TEST_CASE("greedy hypervolume selection matches brute force") {
  Rng rng(6);
  Matrix front(3, 2);
  front << 0.1, 0.9, 0.5, 0.5, 0.9, 0.1;
  Matrix C(40, 2), Cx(40, 1);
  for (Index i = 0; i < 40; ++i) {
    C(i, 0) = rng.uniform();
    C(i, 1) = std::max(0.0, 1.0 - C(i, 0) - 0.3 * rng.uniform() + 0.1);
    Cx(i, 0) = static_cast<double>(i);
  }
  const auto chosen = select_by_hypervolume_improvement(front, C, Cx, Matrix(0, 1), 3);
  REQUIRE(chosen.size() == 3);
  Matrix all(43, 2);
  all << front, C;
  const Vector ref = all.colwise().maxCoeff().transpose();
  Matrix current = front;
  for (Index pick : chosen) {
    double best = -1;
    Index arg = -1;
    for (Index i = 0; i < 40; ++i) {
      Matrix t(current.rows() + 1, 2);
      t << current, C.row(i);
      const double hv = hypervolume(t, ref);
      if (hv > best + 1e-15) {
        best = hv;
        arg = i;
      }
    }
    CHECK(pick == arg);
    current.conservativeResize(current.rows() + 1, Eigen::NoChange);
    current.bottomRows(1) = C.row(pick);
  }
  // Nothing improves: distinct candidates anyway.
  const auto fill = select_by_hypervolume_improvement(front, front, front, Matrix(0, 2), 3);
  CHECK(fill.size() == 3);
  CHECK(std::set<Index>(fill.begin(), fill.end()).size() == 3);
}
