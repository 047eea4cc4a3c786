package io.landscape.impl.compile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.codehaus.commons.compiler.CompileException;
import org.codehaus.janino.ClassBodyEvaluator;
import org.matheclipse.core.interfaces.IExpr;

import io.landscape.api.InvalidFormulaException;
import io.landscape.api.Kernel;
import io.landscape.impl.kernel.KernelCheck;
import io.landscape.impl.kernel.PairKernel;
import io.landscape.impl.symbolic.KernelDerivation;

/**
 * derive (Symja) → print (our {@link JavaPrinter}, CSE over each method's outputs) → compile (Janino) → check
 * ({@link KernelCheck}) → cache.
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
 * The jar and the disk cache are keyed alike, by the kernel's name, formula and {@link #GENERATOR_VERSION} ({@link
 * #key(Kernel)}), so an entry made by another version of the derivation is never used. The cache directory is
 * {@code $LANDSCAPE_CACHE_DIR}, else the system property {@code landscape.cache.dir}, else
 * {@code ~/.cache/landscape}; the property value {@code off} disables it.
 */
public final class KernelCompiler {
    /** Bump whenever the derivation or the printer changes what is generated. */
    public static final int GENERATOR_VERSION = 2;

    private static final System.Logger LOG = System.getLogger(KernelCompiler.class.getName());
    private static final Map<Kernel, PairKernel> CACHE = new ConcurrentHashMap<>();

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
        Path file = cacheFile(kernel);
        PairKernel cached = null;
        if (file != null && Files.isReadable(file)) {
            try {
                cached = compile(kernel, Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException stale) {
                // unreadable or stale cache entry: derive again below
            }
        }
        if (cached != null) {
            KernelCheck.requireValid(kernel, cached);
            return cached;
        }
        LOG.log(System.Logger.Level.INFO, () -> "deriving the " + kernel.name() + " kernel with Symja (first use; "
                + (file == null ? "the disk cache is off, so every new process derives it again" : "cached in "
                + file.getParent()) + ")...");
        long start = System.nanoTime();
        String src = generate(KernelDerivation.derive(kernel));
        PairKernel k = compile(kernel, src);
        KernelCheck.requireValid(kernel, k);
        if (file != null) {
            writeAtomically(file, src);
        }
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
     * names) and a hash of its name, formula and {@link #GENERATOR_VERSION}.
     */
    public static String key(Kernel kernel) {
        return kernel.name().replaceAll("[^A-Za-z0-9_-]", "_") + "-"
                + hash(kernel.name() + "\n" + kernel.formula() + "\n" + GENERATOR_VERSION);
    }

    /** The Java class body implementing {@link PairKernel} for the derived expressions. */
    public static String generate(KernelDerivation.Derived d) {
        StringBuilder sb = new StringBuilder();
        sb.append("// GENERATED by io.landscape.impl.compile.KernelCompiler (generator version ")
                .append(GENERATOR_VERSION).append("). DO NOT MODIFY.\n");
        sb.append("// kernel ").append(d.kernel.name()).append(": ").append(d.kernel.formula().replace('\n', ' '))
                .append("\n// K(r, rho, theta) = ").append(d.kernelExpr).append("\n\n");
        method(sb, "public double value(double r, double rho, double c, double s, double th)", d, List.of("K"), null);
        method(sb, "public void first(double r, double rho, double c, double s, double th, double[] out)", d,
                KernelDerivation.FIRST, "out");
        method(sb, "public void second(double r, double rho, double c, double s, double th, double[] out)", d,
                KernelDerivation.SECOND, "out");
        // self term: a function of r only
        sb.append("public void self(double r, double[] out) {\n");
        JavaPrinter p = new JavaPrinter(Map.of("r", "r"), "    ", "t");
        String[] res = new String[KernelDerivation.SELF.size()];
        for (int i = 0; i < res.length; i++) {
            res[i] = print(d.kernel, p, KernelDerivation.SELF.get(i), d.regular.get(KernelDerivation.SELF.get(i)));
        }
        sb.append(p.statements());
        for (int i = 0; i < res.length; i++) {
            sb.append("    out[").append(i).append("] = ").append(res[i]).append(";\n");
        }
        sb.append("}\n");
        return sb.toString();
    }

    private static void method(StringBuilder sb, String signature, KernelDerivation.Derived d, List<String> names,
                               String out) {
        sb.append(signature).append(" {\n");
        sb.append("    if (s == 0.0) {\n        if (c > 0.0) {\n");
        branch(d.kernel, sb, d.atZero, names, out, "        ", "z", Map.of("r", "r", "rho", "rho"));
        sb.append("        } else {\n");
        branch(d.kernel, sb, d.atPi, names, out, "        ", "p", Map.of("r", "r", "rho", "rho"));
        sb.append("        }\n    }\n");
        branch(d.kernel, sb, d.regular, names, out, "", "t", Map.of("r", "r", "rho", "rho", "theta", "th"));
        sb.append("}\n\n");
    }

    private static void branch(Kernel kernel, StringBuilder sb, Map<String, IExpr> exprs, List<String> names, String out,
                               String extraIndent, String prefix, Map<String, String> symbols) {
        String indent = "    " + extraIndent;
        JavaPrinter p = new JavaPrinter(symbols, indent, prefix);
        String[] res = new String[names.size()];
        for (int i = 0; i < res.length; i++) {
            res[i] = print(kernel, p, names.get(i), exprs.get(names.get(i)));
        }
        sb.append(p.statements());
        if (out == null) {
            sb.append(indent).append("return ").append(res[0]).append(";\n");
        } else {
            for (int i = 0; i < res.length; i++) {
                sb.append(indent).append(out).append('[').append(i).append("] = ").append(res[i]).append(";\n");
            }
            sb.append(indent).append("return;\n");
        }
    }

    private static String print(Kernel kernel, JavaPrinter p, String name, IExpr e) {
        try {
            return p.print(e);
        } catch (UnsupportedOperationException ex) {
            throw new InvalidFormulaException(kernel.formula(), "kernel '" + kernel.name() + "' (formula '"
                    + kernel.formula() + "'): its derivative " + name + " needs " + ex.getMessage() + ", which has "
                    + "no Java translation (translated: + − × /, powers, Pi, E, " + JavaPrinter.FUNCTIONS + ")");
        }
    }

    /** Compiles a class body with Janino; errors quote the generated source. */
    public static PairKernel compile(Kernel kernel, String source) {
        ClassBodyEvaluator cbe = cook(kernel, "io.landscape.generated.Kernel_"
                + kernel.name().replaceAll("[^A-Za-z0-9_]", "_"), source);
        try {
            PairKernel k = (PairKernel) cbe.getClazz().getDeclaredConstructor().newInstance();
            k.describe(kernel.name(), source);
            return k;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot instantiate compiled kernel '" + kernel.name() + "'", e);
        }
    }

    /** Compiles a class body with Janino to class files (binary class name → bytes), for {@link ShippedKernels}. */
    static Map<String, byte[]> bytecode(Kernel kernel, String className, String source) {
        return cook(kernel, className, source).getBytecodes();
    }

    private static ClassBodyEvaluator cook(Kernel kernel, String className, String source) {
        ClassBodyEvaluator cbe = new ClassBodyEvaluator();
        cbe.setExtendedClass(PairKernel.class);
        cbe.setClassName(className);
        cbe.setParentClassLoader(PairKernel.class.getClassLoader());
        try {
            cbe.cook(source);
            return cbe;
        } catch (CompileException e) {
            throw new IllegalStateException("generated source for kernel '" + kernel.name() + "' does not compile: "
                    + e.getMessage() + "\n--- source ---\n" + source, e);
        }
    }

    private static Path cacheFile(Kernel kernel) {
        String dir = System.getenv("LANDSCAPE_CACHE_DIR");
        if (dir == null || dir.isBlank()) {
            dir = System.getProperty("landscape.cache.dir");
        }
        if ("off".equals(dir) || "off".equals(System.getProperty("landscape.cache.dir"))) {
            return null;
        }
        Path base = dir == null || dir.isBlank() ? Paths.get(System.getProperty("user.home"), ".cache", "landscape")
                : Paths.get(dir);
        return base.resolve("kernels").resolve(key(kernel) + ".java");
    }

    private static String hash(String s) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                sb.append(String.format("%02x", h[i]));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void writeAtomically(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), ".kernel", ".tmp");
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            // the cache is an optimisation only; a read-only home must not break evaluation
        }
    }
}
