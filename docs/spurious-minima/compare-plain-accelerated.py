#!/usr/bin/env python3
"""Run-by-run comparison of `landscape spurious` (accelerated) and `landscape spurious --plain` output directories.

Usage: compare-plain-accelerated.py CSV_OUT ACC_ROOT PLAIN_ROOT K:N [K:N ...]

ACC_ROOT/kK-nN and PLAIN_ROOT/kK-nN are `--out` directories of the same cell with the same --seed and --runs (the
per-run seeds are checked to be equal, so run r started from the same point in both). Reads their runs.jsonl (end
state of every run; end point of candidates F >= 1e-3) and summary.json (which candidate families are minima), writes
one CSV line per run to CSV_OUT (the per-run seed is
Initialization.runSeed(seed, run), equal in both logs, so it is not repeated) and prints a per-cell summary (markdown table) and every run that differs.

Per run the class is: global (F < 1e-3), spurious (in a family of local minima), saddle (converged candidate that is not
a minimum), unconverged (candidate at the step cap) or diverged. Two runs agree when their classes are equal and, for
candidates, their end values agree to 1e-6 (relative) and their end points (same start, so no permutation) are within
1e-4 (the family tolerance).
"""
import csv
import json
import math
import sys

THRESHOLD = 1e-3
F_TOL = 1e-6
X_TOL = 1e-4


def load(d):
    with open(d + "/runs.jsonl") as fh:
        lines = [json.loads(l) for l in fh if l.strip()]
    header, runs = lines[0], {}
    for o in lines[1:]:
        runs[o["run"]] = o  # a resumed log may repeat nothing; last line wins anyway
    with open(d + "/summary.json") as fh:
        summary = json.load(fh)
    minima = {r for f in summary["families"] for r in f["runs"]}
    saddles = {r for f in summary["otherCandidates"] for r in f["runs"]}
    return header, runs, minima, saddles, summary


def value(o):
    v = o["value"]
    return float(v) if isinstance(v, str) else v


def klass(o, minima, saddles):
    if o["stop"] == "DIVERGED":
        return "diverged"
    if value(o) < THRESHOLD:
        return "global"
    if o["run"] in minima:
        return "spurious"
    if o["run"] in saddles:
        return "saddle"
    return "unconverged"


def distance(a, b):
    if a.get("point") is None or b.get("point") is None:
        return None
    return math.sqrt(sum((x - y) ** 2 for x, y in zip(a["point"], b["point"])))


def fmt(f):
    """End values: 10 significant digits for candidates, 4 for global runs (only the class matters there), never
    rounded up to the threshold."""
    if f >= THRESHOLD:
        return "%.10g" % f
    short = "%.4g" % f
    return short if float(short) < THRESHOLD else repr(f)


def wilson(s, n, z=1.959963984540054):
    p = s / n
    den = 1 + z * z / n
    c = (p + z * z / (2 * n)) / den
    h = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / den
    return 100 * max(0.0, c - h), 100 * min(1.0, c + h)


def main():
    out, acc_root, plain_root, cells = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
    rows, table, diffs = [], [], []
    for cell in cells:
        k, n = (int(x) for x in cell.split(":"))
        name = "k%d-n%d" % (k, n)
        ah, acc, amin, asad, asum = load(acc_root + "/" + name)
        ph, plain, pmin, psad, psum = load(plain_root + "/" + name)
        assert ah["mode"] == "accelerated" and ph["mode"] == "plain", (ah, ph)
        assert ah["seed"] == ph["seed"], (ah, ph)
        runs = sorted(set(acc) & set(plain))
        cap = ph["maxSteps"]
        agree = capped = 0
        max_dist = max_df = 0.0
        for r in runs:
            a, p = acc[r], plain[r]
            assert a["seed"] == p["seed"], (k, n, r)
            ca, cp = klass(a, amin, asad), klass(p, pmin, psad)
            fa, fp = value(a), value(p)
            dist = distance(a, p)
            same = ca == cp
            if same and ca not in ("global", "diverged"):
                same = abs(fa - fp) <= F_TOL * max(1.0, abs(fa)) and dist is not None and dist <= X_TOL
            agree += same
            if same and dist is not None:
                max_dist = max(max_dist, dist)
                max_df = max(max_df, abs(fa - fp))
            hit = p["stop"] == "MAX_STEPS"
            capped += hit
            row = [k, n, r, a["stop"], a["totalIterations"], fmt(fa), ca,
                   p["stop"], p["totalIterations"], fmt(fp), "%.3g" % float(p["maxGradient"]), cp,
                   "" if dist is None else "%.2e" % dist, "yes" if same else "no"]
            rows.append(row)
            if not same:
                diffs.append(row)
        sp_a = sum(1 for r in runs if klass(acc[r], amin, asad) == "spurious")
        sp_p = sum(1 for r in runs if klass(plain[r], pmin, psad) == "spurious")
        lo, hi = wilson(sp_p, len(runs))
        cpu = sum(plain[r]["cpuSeconds"] for r in runs)
        its = sorted(plain[r]["totalIterations"] for r in runs)
        tail = sum(1 for i in its if i > 100_000)
        table.append("| (%d,%d) | %d | %d | %d | %.1f | %.1f [%.1f, %.1f] | %.1e | %.1e | %d | %d | %d | %d | %.0f |" % (
            k, n, len(runs), len(runs) - agree, capped, 100.0 * sp_a / len(runs), 100.0 * sp_p / len(runs), lo, hi,
            max_dist, max_df, its[len(its) // 2], tail, its[-1], cap, cpu))
    with open(out, "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["k", "n", "run", "accStop", "accIterations", "accF", "accClass", "plainStop",
                    "plainIterations", "plainF", "plainMaxGradient", "plainClass", "endDistance", "agree"])
        w.writerows(rows)
    print("| cell | runs compared | runs that differ | plain runs at the cap | accelerated % | plain % [95 % CI] "
          "| candidates: max end-point distance | max abs. F difference | plain steps, median | plain runs > 10⁵ steps | plain steps, max | cap | plain CPU s |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    print("\n".join(table))
    print()
    print("differing runs: %d" % len(diffs))
    for d in diffs:
        print(",".join(str(x) for x in d))


if __name__ == "__main__":
    main()
