package io.landscape.jmh;

import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import io.landscape.api.Landscape;
import io.landscape.api.formula.ObjectiveFormula;
import io.landscape.api.function.DifferentiableFunction;

/**
 * Paper 004's F^(k)(w) = ½[Π_l V(w_l, w_l) − 2 Π_l V(w_l, u0) + V(u0, u0)^k] (fully connected, V the erf arcsine
 * kernel) at k ∈ {2, 5, 10} patches of dimension d ∈ {10, 75}: the objective compiled from its formula
 * ({@code compiled}, {@link Landscape#symbolicObjective}) against the closed form written by hand
 * ({@code handwritten}, {@link HandWrittenFk}). Forked per parameter set (two implementations behind one interface
 * would share a profile, JMH sample 12). {@code -Dlandscape.formula.assembly=generic} (e.g. with {@code -jvmArgs})
 * times the generic assembly instead of the generated one.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FormulaObjectiveBenchmark {
    /** The formula of F^(k) the compiled variant is made from. */
    public static final String FK = "(Product(V(w[l], w[l]), {l, 1, k}) - 2*Product(V(w[l], u0), {l, 1, k}) "
            + "+ V(u0, u0)^k)/2";

    @Param({"2", "5", "10"})
    public int k;

    @Param({"10", "75"})
    public int d;

    @Param({"compiled", "handwritten"})
    public String impl;

    private DifferentiableFunction f;
    private double[] x;
    private double[] g;

    @Setup(Level.Trial)
    public void setUp() {
        Random rnd = new Random(4);
        double[] u0 = new double[d];
        for (int i = 0; i < d; i++) {
            u0[i] = rnd.nextGaussian();
        }
        f = switch (impl) {
            case "compiled" -> Landscape.symbolicObjective(ObjectiveFormula.builder("Fk").vectors("w", k, d)
                    .parameter("u0", u0).scalar("k", k)
                    .define("V(a, b)", "2/Pi*ArcSin(2*a.b/Sqrt((1+2*a.a)*(1+2*b.b)))").formula(FK).build());
            case "handwritten" -> new HandWrittenFk(k, d, u0);
            default -> throw new IllegalArgumentException("impl must be compiled or handwritten, got " + impl);
        };
        x = new double[k * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = rnd.nextGaussian();
        }
        g = new double[x.length];
        selfCheck();
    }

    /** The gradient agrees with central differences of the value (both implementations), or the trial fails. */
    private void selfCheck() {
        f.valueAndGradient(x, g);
        for (int i = 0; i < x.length; i += Math.max(1, x.length / 7)) {
            double h = 1e-6;
            double keep = x[i];
            x[i] = keep + h;
            double up = f.value(x);
            x[i] = keep - h;
            double down = f.value(x);
            x[i] = keep;
            double fd = (up - down) / (2 * h);
            if (!(Math.abs(fd - g[i]) <= 1e-6 * Math.max(1, Math.abs(fd)))) {
                throw new IllegalStateException(impl + ": gradient " + i + " = " + g[i] + ", finite difference " + fd);
            }
        }
    }

    /** The objective set up (for {@link FormulaSideBySide}). */
    DifferentiableFunction function() {
        return f;
    }

    /** The point it is evaluated at. */
    double[] point() {
        return x;
    }

    /** What runs: the objective's description (for the compiled one, the assembly: generated or generic). */
    public String describe() {
        return f.toString();
    }

    @Benchmark
    public double value() {
        return f.value(x);
    }

    @Benchmark
    public double valueAndGradient() {
        return f.valueAndGradient(x, g);
    }
}
