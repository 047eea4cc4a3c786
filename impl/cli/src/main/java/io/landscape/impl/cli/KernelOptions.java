package io.landscape.impl.cli;

import java.util.Locale;

import io.landscape.api.Kernel;
import io.landscape.api.Landscape;
import io.landscape.api.Objective;
import io.landscape.api.Problem;
import picocli.CommandLine.Option;

/**
 * The kernel options shared by {@code eval} and {@code descend}: {@code --kernel relu|erf|linear} or
 * {@code --kernel-formula NAME=EXPR} for any other activation's kernel κ(w, v) = E[σ(w·x)σ(v·x)], x ~ N(0, I).
 */
public final class KernelOptions {
    @Option(names = "--kernel", paramLabel = "NAME",
            description = "Activation kernel: relu (default), erf or linear. For another activation give its kernel "
                    + "with --kernel-formula.")
    String kernel;

    @Option(names = "--kernel-formula", paramLabel = "NAME=EXPR",
            description = "The kernel κ(w, v) = E[σ(w·x)σ(v·x)] of another activation, as a formula in r = ‖w‖, "
                    + "rho = ‖v‖, theta = angle(w, v) (or ww = w·w, vv = v·v, wv = w·v), Symja syntax, e.g. "
                    + "quad=wv^2 or lin=r*rho*Cos(theta). It must be symmetric in w and v and positive "
                    + "semi-definite. NAME (letters, digits, '-', '_') labels it in messages and in the kernel cache. "
                    + "The first use derives its derivatives symbolically (seconds to a minute).")
    String formula;

    /** The chosen kernel (ReLU by default); bad options are an {@link InputException} naming the option. */
    Kernel kernel() {
        if (kernel != null && formula != null) {
            throw new InputException("--kernel and --kernel-formula: give only one of them");
        }
        if (formula != null) {
            int eq = formula.indexOf('=');
            String name = eq < 0 ? "" : formula.substring(0, eq).trim();
            String expr = eq < 0 ? "" : formula.substring(eq + 1).trim();
            if (name.isEmpty() || expr.isEmpty()) {
                throw new InputException("--kernel-formula " + formula + ": expected NAME=EXPR, e.g. quad=wv^2");
            }
            if (!name.matches("[A-Za-z0-9_-]+")) {
                throw new InputException("--kernel-formula " + formula + ": the name '" + name
                        + "' may contain only letters, digits, '-' and '_'");
            }
            if (isBuiltIn(name)) {
                throw new InputException("--kernel-formula " + formula + ": '" + name + "' is a built-in kernel; "
                        + "use --kernel " + name + " or another name");
            }
            return Kernel.formula(name, expr);
        }
        if (kernel == null) {
            return Kernel.relu();
        }
        if (!isBuiltIn(kernel)) {
            throw new InputException("--kernel " + kernel + ": unknown kernel; built in are relu, erf and linear. "
                    + "For another activation give its kernel's formula: --kernel-formula NAME=EXPR (see --help)");
        }
        return Kernel.named(kernel);
    }

    private static boolean isBuiltIn(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        return n.equals("relu") || n.equals("erf") || n.equals("linear");
    }

    /** Whether the kernel came from {@code --kernel-formula} (no closed-form bound on κ(w, w) is known then). */
    boolean isFormula() {
        return formula != null;
    }

    /**
     * The objective of {@code problem}; with {@code --kernel-formula}, a formula that cannot be derived or evaluated
     * is the user's input and reported as such, naming the option.
     */
    Objective objective(Problem problem) {
        if (formula == null) {
            return Landscape.objective(problem);
        }
        try {
            return Landscape.objective(problem);
        } catch (InputException e) {
            throw e;
        } catch (RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage().replaceAll("\\s*\\R\\s*", " ").strip();
            throw new InputException("--kernel-formula " + formula + ": cannot use this kernel: " + why, e);
        }
    }
}
