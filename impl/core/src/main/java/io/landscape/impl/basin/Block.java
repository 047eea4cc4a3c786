package io.landscape.impl.basin;

/**
 * One independent block of a cell's convex program after the presolve (see the package documentation): examples E of
 * one connected component, their features in an orthonormal basis Q of the block's row space (x̃_t = Qᵀx_t ∈ R^r),
 * and the groups of neurons that share an activation pattern on E and an output sign. The program is
 * <pre>
 *   minimise  scale · Σ_{t∈E} ℓ(p_t, y_t),  p_t = Σ_g s_{gt} ⟨ξ_g, x̃_t⟩
 *   subject to c_{gt} ⟨ξ_g, x̃_t⟩ ≥ 0 for every group g and t ∈ E
 * </pre>
 * with s_{gt} = 1[a_{gt} = +1] and c_{gt} = b_g a_{gt}. Arrays are row-major and owned by the block.
 */
final class Block {
    final int m;
    final int[] examples;
    final double[] y;
    final int r;
    final double[] xt;
    final int groups;
    final boolean[] active;
    final double[] sign;
    final double[] start;
    final double scale;
    final int[] coords;
    final double[] basis;
    final int[][] members;
    /** Per-example weight of the loss in the objective (1, or 0 for an example left out by {@link #without}). */
    final double[] weight;

    Block(int[] examples, double[] y, int r, double[] xt, int groups, boolean[] active, double[] sign, double[] start,
          double scale, int[] coords, double[] basis, int[][] members) {
        this(examples, y, r, xt, groups, active, sign, start, scale, coords, basis, members, ones(examples.length));
    }

    private Block(int[] examples, double[] y, int r, double[] xt, int groups, boolean[] active, double[] sign,
                  double[] start, double scale, int[] coords, double[] basis, int[][] members, double[] weight) {
        this.weight = weight;
        this.m = examples.length;
        this.examples = examples;
        this.y = y;
        this.r = r;
        this.xt = xt;
        this.groups = groups;
        this.active = active;
        this.sign = sign;
        this.start = start;
        this.scale = scale;
        this.coords = coords;
        this.basis = basis;
        this.members = members;
    }

    private static double[] ones(int m) {
        double[] w = new double[m];
        java.util.Arrays.fill(w, 1.0);
        return w;
    }

    /** The same block with the examples {@code drop} left out of the objective (every constraint kept). */
    Block without(boolean[] drop) {
        double[] w = weight.clone();
        for (int t = 0; t < m; t++) {
            if (drop[t]) {
                w[t] = 0.0;
            }
        }
        return new Block(examples, y, r, xt, groups, active, sign, start, scale, coords, basis, members, w);
    }

    /** Number of variables K·r. */
    int variables() {
        return groups * r;
    }

    /** Number of inequality constraints K·m. */
    int constraints() {
        return groups * m;
    }

    /** p = Σ_g S_g X̃ ξ_g into {@code p} (length m). */
    void predictions(double[] xi, double[] p) {
        for (int t = 0; t < m; t++) {
            double s = 0;
            int xo = t * r;
            for (int g = 0; g < groups; g++) {
                if (active[g * m + t]) {
                    int o = g * r;
                    for (int j = 0; j < r; j++) {
                        s += xi[o + j] * xt[xo + j];
                    }
                }
            }
            p[t] = s;
        }
    }

    /** slack s_{gt} = c_{gt} ⟨ξ_g, x̃_t⟩ into {@code s} (length K·m). */
    void slacks(double[] xi, double[] s) {
        for (int g = 0; g < groups; g++) {
            int o = g * r;
            for (int t = 0; t < m; t++) {
                int xo = t * r;
                double a = 0;
                for (int j = 0; j < r; j++) {
                    a += xi[o + j] * xt[xo + j];
                }
                s[g * m + t] = sign[g * m + t] * a;
            }
        }
    }
}
