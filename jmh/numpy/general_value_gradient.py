"""The best vectorised NumPy closed form of the ReLU teacher-student loss F and its gradient in ONE pass (paper 002
Eqs. 6-8), for an honest comparison with landscape's general evaluator (JMH GeneralEvaluatorBenchmark).

Any teacher V (k x d), student weights a, teacher weights b. Angles are computed once and shared by F and the gradient;
every O(n^2 d) piece is a BLAS product (one Gram product W [Wn; Vn]^T, one coefficient product [P_ww*a | -P_wv*b] [W; V]);
all buffers are preallocated and the elementwise passes run in place (out=). The j = i terms are included with
theta_ii = 0, which gives exactly the self terms of F (|w|^2/4 a_i^2) and of the gradient (a_i^2 w_i / 2).

Usage: python3 jmh/numpy/general_value_gradient.py [size] [repeats]      time value+gradient at k = n = d = size
       python3 jmh/numpy/general_value_gradient.py --check                 gradient vs finite differences and vs
                                                                           closed_form_gradient.py
Pin BLAS to one thread for a per-core comparison: OPENBLAS_NUM_THREADS=1 (set below unless already set).
"""
import os
import sys
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

import numpy as np  # noqa: E402

TWO_PI = 2.0 * np.pi


class General:
    """F and grad F for fixed teacher (V, b) and student weights a; value_and_gradient(W) reuses all buffers."""

    def __init__(self, V, a, b):
        self.V = np.ascontiguousarray(V, dtype=float)
        self.a = np.asarray(a, dtype=float)
        self.b = np.asarray(b, dtype=float)
        k, d = self.V.shape
        n = self.a.shape[0]
        self.n, self.k, self.d = n, k, d
        self.nv = np.linalg.norm(self.V, axis=1)
        self.bn = self.b * self.nv
        # stacked [W; V] (rows of W copied in per call) and [Wn; Vn]
        self.WV = np.empty((n + k, d))
        self.WV[n:] = self.V
        self.U = np.empty((n + k, d))
        self.U[n:] = self.V / self.nv[:, None]
        self.C = np.empty((n, n + k))     # cosines, then angles' coefficient P
        self.S = np.empty((n, n + k))     # sines
        self.T = np.empty((n, n + k))     # angles
        self.coef = np.empty((n, n + k))  # [P_ww * a | -P_wv * b]
        self.wts = np.concatenate([self.a, -self.b])
        self.G = np.empty((n, d))
        # teacher-teacher constant
        Vn = self.U[n:]
        c = np.clip(Vn @ Vn.T, -1.0, 1.0)
        np.fill_diagonal(c, 1.0)
        t = np.arccos(c)
        q = (np.sqrt(np.maximum(0.0, 1.0 - c * c)) + (np.pi - t) * c) / TWO_PI
        self.const = 0.5 * self.bn @ q @ self.bn

    def value_and_gradient(self, W):
        n = self.n
        nw = np.sqrt(np.einsum("ij,ij->i", W, W))
        self.WV[:n] = W
        np.divide(W, nw[:, None], out=self.U[:n])
        C, S, T = self.C, self.S, self.T
        np.matmul(self.U[:n], self.U.T, out=C)           # cosines of all pairs (student-student and -teacher)
        np.clip(C, -1.0, 1.0, out=C)
        C.flat[:: n + self.k + 1] = 1.0                  # exact theta_ii = 0
        np.arccos(C, out=T)
        np.multiply(C, C, out=S)
        np.subtract(1.0, S, out=S)
        np.maximum(S, 0.0, out=S)
        np.sqrt(S, out=S)                                # sin theta
        np.subtract(np.pi, T, out=T)
        T /= TWO_PI                                      # P = (pi - theta) / 2 pi
        # F: kernel / (r rho) = S / 2 pi + P C
        an = self.a * nw
        wn = np.concatenate([an, -self.bn])
        Q = np.multiply(T, C, out=C)
        Q += S * (1.0 / TWO_PI)
        f = 0.5 * an @ Q[:, :n] @ an + an @ Q[:, n:] @ wn[n:] + self.const
        # gradient: a_i [ (sum_j wts_j rho_j S_ij / 2 pi) w_i / r_i + sum_j wts_j P_ij x_j ]
        np.multiply(T, self.wts[None, :], out=self.coef)
        radial = (S @ (self.wts * np.concatenate([nw, self.nv]))) / TWO_PI
        np.matmul(self.coef, self.WV, out=self.G)
        self.G += radial[:, None] * self.U[:n]
        self.G *= self.a[:, None]
        return f, self.G


def check():
    rng = np.random.default_rng(3)
    n, k, d = 7, 5, 6
    V = rng.standard_normal((k, d))
    a = rng.uniform(0.5, 1.5, n) * rng.choice([-1, 1], n)
    b = rng.uniform(0.5, 1.5, k)
    g = General(V, a, b)
    W = rng.standard_normal((n, d)) / np.sqrt(d)
    f0, G = g.value_and_gradient(W)
    G = G.copy()
    eps = 1e-6
    fd = np.zeros_like(W)
    for i in range(n):
        for q in range(d):
            Wp = W.copy()
            Wp[i, q] += eps
            Wm = W.copy()
            Wm[i, q] -= eps
            fd[i, q] = (g.value_and_gradient(Wp)[0] - g.value_and_gradient(Wm)[0]) / (2 * eps)
    err = np.max(np.abs(fd - G))
    print(f"gradient vs central FD of F: max error {err:.2e}")
    assert err < 1e-7, err
    # identity teacher, unit weights: the same gradient as closed_form_gradient.py
    sys.path.insert(0, os.path.dirname(__file__))
    import closed_form_gradient as cf
    size = 9
    W = rng.standard_normal((size, size)) / np.sqrt(size)
    gi = General(np.eye(size), np.ones(size), np.ones(size))
    err2 = np.max(np.abs(gi.value_and_gradient(W)[1] - cf.gradient(W, np.eye(size))))
    print(f"identity teacher vs closed_form_gradient.py: max difference {err2:.2e}")
    assert err2 < 1e-12, err2
    # F at W = V (global minimum) is 0
    gi2 = General(np.eye(size), np.ones(size), np.ones(size))
    fmin = gi2.value_and_gradient(np.eye(size))[0]
    print(f"F at the global minimum: {fmin:.2e}")
    assert abs(fmin) < 1e-12, fmin


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "--check":
        check()
        return
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else max(200, 200000 // (size * size))
    rng = np.random.default_rng(1)
    g = General(np.eye(size), np.ones(size), np.ones(size))
    W = rng.standard_normal((size, size)) / np.sqrt(size)
    for _ in range(max(100, repeats // 10)):
        g.value_and_gradient(W)
    best = float("inf")
    best_cpu = float("inf")
    for _ in range(7):
        t = time.perf_counter()
        c = time.process_time()
        for _ in range(repeats):
            g.value_and_gradient(W)
        best = min(best, (time.perf_counter() - t) / repeats)
        best_cpu = min(best_cpu, (time.process_time() - c) / repeats)
    print(f"numpy {np.__version__}: k=n=d={size}: {best * 1e6:.1f} us per value+gradient wall, {best_cpu * 1e6:.1f} us "
          f"CPU (best of 7 x {repeats})")


if __name__ == "__main__":
    main()
