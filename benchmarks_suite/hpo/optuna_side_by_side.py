#!/usr/bin/python3
"""paretokit sweep --command side by side with Optuna 3.1 (issue 12's benchmark).

The same trial programs, budget, workers, timeout and seeds for:
  paretokit-nsga2   paretokit sweep --command ... --algorithm nsga2 --workers W
  paretokit-mpi     (with --mpi) the same under mpirun -n W+1 --evaluator mpi
  optuna-nsga2      optuna.samplers.NSGAIISampler, study.optimize(n_jobs=W)
  optuna-tpe        optuna.samplers.TPESampler (multi-objective TPE), n_jobs=W
Optuna runs each trial as paretokit does: the configuration in
TRIAL/config.json and PARETOKIT_PARAM_<NAME>, /bin/sh -c in its own process
group of our session (the whole group killed at the timeout), the result from
TRIAL/result.json or the last JSON line of stdout. A crash or timeout is a
failed trial for both (Optuna: catch=..., state FAIL).

Tasks:
  sklearn   data/examples/sklearn_digits (SVC on digits, conditional space;
            accuracy:max, train_ms, support_vectors); needs python3-sklearn
  toy       data/examples/toy/evaluate.sh with injected crashes
            (TOY_CRASH_ABOVE=2.5) and slow trials (0.02 + 0.06 |x| s) that
            the timeout (0.25 s) cuts: f1, f2:max
  zdt1      benchmarks_suite/hpo/zdt1_faulty.sh: ZDT1 on 6 variables, crashes
            for 0.6 < x1 < 0.7, hangs (timeout) for x2 > 0.9

Figures per run (mean +- standard deviation over the seeds in the table):
  wall        seconds: the `paretokit sweep` process, or study.optimize()
              (Optuna's import and the Python start are not counted)
  overhead    ms per trial: (W x wall - sum of the programs' run times) /
              trials: what is not a program running on a worker (spawn,
              files, the optimizer, idle workers at a generation's end)
  utilization sum of the programs' run times / (W x wall)
  hv          hypervolume (minimization form: maximized objectives negated)
              of every successful trial's objectives, computed with
              `paretokit hv` against one reference per task: max + 0.1 (max -
              min) over all points of all runs of that task
  failed      crashed + timed-out trials

Usage (Debian's python3, which has optuna and sklearn):
  /usr/bin/python3 benchmarks_suite/hpo/optuna_side_by_side.py --paretokit build/apps/paretokit \\
      [--tasks sklearn,toy,zdt1] [--seeds 1,2,3] [--workers 2] [--budget 48] [--sklearn-budget 16] \\
      [--pop-size 8] [--mpi] [--out DIR]
Without optuna it prints a SKIP line and exits 0; without sklearn the sklearn
task is skipped.
"""
import argparse
import json
import math
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

try:
    import optuna
except ImportError:
    optuna = None


# --- tasks --------------------------------------------------------------------------------------

def suggest_sklearn(trial):
    config = {"kernel": trial.suggest_categorical("kernel", ["linear", "rbf", "poly"]),
              "C": trial.suggest_float("C", 0.01, 100, log=True)}
    if config["kernel"] in ("rbf", "poly"):
        config["gamma"] = trial.suggest_float("gamma", 0.0001, 1, log=True)
    if config["kernel"] == "poly":
        config["degree"] = trial.suggest_int("degree", 2, 5)
    config["train_fraction"] = trial.suggest_categorical("train_fraction", [0.25, 0.5, 0.75, 1.0])
    return config


def suggest_toy(trial):
    return {"x": trial.suggest_float("x", -5, 5), "y": trial.suggest_int("y", 0, 10),
            "mode": trial.suggest_categorical("mode", ["plain", "shifted"])}


def suggest_zdt1(trial):
    return {f"x{i}": trial.suggest_float(f"x{i}", 0, 1) for i in range(1, 7)}


def tasks(python):
    return {
        "sklearn": {
            "space": f"{ROOT}/data/examples/sklearn_digits/space.json",
            "command": f"{python} {ROOT}/data/examples/sklearn_digits/train.py {{config_file}}",
            "objectives": [("accuracy", "max"), ("train_ms", "min"), ("support_vectors", "min")],
            "suggest": suggest_sklearn, "timeout": 60, "env": {}},
        "toy": {
            "space": f"{ROOT}/data/examples/toy/space.json",
            "command": f"sh {ROOT}/data/examples/toy/evaluate.sh",
            "objectives": [("f1", "min"), ("f2", "max")],
            "suggest": suggest_toy, "timeout": 0.25,
            "env": {"TOY_CRASH_ABOVE": "2.5", "TOY_SLEEP": "0.02", "TOY_SLEEP_SCALE": "0.06"}},
        "zdt1": {
            "space": f"{ROOT}/benchmarks_suite/hpo/zdt1_faulty_space.json",
            "command": f"sh {ROOT}/benchmarks_suite/hpo/zdt1_faulty.sh",
            "objectives": [("f1", "min"), ("f2", "min")],
            "suggest": suggest_zdt1, "timeout": 0.5, "env": {}},
    }


def objectives_flag(task):
    return ",".join(name + (":max" if sense == "max" else "") for name, sense in task["objectives"])


# --- paretokit ----------------------------------------------------------------------------------

def run_paretokit(args, task, seed, budget, out, mpi):
    command = [args.paretokit, "sweep", "--space", task["space"], "--command", task["command"],
               "--objectives", objectives_flag(task), "--budget", str(budget),
               "--timeout", str(task["timeout"]), "--seed", str(seed), "--algorithm", "nsga2",
               "--algorithm-params", json.dumps({"pop_size": args.pop_size}), "--out", out, "--json"]
    if mpi:
        command = [args.mpirun, "--oversubscribe", "--allow-run-as-root", "-n", str(args.workers + 1)] + \
            command + ["--evaluator", "mpi"]
    else:
        command += ["--workers", str(args.workers)]
    env = dict(os.environ, **task["env"])
    start = time.perf_counter()
    done = subprocess.run(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr}")
    points, program_seconds, failed = [], 0.0, 0
    with open(os.path.join(out, "trials.jsonl")) as f:
        lines = [json.loads(line) for line in f]
    for record in lines:
        outcome = json.load(open(os.path.join(out, "trials", str(record["trial"]), "outcome.json")))
        program_seconds += outcome["seconds"]
        if record.get("status", "success") != "success":
            failed += 1
        else:
            points.append([float(v) for v in record["f"]])  # the library's minimized form
    return {"wall": wall, "trials": len(lines), "program_seconds": program_seconds, "failed": failed,
            "points": points}


# --- optuna -------------------------------------------------------------------------------------

# Python >= 3.11: process_group=0; before: setpgid in the child.
OWN_GROUP = {"process_group": 0} if sys.version_info >= (3, 11) else {"preexec_fn": os.setpgrp}


class TrialFailed(Exception):
    pass


def environment_name(name):
    return "PARETOKIT_PARAM_" + "".join(c.upper() if c.isalnum() else "_" for c in name)


def read_result(trial_dir):
    path = os.path.join(trial_dir, "result.json")
    if os.path.exists(path):
        with open(path) as f:
            return json.load(f)
    with open(os.path.join(trial_dir, "stdout")) as f:
        for line in reversed(f.read().splitlines()):
            if line.strip().startswith("{"):
                try:
                    return json.loads(line)
                except ValueError:
                    pass
    raise TrialFailed("no result")


def run_optuna(args, task, seed, budget, out, sampler_name):
    os.makedirs(os.path.join(out, "trials"), exist_ok=True)
    lock = threading.Lock()
    totals = {"program_seconds": 0.0}

    def objective(trial):
        config = task["suggest"](trial)
        trial_dir = os.path.join(out, "trials", str(trial.number))
        os.makedirs(trial_dir, exist_ok=True)
        config_file = os.path.join(trial_dir, "config.json")
        with open(config_file, "w") as f:
            json.dump(config, f)
        env = dict(os.environ, **task["env"])
        env.update({environment_name(k): (v if isinstance(v, str) else json.dumps(v)) for k, v in config.items()})
        env.update({"PARETOKIT_TRIAL": str(trial.number), "PARETOKIT_TRIAL_DIR": trial_dir,
                    "PARETOKIT_CONFIG_FILE": config_file})
        command = task["command"].replace("{config_file}", config_file)
        with open(os.path.join(trial_dir, "stdout"), "w") as so, open(os.path.join(trial_dir, "stderr"), "w") as se:
            start = time.perf_counter()
            # Its own process group in our session, as paretokit's trials
            # (not a new session: under the kernel's autogroup scheduling,
            # sched_autogroup_enabled = 1 as on Debian, each session shares
            # one CPU share, so setsid'd trials would get more of a loaded
            # machine than paretokit's: measured 2x on this one).
            child = subprocess.Popen(["/bin/sh", "-c", command], stdout=so, stderr=se, env=env, **OWN_GROUP)
            try:
                code = child.wait(timeout=task["timeout"])
            except subprocess.TimeoutExpired:
                os.killpg(child.pid, signal.SIGKILL)
                child.wait()
                code = None
            seconds = time.perf_counter() - start
        with lock:
            totals["program_seconds"] += seconds
        if code is None:
            raise TrialFailed("timeout")
        if code != 0:
            raise TrialFailed(f"exit code {code}")
        result = read_result(trial_dir)
        return tuple(float(result[name]) for name, _ in task["objectives"])

    if sampler_name == "nsga2":
        sampler = optuna.samplers.NSGAIISampler(population_size=args.pop_size, seed=seed)
    else:
        sampler = optuna.samplers.TPESampler(seed=seed)
    directions = ["maximize" if sense == "max" else "minimize" for _, sense in task["objectives"]]
    study = optuna.create_study(directions=directions, sampler=sampler)
    start = time.perf_counter()
    study.optimize(objective, n_trials=budget, n_jobs=args.workers, catch=(TrialFailed,))
    wall = time.perf_counter() - start
    points, failed = [], 0
    for trial in study.trials:
        if trial.state == optuna.trial.TrialState.COMPLETE:
            points.append([-v if sense == "max" else v for v, (_, sense) in zip(trial.values, task["objectives"])])
        else:
            failed += 1
    return {"wall": wall, "trials": len(study.trials), "program_seconds": totals["program_seconds"],
            "failed": failed, "points": points}


# --- figures ------------------------------------------------------------------------------------

def hypervolumes(paretokit, runs, work):
    """One reference per task over all its runs' points; `paretokit hv` per run."""
    points = [p for run in runs for p in run["points"] if all(math.isfinite(v) for v in p)]
    if not points:
        return None
    m = len(points[0])
    hi = [max(p[j] for p in points) for j in range(m)]
    lo = [min(p[j] for p in points) for j in range(m)]
    reference = [hi[j] + 0.1 * (hi[j] - lo[j]) for j in range(m)]
    values = []
    for run in runs:
        single = os.path.join(work, "one.txt")
        with open(single, "w") as f:
            f.write("\n".join(" ".join(repr(v) for v in p) for p in run["points"]) + "\n")
        if not run["points"]:
            values.append(0.0)
            continue
        done = subprocess.run([paretokit, "hv", "--json", "--reference", ",".join(repr(r) for r in reference),
                               single], stdout=subprocess.PIPE, text=True, check=True)
        values.append(json.loads(done.stdout)["sets"][0]["hypervolume"])
    return reference, values


def mean_sd(values, digits):
    if len(values) == 1:
        return f"{values[0]:.{digits}f}"
    return f"{statistics.mean(values):.{digits}f} +- {statistics.stdev(values):.{digits}f}"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--paretokit", default=os.path.join(ROOT, "build", "apps", "paretokit"))
    parser.add_argument("--tasks", default="sklearn,toy,zdt1")
    parser.add_argument("--seeds", default="1,2,3")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--budget", type=int, default=48, help="trials of the synthetic tasks")
    parser.add_argument("--sklearn-budget", type=int, default=16)
    parser.add_argument("--pop-size", type=int, default=8, help="NSGA-II's population, both tools")
    parser.add_argument("--mpi", action="store_true", help="also paretokit under mpirun --evaluator mpi")
    parser.add_argument("--mpirun", default="mpirun")
    parser.add_argument("--out", help="keep the run folders and results.json here (default: a temp folder)")
    args = parser.parse_args()

    if optuna is None:
        print(f"SKIP: optuna is not importable by {sys.executable} (Debian: python3-optuna; "
              "run with /usr/bin/python3)")
        return 0
    optuna.logging.set_verbosity(optuna.logging.ERROR)  # not a line per failed trial
    if not os.access(args.paretokit, os.X_OK):
        sys.exit(f"no paretokit executable at {args.paretokit} (--paretokit)")
    all_tasks = tasks(sys.executable)
    chosen = [t for t in args.tasks.split(",") if t]
    for name in chosen:
        if name not in all_tasks:
            sys.exit(f"unknown task {name!r} (sklearn, toy, zdt1)")
    if "sklearn" in chosen:
        try:
            import sklearn  # noqa: F401
        except ImportError:
            print(f"SKIP sklearn: scikit-learn is not importable by {sys.executable} (Debian: python3-sklearn)")
            chosen.remove("sklearn")
    if args.mpi and shutil.which(args.mpirun) is None:
        sys.exit(f"--mpi: no {args.mpirun} on PATH")
    seeds = [int(s) for s in args.seeds.split(",")]
    work = args.out or tempfile.mkdtemp(prefix="paretokit-optuna-")
    os.makedirs(work, exist_ok=True)
    optimizers = ["paretokit-nsga2"] + (["paretokit-mpi"] if args.mpi else []) + ["optuna-nsga2", "optuna-tpe"]
    print(f"# paretokit vs Optuna {optuna.__version__}: workers {args.workers}, seeds {args.seeds}, "
          f"NSGA-II population {args.pop_size}, load average {os.getloadavg()[0]:.1f} at the start", flush=True)

    results = []
    for name in chosen:
        task = all_tasks[name]
        budget = args.sklearn_budget if name == "sklearn" else args.budget
        runs = []
        # Interleaved: each seed runs every optimizer before the next seed, so
        # the machine's load drifts over all of them alike.
        for seed in seeds:
            for optimizer in optimizers:
                out = os.path.join(work, f"{name}-{optimizer}-seed{seed}")
                shutil.rmtree(out, ignore_errors=True)
                if optimizer.startswith("paretokit"):
                    run = run_paretokit(args, task, seed, budget, out, optimizer == "paretokit-mpi")
                else:
                    run = run_optuna(args, task, seed, budget, out, optimizer.split("-")[1])
                run.update({"task": name, "optimizer": optimizer, "seed": seed, "budget": budget})
                runs.append(run)
                print(f"  {name} {optimizer} seed {seed}: {run['wall']:.2f} s, {run['trials']} trials, "
                      f"{run['failed']} failed", flush=True)
        reference, values = hypervolumes(args.paretokit, runs, work)
        for run, hv in zip(runs, values):
            run["hv"] = hv
            run["reference"] = reference
            w = args.workers
            run["utilization"] = run["program_seconds"] / (w * run["wall"])
            run["overhead_ms"] = 1000 * (w * run["wall"] - run["program_seconds"]) / run["trials"]
        results.extend(runs)

    with open(os.path.join(work, "results.json"), "w") as f:
        json.dump([{k: v for k, v in r.items() if k != "points"} for r in results], f, indent=1)
    print(f"\nload average {os.getloadavg()[0]:.1f} at the end; run folders and results.json in {work}\n")
    print("| task | optimizer | trials | wall s | overhead ms/trial | utilization | failed | hypervolume |")
    print("|---|---|---|---|---|---|---|---|")
    for name in chosen:
        for optimizer in optimizers:
            rows = [r for r in results if r["task"] == name and r["optimizer"] == optimizer]
            print(f"| {name} | {optimizer} | {rows[0]['budget']} | {mean_sd([r['wall'] for r in rows], 2)} | "
                  f"{mean_sd([r['overhead_ms'] for r in rows], 1)} | {mean_sd([r['utilization'] for r in rows], 3)} | "
                  f"{mean_sd([r['failed'] for r in rows], 1)} | {mean_sd([r['hv'] for r in rows], 4)} |")
    for name in chosen:
        reference = next(r["reference"] for r in results if r["task"] == name)
        print(f"\n{name}: hypervolume reference {[round(v, 6) for v in reference]} (minimization form)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
