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
BIN = os.path.join(ROOT, ".build", "release", "homecoming")
RUNS = int(os.environ.get("RUNS", "7"))

def measure(args, env=None, prepare=None):
    """Runs args RUNS times (after prepare() each time); returns (median seconds, max peak MiB)."""
    times, peaks = [], []
    for _ in range(RUNS):
        if prepare:
            prepare()
        before = time.perf_counter()
        pid = os.fork()
        if pid == 0:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 1)
            os.dup2(devnull, 2)
            os.execve(args[0], args, env or os.environ)
        _, status, usage = os.wait4(pid, 0)
        times.append(time.perf_counter() - before)
        if os.waitstatus_to_exitcode(status) != 0:
            sys.exit(f"failed: {' '.join(args)}")
        peaks.append(usage.ru_maxrss / 1024)
    return statistics.median(times), max(peaks)

def main():
    if not os.path.exists(BIN):
        sys.exit("build first: swift build -c release")
    work = tempfile.mkdtemp(prefix="homecoming-bench-")
    try:
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
        rows.append(("import 100,000 synthetic exchanges (empty store)", t, m, "< 2 s", "< 150 MiB", t < 2 and m < 150))
        t, m = measure([BIN, "import", synthetic, "--database", db, "--no-seed", "--now", "2026-11-26"])
        rows.append(("re-import the same 100,000 (nothing to change)", t, m, "", "", None))
        seeded = os.path.join(work, "seeded.sqlite")
        env = dict(os.environ, HOMECOMING_DATA=os.path.join(ROOT, "Data"))
        t, m = measure([BIN, "check", "--database", seeded, "--now", "2026-11-26"], env=env,
                       prepare=lambda: os.path.exists(seeded) and os.remove(seeded))
        rows.append(("seed from Data/ + check (bundled, first run)", t, m, "", "", None))

        print(f"{'case':52} {'median':>9} {'peak':>10}  target")
        ok = True
        for name, t, m, tt, mt, passed in rows:
            mark = "" if passed is None else ("  ok" if passed else "  MISSED")
            ok = ok and passed is not False
            print(f"{name:52} {t * 1000:7.0f} ms {m:6.1f} MiB  {tt} {mt}{mark}")
        print(f"({RUNS} runs each, release build, {os.cpu_count()} cores)")
        sys.exit(0 if ok else 1)
    finally:
        shutil.rmtree(work, ignore_errors=True)

if __name__ == "__main__":
    main()
