package io.landscape.impl.compile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.matheclipse.core.interfaces.IExpr;

/**
 * The routine stage: a signature object — the name of a generated method, its inputs (scalars, or arrays with a
 * length) and its outputs — and the code that turns derived expressions into that method's body through the CSE and
 * print stages. A new kernel shape is a new {@code Routine}, not a compiler edit.
 *
 * <p>Outputs are returned ({@link Result#RETURN}, exactly one output) or written in order into an output array
 * ({@link Result#ARRAY}, the last parameter, {@code out[0..n-1]}). The signature {@link #describe() in words} is part
 * of the cache key of every class that contains the routine.
 */
public final class Routine {
    /** The shape of one parameter. */
    public enum Shape { SCALAR, ARRAY }

    /** How a routine hands back its outputs. */
    public enum Result { RETURN, ARRAY }

    /** One parameter of the generated method; {@code length} is the array length the caller guarantees. */
    public record Parameter(String name, Shape shape, int length) {
        public static Parameter scalar(String name) {
            return new Parameter(name, Shape.SCALAR, 1);
        }

        public static Parameter array(String name, int length) {
            return new Parameter(name, Shape.ARRAY, length);
        }

        String java() {
            return (shape == Shape.SCALAR ? "double " : "double[] ") + name;
        }
    }

    private final String name;
    private final List<Parameter> inputs;
    private final List<String> outputs;
    private final Result result;
    private final String outName;

    /**
     * @param name    the method name
     * @param inputs  the input parameters, in order
     * @param outputs the names of the outputs (documentation and messages), in the order they are written
     * @param result  how outputs are handed back; {@link Result#RETURN} needs exactly one output
     * @param outName name of the output array parameter (for {@link Result#ARRAY})
     */
    public Routine(String name, List<Parameter> inputs, List<String> outputs, Result result, String outName) {
        if (result == Result.RETURN && outputs.size() != 1) {
            throw new IllegalArgumentException("routine " + name + " returns one value, has " + outputs.size());
        }
        this.name = name;
        this.inputs = Collections.unmodifiableList(new ArrayList<>(inputs));
        this.outputs = Collections.unmodifiableList(new ArrayList<>(outputs));
        this.result = result;
        this.outName = outName;
    }

    /** A routine writing {@code outputs} into {@code out}. */
    public static Routine toArray(String name, List<Parameter> inputs, List<String> outputs) {
        return new Routine(name, inputs, outputs, Result.ARRAY, "out");
    }

    /** A routine returning its single output. */
    public static Routine returning(String name, List<Parameter> inputs, String output) {
        return new Routine(name, inputs, List.of(output), Result.RETURN, null);
    }

    public String name() {
        return name;
    }

    public List<Parameter> inputs() {
        return inputs;
    }

    public List<String> outputs() {
        return outputs;
    }

    /** The Java method header, e.g. {@code public double value(double r, double rho)}. */
    public String signature() {
        StringBuilder sb = new StringBuilder("public ").append(result == Result.RETURN ? "double " : "void ")
                .append(name).append('(');
        for (int i = 0; i < inputs.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(inputs.get(i).java());
        }
        if (result == Result.ARRAY) {
            sb.append(inputs.isEmpty() ? "" : ", ").append("double[] ").append(outName);
        }
        return sb.append(')').toString();
    }

    /** The signature and outputs in one line: part of the cache key. */
    public String describe() {
        StringBuilder sb = new StringBuilder(signature()).append(" -> ").append(outputs);
        for (Parameter p : inputs) {
            if (p.shape() == Shape.ARRAY) {
                sb.append(' ').append(p.name()).append('[').append(p.length()).append(']');
            }
        }
        return sb.toString();
    }

    /**
     * Appends one branch of the body: the CSE'd statements for {@code exprs} (one per output, in order) at
     * {@code indent}, then the return or the writes to the output array (followed by {@code return;} if
     * {@code endWithReturn}: a branch that is not the method's last).
     *
     * @param symbols Symja symbol → Java expression for the inputs
     * @param prefix  name prefix of this branch's temporaries
     * @throws UnsupportedOperationException from the printer, naming a construct it cannot translate; the message
     *                                       says which output needed it ({@link #failedOutput})
     */
    public void branch(StringBuilder sb, List<IExpr> exprs, Map<String, String> symbols, String indent,
                       String prefix, boolean endWithReturn) {
        branch(sb, exprs, symbols, indent, prefix, endWithReturn, 0);
    }

    /**
     * As {@link #branch(StringBuilder, List, Map, String, String, boolean)}, writing output i to
     * {@code out[firstIndex + i]} (one part of a routine split into several methods).
     */
    public void branch(StringBuilder sb, List<IExpr> exprs, Map<String, String> symbols, String indent,
                       String prefix, boolean endWithReturn, int firstIndex) {
        if (exprs.size() != outputs.size()) {
            throw new IllegalArgumentException("routine " + name + ": " + exprs.size() + " expressions for "
                    + outputs.size() + " outputs");
        }
        JavaPrinter.Printed p = printEach(exprs, symbols, indent, prefix);
        sb.append(p.statements());
        if (result == Result.RETURN) {
            sb.append(indent).append("return ").append(p.outputs().get(0)).append(";\n");
        } else {
            for (int i = 0; i < outputs.size(); i++) {
                sb.append(indent).append(outName).append('[').append(firstIndex + i).append("] = ").append(p.outputs().get(i))
                        .append(";\n");
            }
            if (endWithReturn) {
                sb.append(indent).append("return;\n");
            }
        }
    }

    /** Thrown by {@link #branch} when the printer refuses a construct: says which output needed it. */
    public static final class UntranslatableException extends UnsupportedOperationException {
        private static final long serialVersionUID = 1L;
        private final String output;

        UntranslatableException(String output, String construct) {
            super(construct);
            this.output = output;
        }

        /** The name of the output whose expression contains the construct. */
        public String output() {
            return output;
        }
    }

    private JavaPrinter.Printed printEach(List<IExpr> exprs, Map<String, String> symbols, String indent,
                                          String prefix) {
        StraightLineProgram program = StraightLineProgram.of(exprs, prefix);
        try {
            return new JavaPrinter(symbols).print(program, indent);
        } catch (UnsupportedOperationException e) {
            // find the first output that cannot be printed on its own, to name it
            for (int i = 0; i < exprs.size(); i++) {
                try {
                    new JavaPrinter(symbols).print(StraightLineProgram.of(List.of(exprs.get(i)), prefix), indent);
                } catch (UnsupportedOperationException one) {
                    throw new UntranslatableException(outputs.get(i), one.getMessage());
                }
            }
            throw e;
        }
    }
}
