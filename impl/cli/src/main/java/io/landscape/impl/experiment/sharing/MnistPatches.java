package io.landscape.impl.experiment.sharing;

/**
 * 10×10 MNIST patches (d = 100) for the Figure-1 experiment. Paper 004 §2: "real image patches of size 10 × 10 from
 * the MNIST data set, normalized to have zero mean". A sample x = (x₁, …, x_k) is k patches drawn independently —
 * each from its own random digit of {@link Mnist}, at a random position whose top-left corner lies in rows and
 * columns 4…14 (the central 20×20 region where the strokes are) — exactly as the Gaussian x_l are independent.
 * (Taking all k patches from one digit makes them overlap heavily — five 10×10 patches do not fit disjointly into a
 * 28×28 digit — so Π_l tanh(u₀ᵀx_l) becomes nearly a function of one patch and is no longer a degree-k target; the
 * weight-shared learner then learns g*_high, which the paper reports it does not.) Pixels are scaled to [0, 1] and
 * the mean patch over all digits and positions is subtracted (zero mean per coordinate); nothing else is done to
 * them: no variance scaling, no sign flips. The largest eigenvalue of the patch covariance is then about 2.7 (N(0, I)
 * patches: 1).
 */
final class MnistPatches implements SgdRun.Source {
    static final int SIDE = 10;
    static final int D = SIDE * SIDE;
    static final int FIRST = 4;
    static final int POSITIONS = 11;

    private final Mnist mnist;
    private final double[] mean = new double[D];
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
    }

    /** The largest eigenvalue of the covariance of the centred [0, 1] patches (about 2.7). */
    double topEigenvalue() {
        return topEigenvalue;
    }

    /** The average per-coordinate variance of the centred [0, 1] patches. */
    double averageVariance() {
        return averageVariance;
    }

    @Override
    public int dimension() {
        return D;
    }

    /** Writes the centred patch of {@code image} at (row, col) into x at {@code off}. */
    void patch(int image, int row, int col, double[] x, int off) {
        for (int i = 0; i < SIDE; i++) {
            for (int j = 0; j < SIDE; j++) {
                x[off + i * SIDE + j] = mnist.pixel(image, row + i, col + j) / 255.0 - mean[i * SIDE + j];
            }
        }
    }

    @Override
    public void fill(double[] x, int batch, int k, Rng r) {
        for (int b = 0; b < batch; b++) {
            for (int l = 0; l < k; l++) {
                int image = r.nextInt(mnist.size());
                int row = FIRST + r.nextInt(POSITIONS);
                int col = FIRST + r.nextInt(POSITIONS);
                patch(image, row, col, x, (b * k + l) * D);
            }
        }
    }
}
