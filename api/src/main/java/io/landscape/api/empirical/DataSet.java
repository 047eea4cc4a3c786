package io.landscape.api.empirical;

import java.util.Arrays;

/**
 * A training set S = (x_t, y_t), t = 1…m, with x_t ∈ R^d and a scalar target y_t (a real number for the squared loss,
 * a class label for the cross-entropy loss): an immutable value ({@code equals}/{@code hashCode} compare the numbers).
 * Paper 001 §2.2.
 */
public final class DataSet {
    private final double[][] x;
    private final double[] y;
    private final int hash;

    /**
     * @param features m rows of d features each (copied)
     * @param targets  m targets (copied)
     * @throws IllegalArgumentException for m = 0, d = 0, rows of different lengths, a target count other than m, or a
     *                                  value that is not finite; the message names the example (0-based)
     */
    public DataSet(double[][] features, double[] targets) {
        if (features == null || targets == null) {
            throw new IllegalArgumentException("data set: features and targets are required");
        }
        if (features.length == 0) {
            throw new IllegalArgumentException("data set: no examples (m = 0)");
        }
        if (targets.length != features.length) {
            throw new IllegalArgumentException("data set: " + features.length + " feature rows but " + targets.length
                    + " targets");
        }
        int d = features[0] == null ? 0 : features[0].length;
        if (d == 0) {
            throw new IllegalArgumentException("data set: example 0 has no features (d = 0)");
        }
        x = new double[features.length][];
        for (int t = 0; t < features.length; t++) {
            if (features[t] == null || features[t].length != d) {
                throw new IllegalArgumentException("data set: example " + t + " has "
                        + (features[t] == null ? 0 : features[t].length) + " features, example 0 has " + d);
            }
            for (int j = 0; j < d; j++) {
                if (!Double.isFinite(features[t][j])) {
                    throw new IllegalArgumentException("data set: example " + t + ", feature " + j + " is "
                            + features[t][j]);
                }
            }
            if (!Double.isFinite(targets[t])) {
                throw new IllegalArgumentException("data set: example " + t + " has target " + targets[t]);
            }
            x[t] = features[t].clone();
        }
        y = targets.clone();
        hash = 31 * Arrays.deepHashCode(x) + Arrays.hashCode(y);
    }

    /** The number m of examples. */
    public int size() {
        return x.length;
    }

    /** The input dimension d. */
    public int dimension() {
        return x[0].length;
    }

    /** Feature j of example t. */
    public double feature(int t, int j) {
        return x[t][j];
    }

    /** A copy of x_t. */
    public double[] features(int t) {
        return x[t].clone();
    }

    /** The target y_t. */
    public double target(int t) {
        return y[t];
    }

    /** A copy of the m×d feature matrix X (rows x_t). */
    public double[][] featureMatrix() {
        double[][] out = new double[x.length][];
        for (int t = 0; t < x.length; t++) {
            out[t] = x[t].clone();
        }
        return out;
    }

    /** X in row-major order (length m·d). */
    public double[] featuresRowMajor() {
        int d = dimension();
        double[] out = new double[x.length * d];
        for (int t = 0; t < x.length; t++) {
            System.arraycopy(x[t], 0, out, t * d, d);
        }
        return out;
    }

    /** A copy of the targets. */
    public double[] targets() {
        return y.clone();
    }

    /** The bias trick of §4: every x ↦ (x, 1) ∈ R^{d+1}. */
    public DataSet withBias() {
        double[][] out = new double[x.length][];
        for (int t = 0; t < x.length; t++) {
            out[t] = Arrays.copyOf(x[t], x[t].length + 1);
            out[t][x[t].length] = 1.0;
        }
        return new DataSet(out, y);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof DataSet)) {
            return false;
        }
        DataSet other = (DataSet) o;
        return hash == other.hash && Arrays.deepEquals(x, other.x) && Arrays.equals(y, other.y);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return "DataSet[m=" + size() + ", d=" + dimension() + "]";
    }
}
