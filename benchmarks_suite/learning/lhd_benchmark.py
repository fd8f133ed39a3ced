#!/usr/bin/env python3
"""Quality and speed of the expensive-problem optimizers (issue 13).

For each problem and seed, runs `paretokit sweep --budget B` with psl-mobo,
svh-psl, parego and nsga2 (pop_size 20, so that 120 evaluations are six
generations), and reports the log hypervolume difference

    LHD = ln(HV(true front) - HV(found front))

with the SVH-PSL paper's reference points (from its code's table), the
median over seeds, and the CPU seconds per batch (GP fit + set-model
training + selection; CPU time, since the machine may be shared). The true
front is the problem's known front (`paretokit front`, 2000 points) or, for
the RE problems, the non-dominated set of three long NSGA-II runs (pop 200,
500 generations) and of every front the benchmark's runs found (the long
runs alone miss parts of RE33's front that 120-evaluation runs reach).

    python3 benchmarks_suite/learning/lhd_benchmark.py --cli build/apps/paretokit \
        --work /tmp/lhd --seeds 1,2,3 --problems zdt1,re33 --jobs 2

Prints a Markdown table and writes WORK/results.json.
"""
import argparse
import json
import math
import os
import statistics
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

# Reference points of the SVH-PSL code (run_svh.py); VLMOP2 as there.
REFERENCE = {
    "zdt1": [0.9994, 6.0576],
    "zdt2": [0.9994, 6.8960],
    "zdt3": [0.9994, 6.0571],
    "vlmop2": [1.1, 1.1],
    "re21": [2886.3695604236013, 0.039999999999998245],
    "re32": [37.7831517014, 17561.6, 425062976.628],
    "re33": [5.3067, 3.12833430979, 25.0],
    "re36": [5.931, 56.0, 0.355720675227],
    "re37": [0.98949120096, 0.956587924661, 0.987530948586],
    "re41": [39.2905121788, 4.42725, 13.09138125, 9.49401929991],
}
# Problem sizes of the SVH-PSL code: ZDT with 20 variables (our GP's default
# limit; the n = 30 needs max_variables 30), VLMOP2 with 6.
PARAMS = {"zdt1": {"n_var": 20}, "zdt2": {"n_var": 20}, "zdt3": {"n_var": 20}, "vlmop2": {"n_var": 6}}
ALGORITHMS = {
    "svh-psl": {},
    "psl-mobo": {},
    "parego": {},
    "nsga2": {"pop_size": 20},
}


def run(cmd):
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


def hypervolume(cli, points_file, reference):
    out = run([cli, "hv", "--json", "--reference", ",".join(map(str, reference)), points_file])
    return float(json.loads(out)["sets"][0]["hypervolume"])


def true_front(cli, work, problem):
    path = os.path.join(work, f"true-{problem}.txt")
    if os.path.exists(path):
        return path
    params = json.dumps(PARAMS.get(problem, {}))
    try:
        text = run([cli, "front", "--problem", problem, "--problem-params", params, "-n", "2000"])
    except subprocess.CalledProcessError:
        fronts = []
        for seed in (1, 2, 3):
            out = os.path.join(work, f"true-{problem}-nsga2-{seed}")
            if not os.path.exists(os.path.join(out, "front.txt")):
                run([cli, "sweep", "--problem", problem, "--problem-params", params, "--algorithm", "nsga2",
                     "--algorithm-params", '{"pop_size": 200}', "--generations", "500", "--seed", str(seed),
                     "--threads", "1", "--out", out])
            fronts.append(os.path.join(out, "front.txt"))
        merged = "".join(open(f).read().strip() + "\n" for f in fronts)
        tmp = path + ".all"
        open(tmp, "w").write(merged)
        text = run([cli, "nondominated", tmp])
    open(path, "w").write(text)
    return path


def one_run(cli, work, problem, algorithm, seed, budget):
    out = os.path.join(work, f"{problem}-{algorithm}-{seed}")
    if not os.path.exists(os.path.join(out, "summary.json")):
        proc = subprocess.Popen(
            [cli, "sweep", "--problem", problem, "--problem-params", json.dumps(PARAMS.get(problem, {})),
             "--algorithm", algorithm, "--algorithm-params", json.dumps(ALGORITHMS[algorithm]),
             "--budget", str(budget), "--seed", str(seed), "--threads", "1", "--out", out],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(proc.pid, 0)  # this child's own CPU time
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            raise RuntimeError(f"{out}: exit {proc.returncode}: {proc.stderr.read().decode()}")
        cpu = usage.ru_utime + usage.ru_stime
        json.dump({"cpu_seconds": cpu}, open(os.path.join(out, "cpu.json"), "w"))
    summary = json.load(open(os.path.join(out, "summary.json")))
    cpu_file = os.path.join(out, "cpu.json")  # absent when the run finished without this script
    cpu = json.load(open(cpu_file))["cpu_seconds"] if os.path.exists(cpu_file) else float("nan")
    return out, summary, cpu


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cli", default="build/apps/paretokit")
    parser.add_argument("--work", default="/tmp/paretokit-lhd")
    parser.add_argument("--seeds", default="1,2,3")
    parser.add_argument("--problems", default="zdt1,zdt2,zdt3,vlmop2,re21,re33,re37")
    parser.add_argument("--algorithms", default="svh-psl,psl-mobo,parego,nsga2")
    parser.add_argument("--budget", type=int, default=120)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    os.makedirs(args.work, exist_ok=True)
    seeds = [int(s) for s in args.seeds.split(",")]
    problems = args.problems.split(",")
    algorithms = args.algorithms.split(",")

    true_hv = {}
    for p in problems:
        true_hv[p] = hypervolume(args.cli, true_front(args.cli, args.work, p), REFERENCE[p])

    tasks = [(p, a, s) for p in problems for a in algorithms for s in seeds]
    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        runs = list(pool.map(lambda t: (t, one_run(args.cli, args.work, *t, args.budget)), tasks))

    # Unknown fronts (RE): the long NSGA-II runs may miss parts that the
    # short runs find, so the reference is the non-dominated union of both.
    for p in problems:
        if os.path.exists(os.path.join(args.work, f"true-{p}.txt.all")):
            merged = os.path.join(args.work, f"reference-{p}.txt")
            parts = [true_front(args.cli, args.work, p)] + [
                os.path.join(out, "front.txt") for (q, _, _), (out, _, _) in runs if q == p]
            open(merged + ".all", "w").write("".join(open(f).read().strip() + "\n" for f in parts))
            open(merged, "w").write(run([args.cli, "nondominated", merged + ".all"]))
            true_hv[p] = max(true_hv[p], hypervolume(args.cli, merged, REFERENCE[p]))

    results = {}
    for (p, a, s), (out, summary, cpu) in runs:
        hv = hypervolume(args.cli, os.path.join(out, "front.txt"), REFERENCE[p])
        gap = true_hv[p] - hv
        lhd = math.log(gap) if gap > 0 else float("-inf")
        batches = max(summary.get("generations", 1) - 1, 1)
        results.setdefault(p, {}).setdefault(a, []).append(
            {"seed": s, "hv": hv, "lhd": lhd, "cpu_seconds": cpu, "cpu_seconds_per_batch": cpu / batches,
             "evaluations": summary.get("evaluations")})
    json.dump({"budget": args.budget, "true_hv": true_hv, "results": results},
              open(os.path.join(args.work, "results.json"), "w"), indent=1)

    print(f"LHD = ln(HV(true) - HV(found)) at {args.budget} evaluations, median over seeds {args.seeds} "
          f"(CPU s per batch in brackets)\n")
    print("| problem | " + " | ".join(algorithms) + " |")
    print("|---|" + "---|" * len(algorithms))
    for p in problems:
        cells = []
        for a in algorithms:
            rs = results[p][a]
            lhd = statistics.median(r["lhd"] for r in rs)
            per = statistics.median(r["cpu_seconds_per_batch"] for r in rs)
            cells.append(f"{lhd:.2f} ({per:.2f} s)" if a != "nsga2" else f"{lhd:.2f}")
        print(f"| {p} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    sys.exit(main())
