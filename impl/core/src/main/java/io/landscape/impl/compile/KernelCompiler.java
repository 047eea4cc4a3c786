package io.landscape.impl.compile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.matheclipse.core.interfaces.IExpr;

import io.landscape.api.InvalidFormulaException;
import io.landscape.api.Kernel;
import io.landscape.impl.kernel.KernelCheck;
import io.landscape.impl.kernel.PairKernel;
import io.landscape.impl.symbolic.KernelDerivation;

/**
 * The pair-kernel pipeline, assembled from the stages of this package: derive ({@link KernelDerivation}, Symja) →
 * CSE ({@link StraightLineProgram}) → print ({@link JavaPrinter}) → routines ({@link #ROUTINES}: {@code value},
 * {@code first}, {@code second}, {@code self}) → compile ({@link JaninoCompiler}) → check ({@link KernelCheck}) →
 * cache ({@link CodeCache}).
 *
 * <p>Where a kernel comes from, in order:
 * <ol>
 *   <li>memory: one compiled evaluator per {@link Kernel} per process (lock-free after the first load);</li>
 *   <li>the jar: the built-in kernels ({@link Kernel#relu()}, {@link Kernel#erf()}, {@link Kernel#linear()}) are
 *       derived and compiled when landscape itself is built, and shipped as classes ({@link ShippedKernels});</li>
 *   <li>the disk cache: generated source, compiled again with Janino;</li>
 *   <li>a derivation with Symja (seconds to a minute), logged at INFO through {@link System.Logger} (logger
 *       {@code io.landscape.impl.compile.KernelCompiler}), then written to the disk cache.</li>
 * </ol>
 * The jar and the disk cache are keyed alike ({@link #key(Kernel)}): the kernel's name, formula,
 * {@link #GENERATOR_VERSION} (the derivation), {@link JavaPrinter#VERSION} (CSE and printing) and the signatures of the
 * routines, so an entry made by another version of any stage is never used. The cache directory is
 * {@code $LANDSCAPE_CACHE_DIR}, else the system property {@code landscape.cache.dir}, else
 * {@code ~/.cache/landscape}; the property value {@code off} disables it.
 */
public final class KernelCompiler {
    /** Bump whenever the derivation changes what is generated (printer changes bump {@link JavaPrinter#VERSION}). */
    public static final int GENERATOR_VERSION = 2;

    private static final List<Routine.Parameter> PAIR = List.of(Routine.Parameter.scalar("r"),
            Routine.Parameter.scalar("rho"), Routine.Parameter.scalar("c"), Routine.Parameter.scalar("s"),
            Routine.Parameter.scalar("th"));
    /** The routines of a {@link PairKernel}, in the order they are generated. */
    public static final List<Routine> ROUTINES = List.of(
            Routine.returning("value", PAIR, "K"),
            Routine.toArray("first", PAIR, KernelDerivation.FIRST),
            Routine.toArray("second", PAIR, KernelDerivation.SECOND),
            Routine.toArray("self", List.of(Routine.Parameter.scalar("r")), KernelDerivation.SELF));

    private static final System.Logger LOG = System.getLogger(KernelCompiler.class.getName());
    private static final Map<Kernel, PairKernel> CACHE = new ConcurrentHashMap<>();
    private static final CodeCache DISK = new CodeCache("kernels");

    private KernelCompiler() {
    }

    /**
     * The compiled evaluator for {@code kernel} (loaded or derived on first use, then cached).
     *
     * @throws io.landscape.api.InvalidFormulaException if the formula cannot be used, saying why
     */
    public static PairKernel compiled(Kernel kernel) {
        PairKernel k = CACHE.get(kernel);
        if (k != null) {
            return k;
        }
        synchronized (CACHE) {
            return CACHE.computeIfAbsent(kernel, KernelCompiler::load);
        }
    }

    private static PairKernel load(Kernel kernel) {
        PairKernel shipped = ShippedKernels.load(kernel);
        if (shipped != null) {
            KernelCheck.requireValid(kernel, shipped);
            return shipped;
        }
        String key = key(kernel);
        String cachedSource = DISK.read(key);
        PairKernel cached = null;
        if (cachedSource != null) {
            try {
                cached = compile(kernel, cachedSource);
            } catch (RuntimeException stale) {
                // stale cache entry: derive again below
            }
        }
        if (cached != null) {
            KernelCheck.requireValid(kernel, cached);
            return cached;
        }
        Path file = DISK.file(key);
        LOG.log(System.Logger.Level.INFO, () -> "deriving the " + kernel.name() + " kernel with Symja (first use; "
                + (file == null ? "the disk cache is off, so every new process derives it again" : "cached in "
                + file.getParent()) + ")...");
        long start = System.nanoTime();
        String src = generate(KernelDerivation.derive(kernel));
        PairKernel k = compile(kernel, src);
        KernelCheck.requireValid(kernel, k);
        DISK.write(key, src);
        LOG.log(System.Logger.Level.DEBUG, () -> String.format(java.util.Locale.ROOT, "derived the %s kernel in %.1f s",
                kernel.name(), (System.nanoTime() - start) / 1e9));
        return k;
    }

    /**
     * Derives, compiles and checks without touching any cache or the shipped kernels (used by tests and benchmarks
     * of the pipeline itself).
     */
    public static PairKernel compileFresh(Kernel kernel) {
        PairKernel k = compile(kernel, generate(KernelDerivation.derive(kernel)));
        KernelCheck.requireValid(kernel, k);
        return k;
    }

    /**
     * The key of a kernel in the disk cache and among the shipped kernels: its name (made safe for file and class
     * names) and a hash of its name, formula, {@link #GENERATOR_VERSION}, {@link JavaPrinter#VERSION} and
     * {@link #ROUTINES}.
     */
    public static String key(Kernel kernel) {
        List<String> parts = new ArrayList<>(List.of("pair kernel", kernel.name(), kernel.formula(),
                "derivation " + GENERATOR_VERSION, "printer " + JavaPrinter.VERSION));
        for (Routine r : ROUTINES) {
            parts.add(r.describe());
        }
        return CodeCache.key(kernel.name(), parts);
    }

    /** The Java class body implementing {@link PairKernel} for the derived expressions. */
    public static String generate(KernelDerivation.Derived d) {
        StringBuilder sb = new StringBuilder();
        sb.append("// GENERATED by io.landscape.impl.compile.KernelCompiler (generator version ")
                .append(GENERATOR_VERSION).append("). DO NOT MODIFY.\n");
        sb.append("// kernel ").append(d.kernel.name()).append(": ").append(d.kernel.formula().replace('\n', ' '))
                .append("\n// K(r, rho, theta) = ").append(d.kernelExpr).append("\n\n");
        for (int i = 0; i < 3; i++) {
            pairMethod(sb, ROUTINES.get(i), d);
        }
        // self term: a function of r only
        Routine self = ROUTINES.get(3);
        sb.append(self.signature()).append(" {\n");
        branch(d.kernel, sb, self, d.regular, "    ", "t", Map.of("r", "r"), false);
        sb.append("}\n");
        return sb.toString();
    }

    /** A routine of (r, rho, c, s, th) with the branch for s = 0 (θ = 0 or π) first. */
    private static void pairMethod(StringBuilder sb, Routine routine, KernelDerivation.Derived d) {
        sb.append(routine.signature()).append(" {\n");
        sb.append("    if (s == 0.0) {\n        if (c > 0.0) {\n");
        branch(d.kernel, sb, routine, d.atZero, "            ", "z", Map.of("r", "r", "rho", "rho"), true);
        sb.append("        } else {\n");
        branch(d.kernel, sb, routine, d.atPi, "            ", "p", Map.of("r", "r", "rho", "rho"), true);
        sb.append("        }\n    }\n");
        branch(d.kernel, sb, routine, d.regular, "    ", "t", Map.of("r", "r", "rho", "rho", "theta", "th"), true);
        sb.append("}\n\n");
    }

    private static void branch(Kernel kernel, StringBuilder sb, Routine routine, Map<String, IExpr> exprs,
                               String indent, String prefix, Map<String, String> symbols, boolean endWithReturn) {
        List<IExpr> list = new ArrayList<>();
        for (String name : routine.outputs()) {
            list.add(exprs.get(name));
        }
        try {
            routine.branch(sb, list, symbols, indent, prefix, endWithReturn);
        } catch (Routine.UntranslatableException ex) {
            throw new InvalidFormulaException(kernel.formula(), "kernel '" + kernel.name() + "' (formula '"
                    + kernel.formula() + "'): its derivative " + ex.output() + " needs " + ex.getMessage()
                    + ", which has no Java translation (translated: + − × /, powers, Pi, E, " + JavaPrinter.FUNCTIONS
                    + ")");
        }
    }

    /** Compiles a class body with Janino; errors quote the generated source. */
    public static PairKernel compile(Kernel kernel, String source) {
        PairKernel k = JaninoCompiler.instantiate(PairKernel.class, "io.landscape.generated.Kernel_"
                + kernel.name().replaceAll("[^A-Za-z0-9_]", "_"), source, "kernel '" + kernel.name() + "'");
        k.describe(kernel.name(), source);
        return k;
    }

    /** Compiles a class body with Janino to class files (binary class name → bytes), for {@link ShippedKernels}. */
    static Map<String, byte[]> bytecode(Kernel kernel, String className, String source) {
        return JaninoCompiler.bytecode(PairKernel.class, className, source, "kernel '" + kernel.name() + "'");
    }
}
