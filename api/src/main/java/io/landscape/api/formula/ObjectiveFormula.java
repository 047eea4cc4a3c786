package io.landscape.api.formula;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.landscape.api.InvalidFormulaException;
import io.landscape.api.Landscape;

/**
 * A closed-form objective written as a Symja formula over named vectors, to be derived and compiled into value,
 * gradient and Hessian ({@link Landscape#symbolicObjective(ObjectiveFormula)}). Immutable; made with {@link #builder}.
 *
 * <h2>What a formula may say</h2>
 * <ul>
 *   <li><b>Free vectors</b> (the variables, in declaration order in the point x): {@link Builder#vector(String, int)}
 *       one vector; {@link Builder#vectors(String, int, int)} a family w[1] … w[k] of k vectors (fully connected: each
 *       its own block of x); {@link Builder#sharedVectors(String, int, int)} a family whose k members are one and the
 *       same free vector (weight sharing: x holds it once).</li>
 *   <li><b>Parameters</b>: vectors with fixed values ({@link Builder#parameter(String, double...)}) and scalars
 *       ({@link Builder#scalar(String, double)}); scalars are inputs of the compiled code, so other values reuse the
 *       same compiled objective.</li>
 *   <li><b>Vector algebra</b>: vectors enter only through dot products: {@code a.b} or {@code Dot(a, b)}, and
 *       {@code Norm(a)} = √(a·a); the arguments may be linear combinations ({@code Norm(w - u0)^2},
 *       {@code (w[1] - 2*u0).u0}), expanded bilinearly.</li>
 *   <li><b>Loops over a family</b>: {@code Sum(body, {l, 1, k})} and {@code Product(body, {l, 1, k})}, where the body
 *       refers to the member as {@code w[l]} and k is the family's size (a literal or a scalar parameter with that
 *       value). Every dot product in the body must involve {@code w[l]} or only parameters. A member may also be named
 *       by its number outside loops: {@code w[1]}.</li>
 *   <li><b>Helper functions</b>: {@link Builder#define(String, String)}, e.g. {@code define("V(a, b)",
 *       "2/Pi*ArcSin(2*a.b/Sqrt((1+2*a.a)*(1+2*b.b)))")}; their arguments may be vectors or numbers.</li>
 *   <li>Scalar functions and constants of Symja (capitalised: {@code Sin, Exp, ArcSin, Sqrt, Pi, E, …}).</li>
 * </ul>
 * Because vectors appear only through dot products, the generated code does not depend on the dimension or on the
 * number of family members: a {@code Product} over k members is compiled once as a per-member routine and combined
 * by a loop (product rule by prefix/suffix products), never expanded — F^(k) for k = 2, 5, 10 shares one derivation.
 *
 * <p>Example (paper 004, F^(k) with fully connected first layer):
 * <pre>{@code
 * ObjectiveFormula f = ObjectiveFormula.builder("F_k")
 *     .vectors("w", k, d).parameter("u0", u0)
 *     .define("V(a, b)", "2/Pi*ArcSin(2*a.b/Sqrt((1+2*a.a)*(1+2*b.b)))")
 *     .formula("(Product(V(w[l], w[l]), {l, 1, k}) - 2*Product(V(w[l], u0), {l, 1, k}) + V(u0, u0)^k)/2")
 *     .scalar("k", k).build();
 * }</pre>
 */
public final class ObjectiveFormula {
    /** How a declared vector enters the point x. */
    public enum VectorKind {
        /** one free vector: one block of x. */
        FREE,
        /** a family of free vectors w[1..k]: k blocks of x. */
        FAMILY,
        /** a family whose members are one free vector: one block of x. */
        SHARED_FAMILY,
        /** a fixed vector: not in x. */
        PARAMETER
    }

    /** One declared vector (or family). */
    public record Vector(String name, VectorKind kind, int count, int dimension, double[] values) {
        public Vector {
            values = values == null ? null : values.clone();
        }

        @Override
        public double[] values() {
            return values == null ? null : values.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Vector v && v.name.equals(name) && v.kind == kind && v.count == count
                    && v.dimension == dimension && Arrays.equals(v.values, values);
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, kind, count, dimension, Arrays.hashCode(values));
        }
    }

    /** A helper function {@code name(arguments) = body}. */
    public record Definition(String name, List<String> arguments, String body) {
        public Definition {
            arguments = List.copyOf(arguments);
        }
    }

    private final String name;
    private final String formula;
    private final List<Vector> vectors;
    private final Map<String, Double> scalars;
    private final List<Definition> definitions;

    private ObjectiveFormula(Builder b) {
        this.name = b.name;
        this.formula = b.formula;
        this.vectors = Collections.unmodifiableList(new ArrayList<>(b.vectors.values()));
        this.scalars = Collections.unmodifiableMap(new LinkedHashMap<>(b.scalars));
        this.definitions = Collections.unmodifiableList(new ArrayList<>(b.definitions));
    }

    /** A builder for an objective called {@code name} (used in messages and cache keys). */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    public String name() {
        return name;
    }

    /** The formula as written. */
    public String formula() {
        return formula;
    }

    /** The declared vectors, free ones in the order of their blocks in x. */
    public List<Vector> vectors() {
        return vectors;
    }

    /** Scalar parameters, name → value, in declaration order. */
    public Map<String, Double> scalars() {
        return scalars;
    }

    public List<Definition> definitions() {
        return definitions;
    }

    /** The number of entries of the point x: the dimensions of the free blocks, in declaration order. */
    public int dimension() {
        int m = 0;
        for (Vector v : vectors) {
            m += v.kind() == VectorKind.FAMILY ? v.count() * v.dimension()
                    : v.kind() == VectorKind.PARAMETER ? 0 : v.dimension();
        }
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ObjectiveFormula f && f.name.equals(name) && f.formula.equals(formula)
                && f.vectors.equals(vectors) && f.scalars.equals(scalars) && f.definitions.equals(definitions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, formula, vectors, scalars, definitions);
    }

    @Override
    public String toString() {
        return "ObjectiveFormula[" + name + ": " + formula + "]";
    }

    /** Declares the parts of an {@link ObjectiveFormula}; every argument is checked where it is given. */
    public static final class Builder {
        private final String name;
        private String formula;
        private final Map<String, Vector> vectors = new LinkedHashMap<>();
        private final Map<String, Double> scalars = new LinkedHashMap<>();
        private final List<Definition> definitions = new ArrayList<>();

        private Builder(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("objective name must not be " + (name == null ? "null" : "blank"));
            }
            this.name = name;
        }

        /** The objective, a Symja expression (see {@link ObjectiveFormula}). */
        public Builder formula(String formula) {
            if (formula == null || formula.isBlank()) {
                throw new InvalidFormulaException(formula, "objective '" + name + "': formula must not be "
                        + (formula == null ? "null" : "blank"));
            }
            this.formula = formula;
            return this;
        }

        /** A free vector of dimension {@code dimension}: the next block of x. */
        public Builder vector(String name, int dimension) {
            return add(new Vector(name, VectorKind.FREE, 1, positive(name, "dimension", dimension), null));
        }

        /** A family {@code name[1..count]} of free vectors, each its own block of x (fully connected). */
        public Builder vectors(String name, int count, int dimension) {
            return add(new Vector(name, VectorKind.FAMILY, positive(name, "count", count),
                    positive(name, "dimension", dimension), null));
        }

        /** A family {@code name[1..count]} whose members are all the same free vector, one block of x (shared). */
        public Builder sharedVectors(String name, int count, int dimension) {
            return add(new Vector(name, VectorKind.SHARED_FAMILY, positive(name, "count", count),
                    positive(name, "dimension", dimension), null));
        }

        /** A fixed vector (copied). */
        public Builder parameter(String name, double... values) {
            if (values == null || values.length == 0) {
                throw new IllegalArgumentException("objective '" + this.name + "': parameter vector '" + name
                        + "' needs at least one entry");
            }
            for (int i = 0; i < values.length; i++) {
                if (!Double.isFinite(values[i])) {
                    throw new IllegalArgumentException("objective '" + this.name + "': parameter vector '" + name
                            + "' has a non-finite entry " + values[i] + " at index " + i);
                }
            }
            return add(new Vector(name, VectorKind.PARAMETER, 1, values.length, values));
        }

        /** A scalar parameter. */
        public Builder scalar(String name, double value) {
            checkName(name);
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("objective '" + this.name + "': scalar '" + name
                        + "' must be finite, got " + value);
            }
            if (vectors.containsKey(name) || scalars.containsKey(name)) {
                throw new IllegalArgumentException("objective '" + this.name + "': '" + name + "' is declared twice");
            }
            scalars.put(name, value);
            return this;
        }

        /**
         * A helper function, e.g. {@code define("V(a, b)", "2/Pi*ArcSin(2*a.b/Sqrt((1+2*a.a)*(1+2*b.b)))")}; its
         * arguments are bound to what the caller passes (vectors or numbers).
         */
        public Builder define(String head, String body) {
            java.util.regex.Matcher m = java.util.regex.Pattern
                    .compile("\\s*([A-Za-z][A-Za-z0-9]*)\\s*\\(\\s*([A-Za-z][A-Za-z0-9]*(\\s*,\\s*[A-Za-z][A-Za-z0-9]*)*)\\s*\\)\\s*")
                    .matcher(head == null ? "" : head);
            if (!m.matches()) {
                throw new InvalidFormulaException(head, "objective '" + name + "': a definition's head must look like "
                        + "'V(a, b)', got '" + head + "'");
            }
            if (body == null || body.isBlank()) {
                throw new InvalidFormulaException(body, "objective '" + name + "': definition '" + head
                        + "' has an empty body");
            }
            List<String> args = new ArrayList<>();
            for (String a : m.group(2).split(",")) {
                args.add(a.trim());
            }
            definitions.add(new Definition(m.group(1), args, body));
            return this;
        }

        public ObjectiveFormula build() {
            if (formula == null) {
                throw new IllegalStateException("objective '" + name + "': no formula given");
            }
            boolean free = false;
            for (Vector v : vectors.values()) {
                free |= v.kind() != VectorKind.PARAMETER;
            }
            if (!free) {
                throw new IllegalStateException("objective '" + name + "': declare at least one free vector");
            }
            return new ObjectiveFormula(this);
        }

        private Builder add(Vector v) {
            checkName(v.name());
            if (vectors.containsKey(v.name()) || scalars.containsKey(v.name())) {
                throw new IllegalArgumentException("objective '" + name + "': '" + v.name() + "' is declared twice");
            }
            vectors.put(v.name(), v);
            return this;
        }

        private void checkName(String n) {
            if (n == null || !n.matches("[A-Za-z][A-Za-z0-9]*")) {
                throw new IllegalArgumentException("objective '" + name + "': name '" + n + "' must be letters and "
                        + "digits, starting with a letter");
            }
        }

        private int positive(String vector, String what, int n) {
            if (n < 1) {
                throw new IllegalArgumentException("objective '" + name + "': " + what + " of '" + vector
                        + "' must be at least 1, got " + n);
            }
            return n;
        }
    }
}
