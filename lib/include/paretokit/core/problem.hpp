// The Problem contract (DESIGN.md section 3): a whole batch in, whole
// matrices out.
//
//   X (n x n_var)  ->  F (n x n_obj), minimized
//                      G (n x n_constr), feasible when every entry <= 0
//
// evaluate() is const and must be safe to call from several threads at once
// on different rows, so that an evaluator can split a batch freely.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "paretokit/core/evaluation.hpp"
#include "paretokit/core/matrix.hpp"
#include "paretokit/core/search_space.hpp"

namespace paretokit {

class Problem {
 public:
  virtual ~Problem() = default;

  virtual std::string name() const = 0;
  virtual Index n_var() const = 0;
  virtual Index n_obj() const = 0;
  virtual Index n_constr() const { return 0; }
  virtual Vector lower_bounds() const = 0;
  virtual Vector upper_bounds() const = 0;

  // Fills F (n x n_obj) and G (n x n_constr), already sized by the caller,
  // for the n rows of X. Rows are independent of each other.
  virtual void evaluate_into(const MatrixRef& X, MatrixMut F, MatrixMut G) const = 0;

  // The variables' kinds (integer, ordinal, categorical, log-scaled real)
  // when not all are plain reals; algorithms then search its encoding and
  // ask() returns decoded values. nullopt: every variable is a plain real
  // within the bounds.
  virtual std::optional<SearchSpace> search_space() const { return std::nullopt; }

  // The parameters that recreate this problem through the registry.
  virtual nlohmann::json params() const { return nlohmann::json::object(); }

  // About n well-spread points of the true Pareto front, where it is known.
  virtual std::optional<Matrix> pareto_front(Index /*n*/) const { return std::nullopt; }
  // Ideal and nadir points of the front, where known.
  virtual std::optional<Vector> ideal_point() const { return std::nullopt; }
  virtual std::optional<Vector> nadir_point() const { return std::nullopt; }

  // Convenience: allocates and returns F and G.
  Evaluation evaluate(const MatrixRef& X) const {
    Evaluation result{Matrix(X.rows(), n_obj()), Matrix(X.rows(), n_constr())};
    evaluate_into(X, result.objectives, result.constraints);
    return result;
  }
};

}  // namespace paretokit

// --- Design note, kept at the end of the file so that it changes no line of
// the code above (and no compiler cache entry of the files that include it).
//
// A GPU path (designed, not built: no CUDA code in this library yet). A
// problem whose model runs on an accelerator would add, beside
// evaluate_into() and with no change to it or to any algorithm:
//
//   struct DeviceBatch {           // row-major, one row per candidate, as Matrix
//     const double* X;             // n x n_var, in device memory
//     double* F;                   // n x n_obj, device memory, written by the call
//     double* G;                   // n x n_constr (nullptr when n_constr == 0)
//     Index n;                     // rows; each row is contiguous (stride = columns)
//     int device;                  // the accelerator's ordinal
//     void* stream;                // an opaque queue (cudaStream_t, hipStream_t, ...)
//   };
//   virtual bool evaluates_on_device() const { return false; }
//   // Enqueues the evaluation of the batch on `stream` and returns; the
//   // caller synchronizes the stream before reading F and G. Same results
//   // as evaluate_into() on the same rows (up to the device's rounding,
//   // which the problem documents), const and re-entrant on distinct streams.
//   virtual void evaluate_on_device(const DeviceBatch& batch) const;
//
// Who calls it: a DeviceEvaluator (evaluation/), not the algorithms. It keeps
// X, F, G in device buffers across generations, copies the asked rows in once
// per batch (or takes them from an algorithm that proposes on the device),
// calls evaluate_on_device(), and copies F and G back for tell(); a problem
// that says false falls back to evaluate_into() on the host, so every problem
// keeps working under it. Row statuses stay host-side (a failed kernel fails
// the whole batch with one message). The host contract above is unchanged;
// results of host runs stay byte-identical. See DESIGN.md "GPU batches".
