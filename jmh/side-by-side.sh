#!/bin/bash
# Two builds of the general evaluator side by side (SideBySideGeneral), RUNS times in alternating order, and the
# median ratio NEW/OLD per size. One SideBySideGeneral run favours the jar it runs first by up to ≈ 12 % at
# k = n = d = 6 (the same jar twice read 0.99–1.14); the order alternates so that the bias cancels in the median.
#
# usage: jmh/side-by-side.sh OLD.jar NEW.jar RUNS SIZE...     (sizes as SideBySideGeneral: 20, r37, ...)
set -euo pipefail
if [ $# -lt 4 ]; then
  echo "usage: $0 OLD.jar NEW.jar RUNS SIZE..." >&2
  exit 2
fi
old=$1; new=$2; runs=$3; shift 3
for jar in "$old" "$new"; do
  [ -f "$jar" ] || { echo "$0: no such jar: $jar" >&2; exit 2; }
done
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
for r in $(seq 1 "$runs"); do
  if (( r % 2 )); then first=$old; second=$new; else first=$new; second=$old; fi
  java -Dwarmup.ms="${WARMUP_MS:-2000}" --add-modules jdk.incubator.vector -cp "$new" \
      io.landscape.jmh.SideBySideGeneral "$first" "$second" "$@" 2>/dev/null \
    | awk -v flip=$(( r % 2 == 0 )) '$1 ~ /^r?[0-9]+$/ { print $1, (flip ? 1 / $4 : $4), $5 }' >> "$tmp"
done
python3 - "$tmp" <<'PY'
import collections, statistics, sys
ratios = collections.defaultdict(list)
bits = collections.defaultdict(set)
for line in open(sys.argv[1]):
    size, ratio, same = line.split()
    ratios[size].append(float(ratio))
    bits[size].add(same)
print("size  median NEW/OLD  runs (odd: OLD first)                     same bits")
for size, rs in ratios.items():
    print("%-5s %8.3f        %-42s %s" % (size, statistics.median(rs), " ".join("%.3f" % r for r in rs),
                                        "/".join(sorted(bits[size]))))
PY
