#!/bin/bash
# The general evaluator's speed goals (issue 19) measured on this machine, side by side with NumPy, in one command:
# ROUNDS rounds of [FMA peak, JMH value + gradient at k = n = d = 6, 20, 100 (compiled ReLU kernel, SIMD evaluator,
# FORKS forks each), NumPy's best closed form at the same sizes], then one run each of the hand-written kernel, the
# Hessian-vector product against the gradient at 100, -prof gc, and the dense Hessian (CpuTimeDenseHessian against
# the machine's write rate, and NumPy's general_hessian.py at 20). Prints per-fork means, the ratios the goals name
# (× NumPy, × the products' floor at this machine's measured FMA peak) and whether each goal holds.
#
# usage: jmh/goals.sh [ROUNDS] [FORKS]      (default 3 rounds of 2 forks: ≈ 4 min in all on 2 cores)
# needs: jmh/target/benchmarks.jar (mvn -B -DskipTests package), python3 with NumPy, 1 idle core.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
forks=${2:-2}
jar=jmh/target/benchmarks.jar
[ -f "$jar" ] || { echo "$0: build the jars first: mvn -B -DskipTests package" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
vec="-jvmArgsAppend --add-modules=jdk.incubator.vector"
java --add-modules jdk.incubator.vector -cp "$jar" io.landscape.jmh.FmaPeakBenchmark > "$work/lanes.txt" 2>/dev/null
for r in $(seq 1 "$rounds"); do
  echo "goals: round $r of $rounds ($(date +%T))" >&2
  java -jar "$jar" 'FmaPeakBenchmark.peak$' $vec -f 1 -wi 2 -i 3 -rf json -rff "$work/peak$r.json" >/dev/null
  java -jar "$jar" 'GeneralEvaluatorBenchmark.valueAndGradient$' -p size=6,20,100 -p kernel=compiled \
      -p evaluator=vector $vec -f "$forks" -wi 4 -w 1 -i 3 -r 1 -rf json -rff "$work/vg$r.json" >/dev/null
  for s in 6 20 100; do
    OPENBLAS_NUM_THREADS=1 python3 jmh/numpy/general_value_gradient.py $s
  done >> "$work/numpy.txt"
done
echo "goals: hand-written kernel, hvp, allocation ($(date +%T))" >&2
java -jar "$jar" 'GeneralEvaluatorBenchmark.valueAndGradient$' -p size=6,20,100 -p kernel=handwritten \
    -p evaluator=vector $vec -f 1 -wi 4 -w 1 -i 3 -r 1 -rf json -rff "$work/hand.json" >/dev/null
java -jar "$jar" 'GeneralEvaluatorBenchmark.(gradient|hvp)$' -p size=100 -p kernel=compiled -p evaluator=vector \
    $vec -f 1 -wi 4 -w 1 -i 3 -r 1 -rf json -rff "$work/hvp.json" >/dev/null
java -jar "$jar" 'GeneralEvaluatorBenchmark.valueAndGradient$' -p size=6,20,100 -p kernel=compiled \
    -p evaluator=vector $vec -f 1 -wi 4 -w 1 -i 2 -r 1 -prof gc -rf json -rff "$work/gc.json" >/dev/null
echo "goals: dense Hessian ($(date +%T))" >&2
java --add-modules jdk.incubator.vector -Xmx3g -cp "$jar" io.landscape.jmh.CpuTimeDenseHessian 3 20 100 \
    > "$work/hessian.txt" 2>/dev/null
OPENBLAS_NUM_THREADS=1 python3 jmh/numpy/general_hessian.py 20 >> "$work/hessian.txt"
python3 - "$work" "$rounds" <<'PY'
import glob, json, re, statistics, sys
work, rounds = sys.argv[1], int(sys.argv[2])

def load(path):
    return json.load(open(path))

# the machine's peak: vector FMAs per ns (FmaPeakBenchmark) times the lanes of the preferred species
peaks = [r["primaryMetric"]["score"] for f in sorted(glob.glob(work + "/peak*.json")) for r in load(f)]
forks = {}
for f in sorted(glob.glob(work + "/vg*.json")):
    for r in load(f):
        size = int(r["params"]["size"])
        forks.setdefault(size, []).extend(statistics.mean(x) for x in r["primaryMetric"]["rawData"])
numpy = {}
for line in open(work + "/numpy.txt"):
    m = re.search(r"k=n=d=(\d+): ([0-9.]+) us per value\+gradient wall", line)
    if m:
        numpy.setdefault(int(m.group(1)), []).append(float(m.group(2)))
hand = {int(r["params"]["size"]): r["primaryMetric"]["score"] for r in load(work + "/hand.json")}
hv = {r["benchmark"].rsplit(".", 1)[1]: r["primaryMetric"]["score"] for r in load(work + "/hvp.json")}
gc = {int(r["params"]["size"]): next(v["score"] for key, v in r["secondaryMetrics"].items()
                                      if key.endswith("gc.alloc.rate.norm")) for r in load(work + "/gc.json")}

lanes = int(open(work + "/lanes.txt").read().split()[-1])
peak = statistics.median(peaks) * lanes * 1e3  # multiply-adds per µs
def mads(s):  # the products' multiply-adds at k = n = d = s: upper W·Wᵀ, W·Vᵀ, [C | E]·[W; V]
    n = k = d = s
    return n * (n + 1) // 2 * d + n * k * d + n * (n + k) * d

print("FMA peak (one core): %.2f vector FMAs/ns in %d rounds (%s) = %.1f·10⁹ multiply-adds/s at L = %d"
      % (statistics.median(peaks), len(peaks), ", ".join("%.2f" % p for p in peaks), peak / 1e3, lanes))
print()
print("| k = n = d | landscape per fork (µs, sorted) | median fork | NumPy (µs, rounds) | × NumPy (best NumPy / median fork) | products' floor (µs) | median fork / floor |")
print("|---|---|---|---|---|---|---|")
med = {}
for s in sorted(forks):
    fs = sorted(forks[s])
    med[s] = statistics.median(fs)
    nb = min(numpy.get(s, [float("nan")]))
    floor = mads(s) / peak
    print("| %d | %s | %.3f | %s | %.1f× | %.3f | %.2f× |" % (s, ", ".join("%.3f" % x for x in fs), med[s],
          " / ".join("%.1f" % x for x in numpy.get(s, [])), nb / med[s], floor, med[s] / floor))
print()
def goal(text, ok):
    print("- %s: %s" % (text, "met" if ok else "NOT met"))
nb = {s: min(v) for s, v in numpy.items()}
goal("value + gradient ≤ 2.5 µs at 20 (median fork %.3f)" % med[20], med[20] <= 2.5)
goal("value + gradient ≥ 14× NumPy at 20 (%.1f×)" % (nb[20] / med[20]), nb[20] / med[20] >= 14)
goal("value + gradient ≤ 110 µs at 100 (median fork %.1f; the products alone need %.1f at this peak)"
     % (med[100], mads(100) / peak), med[100] <= 110)
goal("value + gradient ≥ 2× NumPy at 100 (%.2f×)" % (nb[100] / med[100]), nb[100] / med[100] >= 2)
goal("value + gradient ≥ 40× NumPy at 6 (%.1f×)" % (nb[6] / med[6]), nb[6] / med[6] >= 40)
goal("compiled kernel within 1.2× of hand-written (%s)" % ", ".join("%d: %.2f" % (s, med[s] / hand[s]) for s in sorted(hand)),
     all(med[s] / hand[s] <= 1.2 for s in hand))
goal("Hessian-vector product at 100 within 2× of a gradient (hvp %.1f µs, gradient %.1f µs: %.2f×)"
     % (hv["hvp"], hv["gradient"], hv["hvp"] / hv["gradient"]), hv["hvp"] <= 2 * hv["gradient"])
goal("no allocation (B per call: %s)" % ", ".join("%d: %.3f" % (s, gc[s]) for s in sorted(gc)),
     all(gc[s] < 2 for s in gc))

# dense Hessian: CpuTimeDenseHessian's table per size (best CPU ms, wall ms, GB/s), NumPy's µs at 20
hess, size, same = {}, None, True
numpy_hessian = None
for line in open(work + "/hessian.txt"):
    m = re.match(r"k = n = d = (\d+), .*bitwise the scalar: (\w+)", line)
    if m:
        size = int(m.group(1))
        same &= m.group(2) == "true"
        continue
    m = re.match(r"(SIMD Hessian, 1 thread|SIMD Hessian, 2 threads \(wall\)|Arrays\.fill, 1 thread|"
                 r"Arrays\.fill, 2 threads \(wall\)) +([0-9.]+) +[0-9.]+ +([0-9.]+) +[0-9.]+ +([0-9.]+)", line)
    if m and size is not None:
        hess[(size, m.group(1))] = (float(m.group(2)), float(m.group(3)), float(m.group(4)))
    m = re.search(r"k=n=d=20: ([0-9.]+) us per dense Hessian", line)
    if m:
        numpy_hessian = float(m.group(1))
one, two = hess[(100, "SIMD Hessian, 1 thread")], hess[(100, "SIMD Hessian, 2 threads (wall)")]
fill1, fill2 = hess[(100, "Arrays.fill, 1 thread")], hess[(100, "Arrays.fill, 2 threads (wall)")]
goal("dense Hessian at 100 bound by memory bandwidth (one thread %.1f GB/s = %.0f %% of Arrays.fill's %.1f; two "
     "threads %.1f GB/s = %.0f %% of two threads' fill, %.1f; the criterion: two threads ≥ 80 %%)"
     % (one[2], 100 * one[2] / fill1[2], fill1[2], two[2], 100 * two[2] / fill2[2], fill2[2]),
     two[2] >= 0.8 * fill2[2])
simd20 = hess[(20, "SIMD Hessian, 1 thread")][0] * 1e3
goal("dense Hessian ≥ 15× NumPy at 20 (%.0f µs against NumPy's %.0f: %.1f×)" % (simd20, numpy_hessian,
     numpy_hessian / simd20), numpy_hessian / simd20 >= 15)
goal("dense Hessian on two threads bitwise the one-thread and the scalar one", same)
PY
