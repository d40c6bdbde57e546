"""Data loading, timing and output shared by the Python peers in bench/py/.

The data files are described in bench/common.R: float64 row-major x, int32
labels, and a `name.meta` text file with n and p.
"""
import json
import os
import statistics
import sys
import time

import numpy as np

BENCH_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def read_meta(name):
    with open(os.path.join(BENCH_DIR, "data", name + ".meta")) as f:
        return dict(line.split(" ", 1) for line in f.read().splitlines())


def load(name):
    meta = read_meta(name)
    n, p = int(meta["n"]), int(meta["p"])
    prefix = os.path.join(BENCH_DIR, "data", name)
    x = np.fromfile(prefix + ".x.f64", dtype="<f8", count=n * p).reshape(n, p)
    y = np.fromfile(prefix + ".y.i32", dtype="<i4", count=n)
    return x, y


def args():
    if len(sys.argv) != 5:
        sys.exit("usage: <worker> METHOD DATASET REPS WARMUP(0/1)")
    return sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4] == "1"


def time_median(f, reps, warmup):
    """Median wall time of `reps` runs of f() after an optional untimed run."""
    if warmup:
        f()
    times = []
    for _ in range(reps):
        start = time.perf_counter()
        value = f()
        times.append(time.perf_counter() - start)
    return statistics.median(times), times, value


def emit(result):
    print("BENCH " + json.dumps(result), flush=True)
