package io.landscape.impl.formula;

import java.util.ArrayList;
import java.util.List;

/**
 * A formula reduced to scalars (the output of {@link FormulaReduction}): an outer expression Φ in the scalar
 * parameters {@code xsI}, the constant dot products of parameter vectors {@code xcI}, the global dot products
 * {@code xgI} and the aggregates {@code xaI}; each aggregate a {@code Sum} or {@code Product} over the members of one
 * family of a body in {@code xsI}, {@code xcI} and that family's local dot products {@code xmI} (w[l]·w[l],
 * w[l]·u for parameter vectors u). Everything here — and nothing else — decides the generated code: its
 * {@link #canonical()} text is the cache key's formula part. Dimensions and family sizes are not in it.
 */
final class Reduced {
    /** A reference to a vector: a free vector, a family member by number, the loop's member, or a parameter. */
    record Ref(Kind kind, String vector, int member) {
        enum Kind { FREE, MEMBER, LOOP, PARAMETER }

        String key() {
            return kind.ordinal() + ":" + vector + ":" + member;
        }

        @Override
        public String toString() {
            switch (kind) {
                case MEMBER: return vector + "[" + member + "]";
                case LOOP: return vector + "[l]";
                default: return vector;
            }
        }
    }

    /** A dot product a·b (canonical order). */
    record Atom(Ref a, Ref b) {
        @Override
        public String toString() {
            return a + "." + b;
        }
    }

    /** {@code Sum} or {@code Product} over the members of {@code family} of body number {@code body}. */
    record Aggregate(boolean product, String family, int body) {
    }

    /** A per-member body: its expression and the family whose local dot products it reads. */
    record Body(String family, String expression) {
    }

    final List<String> scalars = new ArrayList<>();
    final List<Atom> constants = new ArrayList<>();
    final List<Atom> globals = new ArrayList<>();
    final List<Aggregate> aggregates = new ArrayList<>();
    final List<Body> bodies = new ArrayList<>();
    /** Families used in loops, in order of first use; index = family number. */
    final List<String> families = new ArrayList<>();
    /** Per family (same index): the partner of its local dot products (the loop member itself, or a parameter). */
    final List<List<Ref>> locals = new ArrayList<>();
    String outer;

    /** Symbols of the outer routine's inputs, in order: scalars, constants, globals, aggregates. */
    List<String> outerInputs() {
        List<String> s = new ArrayList<>();
        for (int i = 0; i < scalars.size(); i++) {
            s.add("xs" + i);
        }
        for (int i = 0; i < constants.size(); i++) {
            s.add("xc" + i);
        }
        for (int i = 0; i < globals.size(); i++) {
            s.add("xg" + i);
        }
        for (int i = 0; i < aggregates.size(); i++) {
            s.add("xa" + i);
        }
        return s;
    }

    /** Symbols the outer routine is differentiated in: globals, then aggregates. */
    List<String> outerVariables() {
        List<String> s = outerInputs();
        return s.subList(scalars.size() + constants.size(), s.size());
    }

    /** Symbols of a body routine's inputs: scalars, constants, its family's locals. */
    List<String> bodyInputs(int body) {
        List<String> s = new ArrayList<>(outerInputs().subList(0, scalars.size() + constants.size()));
        s.addAll(bodyVariables(body));
        return s;
    }

    /** The symbols a body is differentiated in: its family's local dot products. */
    List<String> bodyVariables(int body) {
        int f = families.indexOf(bodies.get(body).family());
        List<String> s = new ArrayList<>();
        for (int i = 0; i < locals.get(f).size(); i++) {
            s.add("xm" + i);
        }
        return s;
    }

    /** Everything that decides the generated code, as text (no dimensions, sizes or values). */
    String canonical() {
        StringBuilder sb = new StringBuilder();
        sb.append("scalars ").append(scalars.size()).append("; constants ").append(constants.size())
                .append("; globals ").append(globals.size()).append('\n');
        sb.append("outer ").append(outer).append('\n');
        for (int i = 0; i < bodies.size(); i++) {
            sb.append("body ").append(i).append(" locals ").append(bodyVariables(i).size()).append(": ")
                    .append(bodies.get(i).expression()).append('\n');
        }
        return sb.toString();
    }
}
