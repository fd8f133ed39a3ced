#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>

#include "nas/nas_problem.hpp"
#include "nas/roofline.hpp"
#include "nas_test_data.hpp"
#include "paretokit/algorithms/registry.hpp"
#include "paretokit/indicators/hypervolume.hpp"
#include "paretokit/pareto/nondominated_sort.hpp"
#include "paretokit/run/run.hpp"

using namespace paretokit;
using namespace paretokit::nas;
using paretokit::nas::test::data_path;
using paretokit::nas::test::error_of;

namespace {

// A reduced space small enough to enumerate: 7 searchable blocks, kernels
// 3/5, expansions 3/6, zero at the one skippable block: 4^6 * 5 = 20,480.
ProxylessSpace reduced_space() {
  ProxylessSpaceOptions options;
  options.stage_blocks = {2, 1, 1, 1, 1, 1};
  options.kernels = {3, 5};
  options.expansions = {3, 6};
  return ProxylessSpace(options);
}

std::shared_ptr<const LatencyModel> v100() {
  return std::make_shared<RooflineLatency>(load_device(data_path("devices/nvidia_v100_sxm2.json")));
}

// Every architecture of `space`, as value-form rows (mixed-radix counting).
Matrix enumerate(const ProxylessSpace& space) {
  const auto n = static_cast<Index>(space.size());
  Matrix X(n, space.n_blocks());
  RowVector digits = RowVector::Zero(space.n_blocks());
  for (Index r = 0; r < n; ++r) {
    X.row(r) = digits;
    for (Index j = 0; j < space.n_blocks(); ++j) {
      if (++digits(j) < static_cast<double>(space.choices(j).size())) break;
      digits(j) = 0;
    }
  }
  return X;
}

}  // namespace

TEST_CASE("nas problem: objectives in the order asked, accuracy negated") {
  const ProxylessSpace space;
  const NasProblem problem(space, parse_objectives("params,latency,flops,accuracy"), v100(), std::nullopt);
  CHECK(problem.n_var() == 21);
  CHECK(problem.n_obj() == 4);
  CHECK(problem.accuracy_is_proxy());
  std::vector<BlockOp> ops(21, BlockOp{3, 3});
  const ArchitectureCosts costs = problem.costs(ops);
  const RowVector row = problem.objective_row(costs);
  CHECK(row(0) == costs.mparams);
  CHECK(row(1) == costs.latency_ms);
  CHECK(row(2) == costs.mflops);
  CHECK(row(3) == -capacity_proxy(ops));
  CHECK(capacity_proxy(ops) == Approx(21 * std::log2(27.0)));
  const Matrix F = problem.evaluate(space.row_from_ops(ops)).objectives;
  CHECK(F.row(0) == row);

  CHECK(error_of([] { parse_objectives("latency,energy"); }) ==
        "--objectives: unknown objective 'energy' (known: latency, flops, params, accuracy)");
  CHECK(error_of([] { parse_objectives("flops,flops"); }) == "--objectives: 'flops' given twice");
  CHECK(error_of([&] {
          NasProblem(space, parse_objectives("latency,flops"), nullptr, std::nullopt);
        }).starts_with("--objectives: the latency objective needs"));
  // A table that does not cover the space fails before any search.
  ProxylessSpaceOptions wide;
  wide.width_multiplier = 1.4;
  CHECK(error_of([&] {
          NasProblem(ProxylessSpace(wide), parse_objectives("latency,flops"),
                     load_table_latency(data_path("proxylessnas/mobile_latency_lut.json")), std::nullopt);
        }).find("the table has no entry for first_conv 224x224x3 -> 112x112x48") != std::string::npos);
}

TEST_CASE("accuracy surrogate: ridge regression recovers an additive model") {
  const ProxylessSpace space = reduced_space();
  // accuracy = 70 + 0.1 * kernel + 0.3 * expand summed over blocks, zero -0.5.
  auto truth = [](const std::vector<BlockOp>& ops) {
    double y = 70;
    for (const BlockOp& op : ops) y += op.is_zero() ? -0.5 : 0.1 * op.kernel + 0.3 * op.expand;
    return y;
  };
  const Matrix X = enumerate(space);
  std::vector<AccuracyRecord> records;
  for (Index r = 0; r < X.rows(); r += 37) {
    const auto ops = space.ops_from_row(X.row(r));
    records.push_back({ops, truth(ops)});
  }
  const AccuracySurrogate model = AccuracySurrogate::fit(space, records, 1e-6);
  CHECK(model.training_rmse() < 1e-5);
  for (Index r = 5; r < X.rows(); r += 1013) {  // architectures not in the table
    const auto ops = space.ops_from_row(X.row(r));
    CHECK(model.predict(ops) == Approx(truth(ops)).margin(1e-4));
  }
  // A huge penalty leaves the mean.
  double mean = 0;
  for (const auto& record : records) mean += record.accuracy / static_cast<double>(records.size());
  const AccuracySurrogate flat = AccuracySurrogate::fit(space, records, 1e12);
  CHECK(flat.predict(records.front().ops) == Approx(mean).epsilon(1e-6));
  CHECK_THROWS_AS(AccuracySurrogate::fit(space, {}, 1.0), InputError);
  CHECK_THROWS_AS(AccuracySurrogate::fit(space, records, 0.0), UsageError);
}

TEST_CASE("accuracy table: rows are checked against the space") {
  const ProxylessSpace space = reduced_space();
  const std::string path = (std::filesystem::temp_directory_path() / "paretokit_nas_accuracy.json").string();
  auto load_with = [&](const nlohmann::json& document) {
    std::ofstream(path) << document.dump();
    return error_of([&] { load_accuracy_table(path, space); });
  };
  const std::string good = "3x3_MBConv3,zero,3x3_MBConv3,3x3_MBConv3,3x3_MBConv3,3x3_MBConv3,3x3_MBConv3";
  CHECK(load_with({{"architectures", {{{"arch", good}, {"accuracy", 71.5}}}}}) == "no error");
  CHECK(load_with({{"architectures", {{{"arch", good}}}}}) ==
        path + ": architectures[0].accuracy: missing or not a finite number");
  CHECK(load_with({{"architectures", {{{"arch", "3x3_MBConv3"}, {"accuracy", 1}}}}})
            .starts_with(path + ": architectures[0].arch: the architecture lists 1 blocks"));
  CHECK(load_with({{"architectures", {{{"arch", "zero" + good.substr(11)}, {"accuracy", 1}}}}}) ==
        path +
            ": architectures[0].arch: 'zero' is not a choice of this block (it cannot be skipped) (block1)");
  CHECK(load_with({{"rows", 1}}) == path + ": architectures: missing or not a non-empty array");
  std::remove(path.c_str());
}

TEST_CASE("nas problem: NSGA-III finds the exhaustive front of a reduced space") {
  const ProxylessSpace space = reduced_space();
  REQUIRE(space.size() == 20480);
  // Costs alone all favour the smallest network (a one-point front); the
  // capacity proxy pulls the other way.
  const NasProblem problem(space, parse_objectives("latency,params,accuracy"), v100(), std::nullopt);

  const Matrix X = enumerate(space);
  const Matrix F = problem.evaluate(X).objectives;
  const std::vector<Index> exhaustive = nondominated_indices(F);
  Matrix front(static_cast<Index>(exhaustive.size()), 3);
  std::set<std::vector<double>> on_front;
  for (std::size_t i = 0; i < exhaustive.size(); ++i) {
    front.row(static_cast<Index>(i)) = F.row(exhaustive[i]);
    on_front.insert({F(exhaustive[i], 0), F(exhaustive[i], 1), F(exhaustive[i], 2)});
  }

  auto algorithm = make_algorithm("nsga3", {{"pop_size", 92}});
  RunOptions options;
  options.max_evaluations = 92 * 60;  // about a quarter of the space
  options.seed = 3;
  options.threads = 1;
  options.progress = false;
  const RunResult result = run(problem, *algorithm, options);

  std::size_t exact = 0;
  for (Index r = 0; r < result.front_f.rows(); ++r) {
    exact += on_front.count({result.front_f(r, 0), result.front_f(r, 1), result.front_f(r, 2)});
  }
  const Vector high = front.colwise().maxCoeff().transpose(), low = front.colwise().minCoeff().transpose();
  const Vector reference = high + 0.1 * (high - low);
  const double hv_true = hypervolume(front, reference);
  const double hv_found = hypervolume(result.front_f, reference);
  INFO("exhaustive front " << exhaustive.size() << ", found " << result.front_f.rows() << ", exact " << exact
                           << ", hv ratio " << hv_found / hv_true);
  CHECK(hv_found <= hv_true * (1 + 1e-12));
  // Seeds 1, 2, 3 and 7 give ratios 0.9994 to 0.9998 and 68 to 73 of the 75 points.
  CHECK(hv_found >= 0.998 * hv_true);
  CHECK(static_cast<double>(exact) >= 0.8 * static_cast<double>(exhaustive.size()));
  CHECK(static_cast<double>(exact) >= 0.9 * static_cast<double>(result.front_f.rows()));
}
