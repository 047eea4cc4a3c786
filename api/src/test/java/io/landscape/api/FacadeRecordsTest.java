package io.landscape.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The facade records validate their arguments; a provider without optimizers refuses clearly. */
class FacadeRecordsTest {

    @Test
    void settingsRefuseBadValues() {
        assertThrows(IllegalArgumentException.class, () -> DescentSettings.defaults().withStep(0));
        assertThrows(IllegalArgumentException.class, () -> DescentSettings.defaults().withStep(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> DescentSettings.defaults().withTolerance(-1));
        assertThrows(IllegalArgumentException.class, () -> DescentSettings.defaults().withMaxSteps(0));
        assertThrows(IllegalArgumentException.class, () -> new CertifyOptions(false, 30, 0, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new CertifyOptions(false, 30, 1e-4, 1.0));
        DescentSettings d = DescentSettings.defaults();
        assertEquals(0.1, d.step(), 0.0);
        assertEquals(1e-9, d.tolerance(), 0.0);
        assertFalse(d.newtonFinish());
        assertTrue(d.withNewtonFinish(true).newtonFinish());
    }

    @Test
    void resultsSayWhetherTheyConverged() {
        assertTrue(new DescentResult(new double[0], 0, 0, 0, 0, 1, 0, 0.1, DescentResult.Stop.NEWTON, 0).converged());
        assertFalse(new DescentResult(new double[0], 0, 0, 0, 0, 0, 0, 0.1, DescentResult.Stop.MAX_STEPS, 0)
                .converged());
        assertTrue(new Certificate(Certificate.SPURIOUS, "ok", 1e-6, 0.0047, 1e-13, 1, 0.025, 0.025, true,
                new double[0], 2, 1).certified());
        assertFalse(new Certificate(Certificate.NOT_CERTIFIED, "gradient-norm", Double.NaN, Double.NaN, 1, Double.NaN,
                0.1, Double.NaN, false, new double[0], 0, 1).certified());
    }

    @Test
    void providerWithoutOptimizersRefuses() {
        LandscapeProvider bare = new LandscapeProvider() {
            @Override
            public Objective objective(Problem problem) {
                throw new AssertionError("not called");
            }

            @Override
            public FormulaChecker formulaChecker() {
                throw new AssertionError("not called");
            }
        };
        assertThrows(UnsupportedOperationException.class,
                () -> bare.descend(null, new double[0], DescentSettings.defaults()));
        assertThrows(UnsupportedOperationException.class, () -> bare.polish(null, new double[0], 1, 0));
        assertThrows(UnsupportedOperationException.class,
                () -> bare.certify(null, new double[0], CertifyOptions.defaults()));
    }
}
