package io.landscape.jmh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.landscape.api.Objective;
import io.landscape.api.Problem;
import io.landscape.impl.objective.EvaluatorParameters;
import io.landscape.impl.objective.Evaluators;
import io.landscape.impl.optim.GradientDescent;
import io.landscape.impl.optim.Initialization;
import io.landscape.impl.optim.NewtonFinish;
import io.landscape.impl.optim.RestartPolicy;
import io.landscape.impl.optim.StopRule;
import io.landscape.impl.optim.UpdateStep;
import io.landscape.impl.overparam.ReluLandscape;

/**
 * Whole census runs (paper 000 §4.2) in thread CPU time, plain loop and accelerated (matrix-free Newton finish with
 * its ball certificate above k² = 600) from the same Xavier starts as {@code reproduce mild-overparameterization}
 * (run r of seed S: {@code Initialization.runSeed(S, r)}, entries N(0, 1/k)) — the configurations of
 * {@code experiment.overparam.Census.config}, rebuilt here from the core pieces because this module does not see the
 * CLI. Prints one line per run and mode; with {@code -Ddump=DIR} writes each start as {@code DIR/start-k<k>-r<r>.json}
 * for {@code jmh/numpy/overparam_gd.py}.
 *
 * <p>Usage: {@code nice java --add-modules jdk.incubator.vector -cp jmh/target/benchmarks.jar
 * io.landscape.jmh.CensusRunCpuTime K[,K...] RUNS [SEED] [plain|fast|both]}
 */
public final class CensusRunCpuTime {
    /** Gradient level of the first hand-over (-Dswitch, default 1e-6 as the census). */
    static final double SWITCH = Double.parseDouble(System.getProperty("switch", "1e-6"));

    private CensusRunCpuTime() {
    }

    static GradientDescent.Config config(int k, boolean plain) {
        StopRule stop = StopRule.anyOf(StopRule.divergence(GradientDescent.DIVERGENCE),
                StopRule.gradientTolerance(1e-12));
        GradientDescent.Config c = new GradientDescent.Config(5.0 / k, 1e-12, 20_000_000L, UpdateStep.FIXED, stop,
                RestartPolicy.HALVING, null, false);
        if (plain) {
            return c;
        }
        if (k * k <= GradientDescent.DEFAULT_NEWTON_MAX_DIMENSION) {
            return c.withNewton(new NewtonFinish.Options(1e-4, 1e-2, GradientDescent.DEFAULT_NEWTON_MAX_DIMENSION,
                    Double.NEGATIVE_INFINITY));
        }
        ReluLandscape land = ReluLandscape.identityTeacher(k, k, k);
        return new GradientDescent.Config(c.step(), c.tol(), c.maxSteps(), c.update(), c.stop(), c.restart(),
                NewtonFinish.Options.matrixFree(SWITCH, 1e-2, land::hessianLipschitz), false);
    }

    public static void main(String[] args) throws IOException {
        String[] ks = args[0].split(",");
        int runs = Integer.parseInt(args[1]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 2017;
        String mode = args.length > 3 ? args[3] : "both";
        String dump = System.getProperty("dump");
        System.out.println("k run mode stop steps newton cpu_s F gradNorm normSum reason");
        for (String ksText : ks) {
            int k = Integer.parseInt(ksText.trim());
            Objective f = Evaluators.select(Problem.identityTeacher(k, k, k),
                    EvaluatorParameters.defaults().withPlainValue(true));
            GradientDescent gd = new GradientDescent(f, k * k);
            for (int r = 0; r < runs; r++) {
                double[] x0 = Initialization.xavier(k).sample(Initialization.runSeed(seed, r), k, k);
                if (dump != null) {
                    StringBuilder sb = new StringBuilder("[");
                    for (int i = 0; i < x0.length; i++) {
                        sb.append(i == 0 ? "" : ",").append(x0[i]);
                    }
                    Files.writeString(Path.of(dump, "start-k" + k + "-r" + r + ".json"), sb.append("]").toString());
                }
                double[] plainEnd = null;
                for (String m : new String[] {"plain", "fast"}) {
                    if (!mode.equals("both") && !mode.equals(m)) {
                        continue;
                    }
                    GradientDescent.Result res = gd.run(x0, config(k, m.equals("plain")));
                    String reason = gd.matrixFreeFinish() == null ? "-" : gd.matrixFreeFinish().lastReason();
                    String extra = "";
                    if (m.equals("plain")) {
                        plainEnd = res.point();
                    } else if (plainEnd != null) {
                        double s = 0;
                        for (int i = 0; i < plainEnd.length; i++) {
                            s += (plainEnd[i] - res.point()[i]) * (plainEnd[i] - res.point()[i]);
                        }
                        extra = String.format(" dist_to_plain=%.2e", Math.sqrt(s));
                        if (gd.matrixFreeFinish() != null) {
                            double[] c = gd.matrixFreeFinish().lastCertificate();
                            extra += String.format(" products=%d thetaMin=%.3e thetaMax=%.3f rho=%.2e B=%.1f",
                                    gd.matrixFreeFinish().lastProducts(), c[0], c[1], c[2], c[3]);
                        }
                    }
                    double ns = 0;
                    for (int i = 0; i < k; i++) {
                        double q = 0;
                        for (int c = 0; c < k; c++) {
                            q += res.point()[i * k + c] * res.point()[i * k + c];
                        }
                        ns += Math.sqrt(q);
                    }
                    System.out.printf("%d %d %s %s %d %d %.4f %.15g %.2e %.10f %s%s%n", k, r, m, res.stop(),
                            res.totalIterations(), res.newtonSteps(), res.cpuSeconds(), res.value(),
                            res.gradientNorm(), ns, reason.isEmpty() ? "accepted" : "\"" + reason + "\"", extra);
                }
            }
        }
    }
}
