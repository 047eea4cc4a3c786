#!/usr/bin/env python3
"""Per-run speed of the spurious-minima search against the paper's procedure in NumPy, for every cell of Tables 1-2,
over the same runs on both sides.

usage: per_run_ratio.py RUNS_CSV [R] [PLAIN_DIR] [R_SQUARE]
  RUNS_CSV   runs.csv of `./landscape reproduce spurious-minima --tables-only --runs 1000 --threads T` (seed 2018)
  R          runs compared per n = k+1 cell: run indices 0 .. R-1 (default 10); their plain runs are slow
             (over-parameterised runs converge sublinearly), so only the first R are replayed
  PLAIN_DIR  where the `spurious --plain` runs on the same seeds go (default /tmp/plain; reused if present)
  R_SQUARE   runs compared per n = k cell (default: all of RUNS_CSV's runs of that cell, e.g. 1000)

NumPy's time per run = the paper's loop's step count (our --plain on the same per-run seeds: an identical loop) times
NumPy's measured cost of one step at that size (paper_gd.py K N 0), averaged over run indices 0 .. R-1. Ours = the
mean CPU time of the same runs in RUNS_CSV. With the batched search a run's cpuSeconds is its share of its batch, and
runs finishing last, nearly alone in their batch, carry the whole batch's cost, as do the first runs of the JVM while
it compiles; when all of a cell's runs are compared, "ours" is the cell's total CPU time divided by its runs. The step
counts are heavy-tailed (at (20,20) the plain mean is 7700 steps over the first 50 runs but 11000 over all 1000), so
both sides must average the same runs.
Run from the repository root on an otherwise idle machine.
"""
import csv, subprocess, os, sys, re
cells = [(k,k) for k in range(6,21)] + [(8,9)] + [(k,k+1) for k in range(10,20)]
RUNS_CSV = sys.argv[1]
R = int(sys.argv[2]) if len(sys.argv) > 2 else 10
PLAIN = sys.argv[3] if len(sys.argv) > 3 else '/tmp/plain'
R_SQUARE = int(sys.argv[4]) if len(sys.argv) > 4 else None
ours_by_run = {}
for row in csv.DictReader(open(RUNS_CSV)):
    ours_by_run.setdefault((int(row['k']), int(row['n'])), {})[int(row['run'])] = float(row['cpuSeconds'])
out = []
for (k, n) in cells:
    mine = ours_by_run[(k, n)]
    runs = R if n != k else (R_SQUARE or len(mine))
    d = f'{PLAIN}/k{k}-n{n}-r{runs}'
    if not os.path.exists(d + '/runs.csv'):
        subprocess.run(['./landscape', 'spurious', '--k', str(k), '--n', str(n), '--runs', str(runs), '--seed', '2018',
                        '--plain', '--threads', '2', '--no-progress', '--out', d], check=True, stdout=subprocess.DEVNULL,
                       cwd='.')
    plain = list(csv.DictReader(open(d + '/runs.csv')))
    its = [int(r['totalIterations']) for r in plain]
    cpu_plain = [float(r['cpuSeconds']) for r in plain]
    p = subprocess.run(['python3', 'jmh/numpy-reference/paper_gd.py', str(k), str(n), '0'], capture_output=True, text=True,
                       cwd='.', env=dict(os.environ, OMP_NUM_THREADS='1', OPENBLAS_NUM_THREADS='1'))
    step = float(re.search(r'([0-9.]+) us cpu', p.stdout).group(1)) * 1e-6
    numpy_run = sum(its) / len(its) * step
    ours = sum(mine[int(r['run'])] for r in plain) / len(plain)
    ours_plain = sum(cpu_plain) / len(cpu_plain)
    out.append((k, n, sum(its) / len(its), step * 1e6, numpy_run, ours_plain, ours, numpy_run / ours))
    print(f'({k},{n}) runs 0..{len(plain)-1}: plain iterations {sum(its)/len(its):.0f}  numpy step {step*1e6:.1f} us  '
          f'numpy/run {numpy_run:.3f} s  ours plain {ours_plain:.4f} s  ours accelerated {ours:.4f} s  '
          f'ratio {numpy_run/ours:.1f}x', flush=True)
tot_np = sum(o[4] for o in out); tot_ours = sum(o[6] for o in out)
print(f'all 26 cells: numpy {tot_np:.1f} s (sum over cells of the per-run estimate), ours {tot_ours:.2f} s (sum of the same per-run means), aggregate ratio {tot_np/tot_ours:.1f}x')
