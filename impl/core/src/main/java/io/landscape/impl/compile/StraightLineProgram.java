package io.landscape.impl.compile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;

/**
 * The CSE stage: expressions become a straight-line program in which every distinct compound subexpression is one
 * temporary, computed once, shared by all the outputs given together (value, gradient and Hessian of one routine share
 * their temporaries). The neutral representation between deriving and printing: it knows nothing of Java.
 *
 * <p>Temporaries are numbered in the order a post-order walk completes them (children before parents, arguments left
 * to right, except {@code ArcTan(x, y)}, whose second argument is visited first because it is printed first as
 * {@code atan2(y, x)}); atoms (numbers, symbols) never become temporaries. The order is part of the generated source
 * and therefore of the cache key ({@link JavaPrinter#VERSION}).
 */
public final class StraightLineProgram {
    /** One temporary: {@code name = node}, where every compound argument of {@code node} is an earlier temporary. */
    public record Binding(String name, IAST node) {
    }

    private final List<Binding> bindings;
    private final Map<IExpr, String> names;
    private final List<IExpr> outputs;

    private StraightLineProgram(List<Binding> bindings, Map<IExpr, String> names, List<IExpr> outputs) {
        this.bindings = Collections.unmodifiableList(bindings);
        this.names = names;
        this.outputs = Collections.unmodifiableList(outputs);
    }

    /**
     * Common-subexpression elimination over all {@code outputs} together.
     *
     * @param prefix name prefix of the temporaries (distinct per branch of one method)
     */
    public static StraightLineProgram of(List<IExpr> outputs, String prefix) {
        List<Binding> bindings = new ArrayList<>();
        Map<IExpr, String> names = new HashMap<>();
        for (IExpr e : outputs) {
            visit(e, prefix, bindings, names);
        }
        return new StraightLineProgram(bindings, names, new ArrayList<>(outputs));
    }

    private static void visit(IExpr e, String prefix, List<Binding> bindings, Map<IExpr, String> names) {
        if (!e.isAST() || names.containsKey(e)) {
            return;
        }
        IAST ast = (IAST) e;
        int n = ast.argSize();
        if (n == 2 && ast.head().toString().equals("ArcTan")) {
            visit(ast.get(2), prefix, bindings, names);
            visit(ast.get(1), prefix, bindings, names);
        } else {
            for (int i = 1; i <= n; i++) {
                visit(ast.get(i), prefix, bindings, names);
            }
        }
        String name = prefix + bindings.size();
        names.put(e, name);
        bindings.add(new Binding(name, ast));
    }

    /** The temporaries, in evaluation order. */
    public List<Binding> bindings() {
        return bindings;
    }

    /** The outputs, in the order given. */
    public List<IExpr> outputs() {
        return outputs;
    }

    /** The temporary holding {@code e}, or null for an atom. */
    public String nameOf(IExpr e) {
        return names.get(e);
    }
}
