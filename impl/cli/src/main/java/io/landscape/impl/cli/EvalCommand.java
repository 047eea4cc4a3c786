package io.landscape.impl.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.landscape.api.Kernel;
import io.landscape.api.NotDifferentiableException;
import io.landscape.api.Normalization;
import io.landscape.api.Objective;
import io.landscape.api.Points;
import io.landscape.api.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code landscape eval --teacher SPEC --points FILE [--hessian] [--kernel NAME | --kernel-formula NAME=EXPR]}: F, ∇F
 * (and ∇²F) at every point, one JSON line each: {@code {"id", "value", "gradient": [[n rows of d]], "hessian": [[nd rows
 * of nd]]}} (Hessian index = neuron·d + coordinate), ½ normalisation unless {@code --normalization full}.
 *
 * <p>At a point with a zero student neuron F is defined but not differentiable: the line has the value,
 * {@code "gradient": null} (and {@code "hessian": null}) and the reason in {@code "notDifferentiable"}. A point that
 * cannot be read, or where F cannot be evaluated (e.g. entries so large that F overflows), gets one message on stderr
 * naming the file, line and id; the other points are still evaluated, and the exit code is then 2. Values of F within
 * rounding of 0 but negative are printed as 0 (see {@code FValue}).
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Evaluate F, its gradient and (with --hessian) its Hessian at points read from a file.",
            "One JSON line per point: {\"id\", \"value\", \"gradient\", \"hessian\"}. At a zero student neuron F is "
                    + "defined but not differentiable: \"gradient\" (and \"hessian\") are null and "
                    + "\"notDifferentiable\" says why. F slightly below 0 from rounding (within 4(n+k)²·2⁻⁵²·S, S the "
                    + "sum of the pair terms' magnitudes; built-in kernels) is printed as 0 with the computed value in "
                    + "\"rawValue\". A point that cannot be read or evaluated gets one message on stderr naming its "
                    + "file:line and id; the others are still evaluated, and the exit code is 2."})
public final class EvalCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    PointsInput input;

    @Option(names = "--hessian", description = "Also output the (n·d)×(n·d) Hessian.")
    boolean hessian;

    @Mixin
    KernelOptions kernelOptions;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        double[][] v = input.teacher();
        Kernel kern = kernelOptions.kernel();
        Normalization norm = input.normalization();
        List<PointsReader.Entry> entries = input.entries();
        int failures = 0;
        Objective f = null;
        int fStudents = -1;
        for (PointsReader.Entry e : entries) {
            String bad = PointsReader.problem(e, v[0].length, input.teacher);
            if (bad != null) {
                err.println("landscape eval: " + bad);
                err.flush();
                failures++;
                continue;
            }
            double[][] w = e.neurons;
            if (f == null || fStudents != w.length) {
                f = kernelOptions.objective(Problem.builder().teacher(v).students(w.length).kernel(kern)
                        .normalization(norm).build());
                fStudents = w.length;
            }
            double[] x = Points.flatten(w);
            int d = v[0].length;
            double bound = FValue.roundingBound(w, v, kern, kernelOptions.isFormula(), norm);
            ObjectNode line = Json.object();
            line.put("id", e.id);
            try {
                double[] g = new double[x.length];
                double value;
                String undefined = null;
                try {
                    value = f.valueAndGradient(x, g);
                } catch (NotDifferentiableException nd) {
                    // F itself is defined at a zero neuron (paper 000 Lemma 1); only its derivatives are not
                    value = f.value(x);
                    undefined = nd.getMessage();
                }
                if (!Double.isFinite(value)) {
                    throw new ArithmeticException("F is not finite there (" + value + ")");
                }
                FValue.put(line, "value", value, bound);
                if (undefined == null) {
                    requireFinite(g, "∇F");
                    line.set("gradient", Json.rows(g, d));
                    if (hessian) {
                        double[] h = f.hessian().evaluate(x);
                        requireFinite(h, "∇²F");
                        line.set("hessian", Json.rows(h, x.length));
                    }
                } else {
                    line.putNull("gradient");
                    if (hessian) {
                        line.putNull("hessian");
                    }
                    line.put("notDifferentiable", undefined);
                }
            } catch (InputException ex) {
                throw ex;
            } catch (RuntimeException ex) {
                // one message per point that cannot be evaluated (e.g. F or ∇F overflows); the others still run
                err.println("landscape eval: " + e.where + ": point '" + e.id + "': cannot evaluate F there: "
                        + describe(ex));
                err.flush();
                failures++;
                continue;
            }
            out.println(Json.line(line));
            out.flush();
        }
        return failures == 0 ? 0 : Main.EXIT_INPUT;
    }

    private static void requireFinite(double[] a, String what) {
        for (int i = 0; i < a.length; i++) {
            if (!Double.isFinite(a[i])) {
                throw new ArithmeticException(what + " is not finite there (entry " + i + " is " + a[i] + ")");
            }
        }
    }

    /** A failure's message without the Java class name, or the class name if it has none. */
    static String describe(RuntimeException ex) {
        String m = ex.getMessage();
        return m == null || m.isBlank() ? ex.getClass().getSimpleName() : m;
    }
}
