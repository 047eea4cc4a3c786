package io.landscape.impl.formula;

/**
 * What the generated class of a formula objective implements (the routines of {@link FormulaCompiler#routines}).
 * Every method is allocation-free: inputs in {@code in}, outputs written from index 0 of {@code out}.
 *
 * <p>Every routine's inputs start with the scalars xs, the constant dot products xc and the hoisted constants xk.
 * Outer routine Φ over the inputs (those, then globals, aggregates), differentiated in the globals and
 * aggregates (n variables): {@code outerFirst} writes Φ, ∂Φ/∂z_0 … ∂Φ/∂z_{n−1}; {@code outerSecond} writes those and
 * then the upper triangle ∂²Φ/∂z_i∂z_j, i ≤ j, row by row. Body routine b over (scalars, constants, its family's
 * local dot products; L variables) alike, selected by number.
 */
public abstract class FormulaRoutines {
    private String source = "";

    /** The number of hoisted constants xk: subexpressions of scalars and constants only, computed once. */
    public abstract int hoisted();

    /** The hoisted constants from the scalars and constant dot products ({@code in}), written to {@code out}. */
    public abstract void constants(double[] in, double[] out);

    public abstract double outerValue(double[] in);

    public abstract void outerFirst(double[] in, double[] out);

    public abstract void outerSecond(double[] in, double[] out);

    public abstract double bodyValue(int body, double[] in);

    public abstract void bodyFirst(int body, double[] in, double[] out);

    public abstract void bodySecond(int body, double[] in, double[] out);

    /** The generated source. */
    public final String source() {
        return source;
    }

    final void describe(String source) {
        this.source = source;
    }
}
