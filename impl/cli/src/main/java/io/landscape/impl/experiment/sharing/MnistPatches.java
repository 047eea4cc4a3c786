package io.landscape.impl.experiment.sharing;

/**
 * 10×10 MNIST patches (d = 100) for the Figure-1 experiment: a sample is one random digit of {@link Mnist} and k
 * patches of it at independent random positions whose top-left corner lies in rows and columns 4…14 (the central
 * 20×20 region where the strokes are). Pixels are scaled to [0, 1], the mean patch over all digits and positions is
 * subtracted (zero mean per coordinate), and everything is divided by one scalar so that the largest eigenvalue of the
 * patch covariance is 1, as for N(0, I) patches (with unit average variance per coordinate it is 15: neighbouring
 * pixels are strongly correlated, and SGD with the paper's η = 0.5 then diverges). Each patch is finally multiplied by
 * an independent random sign: the patch distribution becomes symmetric, so tanh(u₀ᵀx_l) has mean zero and the
 * degree-k target Π_l tanh(u₀ᵀx_l) is orthogonal to every function of fewer than k patches, as for Gaussian
 * patches (without it the product has a large low-degree part on MNIST and is not a high-frequency target at all).
 */
final class MnistPatches implements SgdRun.Source {
    static final int SIDE = 10;
    static final int D = SIDE * SIDE;
    static final int FIRST = 4;
    static final int POSITIONS = 11;

    private final Mnist mnist;
    private final double[] mean = new double[D];
    private double scale;
    private final double topEigenvalue;
    private final double averageVariance;

    MnistPatches(Mnist mnist) {
        this.mnist = mnist;
        double[] sum = new double[D];
        double[] sum2 = new double[D];
        long n = 0;
        for (int img = 0; img < mnist.size(); img++) {
            for (int r = FIRST; r < FIRST + POSITIONS; r++) {
                for (int c = FIRST; c < FIRST + POSITIONS; c++) {
                    for (int i = 0; i < SIDE; i++) {
                        for (int j = 0; j < SIDE; j++) {
                            double v = mnist.pixel(img, r + i, c + j) / 255.0;
                            sum[i * SIDE + j] += v;
                            sum2[i * SIDE + j] += v * v;
                        }
                    }
                    n++;
                }
            }
        }
        double var = 0;
        for (int i = 0; i < D; i++) {
            double m = sum[i] / n;
            var += sum2[i] / n - m * m;
        }
        for (int i = 0; i < D; i++) {
            mean[i] = sum[i] / n;
        }
        this.scale = 1;
        // largest eigenvalue of the covariance, estimated on 20,000 patches of a fixed stream
        int samples = 20_000;
        double[] c = new double[D * D];
        double[] x = new double[D];
        Rng r = new Rng(20_260_101L);
        for (int t = 0; t < samples; t++) {
            patch(r.nextInt(mnist.size()), FIRST + r.nextInt(POSITIONS), FIRST + r.nextInt(POSITIONS), x, 0);
            for (int i = 0; i < D; i++) {
                double xi = x[i] / samples;
                for (int j = 0; j <= i; j++) {
                    c[i * D + j] += xi * x[j];
                }
            }
        }
        for (int i = 0; i < D; i++) {
            for (int j = 0; j < i; j++) {
                c[j * D + i] = c[i * D + j];
            }
        }
        double top = 0;
        for (double e : io.landscape.impl.sharing.SharingTheorems.symmetricEigenvalues(c, D)) {
            top = Math.max(top, e);
        }
        this.topEigenvalue = top;
        this.averageVariance = var / D;
        this.scale = 1 / Math.sqrt(top);
    }

    /** The largest eigenvalue of the covariance of the centred [0, 1] patches (before scaling). */
    double topEigenvalue() {
        return topEigenvalue;
    }

    /** The average per-coordinate variance of the centred [0, 1] patches (before scaling). */
    double averageVariance() {
        return averageVariance;
    }

    @Override
    public int dimension() {
        return D;
    }

    /** Writes the normalised patch of {@code image} at (row, col) into x at {@code off}. */
    void patch(int image, int row, int col, double[] x, int off) {
        for (int i = 0; i < SIDE; i++) {
            for (int j = 0; j < SIDE; j++) {
                x[off + i * SIDE + j] = (mnist.pixel(image, row + i, col + j) / 255.0 - mean[i * SIDE + j]) * scale;
            }
        }
    }

    @Override
    public void fill(double[] x, int batch, int k, Rng r) {
        for (int b = 0; b < batch; b++) {
            int image = r.nextInt(mnist.size());
            for (int l = 0; l < k; l++) {
                int row = FIRST + r.nextInt(POSITIONS);
                int col = FIRST + r.nextInt(POSITIONS);
                int off = (b * k + l) * D;
                patch(image, row, col, x, off);
                if (r.nextBoolean()) {
                    for (int i = 0; i < D; i++) {
                        x[off + i] = -x[off + i];
                    }
                }
            }
        }
    }
}
