package io.landscape.impl.compile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.landscape.api.Kernel;
import io.landscape.impl.kernel.KernelCheck;
import io.landscape.impl.kernel.PairKernel;
import io.landscape.impl.symbolic.KernelDerivation;

/**
 * The built-in kernels, derived and compiled when landscape is built and shipped in its jar, so that no user waits for
 * Symja for {@link Kernel#relu()}, {@link Kernel#erf()} or {@link Kernel#linear()} (a cold erf derivation takes 40 s
 * or more).
 *
 * <p><b>Build step.</b> {@link #main} runs in the {@code process-classes} phase of {@code impl/core} (exec-maven-plugin,
 * a forked JVM on the module's run-time class path). For each built-in kernel it runs the same pipeline as a run-time
 * derivation — {@link KernelDerivation#derive}, {@link KernelCompiler#generate}, Janino — checks the result with
 * {@link KernelCheck}, and writes into the class output directory
 * <ul>
 *   <li>{@code io/landscape/impl/compile/shipped/KEY.java}: the generated source (what {@link PairKernel#source()}
 *       returns, and what the test {@code ShippedKernelsTest} compares with a fresh derivation), and</li>
 *   <li>the class {@code io.landscape.impl.compile.shipped.Kernel_KEY} compiled from it by Janino,</li>
 * </ul>
 * where KEY is {@link KernelCompiler#key(Kernel)}: the kernel's name and a hash of its name, formula and
 * {@link KernelCompiler#GENERATOR_VERSION} — the key of the disk cache. A kernel whose formula or generator version
 * differs therefore never finds a shipped class, and is derived at run time instead. The step is skipped when a stamp
 * file (in {@code target/}) shows that the derivation's own classes, Symja's and Janino's jars and the keys are
 * unchanged since the last run, so only a clean build pays for the derivation (about a minute).
 *
 * <p><b>Run time.</b> {@link #load} finds the shipped class by key and instantiates it: no Symja, no Janino.
 */
public final class ShippedKernels {
    /** The kernels derived at build time. */
    public static final List<Kernel> BUILT_IN = List.of(Kernel.relu(), Kernel.erf(), Kernel.linear());

    private static final String PACKAGE = "io.landscape.impl.compile.shipped";
    private static final String PATH = PACKAGE.replace('.', '/');

    private ShippedKernels() {
    }

    /** Binary name of the shipped class of {@code kernel}. */
    static String className(Kernel kernel) {
        return PACKAGE + ".Kernel_" + KernelCompiler.key(kernel).replace('-', '_');
    }

    private static String sourceResource(Kernel kernel) {
        return PATH + "/" + KernelCompiler.key(kernel) + ".java";
    }

    /** The shipped generated source of {@code kernel}, or null if none is shipped under its key. */
    public static String source(Kernel kernel) {
        try (InputStream in = ShippedKernels.class.getClassLoader().getResourceAsStream(sourceResource(kernel))) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The shipped compiled evaluator of {@code kernel}, or null if none is shipped under its key (a kernel that is not
     * built in, or whose name, formula or generator version differs, or classes built without the build step, as in
     * some IDEs).
     */
    public static PairKernel load(Kernel kernel) {
        if (!BUILT_IN.contains(kernel)) {
            return null;
        }
        String src = source(kernel);
        if (src == null) {
            return null;
        }
        try {
            Class<?> c = Class.forName(className(kernel), true, ShippedKernels.class.getClassLoader());
            PairKernel k = (PairKernel) c.getDeclaredConstructor().newInstance();
            k.describe(kernel.name(), src);
            return k;
        } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
            return null;
        }
    }

    /**
     * The build step: {@code ShippedKernels OUTPUT_DIRECTORY STAMP_FILE}.
     *
     * @param args the class output directory ({@code target/classes}) and the stamp file
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: ShippedKernels OUTPUT_DIRECTORY STAMP_FILE");
            System.exit(2);
        }
        Path out = Paths.get(args[0]);
        Path stampFile = Paths.get(args[1]);
        Path dir = out.resolve(PATH);
        String stamp = stamp(out);
        if (Files.isRegularFile(stampFile) && Files.readString(stampFile, StandardCharsets.UTF_8).equals(stamp)
                && complete(out)) {
            return;
        }
        silenceSlf4jWarning();
        System.out.println("landscape build: deriving the built-in kernels with Symja (about a minute; only after a "
                + "clean build or a change to the derivation)");
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> old = Files.newDirectoryStream(dir)) {
                for (Path p : old) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
        for (Kernel kernel : BUILT_IN) {
            long start = System.nanoTime();
            String src = KernelCompiler.generate(KernelDerivation.derive(kernel));
            KernelCheck.requireValid(kernel, KernelCompiler.compile(kernel, src));
            for (Map.Entry<String, byte[]> e : KernelCompiler.bytecode(kernel, className(kernel), src).entrySet()) {
                Path file = out.resolve(e.getKey().replace('.', '/') + ".class");
                Files.createDirectories(file.getParent());
                Files.write(file, e.getValue());
            }
            Files.writeString(out.resolve(sourceResource(kernel)), src, StandardCharsets.UTF_8);
            System.out.println(String.format(Locale.ROOT, "landscape build: %s kernel derived and compiled in %.1f s",
                    kernel.name(), (System.nanoTime() - start) / 1e9));
        }
        Files.createDirectories(stampFile.toAbsolutePath().getParent());
        Files.writeString(stampFile, stamp, StandardCharsets.UTF_8);
        System.exit(0); // Symja's threads are daemons, but do not wait for anything
    }

    private static boolean complete(Path out) {
        for (Kernel k : BUILT_IN) {
            if (!Files.isRegularFile(out.resolve(sourceResource(k)))
                    || !Files.isRegularFile(out.resolve(className(k).replace('.', '/') + ".class"))) {
                return false;
            }
        }
        return true;
    }

    /**
     * What decides the shipped kernels besides their keys: the bytes of the derivation's and printer's classes
     * ({@code symbolic}, {@code compile}, {@code PairKernel}) and the jars of Symja and Janino.
     */
    private static String stamp(Path out) throws IOException {
        List<Path> classes = new ArrayList<>();
        for (String pkg : new String[] {"io/landscape/impl/symbolic", "io/landscape/impl/compile"}) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(out.resolve(pkg), "*.class")) {
                ds.forEach(classes::add);
            }
        }
        classes.add(out.resolve("io/landscape/impl/kernel/PairKernel.class"));
        classes.sort(null);
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (Path p : classes) {
            md.update(out.relativize(p).toString().getBytes(StandardCharsets.UTF_8));
            md.update(Files.readAllBytes(p));
        }
        StringBuilder sb = new StringBuilder();
        for (byte b : md.digest()) {
            sb.append(String.format("%02x", b));
        }
        sb.append('\n').append(location(org.matheclipse.core.basic.Config.class)).append('\n')
                .append(location(org.codehaus.janino.ClassBodyEvaluator.class)).append('\n');
        for (Kernel k : BUILT_IN) {
            sb.append(KernelCompiler.key(k)).append('\n');
        }
        return sb.toString();
    }

    private static String location(Class<?> c) {
        java.security.CodeSource cs = c.getProtectionDomain().getCodeSource();
        return cs == null || cs.getLocation() == null ? c.getName() : cs.getLocation().toString();
    }

    /**
     * The build's class path has SLF4J (under Symja's logging) but, rightly for a library, no binding, and SLF4J 1.7
     * says so in three lines on stderr when it starts. They mean nothing here: start it with stderr muted.
     */
    private static void silenceSlf4jWarning() {
        PrintStream err = System.err;
        System.setErr(new PrintStream(OutputStream.nullOutputStream()));
        try {
            Class.forName("org.slf4j.LoggerFactory").getMethod("getILoggerFactory").invoke(null);
        } catch (ReflectiveOperationException | LinkageError ignored) {
            // no SLF4J: nothing to silence
        } finally {
            System.setErr(err);
        }
    }
}
