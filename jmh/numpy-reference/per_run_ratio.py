#!/usr/bin/env python3
"""Per-run speed of the spurious-minima search against the paper's procedure in NumPy, for every cell of Tables 1-2.

usage: per_run_ratio.py RUNS_CSV [R] [PLAIN_DIR]
  RUNS_CSV   runs.csv of `./landscape reproduce spurious-minima --tables-only --runs 1000 --threads 2` (seed 2018)
  R          runs per cell compared (the first R run indices; default 10)
  PLAIN_DIR  where the `spurious --plain` runs on the same seeds go (default /tmp/plain; reused if present)

NumPy's time per run = the paper's loop's step count (our --plain on the same per-run seeds: identical loop, mean over
the first R runs) times NumPy's measured cost of one step at that size (paper_gd.py K N 0). Ours = the cell's total CPU
time over all its runs divided by the number of runs ("cell mean": with the batched search a run's cpuSeconds is its
share of an 8-lane batch, and runs finishing last, nearly alone in their batch, carry the whole batch's cost, as do the
first runs of the JVM while it compiles; the cell mean counts all of it). The mean share of the same first R runs is
printed too ("first R").
Run from the repository root on an otherwise idle machine.
"""
import csv, subprocess, os, sys, re
cells = [(k,k) for k in range(6,21)] + [(8,9)] + [(k,k+1) for k in range(10,20)]
RUNS_CSV = sys.argv[1]
R = int(sys.argv[2]) if len(sys.argv) > 2 else 10
PLAIN = sys.argv[3] if len(sys.argv) > 3 else '/tmp/plain'
acc = {}
allruns = {}
for row in csv.DictReader(open(RUNS_CSV)):
    key = (int(row['k']), int(row['n']))
    allruns.setdefault(key, []).append(float(row['cpuSeconds']))
    if int(row['run']) < R:
        acc.setdefault(key, []).append(float(row['cpuSeconds']))
out = []
for (k, n) in cells:
    d = f'{PLAIN}/k{k}-n{n}'
    if not os.path.exists(d + '/runs.csv'):
        subprocess.run(['./landscape', 'spurious', '--k', str(k), '--n', str(n), '--runs', str(R), '--seed', '2018', '--plain',
                        '--threads', '2', '--no-progress', '--out', d], check=True, stdout=subprocess.DEVNULL, cwd='.')
    its = [int(r['totalIterations']) for r in csv.DictReader(open(d + '/runs.csv'))]
    cpu_plain = [float(r['cpuSeconds']) for r in csv.DictReader(open(d + '/runs.csv'))]
    p = subprocess.run(['python3', 'jmh/numpy-reference/paper_gd.py', str(k), str(n), '0'], capture_output=True, text=True,
                       cwd='.', env=dict(os.environ, OMP_NUM_THREADS='1', OPENBLAS_NUM_THREADS='1'))
    step = float(re.search(r'([0-9.]+) us cpu', p.stdout).group(1)) * 1e-6
    numpy_run = sum(its) / len(its) * step
    first = sum(acc[(k, n)]) / len(acc[(k, n)])
    ours = sum(allruns[(k, n)]) / len(allruns[(k, n)])
    ours_plain = sum(cpu_plain) / len(cpu_plain)
    out.append((k, n, sum(its) / len(its), step * 1e6, numpy_run, ours_plain, ours, numpy_run / ours))
    print(f'({k},{n}) plain iterations {sum(its)/len(its):.0f}  numpy step {step*1e6:.1f} us  numpy/run {numpy_run:.3f} s  '
          f'ours plain {ours_plain:.4f} s  ours accelerated: cell mean {ours:.4f} s, first {R} {first:.4f} s  '
          f'ratio {numpy_run/ours:.1f}x (first {R}: {numpy_run/first:.1f}x)', flush=True)
tot_np = sum(o[4] for o in out); tot_ours = sum(o[6] for o in out)
print(f'all 26 cells: numpy {tot_np:.1f} s (sum over cells of the per-run estimate), ours {tot_ours:.2f} s (sum of cell means), aggregate ratio {tot_np/tot_ours:.1f}x')
