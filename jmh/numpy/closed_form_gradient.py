"""Vectorised NumPy closed form of the ReLU teacher-student gradient (paper 002 Eq. 8), the baseline the issue names.

Written for landscape's benchmark comparison: times one gradient at k = n = d (default 20) with an identity teacher.
Usage: python3 jmh/numpy/closed_form_gradient.py [size] [repeats]
"""
import sys
import time

import numpy as np


def gradient(W, V):
    """∇F for F = E ½(Σ relu(w_i·x) − Σ relu(v_j·x))², W (n×d), V (k×d), all neurons nonzero."""
    nw = np.linalg.norm(W, axis=1)
    nv = np.linalg.norm(V, axis=1)
    Wbar = W / nw[:, None]

    def g_terms(A, na):
        # Σ_j g(w_i, a_j) for all i: (1/2π)(‖a_j‖ sin θ_ij w̄_i + (π − θ_ij) a_j)
        cos = np.clip((Wbar @ A.T) / na[None, :], -1.0, 1.0)
        theta = np.arccos(cos)
        sin_part = (np.sin(theta) * na[None, :]).sum(axis=1)[:, None] * Wbar
        return (sin_part + (np.pi - theta) @ A) / (2 * np.pi), theta

    gw, theta_ww = g_terms(W, nw)
    # remove the j = i terms (θ_ii = 0 contributes π w_i / 2π = w_i / 2)
    gw -= W / 2.0
    gv, _ = g_terms(V, nv)
    return 0.5 * W + gw - gv


def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 20000
    rng = np.random.default_rng(1)
    V = np.eye(size)
    W = rng.standard_normal((size, size)) / np.sqrt(size)
    for _ in range(1000):
        gradient(W, V)
    best = float("inf")
    for _ in range(5):
        t = time.perf_counter()
        for _ in range(repeats):
            gradient(W, V)
        best = min(best, (time.perf_counter() - t) / repeats)
    print(f"numpy {np.__version__}: k=n=d={size}: {best * 1e6:.1f} us per gradient (best of 5 x {repeats})")


if __name__ == "__main__":
    main()
