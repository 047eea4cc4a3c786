#!/usr/bin/env python3
"""The paper's procedure (Safran & Shamir 2018 §3) in vectorised NumPy: the speed reference for
`landscape descend --plain` and `landscape spurious` (README, "Spurious local minima").

Teacher v_j = e_j in R^k, n students, W ~ N(0, I/k), plain GD with step 0.1 on the closed-form gradient (½ loss)
until max_i ||grad_{w_i} F|| <= 1e-9, restart with the step halved if ||grad|| > 1e4.

usage: paper_gd.py K N RUNS [MAX_STEPS]      prints per-run and per-step times
"""
import sys
import time

import numpy as np


def grad(W):
    n, k = W.shape
    r = np.linalg.norm(W, axis=1)
    U = W / r[:, None]
    C = np.clip(U @ U.T, -1.0, 1.0)
    T = np.arccos(C)
    S = np.sqrt(np.maximum(0.0, 1.0 - C * C))
    off = 1.0 - np.eye(n)
    CT = np.clip(U, -1.0, 1.0)             # cosines with e_l
    TT = np.arccos(CT)
    ST = np.sqrt(np.maximum(0.0, 1.0 - CT * CT))
    coef = ((S * off) @ r - ST.sum(axis=1)) / (2 * np.pi)
    G = 0.5 * W + coef[:, None] * U + (((np.pi - T) * off) @ W - (np.pi - TT)) / (2 * np.pi)
    return G


def value(W):
    n, k = W.shape
    r = np.linalg.norm(W, axis=1)
    U = W / r[:, None]
    def f(ra, rb, c):
        c = np.clip(c, -1, 1)
        t = np.arccos(c)
        return ra * rb / (2 * np.pi) * (np.sqrt(1 - c * c) + (np.pi - t) * c)
    ss = f(r[:, None], r[None, :], U @ U.T)
    st = f(r[:, None], 1.0, U)
    tt = 0.25 * k + k * (k - 1) / (4 * np.pi)
    return 0.5 * ss.sum() - st.sum() + tt


def run(W0, step=0.1, tol=1e-9, max_steps=10**7):
    eta = step
    while True:
        W = W0.copy()
        for t in range(max_steps):
            G = grad(W)
            if np.linalg.norm(G) > 1e4 or not np.isfinite(G).all():
                break
            if np.sqrt((G * G).sum(axis=1)).max() <= tol:
                return W, t, eta
            W -= eta * G
        else:
            return W, max_steps, eta
        eta /= 2


def main():
    k, n, runs = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    max_steps = int(sys.argv[4]) if len(sys.argv) > 4 else 10**7
    rng = np.random.default_rng(1)
    W = rng.normal(0, 1 / np.sqrt(k), (n, k))
    t0, c0 = time.perf_counter(), time.process_time()
    reps = 2000
    for _ in range(reps):
        W = W - 0.1 * grad(W)
    per_step = (time.perf_counter() - t0) / reps
    per_step_cpu = (time.process_time() - c0) / reps
    print(f"numpy: one plain GD step at k={k} n={n}: {per_step * 1e6:.1f} us wall, {per_step_cpu * 1e6:.1f} us cpu")
    if runs == 0:  # only the cost of one step (what per_run_ratio.py asks for)
        return
    total, total_cpu, steps, spurious = 0.0, 0.0, 0, 0
    for i in range(runs):
        W0 = rng.normal(0, 1 / np.sqrt(k), (n, k))
        t0, c0 = time.perf_counter(), time.process_time()
        W, t, eta = run(W0, max_steps=max_steps)
        total += time.perf_counter() - t0
        total_cpu += time.process_time() - c0
        steps += t
        spurious += value(W) >= 1e-3
    print(f"numpy: {runs} runs at k={k} n={n}: {total / runs:.3f} s wall, {total_cpu / runs:.3f} s cpu per run, "
          f"{steps / runs:.0f} steps per run, {spurious} spurious (cap {max_steps} steps)")


if __name__ == "__main__":
    main()
