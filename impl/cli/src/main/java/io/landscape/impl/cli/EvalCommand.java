package io.landscape.impl.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.landscape.api.Kernel;
import io.landscape.api.Landscape;
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
 * {@code landscape eval --teacher SPEC --points FILE [--hessian]}: F, ∇F (and ∇²F) at every point, one JSON line each:
 * {@code {"id", "value", "gradient": [[n rows of d]], "hessian": [[nd rows of nd]]}} (Hessian index =
 * neuron·d + coordinate), ½ normalisation unless {@code --normalization full}.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate F, its gradient and (with --hessian) its Hessian at points read from a file.")
public final class EvalCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    PointsInput input;


    @Option(names = "--hessian", description = "Also output the (n·d)×(n·d) Hessian.")
    boolean hessian;

    @Option(names = "--kernel", defaultValue = "relu", paramLabel = "NAME",
            description = "Activation kernel: relu (default), erf or linear.")
    String kernel;


    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        double[][] v = input.teacher();
        Kernel kern = Kernel.named(kernel);
        Normalization norm = input.normalization();
        List<PointsReader.Entry> entries = input.entries();
        int failures = 0;
        Objective f = null;
        int fStudents = -1;
        for (PointsReader.Entry e : entries) {
            String bad = PointsReader.problem(e, v[0].length, input.teacher);
            if (bad != null) {
                err.println("landscape eval: " + bad);
                failures++;
                continue;
            }
            double[][] w = e.neurons;
            if (f == null || fStudents != w.length) {
                f = Landscape.objective(Problem.builder().teacher(v).students(w.length).kernel(kern)
                        .normalization(norm).build());
                fStudents = w.length;
            }
            double[] x = Points.flatten(w);
            int d = v[0].length;
            ObjectNode line = Json.object();
            line.put("id", e.id);
            try {
                double[] g = new double[x.length];
                double value = f.valueAndGradient(x, g);
                line.put("value", value);
                line.set("gradient", Json.rows(g, d));
                if (hessian) {
                    line.set("hessian", Json.rows(f.hessian().evaluate(x), x.length));
                }
            } catch (NotDifferentiableException ex) {
                err.println("landscape eval: " + e.where + ": point '" + e.id + "': " + ex.getMessage());
                failures++;
                continue;
            }
            out.println(Json.line(line));
            out.flush();
        }
        return failures == 0 ? 0 : Main.EXIT_INPUT;
    }
}
