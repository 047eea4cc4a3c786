package io.landscape.jmh;

import java.util.Arrays;

import io.landscape.api.Problem;
import io.landscape.impl.certify.Certificate;
import io.landscape.impl.certify.Certifier;
import io.landscape.impl.certify.Options;

/**
 * One-shot timing of {@link Certifier} on synthetic near-minima (a development tool next to {@link CertifyBenchmark}):
 * {@code java -cp jmh/target/benchmarks.jar io.landscape.jmh.CertifyTiming K N SEEDS [GD_ITERATIONS [GD_TOL [newton]]]}
 * (GD to ‖∇F‖ ≤ GD_TOL, default 10⁻⁷, then Newton unless the sixth argument is {@code nonewton}).
 * Prints one line per seed (verdict, reason, λ bound, radius, F, millis) and the median millis.
 */
public final class CertifyTiming {
    private CertifyTiming() {
    }

    public static void main(String[] args) {
        int k = Integer.parseInt(args[0]);
        int n = Integer.parseInt(args[1]);
        int seeds = Integer.parseInt(args[2]);
        int iterations = args.length > 3 ? Integer.parseInt(args[3]) : 20000;
        Problem p = Problem.identityTeacher(k, k, n);
        double[] millis = new double[seeds];
        for (int s = 0; s < seeds; s++) {
            long t0 = System.nanoTime();
            double tol = args.length > 4 ? Double.parseDouble(args[4]) : 1e-7;
            boolean newton = args.length <= 5 || !args[5].equals("nonewton");
            double[] x = newton ? NearMinima.polished(k, n, s, iterations, tol)
                    : NearMinima.descend(k, n, s, iterations, tol);
            double gd = (System.nanoTime() - t0) / 1e6;
            Certificate c = Certifier.certify(p, x, Options.defaults());
            millis[s] = c.millis();
            System.out.printf("k=%d n=%d seed=%d gd+newton=%.0fms verdict=%s reason=%s lambda=%.6g radius=%.3g "
                            + "F=%.6g eps=%.3g B=%.3g millis=%.1f%n", k, n, s, gd, c.verdict(), c.reason(),
                    c.lambdaMinLowerBound(), c.radius(), c.objective(), c.gradientNormUpperBound(),
                    c.thirdOrderBound(), c.millis());
        }
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        System.out.printf("median millis %.1f%n", sorted[sorted.length / 2]);
    }
}
