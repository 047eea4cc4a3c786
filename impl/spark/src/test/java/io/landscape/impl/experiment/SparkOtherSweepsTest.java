package io.landscape.impl.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.landscape.impl.experiment.basin.CurvePoint;
import io.landscape.impl.experiment.basin.InitialBasinExperiment;
import io.landscape.impl.experiment.slowdown.Dynamics;
import io.landscape.impl.experiment.slowdown.Preset;
import io.landscape.impl.experiment.slowdown.SlowdownConfig;
import io.landscape.impl.experiment.slowdown.SlowdownExperiment;
import io.landscape.impl.experiment.slowdown.SlowdownRun;
import io.landscape.impl.spark.SharedSpark;

/**
 * The other sweeps on Spark ({@code local[2]}) equal local threads in every non-timing field: the Monte Carlo of
 * {@code reproduce initial-basin} (success counts of every curve point) and the runs of {@code slowdown} (every
 * recorded loss, potential, end point, exponent and evaluation count).
 */
class SparkOtherSweepsTest {

    @Test
    void theBasinMonteCarloOnSparkEqualsLocalThreads() {
        InitialBasinExperiment.Config config = new InitialBasinExperiment.Config(3, 60, true, 2);
        List<CurvePoint> local = InitialBasinExperiment.run(config, null).points();
        List<CurvePoint> spark = InitialBasinExperiment.run(config, null, SharedSpark.runner()).points();
        assertEquals(local.size(), spark.size());
        for (int i = 0; i < local.size(); i++) {
            CurvePoint a = local.get(i);
            CurvePoint b = spark.get(i);
            assertEquals(a.statement() + a.variant() + a.n() + a.d() + a.m() + a.trials(),
                    b.statement() + b.variant() + b.n() + b.d() + b.m() + b.trials());
            assertEquals(a.successes(), b.successes(), a.statement() + " n = " + a.n());
            assertEquals(Double.doubleToLongBits(a.bound()), Double.doubleToLongBits(b.bound()));
            assertEquals(Double.doubleToLongBits(a.threshold()), Double.doubleToLongBits(b.threshold()));
        }
    }

    @Test
    void slowdownRunsOnSparkEqualLocalThreads() {
        SlowdownConfig config = new SlowdownConfig(List.of(1, 3, 2), 6, 0.1, 0.05, 3000, 9, Preset.GAUSSIAN,
                Dynamics.BOTH, 20);
        SlowdownExperiment.Result local = new SlowdownExperiment().run(config, 2);
        SlowdownExperiment.Result spark = new SlowdownExperiment().run(config, SharedSpark.runner());
        assertSameRuns(local.descentRuns(), spark.descentRuns());
        assertSameRuns(local.flowRuns(), spark.flowRuns());
    }

    private static void assertSameRuns(List<SlowdownRun> a, List<SlowdownRun> b) {
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            SlowdownRun x = a.get(i);
            SlowdownRun y = b.get(i);
            String at = x.dynamics() + " n = " + x.n();
            assertEquals(x.n(), y.n(), at);
            assertEquals(x.dynamics(), y.dynamics(), at);
            assertArrayEquals(x.steps(), y.steps(), at);
            assertArrayEquals(x.times(), y.times(), at);
            assertArrayEquals(x.loss(), y.loss(), at);
            assertArrayEquals(x.potential(), y.potential(), at);
            assertArrayEquals(x.finalPoint(), y.finalPoint(), at);
            assertEquals(Double.doubleToLongBits(x.fittedExponent()), Double.doubleToLongBits(y.fittedExponent()), at);
            assertEquals(x.lossAt(), y.lossAt(), at);
            assertEquals(x.gradientEvaluations(), y.gradientEvaluations(), at);
        }
    }
}
