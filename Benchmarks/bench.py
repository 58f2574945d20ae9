#!/usr/bin/env python3
"""Whole-process benchmarks of the release build: median wall time and peak memory.

Each case runs a fresh process RUNS times; peak memory is the child's maximum
resident set size (getrusage), so it includes the runtime and SQLite.
"""
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# HOMECOMING_BENCH_BIN names another build, to measure before and after a change in one run.
BIN = os.environ.get("HOMECOMING_BENCH_BIN") or os.path.join(ROOT, ".build", "release", "homecoming")
RUNS = int(os.environ.get("RUNS", "7"))

def run_once(args, env, spawn):
    """One whole process, output discarded; returns (seconds, rusage)."""
    before = time.perf_counter()
    if spawn:
        quiet = [(os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0), (os.POSIX_SPAWN_OPEN, 2, os.devnull, os.O_WRONLY, 0)]
        pid = os.posix_spawn(args[0], args, env or os.environ, file_actions=quiet)
    else:
        pid = os.fork()
        if pid == 0:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 1)
            os.dup2(devnull, 2)
            os.execve(args[0], args, env or os.environ)
    _, status, usage = os.wait4(pid, 0)
    elapsed = time.perf_counter() - before
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(args)}")
    return elapsed, usage


def measure(args, env=None, prepare=None):
    """Runs args RUNS times (after prepare() each time); returns (median seconds, max peak MiB).

    Times come from posix_spawn (vfork-like): forking this Python process first added about
    1 ms to every measured process, a tenth of a chart. Peak memory comes from three more runs
    started with fork + exec: a vfork child's ru_maxrss includes the parent's memory (they
    share it until exec), so it would report Python's size for any process smaller than it.
    """
    times, peaks = [], []
    for _ in range(RUNS):
        if prepare:
            prepare()
        times.append(run_once(args, env, spawn=True)[0])
    for _ in range(3):
        if prepare:
            prepare()
        peaks.append(run_once(args, env, spawn=False)[1].ru_maxrss / 1024)
    return statistics.median(times), max(peaks)


def import_cases(work):
    synthetic = os.path.join(work, "synthetic-100k.csv")
    with open(synthetic, "w") as f:
        subprocess.run([sys.executable, os.path.join(ROOT, "Benchmarks", "synthetic.py"), "100000"], stdout=f, check=True)
    db = os.path.join(work, "bench.sqlite")

    def fresh():
        for suffix in ("", "-journal"):
            if os.path.exists(db + suffix):
                os.remove(db + suffix)

    rows = []
    t, m = measure([BIN, "import", synthetic, "--database", db, "--no-seed", "--now", "2026-11-26"], prepare=fresh)
    rows.append(("import 100,000 synthetic exchanges (empty store)", t, m, "< 2 s, < 150 MiB", t < 2 and m < 150))
    t, m = measure([BIN, "import", synthetic, "--database", db, "--no-seed", "--now", "2026-11-26"])
    rows.append(("re-import the same 100,000 (nothing to change)", t, m, "", None))
    seeded = os.path.join(work, "seeded.sqlite")
    env = dict(os.environ, HOMECOMING_DATA=os.path.join(ROOT, "Data"))
    t, m = measure([BIN, "check", "--database", seeded, "--now", "2026-11-26"], env=env,
                   prepare=lambda: os.path.exists(seeded) and os.remove(seeded))
    rows.append(("seed from Data/ + check (bundled, first run)", t, m, "", None))
    return rows, db


def chart_cases(work, synthetic_db):
    """homecoming chart per-year + per-exchange (SVG + PNG at 2x, article), beside matplotlib and gnuplot."""
    seeded = os.path.join(work, "charts.sqlite")
    env = dict(os.environ, HOMECOMING_DATA=os.path.join(ROOT, "Data"), HOMECOMING_DATABASE=seeded)
    subprocess.run([BIN, "check", "--now", "2026-11-26"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    out = os.path.join(work, "charts")
    rows, ours = [], {}
    for kind in ("per-year", "per-exchange"):
        ours[kind] = measure([BIN, "chart", kind, "--now", "2026-11-26", "--out", out], env=env)
        rows.append((f"homecoming chart {kind}", *ours[kind], "", None))
    total = sum(t for t, _ in ours.values())
    peak = max(m for _, m in ours.values())

    anchors = {}
    mpl_out, gp_out = os.path.join(work, "mpl"), os.path.join(work, "gnuplot")
    os.makedirs(mpl_out, exist_ok=True)
    os.makedirs(gp_out, exist_ok=True)
    anchor_dir = os.path.join(ROOT, "Benchmarks", "anchors")
    try:
        import matplotlib  # noqa: F401
        anchors["matplotlib"] = measure([sys.executable, os.path.join(anchor_dir, "charts_matplotlib.py"), out, mpl_out])
    except ImportError:
        print("matplotlib is not installed: pip install matplotlib", file=sys.stderr)
    if shutil.which("gnuplot"):
        anchors["gnuplot"] = measure(["/bin/bash", os.path.join(anchor_dir, "charts_gnuplot.sh"), out, gp_out])
    else:
        print("gnuplot is not installed: apt-get install gnuplot-nox", file=sys.stderr)
    for name, (t, m) in anchors.items():
        rows.append((f"{name}: the same two charts, SVG + PNG", t, m, "", None))
    rows.append(("homecoming, both charts (sum of the two)", total, peak, "< 40 MiB", peak < 40))
    if "matplotlib" in anchors:
        ratio = anchors["matplotlib"][0] / total
        rows.append((f"  {ratio:.1f}x faster than matplotlib", total, peak, ">= 20x", ratio >= 20))
    if "gnuplot" in anchors:
        ratio = anchors["gnuplot"][0] / total
        rows.append((f"  {ratio:.1f}x faster than gnuplot", total, peak, ">= 4x", ratio >= 4))

    env100k = dict(os.environ, HOMECOMING_DATABASE=synthetic_db)
    # Every synthetic row (they reach back to 1752): without --from a chart starts at the invasion.
    big = [measure([BIN, "chart", kind, "--from", "1700-01-01", "--now", "2026-11-26", "--out", os.path.join(work, "big")], env=env100k)
           for kind in ("per-year", "per-exchange")]
    t100k, m100k = sum(t for t, _ in big), max(m for _, m in big)
    rows.append(("homecoming, both charts, 100,000 synthetic exchanges", t100k, m100k, "< 0.3 s, < 150 MiB", t100k < 0.3 and m100k < 150))

    sizes = []
    for level in ("fast", "1", "3", "6", "9"):
        t, _ = measure([BIN, "chart", "per-year", "--format", "png", "--png-compression", level, "--now", "2026-11-26",
                        "--out", os.path.join(work, f"level{level}")], env=env)
        sizes.append((level, t, os.path.getsize(os.path.join(work, f"level{level}", "per-year.png"))))
    return rows, sizes


def weekly_case(work):
    """The whole weekly job on the bundled data: both languages, all formats, all charts, index and feed."""
    seeded = os.path.join(work, "weekly.sqlite")
    out = os.path.join(work, "weekly-out")
    env = dict(os.environ, HOMECOMING_DATA=os.path.join(ROOT, "Data"))
    subprocess.run([BIN, "check", "--database", seeded, "--now", "2026-11-26"], env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)

    def fresh():
        shutil.rmtree(out, ignore_errors=True)

    t, m = measure([BIN, "weekly", "--quiet", "--database", seeded, "--now", "2026-11-26", "--out", out], env=env, prepare=fresh)
    rows = [("homecoming weekly (en+uk, html+md+txt, 3 charts each)", t, m, "< 0.25 s, < 40 MiB", t < 0.25 and m < 40)]
    t, m = measure([BIN, "weekly", "--quiet", "--database", seeded, "--now", "2026-11-26", "--out", out], env=env)
    rows.append(("homecoming weekly again (up to date, nothing written)", t, m, "", None))
    return rows


def main():
    if not os.path.exists(BIN):
        sys.exit("build first: make release")
    work = tempfile.mkdtemp(prefix="homecoming-bench-")
    try:
        imports, synthetic_db = import_cases(work)
        charts, sizes = chart_cases(work, synthetic_db)
        charts += weekly_case(work)
        print(f"{'case':58} {'median':>9} {'peak':>10}  target")
        ok = True
        for name, t, m, target, passed in imports + charts:
            mark = "" if passed is None else ("  ok" if passed else "  MISSED")
            ok = ok and passed is not False
            print(f"{name:58} {t * 1000:7.1f} ms {m:6.1f} MiB  {target}{mark}")
        print("\nPNG compression (per-year, 2400x1350, whole process):")
        for level, t, size in sizes:
            print(f"  {level if level == 'fast' else 'zlib ' + level:>7}: {t * 1000:6.1f} ms  {size / 1024:7.1f} KiB")
        print(f"({RUNS} runs each, release build, {os.cpu_count()} cores)")
        sys.exit(0 if ok else 1)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
