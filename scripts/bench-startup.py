#!/usr/bin/env python3
"""Start-up and memory benchmark: Gardesh's release app against a bare Tauri window
built from the same pins (tests/fixtures/bare-window), under one Xvfb display.

For each round and each app: a fresh data folder, launch, wait for the page to report
its first painted screen (both pages call `ui_ready` after two animation frames; Gardesh
only once the Dashboard has its data), then after a 2 s settle sum the proportional set
size (PSS) and RSS of the app's process tree (the app, WebKitWebProcess,
WebKitNetworkProcess). Prints medians and the ratio.

Usage: python3 scripts/bench-startup.py [--rounds N] [--build]
"""

import argparse
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TARGET = os.environ.get("CARGO_TARGET_DIR", os.path.expanduser("~/.cache/gardesh/target"))
APPS = {
    "gardesh": os.path.join(TARGET, "release", "gardesh"),
    "bare-window": os.path.join(TARGET, "release", "bare-window"),
}


def children(pid):
    """Every descendant of pid, from /proc."""
    parent_of = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
                parent_of[int(entry)] = int(fields[1])
            except OSError:
                pass
    tree, frontier = [pid], [pid]
    while frontier:
        p = frontier.pop()
        kids = [c for c, pp in parent_of.items() if pp == p]
        tree += kids
        frontier += kids
    return tree


def memory_kib(pid):
    pss = rss = 0
    names = []
    for p in children(pid):
        try:
            with open(f"/proc/{p}/smaps_rollup") as f:
                for line in f:
                    if line.startswith("Pss:"):
                        pss += int(line.split()[1])
                    elif line.startswith("Rss:"):
                        rss += int(line.split()[1])
            with open(f"/proc/{p}/comm") as f:
                names.append(f.read().strip())
        except OSError:
            pass
    return pss, rss, names


def one_run(name, binary, display):
    home = tempfile.mkdtemp(prefix=f"bench-{name}-")
    ready = os.path.join(home, "ready")
    env = dict(os.environ, DISPLAY=display, XDG_DATA_HOME=home, GARDESH_READY_FILE=ready)
    t0 = time.perf_counter()
    proc = subprocess.Popen([binary], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while not os.path.exists(ready):
            if proc.poll() is not None:
                raise RuntimeError(f"{name} exited with {proc.returncode} before painting")
            if time.perf_counter() - t0 > 60:
                raise RuntimeError(f"{name} did not paint within 60 s")
            time.sleep(0.005)
        painted_ms = (time.perf_counter() - t0) * 1000
        time.sleep(2.0)
        pss, rss, names = memory_kib(proc.pid)
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        shutil.rmtree(home, ignore_errors=True)
    return painted_ms, pss / 1024, rss / 1024, names


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--build", action="store_true", help="build both release binaries first")
    args = ap.parse_args()
    if args.build:
        subprocess.run(["npm", "--prefix", "ui", "run", "build"], cwd=ROOT, check=True)
        subprocess.run(
            ["cargo", "build", "--release", "-p", "gardesh", "-p", "bare-window"], cwd=ROOT, check=True
        )
    for name, path in APPS.items():
        if not os.path.isfile(path):
            sys.exit(f"{path} is missing: run with --build")

    display = ":87"
    xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1.0)
    results = {name: [] for name in APPS}
    try:
        # Alternate the apps so drift on a busy machine hits both alike; one warm-up each.
        for round_no in range(args.rounds + 1):
            for name, path in APPS.items():
                r = one_run(name, path, display)
                if round_no > 0:
                    results[name].append(r)
                    print(f"round {round_no} {name:12} painted {r[0]:7.0f} ms  PSS {r[1]:6.1f} MiB  "
                          f"RSS {r[2]:6.1f} MiB  ({', '.join(r[3])})", flush=True)
    finally:
        xvfb.terminate()
        xvfb.wait()

    print()
    print(f"{'app':12} {'painted ms (median)':>20} {'PSS MiB (median)':>17} {'RSS MiB (median)':>17}")
    med = {}
    for name, rs in results.items():
        med[name] = tuple(statistics.median(r[i] for r in rs) for i in range(3))
        print(f"{name:12} {med[name][0]:20.0f} {med[name][1]:17.1f} {med[name][2]:17.1f}")
    g, b = med["gardesh"], med["bare-window"]
    print(f"{'ratio':12} {g[0] / b[0]:20.2f} {g[1] / b[1]:17.2f} {g[2] / b[2]:17.2f}")
    print(f"rounds: {args.rounds} (after one warm-up round), machine: {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
