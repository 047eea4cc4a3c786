package io.landscape.impl.experiment.spurious;

import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import io.landscape.api.Problem;
import io.landscape.impl.certify.Certifier;
import io.landscape.impl.certify.Options;

/**
 * {@link FamilyCertifier} backed by the rigorous certifier of paper 002 Lemmas 1–3 ({@link Certifier}): a family is
 * "certified" only when a spurious local minimum is proven to lie within the reported radius of its representative.
 * Results are memoised under everything that decides them — the problem (a value: teacher matrix, weights, kernel,
 * normalization), the point (bit for bit) and the certifier's options — so that every report of the same family shows
 * the same certificate and pays for it once. The memo is bounded: it keeps the most recently used certificates whose
 * keys hold at most {@code capacity} doubles in all, so a long-lived process (a library user, a census over many
 * cells) does not grow without end; an evicted certificate is recomputed on demand (the same verdict, bounds and
 * reason: the certifier is deterministic; only {@code millis} differs).
 */
public final class RigorousFamilyCertifier implements FamilyCertifier {
    /** The default bound of the memo: keys of 4·2²⁰ doubles (32 MiB) in all. */
    public static final long DEFAULT_CAPACITY = 4L << 20;

    /** The instance shared by the spurious-minima commands (their sweep and their reports), bounded as above. */
    public static final RigorousFamilyCertifier INSTANCE = new RigorousFamilyCertifier(DEFAULT_CAPACITY);

    private final long capacity;
    private final Options options;
    private final LinkedHashMap<Key, Certificate> memo = new LinkedHashMap<>(16, 0.75f, true);
    private long weight;

    /** A certifier with {@link Options#defaults()} whose memo holds keys of at most {@code capacity} doubles. */
    public RigorousFamilyCertifier(long capacity) {
        this(capacity, Options.defaults());
    }

    /** A certifier with {@code options} whose memo holds keys of at most {@code capacity} doubles (≥ 0). */
    public RigorousFamilyCertifier(long capacity, Options options) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity: must be at least 0, got " + capacity);
        }
        this.capacity = capacity;
        this.options = options;
    }

    private record Key(Problem problem, double[] point, Options options) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && other.problem.equals(problem) && Arrays.equals(other.point, point)
                    && other.options.equals(options);
        }

        @Override
        public int hashCode() {
            return (Arrays.hashCode(point) * 31 + problem.hashCode()) * 31 + options.hashCode();
        }

        long weight() {
            return point.length + (long) problem.teacherCount() * problem.inputDimension();
        }
    }

    /** Certificates held by the memo now. */
    public synchronized int size() {
        return memo.size();
    }

    @Override
    public Certificate certify(Problem problem, double[] point) {
        Key key = new Key(problem, point.clone(), options);
        synchronized (this) {
            Certificate known = memo.get(key);
            if (known != null) {
                return known;
            }
        }
        io.landscape.impl.certify.Certificate c = Certifier.certify(problem, point, options);
        Certificate made = c.certified()
                ? new Certificate(true, c.radius(), c.lambdaMinLowerBound(), c.objectiveLowerBound(), null, c.millis())
                : new Certificate(false, Double.NaN, Double.NaN, Double.NaN, c.reason(), c.millis());
        synchronized (this) {
            Certificate raced = memo.get(key);
            if (raced != null) {
                return raced; // another thread certified the same point meanwhile: one answer for everyone
            }
            if (key.weight() <= capacity) {
                memo.put(key, made);
                weight += key.weight();
                Iterator<Map.Entry<Key, Certificate>> eldest = memo.entrySet().iterator();
                while (weight > capacity && eldest.hasNext()) {
                    Key k = eldest.next().getKey();
                    if (k.equals(key)) {
                        break;
                    }
                    weight -= k.weight();
                    eldest.remove();
                }
            }
        }
        return made;
    }
}
