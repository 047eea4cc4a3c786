package io.landscape.api;

import java.util.Iterator;
import java.util.ServiceLoader;

/**
 * Entry point. Research code compiles against this module only; the implementation (module {@code landscape-impl})
 * is found at run time through {@link ServiceLoader}.
 *
 * <pre>{@code
 * Problem p = Problem.identityTeacher(6, 6, 6);          // v_j = e_j in R^6, six students, ReLU, ½ normalisation
 * Objective f = Landscape.objective(p);
 * double[] w = Points.flatten(neurons);                  // neuron i at w[i*d .. i*d+d-1]
 * double value = f.value(w);
 * double[] grad = f.gradient().evaluate(w);
 * double[] hess = f.hessian().evaluate(w);               // (nd)×(nd), row-major
 * }</pre>
 */
public final class Landscape {
    private static volatile LandscapeProvider provider;

    private Landscape() {
    }

    /**
     * An objective for the problem (one per thread; see {@link Objective}). The first objective of a kernel that is
     * neither built in nor cached derives it with Symja (seconds to a minute, logged at INFO through
     * {@link System.Logger}).
     *
     * @throws InvalidFormulaException if the problem's kernel formula cannot be used, saying why
     */
    public static Objective objective(Problem problem) {
        return provider().objective(problem);
    }

    /** The symbolic formula checker. */
    public static FormulaChecker formulaChecker() {
        return provider().formulaChecker();
    }

    /** The implementation found on the class path. */
    public static LandscapeProvider provider() {
        LandscapeProvider p = provider;
        if (p == null) {
            synchronized (Landscape.class) {
                p = provider;
                if (p == null) {
                    Iterator<LandscapeProvider> it = ServiceLoader.load(LandscapeProvider.class).iterator();
                    if (!it.hasNext()) {
                        throw new IllegalStateException("no landscape implementation on the class path: add the "
                                + "dependency io.landscape:landscape-impl (runtime scope is enough)");
                    }
                    p = it.next();
                    provider = p;
                }
            }
        }
        return p;
    }
}
