"""The authors' procedure of paper 000 §4.2 in NumPy: plain GD on the closed-form population loss (identity teacher,
n = d = k), fixed step 5/k, until the norm of the whole gradient is <= 1e-12 -- the baseline for
`landscape reproduce mild-overparameterization` (docs/mild-overparameterization/README.md, Performance).

Vectorised closed form (F in the 1/2 convention, f(w, v) = |w||v|(sin t + (pi - t) cos t)/(2 pi)):
  grad_i = [1/2 + (sum_{j!=i} |w_j| sin t_ij - sum_l sin t_il)/(2 pi |w_i|)] w_i + sum_{j!=i} (pi - t_ij)/(2 pi) w_j
           - sum_l (pi - t_il)/(2 pi) e_l
The student-student angle matrix has its diagonal set to 0 exactly (arccos of a rounded 1 would be ~1e-8 and keep the
gradient from ever reaching 1e-12).

Usage: python3 jmh/numpy/overparam_gd.py START.json [max_steps]
  START.json: a JSON list of k*k numbers (neuron i = entries i*k .. i*k+k-1), e.g. the Java census's start of a run
  (see the README for the jshell line that writes it). Prints one JSON line: k, per-step seconds (median of 200),
  iterations, run wall and CPU seconds, final |grad|, F, norm sum.
"""
import json
import sys
import time

import numpy as np


def objective(W):
    k = W.shape[1]
    r = np.linalg.norm(W, axis=1)
    c = np.clip((W @ W.T) / np.outer(r, r), -1.0, 1.0)
    np.fill_diagonal(c, 1.0)
    t = np.arccos(c)
    ss = np.outer(r, r) * (np.sin(t) + (np.pi - t) * c) / (2 * np.pi)
    ct = np.clip(W / r[:, None], -1.0, 1.0)
    tt = np.arccos(ct)
    st = r[:, None] * (np.sin(tt) + (np.pi - tt) * ct) / (2 * np.pi)
    teach = k / 4 + k * (k - 1) / (4 * np.pi)
    return 0.5 * ss.sum() - st.sum() + teach


def gradient(W):
    r = np.linalg.norm(W, axis=1)
    c = np.clip((W @ W.T) / np.outer(r, r), -1.0, 1.0)
    np.fill_diagonal(c, 1.0)
    t = np.arccos(c)
    s = np.sqrt(np.maximum(0.0, (1 - c) * (1 + c)))
    ct = np.clip(W / r[:, None], -1.0, 1.0)
    tt = np.arccos(ct)
    st = np.sqrt(np.maximum(0.0, (1 - ct) * (1 + ct)))
    diag = ((s @ r) - st.sum(axis=1)) / (2 * np.pi * r)
    C = (np.pi - t) / (2 * np.pi)  # diagonal: 1/2, the w_i/2 term
    return diag[:, None] * W + C @ W - (np.pi - tt) / (2 * np.pi)


def self_check(k=6, seed=3):
    rng = np.random.default_rng(seed)
    W = rng.standard_normal((k, k)) / np.sqrt(k)
    g = gradient(W)
    h = 1e-6
    for _ in range(5):
        i, j = rng.integers(k), rng.integers(k)
        E = np.zeros_like(W)
        E[i, j] = h
        fd = (objective(W + E) - objective(W - E)) / (2 * h)
        assert abs(fd - g[i, j]) < 1e-7 * max(1, abs(fd)), (fd, g[i, j])


def main():
    self_check()
    x0 = np.array(json.load(open(sys.argv[1])), dtype=float)
    max_steps = int(sys.argv[2]) if len(sys.argv) > 2 else 20_000_000
    k = int(round(np.sqrt(x0.size)))
    W = x0.reshape(k, k).copy()
    eta = 5.0 / k
    times = []
    for _ in range(200):
        t0 = time.perf_counter()
        gradient(W)
        times.append(time.perf_counter() - t0)
    step = float(np.median(times))
    t0 = time.perf_counter()
    c0 = time.process_time()
    it = 0
    while True:
        g = gradient(W)
        gn = float(np.sqrt((g * g).sum()))
        if gn <= 1e-12 or it >= max_steps:
            break
        W -= eta * g
        it += 1
    run = time.perf_counter() - t0
    cpu = time.process_time() - c0
    print(json.dumps({"k": k, "stepSeconds": step, "iterations": it, "runSeconds": run, "runCpuSeconds": cpu, "gradientNorm": gn,
                      "objective": float(objective(W)), "normSum": float(np.linalg.norm(W, axis=1).sum())}))


if __name__ == "__main__":
    main()
