"""The best vectorised NumPy closed form of the dense Hessian of the ReLU teacher-student loss F (any teacher V, student
weights a, teacher weights b; paper 000 Thm 10, paper 002 Eq. 10), for an honest comparison with landscape's dense
Hessian (PairwiseObjective.hessian(), JMH/CpuTimeGeneral).

With kappa(w, v) = |w||v| (sin t + (pi - t) cos t) / 2 pi, c = cos t, s = sin t, w^ = w/|w|:
  d2 kappa / dw2     = |v| s / (2 pi |w|) (I - w^ w^T + n n^T),   n = (v^ - c w^) / s
  d2 kappa / dw dv   = ((pi - t) I + (w^ v^T + v^ w^T - c (w^ w^T + v^ v^T)) / s) / 2 pi
F = 1/2 sum_ij a_i a_j kappa(w_i, w_j) - sum_il a_i b_l kappa(w_i, v_l) + const, so
  H_ii = 1/2 a_i^2 I + sum_{j != i} a_i a_j d2k/dw2(w_i, w_j) - sum_l a_i b_l d2k/dw2(w_i, v_l)
  H_ij = a_i a_j d2k/dwdv(w_i, w_j).
Every O(n^2 d^2) piece is one einsum over the whole (n, d, n, d) array; the diagonal blocks' sums over partners are
batched matrix products. Angles and cosines are shared, as in general_value_gradient.py.

Usage: python3 jmh/numpy/general_hessian.py [size] [repeats]     time the dense Hessian at k = n = d = size
       python3 jmh/numpy/general_hessian.py --check                Hessian vs central differences of the gradient
                                                                   (general_value_gradient.py, itself FD-checked)
BLAS and the elementwise passes on one thread (OPENBLAS_NUM_THREADS=1, set below unless already set).
"""
import os
import sys
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

import numpy as np  # noqa: E402

TWO_PI = 2.0 * np.pi


def hessian(W, V, a, b):
    """The dense Hessian of F at W (n x d), as an (n d) x (n d) array."""
    n, d = W.shape
    k = V.shape[0]
    r = np.sqrt(np.einsum("ij,ij->i", W, W))
    rho = np.sqrt(np.einsum("ij,ij->i", V, V))
    Wn = W / r[:, None]
    U = np.concatenate([Wn, V / rho[:, None]])        # unit vectors of all partners, (n + k) x d
    norms = np.concatenate([r, rho])
    wts = np.concatenate([a, -b])                      # pair weight a_i * wts_j
    C = np.clip(Wn @ U.T, -1.0, 1.0)                   # n x (n + k)
    C[np.arange(n), np.arange(n)] = 1.0
    T = np.arccos(C)
    S = np.sqrt(np.maximum(0.0, 1.0 - C * C))
    ok = S > 1e-12
    Sinv = np.where(ok, 1.0 / np.where(ok, S, 1.0), 0.0)
    Wt = a[:, None] * wts[None, :]
    Wt[np.arange(n), np.arange(n)] = 0.0               # self pairs: the 1/2 a_i^2 I below
    # diagonal blocks: beta_ij = wt |x_j| s / (2 pi r_i), gamma = beta / s^2 (zero for parallel pairs)
    beta = Wt * norms[None, :] * S / (TWO_PI * r[:, None])
    gamma = beta * Sinv * Sinv
    alpha = beta.sum(axis=1)
    H = np.zeros((n, d, n, d))
    # off-diagonal blocks (student pairs): P I + Q (w^_i w^_j^T + w^_j w^_i^T) - Q c (w^_i w^_i^T + w^_j w^_j^T)
    Css, Tss, Sinvs = C[:, :n], T[:, :n], Sinv[:, :n]
    P = Wt[:, :n] * (np.pi - Tss) / TWO_PI
    Q = Wt[:, :n] * Sinvs / TWO_PI
    R = Q * Css
    H += np.einsum("ij,pq->ipjq", P, np.eye(d))
    H += np.einsum("ij,ip,jq->ipjq", Q, Wn, Wn)
    H += np.einsum("ij,jp,iq->ipjq", Q, Wn, Wn)
    H -= np.einsum("ij,ip,iq->ipjq", R, Wn, Wn)
    H -= np.einsum("ij,jp,jq->ipjq", R, Wn, Wn)
    # diagonal blocks: (1/2 a_i^2 + alpha_i) I - alpha_i w^ w^T + U^T diag(gamma_i) U - w^ m_i^T - m_i w^T + e_i w^ w^T
    # with m_i = U^T (gamma_i c_i), e_i = sum_j gamma_ij c_ij^2
    Ug = gamma[:, :, None] * U[None, :, :]             # n x (n + k) x d
    blocks = np.matmul(Ug.transpose(0, 2, 1), U)      # n x d x d
    gc = gamma * C
    m = gc @ U                                         # n x d
    e = (gc * C).sum(axis=1)
    outer = Wn[:, :, None] * Wn[:, None, :]
    blocks += (e - alpha)[:, None, None] * outer
    blocks -= Wn[:, :, None] * m[:, None, :] + m[:, :, None] * Wn[:, None, :]
    idx = np.arange(d)
    blocks[:, idx, idx] += (0.5 * a * a + alpha)[:, None]
    for i in range(n):
        H[i, :, i, :] = blocks[i]
    return H.reshape(n * d, n * d)


def check():
    sys.path.insert(0, os.path.dirname(__file__))
    import general_value_gradient as gvg
    rng = np.random.default_rng(7)
    n, k, d = 6, 4, 5
    V = rng.standard_normal((k, d))
    a = rng.uniform(0.5, 1.5, n) * rng.choice([-1, 1], n)
    b = rng.uniform(0.5, 1.5, k)
    W = rng.standard_normal((n, d)) / np.sqrt(d)
    g = gvg.General(V, a, b)
    H = hessian(W, V, a, b)
    eps = 1e-6
    fd = np.zeros((n * d, n * d))
    for e in range(n * d):
        Wp = W.copy()
        Wp.flat[e] += eps
        Wm = W.copy()
        Wm.flat[e] -= eps
        gp = g.value_and_gradient(Wp)[1].ravel().copy()  # the gradient buffer is reused
        fd[:, e] = (gp - g.value_and_gradient(Wm)[1].ravel()) / (2 * eps)
    err = np.max(np.abs(fd - H))
    sym = np.max(np.abs(H - H.T))
    print(f"Hessian vs central FD of the gradient: max error {err:.2e} (max entry {np.max(np.abs(H)):.2f}); "
          f"asymmetry {sym:.1e}")
    assert err < 1e-6, err
    assert sym < 1e-12, sym


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "--check":
        check()
        return
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else max(1, 400000 // size ** 4 * 10)
    rng = np.random.default_rng(1)
    V = np.eye(size)
    a = np.ones(size)
    b = np.ones(size)
    W = rng.standard_normal((size, size)) / np.sqrt(size)
    hessian(W, V, a, b)
    best = float("inf")
    best_cpu = float("inf")
    blocks = 7 if size <= 40 else 3
    for _ in range(blocks):
        t = time.perf_counter()
        c = time.process_time()
        for _ in range(repeats):
            hessian(W, V, a, b)
        best = min(best, (time.perf_counter() - t) / repeats)
        best_cpu = min(best_cpu, (time.process_time() - c) / repeats)
    gb = (size * size) ** 2 * 8 / best_cpu / 1e9
    print(f"numpy {np.__version__}: k=n=d={size}: {best * 1e6:.0f} us per dense Hessian wall, {best_cpu * 1e6:.0f} us "
          f"CPU (best of {blocks} x {repeats}); {gb:.2f} GB/s of Hessian written per CPU second")


if __name__ == "__main__":
    main()
