package io.landscape.jmh;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The machine's fused multiply-add peak on one core, the yardstick for the general evaluator's products
 * ({@link GeneralEvaluatorBenchmark}; docs/performance.md, "the floor"): 16 independent FMA chains of the preferred
 * vector species, no memory operand in the loop — what the product tiles would reach if loads, address arithmetic and
 * latency cost nothing. The score is in vector FMAs per nanosecond; times the lane count L (8 with 512-bit vectors,
 * 4 with 256-bit ones) it is 10⁹ multiply-adds per second. Needs
 * {@code -jvmArgsAppend --add-modules=jdk.incubator.vector}.
 *
 * <p>Measured: 3.66 vector FMAs/ns (29.3·10⁹ multiply-adds/s, one 512-bit FMA per cycle at 3.66 GHz) on an AMD EPYC
 * of family 25 model 17 (Zen 4, which splits a 512-bit FMA in two 256-bit halves); ≈ 7.2/ns (57.5·10⁹) on the Zen 5
 * the goals were set on.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FmaPeakBenchmark {
    private static final VectorSpecies<Double> SP = DoubleVector.SPECIES_PREFERRED;
    private static final int STEPS = 4096;

    private double[] seed;

    @Setup
    public void setUp() {
        seed = new double[17 * SP.length()];
        for (int e = 0; e < seed.length; e++) {
            seed[e] = 1.0 + 1e-3 * e;
        }
    }

    /** STEPS × 16 vector FMAs, each chain a ← a·m + m (|m| &lt; 1, so the values stay bounded). */
    @Benchmark
    @OperationsPerInvocation(STEPS * 16)
    public double peak() {
        int l = SP.length();
        DoubleVector m = DoubleVector.fromArray(SP, seed, 16 * l).mul(0.5);
        DoubleVector a0 = DoubleVector.fromArray(SP, seed, 0);
        DoubleVector a1 = DoubleVector.fromArray(SP, seed, l);
        DoubleVector a2 = DoubleVector.fromArray(SP, seed, 2 * l);
        DoubleVector a3 = DoubleVector.fromArray(SP, seed, 3 * l);
        DoubleVector a4 = DoubleVector.fromArray(SP, seed, 4 * l);
        DoubleVector a5 = DoubleVector.fromArray(SP, seed, 5 * l);
        DoubleVector a6 = DoubleVector.fromArray(SP, seed, 6 * l);
        DoubleVector a7 = DoubleVector.fromArray(SP, seed, 7 * l);
        DoubleVector a8 = DoubleVector.fromArray(SP, seed, 8 * l);
        DoubleVector a9 = DoubleVector.fromArray(SP, seed, 9 * l);
        DoubleVector a10 = DoubleVector.fromArray(SP, seed, 10 * l);
        DoubleVector a11 = DoubleVector.fromArray(SP, seed, 11 * l);
        DoubleVector a12 = DoubleVector.fromArray(SP, seed, 12 * l);
        DoubleVector a13 = DoubleVector.fromArray(SP, seed, 13 * l);
        DoubleVector a14 = DoubleVector.fromArray(SP, seed, 14 * l);
        DoubleVector a15 = DoubleVector.fromArray(SP, seed, 15 * l);
        for (int s = 0; s < STEPS; s++) {
            a0 = a0.fma(m, m);
            a1 = a1.fma(m, m);
            a2 = a2.fma(m, m);
            a3 = a3.fma(m, m);
            a4 = a4.fma(m, m);
            a5 = a5.fma(m, m);
            a6 = a6.fma(m, m);
            a7 = a7.fma(m, m);
            a8 = a8.fma(m, m);
            a9 = a9.fma(m, m);
            a10 = a10.fma(m, m);
            a11 = a11.fma(m, m);
            a12 = a12.fma(m, m);
            a13 = a13.fma(m, m);
            a14 = a14.fma(m, m);
            a15 = a15.fma(m, m);
        }
        DoubleVector sum = a0.add(a1).add(a2.add(a3)).add(a4.add(a5).add(a6.add(a7)))
                .add(a8.add(a9).add(a10.add(a11)).add(a12.add(a13).add(a14.add(a15))));
        return sum.reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
    }

    /** Prints "lanes L", the lane count of the preferred species (jmh/goals.sh turns the score into multiply-adds). */
    public static void main(String[] args) {
        System.out.println("lanes " + SP.length());
    }
}
