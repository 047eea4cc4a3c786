package io.landscape.impl.experiment.slowdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.landscape.impl.objective.SingleTeacherLoss;
import io.landscape.impl.optim.RecordedGradientDescent;

/** Paper 003 Appendix A: the three toy cases and the rates derived there, under GD and gradient flow. */
class SlowdownToyCasesTest {
    private static final double ETA = 0.05;

    private static SlowdownConfig config(Preset preset, List<Integer> ns, long steps, Dynamics dynamics) {
        return new SlowdownConfig(ns, 10, 0.1, ETA, steps, 5, preset, dynamics, 40);
    }

    /**
     * Toy case 1: w_{1,2} = λ₁v ± λ₂v^⊥. Eq. (21)–(22): λ₁ → ½ linearly and λ₂(t+1) ≈ λ₂(1 − (2η/π)λ₂), so
     * λ₂ ≈ π/(2ηT); then θ ≈ 2λ₂ and L = θ³/(6π) + …, i.e. L·(ηT)³ → π²/6 and Z·ηT = 2λ₂·ηT → π. Gradient flow:
     * dλ₂/dt ≈ −(2/π)λ₂², the same limits in t.
     */
    @Test
    void symmetricPairConvergesLikeInverseCube() {
        SlowdownExperiment.Result r = new SlowdownExperiment().run(config(Preset.SYMMETRIC_PAIR, List.of(2),
                200_000, Dynamics.BOTH), 2);
        for (SlowdownRun run : List.of(r.descentRuns().get(0), r.flowRuns().get(0))) {
            String what = run.dynamics();
            double t = run.times()[run.times().length - 1];
            assertTrue(run.fittedExponent() > -3.05 && run.fittedExponent() < -2.95,
                    what + ": fitted exponent " + run.fittedExponent());
            assertEquals(Math.PI, run.finalPotential() * t, 0.01 * Math.PI, what + ": Z·ηT → π");
            assertEquals(Math.PI * Math.PI / 6, run.finalLoss() * t * t * t, 0.01 * Math.PI * Math.PI / 6,
                    what + ": L·(ηT)³ → π²/6");
            double[] w = run.finalPoint();
            int d = 10;
            assertEquals(0.5, w[0], 1e-4, what + ": λ₁ → ½");
            assertEquals(w[0], w[d], 1e-15, what + ": symmetry (along v)");
            assertEquals(w[1], -w[d + 1], 1e-15, what + ": symmetry (along v^⊥)");
            // λ₂ itself: π/(2ηT) to 1 %
            assertEquals(Math.PI / (2 * t), w[1], 0.01 * Math.PI / (2 * t), what + ": λ₂ ~ π/(2ηT)");
        }
    }

    /**
     * Toy case 2: w_i = λ_i v. Then ∇_i = ½(Σw_j − v): s = Σλ_i obeys s − 1 ← (1 − nη/2)(s − 1) under GD and
     * d(s − 1)/dt = −(n/2)(s − 1) under the flow, and L = ¼(s − 1)². So L shrinks by exactly (1 − nη/2)² per step, and
     * like e^{−nt} in flow time; Z stays 0.
     */
    @Test
    void parallelStudentsConvergeLinearlyAtTheExactRate() {
        for (int n : new int[] {2, 4}) {
            SlowdownExperiment.Result r = new SlowdownExperiment().run(config(Preset.PARALLEL, List.of(n), 400,
                    Dynamics.BOTH), 2);
            SlowdownRun gd = r.descentRuns().get(0);
            SlowdownRun flow = r.flowRuns().get(0);
            double perStep = 2 * Math.log(1 - n * ETA / 2);
            checkLinearRate(gd, perStep, 1e-6, "GD n = " + n);
            checkLinearRate(flow, -n * ETA, 1e-5, "flow n = " + n); // integrator tolerance 1e-16 vs Σλ − 1 ~ 1e-9
        }
    }

    private static void checkLinearRate(SlowdownRun run, double logRatePerStep, double tol, String what) {
        int checked = 0;
        for (int i = 1; i < run.steps().length; i++) {
            assertEquals(0.0, run.potential()[i], 0.0, what + ": Z stays 0");
            if (run.loss()[i] < 1e-18) { // below, rounding of Σλ − 1 (~1e-16 absolute) shows in the ratio
                break;
            }
            double rate = Math.log(run.loss()[i] / run.loss()[i - 1]) / (run.steps()[i] - run.steps()[i - 1]);
            assertEquals(logRatePerStep, rate, tol * Math.abs(logRatePerStep), what + " at T = " + run.steps()[i]);
            checked++;
        }
        assertTrue(checked >= 20, what + ": too few points above 1e-18: " + checked);
    }

    /**
     * Toy case 3: all w_i equal. GD on n equal students is GD on one student learning v/n with step nη, and
     * L_n = n²·L₁; both converge linearly (n = 1, 2, 4 all below 10⁻¹⁵ by T = 1000); Z stays 0.
     */
    @Test
    void equalStudentsBehaveLikeOneStudentWithATeacherOfNorm1OverN() {
        for (int n : new int[] {2, 4}) {
            SlowdownConfig c = config(Preset.EQUAL, List.of(n), 1000, Dynamics.GD);
            SlowdownRun run = SlowdownExperiment.runDescent(c, n);
            double[] v = Preset.teacher(10);
            double[] vOverN = v.clone();
            vOverN[0] /= n;
            double[] single = new double[10];
            System.arraycopy(Preset.EQUAL.initialPoint(n, 10, 0.1, 5), 0, single, 0, 10);
            SingleTeacherLoss one = new SingleTeacherLoss(vOverN, 1);
            double[] reference = new double[run.steps().length];
            RecordedGradientDescent.run(one, single, n * ETA, run.steps(), (index, step, value, x) -> reference[index] = value);
            for (int i = 0; i < run.steps().length; i++) {
                assertEquals(0.0, run.potential()[i], 0.0, "Z stays 0");
                if (reference[i] > 1e-20) {
                    assertEquals(n * n * reference[i], run.loss()[i], 1e-9 * run.loss()[i],
                            "n = " + n + ", T = " + run.steps()[i]);
                }
            }
            assertTrue(run.lossAt().get("1000") < 1e-15, "n = " + n + ": linear convergence, L(1000) = "
                    + run.lossAt().get("1000"));
        }
    }
}
