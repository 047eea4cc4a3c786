package io.landscape.impl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.landscape.api.Landscape;
import io.landscape.api.Objective;
import io.landscape.api.Problem;
import io.landscape.impl.linalg.SmallMatrices;

/** {@code descend}: what its help promises (a converged point by default), the search's shortcuts only on request. */
class DescendCommandTest {

    private static JsonNode json(CliRun r) throws Exception {
        return Json.MAPPER.readTree(r.out());
    }

    private static double[] flat(JsonNode rows) {
        int n = rows.size();
        int d = rows.get(0).size();
        double[] x = new double[n * d];
        for (int i = 0; i < n; i++) {
            for (int q = 0; q < d; q++) {
                x[i * d + q] = rows.get(i).get(q).asDouble();
            }
        }
        return x;
    }

    /**
     * The run (identity:10, n = 10, seed 7): the accelerated mode used to stop at BELOW_THRESHOLD with
     * F = 9.9e-4, ‖∇F‖ = 1.2e-2. By default it now reaches --tol like the plain loop, at the same point.
     */
    @Test
    void defaultReachesTheToleranceItsHelpStates() throws Exception {
        CliRun def = CliRun.of("descend", "--teacher", "identity:10", "--n", "10", "--seed", "7");
        CliRun plain = CliRun.of("descend", "--teacher", "identity:10", "--n", "10", "--seed", "7", "--plain");
        assertEquals(0, def.code(), def.err());
        assertEquals(0, plain.code(), plain.err());
        JsonNode d = json(def);
        JsonNode p = json(plain);
        assertEquals("newton", d.get("mode").asText());
        assertEquals("CONVERGED", d.get("stop").asText());
        assertTrue(d.get("converged").asBoolean());
        assertTrue(d.get("maxNeuronGradient").asDouble() <= 1e-9, d.toString());
        assertFalse(d.get("candidate").asBoolean());
        assertTrue(d.get("value").asDouble() < 1e-12, "a global minimum, not the 1e-3 stop: " + d.get("value"));
        assertEquals(p.get("value").asDouble(), d.get("value").asDouble(), 1e-14);
        assertTrue(SmallMatrices.distance(flat(p.get("point")), flat(d.get("point"))) < 1e-8);
        // the reported numbers are those of the reported point (independent evaluator)
        Objective f = io.landscape.impl.objective.Evaluators.general(Problem.identityTeacher(10, 10, 10));
        double[] g = new double[100];
        double value = f.valueAndGradient(flat(d.get("point")), g);
        assertEquals(value, d.get("value").asDouble(), 1e-14);
        assertTrue(io.landscape.impl.optim.GradientDescent.maxNeuronNorm(g, 10) <= 1e-9);
    }

    /** A spurious run ends at the tolerance too (via the Newton finish), at the plain loop's minimum. */
    @Test
    void defaultFinishesSpuriousRunsWithNewtonAtThePlainMinimum() throws Exception {
        // the first seed in 1..20 whose plain run at (8, 8) ends in a spurious minimum (~13 % of runs do)
        JsonNode d = null;
        JsonNode p = null;
        for (long seed = 1; seed <= 20; seed++) {
            String s = Long.toString(seed);
            JsonNode plain = json(CliRun.of("descend", "--teacher", "identity:8", "--n", "8", "--seed", s, "--plain"));
            if (plain.get("candidate").asBoolean()) {
                p = plain;
                d = json(CliRun.of("descend", "--teacher", "identity:8", "--n", "8", "--seed", s));
                break;
            }
        }
        assertTrue(p != null, "no spurious run among seeds 1..20 at (8, 8)");
        assertEquals("NEWTON", d.get("stop").asText());
        assertTrue(d.get("converged").asBoolean());
        assertTrue(d.get("candidate").asBoolean());
        assertTrue(d.get("maxNeuronGradient").asDouble() <= 1e-9);
        assertEquals(p.get("value").asDouble(), d.get("value").asDouble(), 1e-12);
        assertTrue(SmallMatrices.distance(flat(p.get("point")), flat(d.get("point"))) < 1e-6);
        assertTrue(d.get("iterations").asLong() < p.get("iterations").asLong());
    }

    /** The search's early stop only with --search-shortcuts, and then reported as not converged. */
    @Test
    void searchShortcutsAreExplicitAndNotCalledConverged() throws Exception {
        CliRun r = CliRun.of("descend", "--teacher", "identity:10", "--n", "10", "--seed", "7", "--search-shortcuts");
        assertEquals(0, r.code(), r.err());
        JsonNode j = json(r);
        assertEquals("search", j.get("mode").asText());
        assertEquals("BELOW_THRESHOLD", j.get("stop").asText());
        assertFalse(j.get("converged").asBoolean());
        assertTrue(j.get("value").asDouble() < 1e-3);
        CliRun both = CliRun.of("descend", "--teacher", "identity:3", "--n", "3", "--plain", "--search-shortcuts");
        assertEquals(Main.EXIT_INPUT, both.code());
        assertTrue(both.err().contains("--plain") && both.err().contains("--search-shortcuts"), both.err());
    }

    /** --init gaussian:1e300: F overflows at the initial point; refused with one message, nothing on stdout. */
    @Test
    void initialPointWhereFIsNotFiniteIsRefused() {
        CliRun r = CliRun.of("descend", "--teacher", "identity:3", "--n", "3", "--init", "gaussian:1e300");
        assertEquals(Main.EXIT_INPUT, r.code());
        assertEquals("", r.out());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("landscape descend: --init gaussian:1e300"), r.err());
        assertFalse(r.err().contains("NaN") || r.err().contains("Exception"), r.err());
    }

    /** --step 1e308 diverges at every halving: DIVERGED, never "candidate": true, no NaN, exit 2 with a message. */
    @Test
    void divergedRunIsReportedAsSuch() throws Exception {
        CliRun r = CliRun.of("descend", "--teacher", "identity:3", "--n", "3", "--step", "1e308");
        assertEquals(Main.EXIT_INPUT, r.code());
        JsonNode j = json(r);
        assertEquals("DIVERGED", j.get("stop").asText());
        assertTrue(j.get("candidate").isNull(), j.toString());
        assertFalse(j.get("converged").asBoolean());
        assertFalse(r.out().contains("NaN") || r.out().contains("Infinity"), r.out());
        assertTrue(j.get("value").isNumber() || j.get("value").isNull());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("diverged") && r.err().contains("--step"), r.err());
    }

    @Test
    void unknownKernelPointsToKernelFormula() {
        CliRun r = CliRun.of("descend", "--teacher", "identity:3", "--n", "3", "--kernel", "tanh");
        assertEquals(Main.EXIT_INPUT, r.code());
        assertTrue(r.err().contains("--kernel-formula NAME=EXPR"), r.err());
        assertFalse(r.err().contains("Kernel.formula"), "no Java API in a CLI message: " + r.err());
        CliRun both = CliRun.of("descend", "--teacher", "identity:3", "--n", "3", "--kernel", "erf",
                "--kernel-formula", "q=wv^2");
        assertEquals(Main.EXIT_INPUT, both.code());
        CliRun bad = CliRun.of("descend", "--teacher", "identity:3", "--n", "3", "--kernel-formula", "wv^2");
        assertEquals(Main.EXIT_INPUT, bad.code());
        assertTrue(bad.err().contains("NAME=EXPR"), bad.err());
    }

    /** Another kernel through descend: a converged point of that objective (checked with an independent one). */
    @Test
    void otherKernelsDescendToTheTolerance() throws Exception {
        CliRun r = CliRun.of("descend", "--teacher", "identity:2", "--n", "2", "--kernel", "linear", "--seed", "4",
                "--tol", "1e-8");
        assertEquals(0, r.code(), r.err());
        JsonNode j = json(r);
        assertEquals("linear", j.get("kernel").asText());
        assertTrue(j.get("converged").asBoolean(), j.toString());
        Objective f = Landscape.objective(Problem.builder().teacher(io.landscape.api.Problem.identity(2, 2))
                .students(2).kernel(io.landscape.api.Kernel.linear()).build());
        double[] g = new double[4];
        double value = f.valueAndGradient(flat(j.get("point")), g);
        assertEquals(value, j.get("value").asDouble(), 1e-15);
        assertTrue(io.landscape.impl.optim.GradientDescent.maxNeuronNorm(g, 2) <= 1e-8);
    }
}
