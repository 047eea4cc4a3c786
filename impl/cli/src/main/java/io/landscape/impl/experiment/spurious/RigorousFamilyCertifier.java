package io.landscape.impl.experiment.spurious;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.landscape.api.Problem;
import io.landscape.impl.certify.Certifier;
import io.landscape.impl.certify.Options;

/**
 * {@link FamilyCertifier} backed by the rigorous certifier of paper 002 Lemmas 1–3 ({@link Certifier}): a family is
 * "certified" only when a spurious local minimum is proven to lie within the reported radius of its representative.
 * Results are memoised per (problem size, point) so that every report of the same family shows the same certificate
 * and pays for it once.
 */
public final class RigorousFamilyCertifier implements FamilyCertifier {
    /** The shared instance used by the spurious-minima commands. */
    public static final RigorousFamilyCertifier INSTANCE = new RigorousFamilyCertifier();

    private final Map<Key, Certificate> memo = new ConcurrentHashMap<>();

    private record Key(int k, int n, int d, double[] point) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key && ((Key) o).k == k && ((Key) o).n == n && ((Key) o).d == d
                    && Arrays.equals(((Key) o).point, point);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(point) * 31 + k * 7 + n;
        }
    }

    @Override
    public Certificate certify(Problem problem, double[] point) {
        Key key = new Key(problem.teacherCount(), problem.studentCount(), problem.inputDimension(), point.clone());
        return memo.computeIfAbsent(key, x -> {
            io.landscape.impl.certify.Certificate c = Certifier.certify(problem, point, Options.defaults());
            return c.certified()
                    ? new Certificate(true, c.radius(), c.lambdaMinLowerBound(), c.objectiveLowerBound(), null,
                            c.millis())
                    : new Certificate(false, Double.NaN, Double.NaN, Double.NaN, c.reason(), c.millis());
        });
    }
}
