package io.landscape.jmh;

import java.util.SplittableRandom;
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
import org.openjdk.jmh.infra.Blackhole;

import io.landscape.impl.linalg.FastAngle;

/**
 * Throughput of arccos over 1024 uniform random cosines in [−1, 1]: {@link FastAngle#acos} vs {@link Math#acos} vs
 * atan2(√((1−c)(1+c)), c), plus {@link FastAngle#acosBranchFree}. Each invocation fills an output array
 * (independent calls, so this is throughput, not latency) which is then sunk into the Blackhole; the score is ns per
 * arccos thanks to {@code @OperationsPerInvocation(N)}. {@code copy} is the loop/store overhead alone.
 *
 * <p>Caveat: the 1024 cosines are replayed every invocation, so the branch predictor learns the |c| ≤ 1/2 pattern
 * and {@code fastAcos}'s one branch is almost free. The {@code *Unpredictable} variants use 65536 cosines, a pattern
 * too long to memorise, i.e. a randomly mispredicted branch half the time.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FastAngleBenchmark {
    static final int N = 1024;

    double[] c;
    double[] out;

    @Setup
    public void setUp() {
        SplittableRandom rnd = new SplittableRandom(42);
        c = new double[N];
        for (int i = 0; i < N; i++) {
            c[i] = rnd.nextDouble(-1, 1);
        }
        out = new double[N];
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public void fastAcos(Blackhole bh) {
        double[] c = this.c;
        double[] out = this.out;
        for (int i = 0; i < N; i++) {
            out[i] = FastAngle.acos(c[i]);
        }
        bh.consume(out);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public void mathAcos(Blackhole bh) {
        double[] c = this.c;
        double[] out = this.out;
        for (int i = 0; i < N; i++) {
            out[i] = Math.acos(c[i]);
        }
        bh.consume(out);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public void atan2(Blackhole bh) {
        double[] c = this.c;
        double[] out = this.out;
        for (int i = 0; i < N; i++) {
            double x = c[i];
            out[i] = Math.atan2(Math.sqrt((1 - x) * (1 + x)), x);
        }
        bh.consume(out);
    }

    /** Sum of the angles: one dependent add per call, closer to how a hot loop accumulates them. */
    @Benchmark
    @OperationsPerInvocation(N)
    public double fastAcosSum() {
        double[] c = this.c;
        double s = 0;
        for (int i = 0; i < N; i++) {
            s += FastAngle.acos(c[i]);
        }
        return s;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public void fastAcosBranchFree(Blackhole bh) {
        double[] c = this.c;
        double[] out = this.out;
        for (int i = 0; i < N; i++) {
            out[i] = FastAngle.acosBranchFree(c[i]);
        }
        bh.consume(out);
    }

    /** 65536 random cosines: the |c| ≤ 1/2 branch pattern cannot be learned by the predictor. */
    @State(Scope.Thread)
    public static class Large {
        static final int M = 1 << 16;
        double[] c;
        double[] out;

        @Setup
        public void setUp() {
            SplittableRandom rnd = new SplittableRandom(43);
            c = new double[M];
            for (int i = 0; i < M; i++) {
                c[i] = rnd.nextDouble(-1, 1);
            }
            out = new double[M];
        }
    }

    @Benchmark
    @OperationsPerInvocation(Large.M)
    public void fastAcosUnpredictable(Large st, Blackhole bh) {
        double[] c = st.c;
        double[] out = st.out;
        for (int i = 0; i < Large.M; i++) {
            out[i] = FastAngle.acos(c[i]);
        }
        bh.consume(out);
    }

    @Benchmark
    @OperationsPerInvocation(Large.M)
    public void fastAcosBranchFreeUnpredictable(Large st, Blackhole bh) {
        double[] c = st.c;
        double[] out = st.out;
        for (int i = 0; i < Large.M; i++) {
            out[i] = FastAngle.acosBranchFree(c[i]);
        }
        bh.consume(out);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public void copy(Blackhole bh) {
        double[] c = this.c;
        double[] out = this.out;
        for (int i = 0; i < N; i++) {
            out[i] = c[i];
        }
        bh.consume(out);
    }
}
