#!/usr/bin/env python3
"""Writes the example fronts shipped in data/fronts/ (deterministic, no randomness).

  zdt1_2d.txt    101 points of the ZDT1 front: f2 = 1 - sqrt(f1), f1 = i/100
  dtlz1_3d.txt    91 points of the DTLZ1 front: simplex lattice (H = 12), sum = 0.5
  dtlz2_3d.txt    91 points of the DTLZ2 front: the same lattice projected onto the unit sphere

Run from anywhere: python3 benchmarks_suite/perf/hypervolume/make_fronts.py
"""
import math
import os

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
OUT = os.path.join(ROOT, "data", "fronts")


def lattice(m, h):
    """Das-Dennis simplex lattice: integer vectors of length m summing to h, over h."""
    if m == 1:
        return [[1.0]]
    points = []
    for first in range(h, -1, -1):
        for rest in lattice_counts(m - 1, h - first):
            points.append([first / h] + [r / h for r in rest])
    return points


def lattice_counts(m, h):
    if m == 1:
        return [[h]]
    return [[k] + rest for k in range(h, -1, -1) for rest in lattice_counts(m - 1, h - k)]


def write(name, header, points):
    with open(os.path.join(OUT, name), "w") as out:
        out.write(header)
        for p in points:
            out.write(" ".join(repr(float(v)) for v in p) + "\n")


def main():
    os.makedirs(OUT, exist_ok=True)
    zdt1 = [[i / 100, 1 - math.sqrt(i / 100)] for i in range(101)]
    write("zdt1_2d.txt", "# ZDT1 Pareto front, 101 points: f2 = 1 - sqrt(f1)\n", zdt1)
    simplex = lattice(3, 12)
    write("dtlz1_3d.txt", "# DTLZ1 Pareto front, 91 points: simplex lattice H = 12, sum = 0.5\n",
          [[0.5 * v for v in p] for p in simplex])
    sphere = [[v / math.sqrt(sum(w * w for w in p)) for v in p] for p in simplex]
    write("dtlz2_3d.txt", "# DTLZ2 Pareto front, 91 points: simplex lattice H = 12 on the unit sphere\n", sphere)


if __name__ == "__main__":
    main()
