package io.landscape.api.empirical;

import java.util.Arrays;

/**
 * One cell B_S^{A,b} of the basin partition (paper 001 Def. 2): the activation signs a_{i,t} = sign⟨w_i, x_t⟩ ∈ {−1, +1}
 * (n×m) and the output-weight signs b_i = sign v_i ∈ {−1, +1}. (The seed writes A ∈ {−1,+1}^{n×d}; its indices are
 * n×m.) Immutable value.
 */
public final class Cell {
    private final byte[][] activations;
    private final byte[] signs;
    private final int hash;

    /**
     * @param activations n rows of m signs, each −1 or +1 (copied)
     * @param signs       n signs, each −1 or +1 (copied)
     */
    public Cell(int[][] activations, int[] signs) {
        if (activations.length != signs.length || activations.length == 0) {
            throw new IllegalArgumentException("cell: " + activations.length + " activation rows for " + signs.length
                    + " output signs");
        }
        int m = activations[0].length;
        this.activations = new byte[activations.length][m];
        this.signs = new byte[signs.length];
        for (int i = 0; i < activations.length; i++) {
            if (activations[i].length != m) {
                throw new IllegalArgumentException("cell: activation row " + i + " has " + activations[i].length
                        + " entries, row 0 has " + m);
            }
            for (int t = 0; t < m; t++) {
                int a = activations[i][t];
                if (a != 1 && a != -1) {
                    throw notASign("activation (" + i + ", " + t + ")", a);
                }
                this.activations[i][t] = (byte) a;
            }
            if (signs[i] != 1 && signs[i] != -1) {
                throw notASign("output sign " + i, signs[i]);
            }
            this.signs[i] = (byte) signs[i];
        }
        hash = 31 * Arrays.deepHashCode(this.activations) + Arrays.hashCode(this.signs);
    }

    /** The message is built only on failure (a cell of a wide network has n·m entries). */
    private static IllegalArgumentException notASign(String what, int s) {
        return new IllegalArgumentException("cell: " + what + " is " + s + ", expected -1 or +1");
    }

    /** The width n. */
    public int neurons() {
        return signs.length;
    }

    /** The number m of examples. */
    public int examples() {
        return activations[0].length;
    }

    /** a_{i,t}. */
    public int activation(int i, int t) {
        return activations[i][t];
    }

    /** b_i. */
    public int sign(int i) {
        return signs[i];
    }

    /** A copy of A (n×m). */
    public int[][] activations() {
        int[][] out = new int[activations.length][];
        for (int i = 0; i < activations.length; i++) {
            out[i] = new int[activations[i].length];
            for (int t = 0; t < out[i].length; t++) {
                out[i][t] = activations[i][t];
            }
        }
        return out;
    }

    /** A copy of b. */
    public int[] signs() {
        int[] out = new int[signs.length];
        for (int i = 0; i < signs.length; i++) {
            out[i] = signs[i];
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cell && hash == ((Cell) o).hash && Arrays.deepEquals(activations, ((Cell) o).activations)
                && Arrays.equals(signs, ((Cell) o).signs);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return "Cell[n=" + neurons() + ", m=" + examples() + "]";
    }
}
