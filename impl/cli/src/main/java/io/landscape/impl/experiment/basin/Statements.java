package io.landscape.impl.experiment.basin;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

import io.landscape.api.empirical.BasinSolution;
import io.landscape.api.empirical.DataSet;
import io.landscape.api.empirical.Empirical;
import io.landscape.api.empirical.EmpiricalProblem;
import io.landscape.api.empirical.Loss;
import io.landscape.impl.basin.SingleNeuronConstruction;
import io.landscape.impl.empirical.DeepNetwork;
import io.landscape.impl.empirical.Initialization;

/**
 * The simulations of paper 001's probability statements (the data sets and events are documented in
 * docs/initial-basin/README.md). Data sets are fixed per curve (drawn from the experiment's seed); each trial draws one
 * Assumption-1 initialisation and evaluates the event with the library's own objects: {@link DeepNetwork} for
 * Props. 1–2, the basin solver ({@link Empirical#basinSolver()}) for Thms. 2–6.
 */
final class Statements {
    /** Tolerance for "Bas ≤ α" when α is an exact value the solver reaches only up to rounding. */
    static final double VALUE_TOLERANCE = 1e-9;

    private Statements() {
    }

    static List<Curve> all(long seed, boolean quick) {
        List<Curve> out = new ArrayList<>();
        int[] propWidths = quick ? new int[] {1, 2, 3, 4, 6, 8} : new int[] {1, 2, 3, 4, 5, 6, 8, 10, 12, 16};
        SplittableRandom data = new SplittableRandom(seed ^ 0x5DEECE66DL);
        double[] x1 = unit(data, 5);
        out.add(new Prop1(Loss.SQUARED, 2, Initialization.gaussian(1e-3), x1, propWidths, false));
        out.add(new Prop1(Loss.SQUARED, 2, Initialization.gaussian(1.0), x1, propWidths, false));
        out.add(new Prop1(Loss.SQUARED, 3, Initialization.sphere(1e-3), x1, propWidths, false));
        out.add(new Prop1(Loss.CROSS_ENTROPY, 2, Initialization.gaussian(1e-3), x1, propWidths, false));
        out.add(new Prop1(Loss.CROSS_ENTROPY, 3, Initialization.gaussian(1e-3), x1, propWidths, false));
        out.add(new Prop1(Loss.SQUARED, 2, Initialization.gaussian(1.0), x1, propWidths, true));
        int[] thm2Widths = quick ? new int[] {2, 4, 8, 12, 16, 24, 32} : new int[] {2, 3, 4, 6, 8, 10, 12, 14, 16, 20, 24,
            28, 32, 40};
        out.add(new Thm2(8, 0.1, Initialization.gaussian(1.0), thm2Widths));
        out.add(new Thm2(8, 0.1, Initialization.gaussian(1e-3), thm2Widths));
        out.add(new Thm2(8, 0.1, Initialization.sphere(1.0), thm2Widths));
        out.add(Thm3.of(data, quick));
        int[] thm4Widths = quick ? new int[] {2, 4, 8, 12, 16, 24} : new int[] {2, 3, 4, 6, 8, 10, 12, 14, 16, 20, 24, 32};
        out.add(new Thm4(data, 6, 10, Initialization.gaussian(1.0), thm4Widths));
        out.add(new Thm4(new SplittableRandom(seed ^ 0x5DEECE66DL).split(), 6, 10, Initialization.sphere(1.0),
                thm4Widths));
        int[] thm5Widths = quick ? new int[] {2, 4, 8, 16, 24, 32} : new int[] {2, 3, 4, 6, 8, 10, 12, 16, 20, 24, 32, 40};
        out.add(new Thm5(data, 0.001, 5, thm5Widths));
        int[] thm6Dims = quick ? new int[] {4, 8, 16, 32} : new int[] {2, 4, 8, 12, 16, 24, 32, 48, 64};
        out.add(new Thm6(0.1, thm6Dims));
        return out;
    }

    static double[] unit(SplittableRandom rnd, int d) {
        double[] x = new double[d];
        double s = 0;
        for (int j = 0; j < d; j++) {
            x[j] = Initialization.gaussian(rnd);
            s += x[j] * x[j];
        }
        for (int j = 0; j < d; j++) {
            x[j] /= Math.sqrt(s);
        }
        return x;
    }

    /**
     * A curve on one fixed data set: its widths, and dimension and example count from the data (the part every
     * statement but Thm. 6 shares).
     */
    abstract static class DataCurve implements Curve {
        protected final DataSet data;
        protected final Initialization init;
        protected final int[] widths;

        DataCurve(DataSet data, Initialization init, int[] widths) {
            this.data = data;
            this.init = init;
            this.widths = widths;
        }

        @Override
        public final int[] widths() {
            return widths;
        }

        @Override
        public final int dimension() {
            return data.dimension();
        }

        @Override
        public final int examples() {
            return data.size();
        }

        /** Bas for the squared loss at width n, from one initialisation drawn from {@code rnd}. */
        final double squaredBasin(int n, SplittableRandom rnd) {
            return basin(new EmpiricalProblem(data, Loss.SQUARED, n), init, rnd);
        }
    }

    /**
     * Prop. 1: P[L(P(W⁽⁰⁾)) &gt; L(0)] ≥ ½(1 − 2^{−n}) for a depth-h network whose hidden layers have width n, on one
     * example (m = 1), where the bound is nearly tight for a small initialisation. With {@code eq9}: Eq. (9),
     * P[P(W⁽⁰⁾) ≠ 0] ≥ 1 − 2^{−n} (exact for depth 2).
     */
    static final class Prop1 extends DataCurve {
        private final Loss loss;
        private final int depth;
        private final boolean eq9;
        private final int classes;

        Prop1(Loss loss, int depth, Initialization init, double[] x, int[] widths, boolean eq9) {
            super(new DataSet(new double[][] {x}, new double[] {loss == Loss.CROSS_ENTROPY ? 0 : 1}), init, widths);
            this.loss = loss;
            this.depth = depth;
            this.eq9 = eq9;
            this.classes = loss == Loss.CROSS_ENTROPY ? 3 : 1;
        }

        @Override
        public String statement() {
            return eq9 ? "eq9" : "prop1";
        }

        @Override
        public String variant() {
            return (loss == Loss.CROSS_ENTROPY ? "cross-entropy (3 classes)" : "squared") + ", depth " + depth + ", "
                    + init;
        }

        @Override
        public boolean trial(int n, SplittableRandom rnd) {
            int[] sizes = new int[depth + 1];
            sizes[0] = data.dimension();
            for (int l = 1; l < depth; l++) {
                sizes[l] = n;
            }
            sizes[depth] = classes;
            DeepNetwork net = DeepNetwork.random(sizes, init, rnd);
            double[][] p = net.predictions(data);
            if (eq9) {
                for (double v : p[0]) {
                    if (v != 0) {
                        return true;
                    }
                }
                return false;
            }
            double[][] zero = new double[1][classes];
            return DeepNetwork.loss(loss, p, data) > DeepNetwork.loss(loss, zero, data);
        }

        @Override
        public double threshold(int n) {
            return Double.NaN;
        }

        @Override
        public double bound(int n) {
            return eq9 ? 1 - Math.pow(2, -n) : 0.5 * (1 - Math.pow(2, -n));
        }

        @Override
        public double exact(int n) {
            return eq9 && depth == 2 ? 1 - Math.pow(2, -n) : Double.NaN;
        }
    }

    /** Draws a two-layer point and returns Bas. */
    static double basin(EmpiricalProblem p, Initialization init, SplittableRandom rnd) {
        double[] w = init.twoLayer(rnd, p.neurons(), p.inputDimension(), p.trainableOutputWeights());
        BasinSolution sol = Empirical.basinSolver().solve(p, w);
        return sol.basinValue();
    }

    /**
     * Thm. 2 on App. C's singleton data (d coordinates, examples (½e_j, √(2ε)) and (−e_j, 1)): P[Bas ≤ α] ≥
     * 1 − 2d(3/4)^n. For n ≥ 2, α = 0 (two neurons with v &gt; 0 and opposite-signed weights fit every example).
     */
    static final class Thm2 extends DataCurve {
        private final int d;

        Thm2(int d, double eps, Initialization init, int[] widths) {
            super(SingleNeuronConstruction.dataSet(d, eps), init, widths);
            this.d = d;
        }

        @Override
        public String statement() {
            return "thm2";
        }

        @Override
        public String variant() {
            return "singleton data d=" + d + ", squared, " + init;
        }

        @Override
        public boolean trial(int n, SplittableRandom rnd) {
            return squaredBasin(n, rnd) <= VALUE_TOLERANCE;
        }

        @Override
        public double threshold(int n) {
            return 0.0;
        }

        @Override
        public double bound(int n) {
            return 1 - 2 * d * Math.pow(0.75, n);
        }
    }

    /** Thm. 4: rank X = m, Gaussian targets: P[Bas ≤ α] ≥ 1 − m(3/4)^n, α = 0 for n ≥ 2. */
    static final class Thm4 extends DataCurve {
        Thm4(SplittableRandom rnd, int m, int d, Initialization init, int[] widths) {
            super(gaussianData(rnd, m, d), init, widths);
        }

        /** m examples with N(0, I_d) inputs and N(0, 1) targets (rank X = m almost surely for m ≤ d). */
        private static DataSet gaussianData(SplittableRandom rnd, int m, int d) {
            double[][] x = new double[m][d];
            double[] y = new double[m];
            for (int t = 0; t < m; t++) {
                for (int j = 0; j < d; j++) {
                    x[t][j] = Initialization.gaussian(rnd);
                }
                y[t] = Initialization.gaussian(rnd);
            }
            return new DataSet(x, y);
        }

        @Override
        public String statement() {
            return "thm4";
        }

        @Override
        public String variant() {
            return "rank X = m=" + data.size() + ", d=" + data.dimension() + ", squared, " + init;
        }

        @Override
        public boolean trial(int n, SplittableRandom rnd) {
            return squaredBasin(n, rnd) <= VALUE_TOLERANCE;
        }

        @Override
        public double threshold(int n) {
            return 0.0;
        }

        @Override
        public double bound(int n) {
            return 1 - data.size() * Math.pow(0.75, n);
        }
    }

    /**
     * Thm. 3: data of rank 2 in R^4 on the unit circle of a random plane, targets of a two-neuron teacher with
     * |v*_i|‖w*_i‖ ≤ B = 1 (so L_S(W*, v*) = 0); width c⌈n* / p_ε⌉ for c ≥ 2: P[Bas ≤ ε] ≥ 1 − exp(−c·n* / 4).
     */
    static final class Thm3 extends DataCurve {
        private final int teacher;
        private final double eps;
        private final double pEps;
        private final double[] cs;

        private Thm3(DataSet data, int teacher, double eps, double[] cs) {
            super(data, Initialization.gaussian(1.0), new int[cs.length]);
            this.teacher = teacher;
            this.eps = eps;
            this.cs = cs;
            int rank = 2;
            double b = 1.0;
            double a = Math.sqrt(eps) / (teacher * b);
            this.pEps = 1 / (2 * Math.PI * (rank - 1)) * Math.pow(a * Math.sqrt(1 - eps / (4.0 * teacher * teacher * b * b)),
                    rank - 1);
            int base = (int) Math.ceil(teacher / pEps);
            for (int i = 0; i < cs.length; i++) {
                widths[i] = (int) Math.round(cs[i] * base);
            }
        }

        static Thm3 of(SplittableRandom rnd, boolean quick) {
            int d = 4;
            int m = 12;
            double[] u1 = unit(rnd, d);
            double[] u2 = unit(rnd, d);
            double dot = 0;
            for (int j = 0; j < d; j++) {
                dot += u1[j] * u2[j];
            }
            double s = 0;
            for (int j = 0; j < d; j++) {
                u2[j] -= dot * u1[j];
                s += u2[j] * u2[j];
            }
            for (int j = 0; j < d; j++) {
                u2[j] /= Math.sqrt(s);
            }
            double[][] x = new double[m][d];
            for (int t = 0; t < m; t++) {
                double th = 2 * Math.PI * (t + 0.5 * rnd.nextDouble()) / m;
                for (int j = 0; j < d; j++) {
                    x[t][j] = Math.cos(th) * u1[j] + Math.sin(th) * u2[j];
                }
            }
            // teacher: w*_1 at angle 0.3, w*_2 at angle 2.2 in the plane (unit norm), v* = (1, −1)
            double[][] w = new double[2][d];
            double[] ang = {0.3, 2.2};
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < d; j++) {
                    w[i][j] = Math.cos(ang[i]) * u1[j] + Math.sin(ang[i]) * u2[j];
                }
            }
            double[] v = {1, -1};
            double[] y = new double[m];
            for (int t = 0; t < m; t++) {
                for (int i = 0; i < 2; i++) {
                    double u = 0;
                    for (int j = 0; j < d; j++) {
                        u += w[i][j] * x[t][j];
                    }
                    y[t] += v[i] * Math.max(0, u);
                }
            }
            double[] cs = quick ? new double[] {2, 4, 8} : new double[] {2, 3, 4, 6, 8, 12};
            return new Thm3(new DataSet(x, y), 2, 0.01, cs);
        }

        @Override
        public String statement() {
            return "thm3";
        }

        @Override
        public String variant() {
            return String.format(java.util.Locale.ROOT, "rank X = 2 in R^4, m=%d, teacher n*=%d, B=1, ε=%g, p_ε=%.5f, "
                    + "width c⌈n* / p_ε⌉, %s", data.size(), teacher, eps, pEps, init);
        }

        @Override
        public boolean trial(int n, SplittableRandom rnd) {
            return squaredBasin(n, rnd) <= eps;
        }

        @Override
        public double threshold(int n) {
            return eps;
        }

        @Override
        public double bound(int n) {
            for (int i = 0; i < widths.length; i++) {
                if (widths[i] == n) {
                    return 1 - Math.exp(-cs[i] * teacher / 4);
                }
            }
            throw new IllegalArgumentException("width " + n + " is not c⌈n / p_ε⌉ for a listed c");
        }
    }

    /**
     * Thm. 5: two tight clusters around c₁ = (1, 1) and c₂ = (−2, 0.5) (Fig. 1's instances) in R², targets ŷ = (1,
     * −0.5) constant per cluster (γ = 0): P[Bas ≤ δ²((1 + B/c) n σ_max(Cᵀ)‖ŷ‖/σ²_min(Cᵀ) + 2γ)²] ≥ 1 − d(7/8)^n.
     */
    static final class Thm5 extends DataCurve {
        private final double delta;
        private final double factor;

        Thm5(SplittableRandom rnd, double radius, int perCluster, int[] widths) {
            this(clusters(rnd, radius, perCluster), widths);
        }

        private Thm5(Clusters c, int[] widths) {
            super(c.data, Initialization.gaussian(1.0), widths);
            this.delta = c.delta;
            double cMin = Math.min(Math.hypot(1, 1), Math.hypot(-2, 0.5));
            DMatrixRMaj ct = new DMatrixRMaj(new double[][] {{1, -2}, {1, 0.5}});
            SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(2, 2, false, false, true);
            svd.decompose(ct);
            double[] sv = svd.getSingularValues();
            double smax = Math.max(sv[0], sv[1]);
            double smin = Math.min(sv[0], sv[1]);
            double yn = Math.hypot(1, -0.5);
            this.factor = (1 + c.bMax / cMin) * smax * yn / (smin * smin);
        }

        /** The drawn data with its largest distance from a centre (δ) and largest input norm (B). */
        private record Clusters(DataSet data, double delta, double bMax) {
        }

        private static Clusters clusters(SplittableRandom rnd, double radius, int perCluster) {
            double[][] c = {{1, 1}, {-2, 0.5}};
            double[] yhat = {1, -0.5};
            double[][] x = new double[2 * perCluster][];
            double[] y = new double[2 * perCluster];
            double dMax = 0;
            double bMax = 0;
            for (int j = 0; j < 2; j++) {
                for (int k = 0; k < perCluster; k++) {
                    double r = radius * Math.sqrt(rnd.nextDouble());
                    double a = 2 * Math.PI * rnd.nextDouble();
                    double[] p = {c[j][0] + r * Math.cos(a), c[j][1] + r * Math.sin(a)};
                    x[j * perCluster + k] = p;
                    y[j * perCluster + k] = yhat[j];
                    dMax = Math.max(dMax, r);
                    bMax = Math.max(bMax, Math.hypot(p[0], p[1]));
                }
            }
            return new Clusters(new DataSet(x, y), dMax, bMax);
        }

        @Override
        public String statement() {
            return "thm5";
        }

        @Override
        public String variant() {
            return String.format(java.util.Locale.ROOT, "2 clusters around (1,1), (-2,0.5), δ=%.2e, m=%d, γ=0, %s", delta,
                    data.size(), init);
        }

        @Override
        public boolean trial(int n, SplittableRandom rnd) {
            return squaredBasin(n, rnd) <= threshold(n);
        }

        @Override
        public double threshold(int n) {
            double s = delta * factor * n;
            return s * s;
        }

        @Override
        public double bound(int n) {
            return 1 - 2 * Math.pow(0.875, n);
        }
    }

    /**
     * Thm. 6 / App. C.2: the single neuron (output weight fixed at 1) on the d-dimensional construction with ε = 0.1;
     * c = L₀/2 = ½ for the squared loss, so the event is Bas ≤ c/4 = 1/8 and the paper's upper bound e^{−d/16}. The
     * exact probability is P[B ≤ k*] for B ~ Binomial(d, ½) bad coordinates.
     */
    static final class Thm6 implements Curve {
        private final double eps;
        private final int[] dims;
        private final Initialization init = Initialization.gaussian(1.0);

        Thm6(double eps, int[] dims) {
            this.eps = eps;
            this.dims = dims;
        }

        @Override
        public String statement() {
            return "thm6";
        }

        @Override
        public String variant() {
            return "single neuron, App. C.2 construction, ε=" + eps + ", x-axis d, " + init;
        }

        /** For thm6 the curve runs over the dimension d (the width is 1). */
        @Override
        public int[] widths() {
            return dims;
        }

        @Override
        public int dimension() {
            return -1;
        }

        @Override
        public int examples() {
            return -1;
        }

        @Override
        public boolean trial(int d, SplittableRandom rnd) {
            EmpiricalProblem p = SingleNeuronConstruction.problem(d, eps);
            return basin(p, init, rnd) <= 0.125 + VALUE_TOLERANCE;
        }

        @Override
        public double threshold(int d) {
            return 0.125;
        }

        @Override
        public double bound(int d) {
            return Math.exp(-d / 16.0);
        }

        @Override
        public boolean upperBound() {
            return true;
        }

        @Override
        public double exact(int d) {
            double total = 0;
            for (int bad = 0; bad <= d; bad++) {
                if (SingleNeuronConstruction.minimumValue(d, bad, eps) <= 0.125) {
                    total += Math.exp(logChoose(d, bad) - d * Math.log(2));
                }
            }
            return total;
        }

        private static double logChoose(int n, int k) {
            double s = 0;
            for (int i = 1; i <= k; i++) {
                s += Math.log(n - k + i) - Math.log(i);
            }
            return s;
        }
    }
}
