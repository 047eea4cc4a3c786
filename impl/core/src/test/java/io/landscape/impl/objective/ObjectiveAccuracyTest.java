package io.landscape.impl.objective;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.hipparchus.dfp.Dfp;
import org.junit.jupiter.api.Test;

import io.landscape.api.Landscape;
import io.landscape.api.Normalization;
import io.landscape.api.Objective;
import io.landscape.api.Problem;
import io.landscape.impl.TestSupport;
import io.landscape.impl.certify.DfpReference;

/**
 * F against 40-digit references ({@link DfpReference}) at k = n = d = 20, 50 and 100, where F is a difference of
 * thousands of pair terms (see the package documentation for the error bound). Two statements are checked:
 * <ul>
 *   <li>at random (Xavier-scaled) points, where M/|F| is a few hundred, the relative error is at most
 *   {@value #RELATIVE} (≈ 4.5 ulps; measured ≤ 5·10⁻¹⁶). Plain recursive summation fails this: 4·10⁻¹⁵, 2·10⁻¹³ and
 *   3·10⁻¹² at k = 20, 50, 100;</li>
 *   <li>at every point, including points near the global minimum where F is tiny next to the terms,
 *   |F̂ − F| ≤ 2u|F| + u·M/{@value #M_FRACTION_INVERSE}, M the sum of the terms' magnitude bounds: the summation
 *   adds about 2u|F| plus rounding of the order of the terms' own, and all of it together measured ≤ 0.1·u·M. Plain
 *   summation reaches 0.5–1.2·u·M at k = 20, 7–9·u·M at k = 50 and 70–79·u·M at k = 100.</li>
 * </ul>
 */
class ObjectiveAccuracyTest {
    private static final double U = 0x1p-53;
    /** Relative error allowed at random points. */
    private static final double RELATIVE = 1e-15;
    /** |F̂ − F| ≤ 2u|F| + u·M/8. */
    private static final double M_FRACTION_INVERSE = 8;

    private static double[] identity(int k) {
        double[] x = new double[k * k];
        for (int i = 0; i < k; i++) {
            x[i * k + i] = 1;
        }
        return x;
    }

    private static double[][] identityRows(int k) {
        double[][] v = new double[k][k];
        for (int l = 0; l < k; l++) {
            v[l][l] = 1;
        }
        return v;
    }

    private static double[] ones(int m) {
        double[] a = new double[m];
        Arrays.fill(a, 1.0);
        return a;
    }

    /** Xavier-scaled random point: entries N(0, 1/d). */
    private static double[] random(Random rnd, int n, int d) {
        return TestSupport.gaussian(rnd, n * d, 1 / Math.sqrt(d));
    }

    /** The global minimum of the identity teacher (W = I) moved by N(0, sigma²) in every entry. */
    private static double[] nearMinimum(Random rnd, int k, double sigma) {
        double[] x = identity(k);
        for (int q = 0; q < x.length; q++) {
            x[q] += sigma * rnd.nextGaussian();
        }
        return x;
    }

    private static double norm(double[] x, int o, int d) {
        double s = 0;
        for (int q = 0; q < d; q++) {
            s += x[o + q] * x[o + q];
        }
        return Math.sqrt(s);
    }

    /** M = scale·(¼Σa²r² + ½Σ|a_i a_j| r_i r_j + ½Σ|a_i b_l| r_i ρ_l + ¼Σb²ρ² + ½Σ|b_l b_m| ρ_l ρ_m) ≥ scale·Σ|t|. */
    private static double magnitude(double[] x, double[][] v, double[] a, double[] b, double scale) {
        int d = v[0].length;
        int n = x.length / d;
        double[] r = new double[n];
        double[] rho = new double[v.length];
        for (int i = 0; i < n; i++) {
            r[i] = norm(x, i * d, d);
        }
        for (int l = 0; l < v.length; l++) {
            rho[l] = norm(v[l], 0, d);
        }
        double m = 0;
        for (int i = 0; i < n; i++) {
            m += 0.25 * a[i] * a[i] * r[i] * r[i];
            for (int j = i + 1; j < n; j++) {
                m += 0.5 * Math.abs(a[i] * a[j]) * r[i] * r[j];
            }
            for (int l = 0; l < v.length; l++) {
                m += 0.5 * Math.abs(a[i] * b[l]) * r[i] * rho[l];
            }
        }
        for (int l = 0; l < v.length; l++) {
            m += 0.25 * b[l] * b[l] * rho[l] * rho[l];
            for (int o = l + 1; o < v.length; o++) {
                m += 0.5 * Math.abs(b[l] * b[o]) * rho[l] * rho[o];
            }
        }
        return scale * m;
    }

    /** Checks value() and valueAndGradient() at x against the reference; with {@code random} also the relative bound. */
    private static void check(String what, Objective f, DfpReference ref, double[] x, double[][] v, double[] a,
                              double[] b, double scale, boolean random) {
        Dfp exact = ref.value(x);
        double fx = exact.toDouble();
        double m = magnitude(x, v, a, b, scale);
        double[] g = new double[x.length];
        double[] values = {f.value(x), f.valueAndGradient(x, g)};
        String[] names = {"value()", "valueAndGradient()"};
        for (int c = 0; c < 2; c++) {
            String at = what + ", " + names[c];
            double err = Math.abs(exact.subtract(DfpReference.FIELD.newDfp(values[c])).toDouble());
            double bound = 2 * U * Math.abs(fx) + U * m / M_FRACTION_INVERSE;
            assertTrue(err <= bound, String.format("%s: |F̂ − F| = %.3g > 2u|F| + u·M/8 = %.3g (F = %.17g, M = %.4g; "
                    + "error = %.3f u·M)", at, err, bound, fx, m, err / (U * m)));
            if (random) {
                double rel = err / Math.abs(fx);
                assertTrue(rel <= RELATIVE, String.format("%s: relative error %.3g > %.0g (F = %.17g)", at, rel,
                        RELATIVE, fx));
            }
        }
    }

    private static void identityTeacher(int k, long seed) {
        double[][] v = identityRows(k);
        double[] w = ones(k);
        DfpReference ref = new DfpReference(v, w, w, 1.0);
        // the evaluator Landscape.objective selects (the identity-teacher one) and the general one
        for (Objective f : new Objective[] {Landscape.objective(Problem.identityTeacher(k, k, k)),
                Evaluators.general(Problem.identityTeacher(k, k, k))}) {
            Random rnd = new Random(seed);
            String who = f.getClass().getSimpleName() + ": ";
            check(who + "k = n = " + k + ", random point", f, ref, random(rnd, k, k), v, w, w, 1.0, true);
            check(who + "k = n = " + k + ", near the global minimum", f, ref, nearMinimum(rnd, k, 0.05), v, w, w, 1.0,
                    false);
        }
    }

    @Test
    void identityTeacherAtK20() {
        identityTeacher(20, 20);
        // F ≈ 8e-5 next to M ≈ 400: the relative error is set by the terms, the absolute one stays ≤ u·M/8
        double[][] v = identityRows(20);
        double[] w = ones(20);
        check("k = n = 20, 1e-3 from the global minimum", Landscape.objective(Problem.identityTeacher(20, 20, 20)),
                new DfpReference(v, w, w, 1.0), nearMinimum(new Random(3), 20, 1e-3), v, w, w, 1.0, false);
    }

    @Test
    void identityTeacherAtK50() {
        identityTeacher(50, 50);
    }

    @Test
    void identityTeacherAtK100() {
        identityTeacher(100, 100);
    }

    @Test
    void generalTeacherWeightsAndNormalization() {
        // non-orthogonal teacher, output weights of both signs, the ½-free normalisation: the same two bounds
        Random rnd = new Random(7);
        int k = 15;
        int n = 25;
        int d = 12;
        double[][] v = TestSupport.gaussian(rnd, k, d, 1.0);
        double[] a = new double[n];
        double[] b = new double[k];
        for (int i = 0; i < n; i++) {
            a[i] = (rnd.nextBoolean() ? 1 : -1) * (0.5 + rnd.nextDouble());
        }
        for (int l = 0; l < k; l++) {
            b[l] = 0.5 + rnd.nextDouble();
        }
        for (Normalization norm : Normalization.values()) {
            Problem p = Problem.builder().teacher(v).students(n).studentWeights(a).teacherWeights(b)
                    .normalization(norm).build();
            double scale = norm.factorRelativeToHalf();
            DfpReference ref = new DfpReference(v, a, b, scale);
            Objective f = Landscape.objective(p);
            check(norm + ", random point", f, ref, TestSupport.gaussian(rnd, n * d, 1.0), v, a, b, scale, true);
        }
    }
}
