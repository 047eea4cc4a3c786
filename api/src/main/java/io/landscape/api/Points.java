package io.landscape.api;

/** Conversions between the flat parameter layout (neuron i at {@code i*d … i*d+d-1}) and one-neuron-per-row arrays. */
public final class Points {
    private Points() {
    }

    /** Rows (one neuron each, all of length d) to a flat array of length rows·d. */
    public static double[] flatten(double[][] neurons) {
        if (neurons.length == 0) {
            return new double[0];
        }
        int d = neurons[0].length;
        double[] x = new double[neurons.length * d];
        for (int i = 0; i < neurons.length; i++) {
            if (neurons[i].length != d) {
                throw new InvalidPointException(i, -1, "neuron " + (i + 1) + " has " + neurons[i].length
                        + " coordinates, expected " + d + " (ragged rows)");
            }
            System.arraycopy(neurons[i], 0, x, i * d, d);
        }
        return x;
    }

    /** A flat array of length n·d to n rows of d. */
    public static double[][] unflatten(double[] x, int d) {
        if (d < 1 || x.length % d != 0) {
            throw new LandscapeException("length " + x.length + " is not a multiple of dimension " + d);
        }
        int n = x.length / d;
        double[][] w = new double[n][d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(x, i * d, w[i], 0, d);
        }
        return w;
    }

    /** A flat row-major m×m array to rows. */
    public static double[][] square(double[] a, int m) {
        if (a.length != m * m) {
            throw new LandscapeException("length " + a.length + " is not " + m + "×" + m);
        }
        return unflatten(a, m);
    }
}
