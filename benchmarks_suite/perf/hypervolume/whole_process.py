#!/usr/bin/env python3
"""Whole-process hypervolume: `paretokit hv FILE` against moocore's `hv FILE`.

The same point files (written by `perf_hypervolume --write-fronts`, so the
same fronts as the library-call benchmark) go to both command-line tools,
which run interleaved (ours, moocore, ours, ...), each pinned to one CPU
(`taskset`, so that oneTBB runs one thread), reference point 1.1 in every
objective. A run's time is the child's CPU time (user + system, from
wait4's rusage: startup, reading, parsing, computing and printing), which
other processes on a busy machine do not inflate; --wall measures
wall-clock time instead. Reported: medians, ratio = moocore / paretokit
(above 1: paretokit faster), and the relative difference of the printed
values.

moocore (LGPL/MPL, benchmarks only) is built here from its C source with
its own Makefile (`make hv`, its default flags: -O3 -flto -march=native)
into a temporary folder; without the source its column is left out.

  python3 benchmarks_suite/perf/hypervolume/whole_process.py [--build build]
      [--dims 2,5] [--sizes 1000,1e5] [--fronts sphere,random]
      [--repetitions 5] [--max-seconds 10] [--moocore-timeout 120]
      [--moocore-dir /work/shared/peers/moocore] [--no-moocore] [--wall]
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))

# The hypervolume cells of issue 17 (the hvc cells are library calls only).
GRID = [(2, 100000), (2, 1000000), (3, 10000), (3, 100000), (4, 10000), (5, 1000), (6, 500), (6, 1000),
        (8, 100), (8, 200), (10, 50), (10, 100)]


def number_list(text):
    return [int(float(v)) for v in text.split(",") if v]


def build_moocore(source, work):
    """moocore's `hv` built from a copy of its C source; None if absent or failing."""
    c_dir = os.path.join(source, "c")
    if not os.path.exists(os.path.join(c_dir, "main-hv.c")):
        print(f"# no moocore source at {source}: its column is left out")
        return None
    copy = os.path.join(work, "moocore-c")
    shutil.copytree(c_dir, copy)
    bindir = os.path.join(work, "moocore-bin")
    log = os.path.join(work, "moocore-build.log")
    with open(log, "w") as out:
        status = subprocess.call(["make", "-C", copy, "hv", "BINDIR=" + bindir, "-j2"], stdout=out,
                                 stderr=subprocess.STDOUT)
    binary = os.path.join(bindir, "hv")
    if status != 0 or not os.path.exists(binary):
        print(f"# moocore's hv did not build (see {log}): its column is left out")
        return None
    return binary


def run_once(command, use_wall, timeout):
    """(seconds, stdout) of one run; seconds is None past `timeout`."""
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = start + timeout
    while True:
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            child.kill()
            os.wait4(child.pid, 0)
            return None, ""
        time.sleep(0.0005)
    wall = time.perf_counter() - start
    out = child.stdout.read().decode()
    err = child.stderr.read().decode()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{' '.join(command)} failed: {err.strip()}")
    cpu = usage.ru_utime + usage.ru_stime
    return (wall if use_wall else cpu), out


def format_time(seconds):
    if seconds is None:
        return "-"
    if seconds < 1:
        return f"{seconds * 1e3:.2f} ms"
    return f"{seconds:.3f} s"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build", default=os.path.join(ROOT, "build"), help="paretokit build folder")
    parser.add_argument("--dims", type=number_list, default=None)
    parser.add_argument("--sizes", type=number_list, default=None)
    parser.add_argument("--fronts", default="sphere,random")
    parser.add_argument("--repetitions", type=int, default=5)
    parser.add_argument("--max-seconds", type=float, default=10.0,
                        help="fewer rounds once a cell has taken this long")
    parser.add_argument("--moocore-timeout", type=float, default=120.0,
                        help="wall-clock seconds after which one moocore run is stopped (reported as 'timed out')")
    parser.add_argument("--moocore-dir", default=os.environ.get("PARETOKIT_MOOCORE_DIR",
                                                                 "/work/shared/peers/moocore"))
    parser.add_argument("--no-moocore", action="store_true")
    parser.add_argument("--wall", action="store_true", help="wall-clock instead of CPU time")
    parser.add_argument("--cpu", default="0", help="CPU to pin both tools to (taskset -c); '' for none")
    args = parser.parse_args()

    paretokit = os.path.join(args.build, "apps", "paretokit")
    perf = os.path.join(args.build, "benchmarks_suite", "perf", "hypervolume", "perf_hypervolume")
    for path in (paretokit, perf):
        if not os.path.exists(path):
            sys.exit(f"missing {path}: build the targets paretokit_cli and perf_hypervolume")
    pin = ["taskset", "-c", args.cpu] if args.cpu and shutil.which("taskset") else []
    fronts = [f for f in args.fronts.split(",") if f]

    with tempfile.TemporaryDirectory(prefix="paretokit_hv_process_") as work:
        moocore = None if args.no_moocore else build_moocore(args.moocore_dir, work)
        cells = [(d, n) for d, n in GRID if (not args.dims or d in args.dims) and
                 (not args.sizes or n in args.sizes)]
        fronts_dir = os.path.join(work, "fronts")
        os.makedirs(fronts_dir)
        dims = ",".join(sorted({str(d) for d, _ in cells}))
        sizes = ",".join(sorted({str(n) for _, n in cells}))
        subprocess.check_call([perf, "--dims", dims, "--sizes", sizes, "--fronts", ",".join(fronts),
                               "--no-contributions", "--write-fronts", fronts_dir])

        print(f"# load average {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}; "
              f"{'wall-clock' if args.wall else 'process CPU (user + system)'} time, "
              f"median of up to {args.repetitions} interleaved rounds{', pinned: ' + ' '.join(pin) if pin else ''}")
        header = f"{'d':<3} {'n':<8} {'front':<7} {'paretokit':>12}"
        if moocore:
            header += f" {'moocore':>12} {'ratio':>8} {'rel.diff':>9}"
        print(header)
        for d, n in cells:
            for front in fronts:
                path = os.path.join(fronts_dir, f"hv_d{d}_n{n}_{front}.txt")
                if not os.path.exists(path):
                    continue
                reference = ["1.1"] * d
                contenders = [("paretokit", pin + [paretokit, "hv", "--reference", ",".join(reference), path])]
                if moocore:
                    contenders.append(("moocore", pin + [moocore, "-r", " ".join(reference), path]))
                times = {name: [] for name, _ in contenders}
                values = {}
                timed_out = set()
                started = time.perf_counter()
                for round_index in range(args.repetitions):
                    for name, command in contenders:
                        if name in timed_out:
                            continue
                        limit = args.moocore_timeout if name == "moocore" else 1e9
                        seconds, out = run_once(command, args.wall, limit)
                        if seconds is None:
                            timed_out.add(name)
                            continue
                        times[name].append(seconds)
                        values[name] = float(out.split()[0])
                    if round_index > 0 and time.perf_counter() - started > args.max_seconds:
                        break
                ours = statistics.median(times["paretokit"])
                line = f"{d:<3} {n:<8} {front:<7} {format_time(ours):>12}"
                if moocore:
                    if times["moocore"]:
                        theirs = statistics.median(times["moocore"])
                        diff = abs(values["moocore"] - values["paretokit"]) / max(1e-300, abs(values["paretokit"]))
                        line += f" {format_time(theirs):>12} {theirs / ours:>7.2f}x {diff:>9.1e}"
                    else:  # a wall-clock limit says nothing sure about CPU time: no ratio
                        line += f" {'timed out':>12} {'-':>8} {'-':>9}"
                print(line, flush=True)
        print("# ratio = moocore / paretokit (above 1: paretokit faster); rel.diff compares the printed values "
              "(moocore prints 15 significant digits); 'timed out': moocore stopped after --moocore-timeout "
              "wall-clock seconds")


if __name__ == "__main__":
    main()
