package example;

import java.util.List;

import io.landscape.api.Certificate;
import io.landscape.api.CertifyOptions;
import io.landscape.api.DescentResult;
import io.landscape.api.DescentSettings;
import io.landscape.api.FormulaCheck;
import io.landscape.api.FormulaChecker;
import io.landscape.api.Kernel;
import io.landscape.api.Landscape;
import io.landscape.api.Objective;
import io.landscape.api.Points;
import io.landscape.api.PolishResult;
import io.landscape.api.Problem;
import io.landscape.api.function.NetworkHessian;

/**
 * Research code that sees only landscape-api: value, gradient, Hessian operator, a formula check, gradient descent,
 * Newton polish and certification.
 */
public final class Research {
    public static void main(String[] args) {
        Problem p = Problem.builder().teacher(new double[][] {{1, 0}, {0, 1}}).students(2).kernel(Kernel.relu()).build();
        Objective f = Landscape.objective(p);
        double[] w = Points.flatten(new double[][] {{0.9, 0.1}, {0.2, 0.8}});
        double[] g = f.gradient(w);
        NetworkHessian h = f.hessianAt(w);
        double[] block = new double[4];
        h.block(0, 0, block);
        FormulaChecker c = Landscape.formulaChecker();
        var x = new FormulaChecker.Vector("x", 2);
        FormulaCheck check = c.gradient("Norm(x)^2", x, "2*x", List.of(x), 5, 1L);
        System.out.println("value " + f.value(w) + " gradient[0] " + g[0] + " hessian[0][0] " + block[0]
                + " formula holds " + check.holds());

        // gradient descent with the Newton finish, then Newton polish, then a certificate (at a global minimum the
        // certifier proves a strict local minimum but refuses "spurious": F is not above inf F = 0)
        DescentResult r = Landscape.descend(f, w, DescentSettings.defaults().withNewtonFinish(true));
        PolishResult polished = Landscape.polish(f, r.point(), 30, 0.0);
        Certificate cert = Landscape.certify(p, polished.point(), CertifyOptions.defaults());
        System.out.println("descent " + r.stop() + " after " + r.totalIterations() + " steps, F = " + r.value()
                + "; polished |grad| = " + polished.gradientNorm() + "; certificate " + cert.verdict() + " ("
                + cert.reason() + ")");
    }
}
