package io.landscape.impl.formula;

/**
 * What the generated class of a formula objective implements (the routines of {@link FormulaCompiler#routines}).
 * Every method is allocation-free: inputs in {@code in}, outputs written from index 0 of {@code out}.
 *
 * <p>Every routine's inputs start with the scalars xs, the constant dot products xc and the hoisted constants xk.
 * Outer routine Φ over the inputs (those, then globals, aggregates), differentiated in the globals and
 * aggregates (n variables): {@code outerFirst} writes Φ, ∂Φ/∂z_0 … ∂Φ/∂z_{n−1}; {@code outerSecond} writes those and
 * then the upper triangle ∂²Φ/∂z_i∂z_j, i ≤ j, row by row. Body routine b over (scalars, constants, its family's
 * local dot products; L variables) alike; all bodies over one family are one routine (selected by the family's
 * number), CSE'd together: they share the family's locals and usually most of their subexpressions.
 *
 * <p>The class may also carry a <em>generated assembly</em> ({@link AssemblyGenerator}): {@link #layout},
 * {@link #assembledValue} and {@link #assembledValueAndGradient}, specialised to the formula's structure. Those hold
 * scratch space, so every evaluating thread has an instance of its own ({@link #fresh}); {@link #assembly()} is null
 * when the class has none and the generic assembly of {@link CompiledFormulaObjective} serves.
 */
public abstract class FormulaRoutines {
    private String source = "";
    private String assemblySource;

    /** The number of hoisted constants xk: subexpressions of scalars and constants only, computed once. */
    public abstract int hoisted();

    /** The hoisted constants from the scalars and constant dot products ({@code in}), written to {@code out}. */
    public abstract void constants(double[] in, double[] out);

    public abstract double outerValue(double[] in);

    public abstract void outerFirst(double[] in, double[] out);

    public abstract void outerSecond(double[] in, double[] out);

    /** The values of every body of family {@code family}, in body order, from its locals ({@code in}). */
    public abstract void familyValue(int family, double[] in, double[] out);

    /** Per body of the family, in body order: f, ∂f/∂xm_0 … ∂f/∂xm_{L−1} (1 + L outputs each). */
    public abstract void familyFirst(int family, double[] in, double[] out);

    /** Per body of the family, in body order: those, then the upper triangle ∂²f/∂xm_i∂xm_j, i ≤ j, row by row. */
    public abstract void familySecond(int family, double[] in, double[] out);

    /** "generated (version N)" when this class carries a generated assembly, else null. */
    public String assembly() {
        return null;
    }

    /**
     * Sizes the generated assembly for one objective: per declared vector (declaration order) the offset of its
     * first block in x, its dimension and member count, a parameter's values; the shared inputs (scalars, constants,
     * hoisted constants) every routine's input starts with. Allocates the scratch space.
     */
    public void layout(int[] offset, int[] dimension, int[] count, double[][] parameter, double[] shared) {
        throw new UnsupportedOperationException("no generated assembly");
    }

    /** The objective's value at x (generated assembly; x checked by the caller). */
    public double assembledValue(double[] x) {
        throw new UnsupportedOperationException("no generated assembly");
    }

    /** The value at x, its gradient written into g (generated assembly; x and g checked by the caller). */
    public double assembledValueAndGradient(double[] x, double[] g) {
        throw new UnsupportedOperationException("no generated assembly");
    }

    /** Another instance of this generated class (scratch space of its own). */
    final FormulaRoutines fresh() {
        try {
            FormulaRoutines f = getClass().getDeclaredConstructor().newInstance();
            f.describe(source);
            f.assemblySource = assemblySource;
            return f;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot instantiate " + getClass().getName(), e);
        }
    }

    /** The generated source. */
    public final String source() {
        return source;
    }

    final void describe(String source) {
        this.source = source;
    }

    /** The generated assembly's source (compiled in this class after the routines), or null. */
    final String assemblySource() {
        return assemblySource;
    }

    final void describeAssembly(String assemblySource) {
        this.assemblySource = assemblySource;
    }
}
