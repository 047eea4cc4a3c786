package io.landscape.impl.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;

import io.landscape.api.empirical.BasinSolution;
import io.landscape.api.empirical.DataSet;
import io.landscape.api.empirical.Empirical;
import io.landscape.api.empirical.EmpiricalProblem;
import io.landscape.api.empirical.Loss;
import io.landscape.impl.experiment.JsonCodec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code landscape basin --data FILE --point FILE [--loss squared|cross-entropy] [--bias]}: the basin value of paper
 * 001 (Def. 2) at one point — the minimum of the empirical loss over the activation cell containing the point, with
 * its minimiser and KKT certificate. Prints one JSON object {@code {loss, basinValue, minimizer: {neurons,
 * outputWeights}, kktResidual, cell: {activations, signs}, method, iterations}}.
 */
@Command(name = "basin", mixinStandardHelpOptions = true,
        description = {"Basin value (paper 001): the minimum of the empirical loss over the activation cell of a point.",
            "Data: CSV, one example per row, features then target. Point: JSON {\"neurons\": [[...]], "
                    + "\"outputWeights\": [...]}."})
public final class BasinCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE",
            description = "Training set: CSV rows x_1,…,x_d,y (cross-entropy: y is the label 0 or 1).")
    Path data;

    @Option(names = "--point", required = true, paramLabel = "FILE",
            description = "The point: JSON {\"neurons\": [[w_1], …, [w_n]], \"outputWeights\": [v_1, …, v_n]}.")
    Path point;

    @Option(names = "--loss", defaultValue = "squared", paramLabel = "squared|cross-entropy",
            description = "Loss: squared (p − y)², no ½ (default), or cross-entropy (logits (0, p)).")
    String loss;

    @Option(names = "--bias", description = "Append a constant feature 1 to every example (x ↦ (x, 1)).")
    boolean bias;

    @Override
    public Integer call() {
        Loss l;
        try {
            l = Loss.parse(loss);
        } catch (IllegalArgumentException e) {
            throw new InputException("--loss: " + e.getMessage());
        }
        DataSet s = DataSetReader.read(data, l, bias);
        double[][] w;
        double[] v;
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(Files.readString(point));
        } catch (NoSuchFileException e) {
            throw new InputException(point + ": no such file");
        } catch (IOException e) {
            throw new InputException(point + ": not valid JSON: " + e.getMessage().split("\n")[0]);
        }
        if (root == null || !root.isObject()) {
            throw new InputException(point + ": expected a JSON object {\"neurons\": [[...]], \"outputWeights\": [...]}");
        }
        w = matrix(root.get("neurons"), "neurons");
        v = vector(root.get("outputWeights"), "outputWeights");
        int d = s.dimension();
        for (int i = 0; i < w.length; i++) {
            if (w[i].length != d) {
                throw new InputException(point + ": neurons[" + i + "] has " + w[i].length + " entries, the data has d = "
                        + d + (bias ? " (with the bias feature)" : "") + " features");
            }
        }
        if (v.length != w.length) {
            throw new InputException(point + ": " + w.length + " neurons but " + v.length + " output weights");
        }
        int n = w.length;
        double[] x = new double[n * d + n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(w[i], 0, x, i * d, d);
            x[n * d + i] = v[i];
        }
        EmpiricalProblem problem = new EmpiricalProblem(s, l, n);
        BasinSolution sol = Empirical.basinSolver().solve(problem, x);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println(Json.line(JsonCodec.basinSolution(sol, n, d)));
        stdout.flush();
        return 0;
    }

    private double[][] matrix(JsonNode node, String field) {
        if (node == null || !node.isArray() || node.size() == 0) {
            throw new InputException(point + ": \"" + field + "\" must be a non-empty array of arrays of numbers");
        }
        double[][] out = new double[node.size()][];
        for (int i = 0; i < node.size(); i++) {
            out[i] = vector(node.get(i), field + "[" + i + "]");
        }
        return out;
    }

    private double[] vector(JsonNode node, String field) {
        if (node == null || !node.isArray() || node.size() == 0) {
            throw new InputException(point + ": \"" + field + "\" must be a non-empty array of numbers");
        }
        double[] out = new double[node.size()];
        for (int i = 0; i < node.size(); i++) {
            JsonNode e = node.get(i);
            if (!e.isNumber() || !Double.isFinite(e.asDouble())) {
                throw new InputException(point + ": " + field + "[" + i + "] is " + e + ", expected a finite number");
            }
            out[i] = e.asDouble();
        }
        return out;
    }
}
