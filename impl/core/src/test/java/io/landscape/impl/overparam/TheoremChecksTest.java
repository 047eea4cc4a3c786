package io.landscape.impl.overparam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Paper 000's theorems as executable checks; the exact numbers the issue names are asserted here too. */
class TheoremChecksTest {
    @Test
    void everyCheckPasses() {
        List<TheoremChecks.Check> checks = TheoremChecks.all();
        System.out.println(TheoremChecks.markdown(checks));
        assertTrue(checks.size() >= 11);
        for (TheoremChecks.Check c : checks) {
            assertTrue(c.passed(), c.id() + ": " + c.evidence());
        }
    }

    @Test
    void theorem2BoundIsAttainedExactly() {
        assertEquals(0.0908450569081046, TheoremChecks.THM2_BOUND, 1e-16);
        for (int k = 2; k <= 6; k++) {
            ReluLandscape land = ReluLandscape.identityTeacher(k, k, k);
            assertEquals(TheoremChecks.THM2_BOUND, TheoremChecks.lambdaMin(land, TheoremChecks.identityPoint(k, k)),
                    1e-14);
        }
    }

    @Test
    void theorem3GivesMinus0758Epsilon() {
        ReluLandscape land = ReluLandscape.identityTeacher(2, 3, 3);
        double eps = 1e-4;
        double[] x = {0.3, 0, 0.3 * eps, 0.7, 0, 0.7 * eps, 0, 1, 0};
        assertEquals(-0.758, TheoremChecks.lambdaMin(land, x) / eps, 5e-4);
    }

    @Test
    void lemma10RefutationIsComputedNotAssumed() {
        // k = 2: F decreases from the origin in every sampled direction (a strict local maximum)
        ReluLandscape land = ReluLandscape.identityTeacher(2, 2, 1);
        double f0 = land.value(new double[2]);
        for (double ang = 0; ang < 2 * Math.PI; ang += 0.01) {
            double t = 0.05;
            assertTrue(land.value(new double[] {t * Math.cos(ang), t * Math.sin(ang)}) < f0, "angle " + ang);
        }
        // k = 1: −v₁ raises F
        ReluLandscape one = ReluLandscape.identityTeacher(1, 1, 1);
        assertTrue(one.value(new double[] {-0.01}) > one.value(new double[] {0.0}));
    }
}
