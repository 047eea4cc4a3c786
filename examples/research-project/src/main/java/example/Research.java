package example;

import java.util.List;

import io.landscape.api.FormulaCheck;
import io.landscape.api.FormulaChecker;
import io.landscape.api.Kernel;
import io.landscape.api.Landscape;
import io.landscape.api.Objective;
import io.landscape.api.Points;
import io.landscape.api.Problem;
import io.landscape.api.function.NetworkHessian;

/** Research code that sees only landscape-api: value, gradient, Hessian operator and a formula check. */
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
    }
}
