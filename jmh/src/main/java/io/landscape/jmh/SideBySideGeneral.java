package io.landscape.jmh;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Random;

/**
 * Two builds of the general evaluator side by side <em>in one JVM</em>, for a loaded machine: each jar (e.g. main's
 * {@code benchmarks.jar} and this one) gets a class loader of its own, the same problem and point are built in each
 * ({@code VectorPairwiseObjective.create(problem, compiled ReLU)}), and blocks of ≈ 50 ms of thread CPU time alternate
 * between them, best of 15 each, after a warm-up of each. Prints CPU µs per value and gradient, the ratio to the
 * first jar, and whether F and ∇F have the same bits. Separate JVMs run one after the other differed by up to 30 % at
 * load ≈ 8 on 2 cores; interleaved like this, repeats agree to a few per cent.
 *
 * <p>Usage: {@code java --add-modules jdk.incubator.vector -cp jmh/target/benchmarks.jar
 * io.landscape.jmh.SideBySideGeneral OLD.jar NEW.jar [sizes...]}; a size {@code s} is the identity teacher
 * k = n = d = s, {@code rS} a random teacher (Gaussian rows, weights 1 + 0.3·N(0, 1)); the point is x ~ N(0, 1/s),
 * seed 1 (as {@link CpuTimeGeneral}). {@code -Dwarmup.ms} (default 4000) per jar and size.
 *
 * <p>A run favours the jar it runs first at small sizes (the same jar twice read 0.99–1.14 at k = n = d = 6 and 20):
 * {@code jmh/side-by-side.sh OLD.jar NEW.jar RUNS sizes...} runs it RUNS times in alternating order and prints the
 * median ratio per size.
 */
public final class SideBySideGeneral {
    private static final ThreadMXBean BEAN = ManagementFactory.getThreadMXBean();
    private static double sink;

    private SideBySideGeneral() {
    }

    /** One jar's evaluator at one size: x, g and valueAndGradient as a method handle (Object, double[], double[])double. */
    private record Eval(Object f, MethodHandle vg, double[] x, double[] g) {
        double run() throws Throwable {
            return (double) vg.invokeExact(f, x, g);
        }

        long hash() throws Throwable {
            long h = Double.doubleToRawLongBits(run());
            for (double gi : g) {
                h = h * 31 + Double.doubleToRawLongBits(gi);
            }
            return h;
        }
    }

    private static Eval build(ClassLoader cl, String spec) throws Exception {
        boolean general = spec.startsWith("r");
        int size = Integer.parseInt(general ? spec.substring(1) : spec);
        Random rnd = new Random(1);
        Class<?> problemClass = cl.loadClass("io.landscape.api.Problem");
        Object problem;
        if (general) {
            double[][] v = new double[size][size];
            for (double[] row : v) {
                for (int q = 0; q < size; q++) {
                    row[q] = rnd.nextGaussian();
                }
            }
            double[] b = new double[size];
            double[] a = new double[size];
            for (int l = 0; l < size; l++) {
                b[l] = 1 + 0.3 * rnd.nextGaussian();
            }
            for (int i = 0; i < size; i++) {
                a[i] = 1 + 0.3 * rnd.nextGaussian();
            }
            Object builder = problemClass.getMethod("builder").invoke(null);
            Class<?> bc = builder.getClass();
            bc.getMethod("teacher", double[][].class).invoke(builder, (Object) v);
            bc.getMethod("teacherWeights", double[].class).invoke(builder, (Object) b);
            bc.getMethod("studentWeights", double[].class).invoke(builder, (Object) a);
            bc.getMethod("students", int.class).invoke(builder, size);
            problem = bc.getMethod("build").invoke(builder);
        } else {
            problem = problemClass.getMethod("identityTeacher", int.class, int.class, int.class)
                    .invoke(null, size, size, size);
        }
        double[] x = new double[size * size];
        for (int i = 0; i < x.length; i++) {
            x[i] = rnd.nextGaussian() / Math.sqrt(size);
        }
        Object relu = cl.loadClass("io.landscape.api.Kernel").getMethod("relu").invoke(null);
        Class<?> kernelClass = cl.loadClass("io.landscape.api.Kernel");
        Object compiled = cl.loadClass("io.landscape.impl.compile.KernelCompiler").getMethod("compiled", kernelClass)
                .invoke(null, relu);
        Class<?> pairKernel = cl.loadClass("io.landscape.impl.kernel.PairKernel");
        Method create = cl.loadClass("io.landscape.impl.objective.VectorPairwiseObjective")
                .getMethod("create", problemClass, pairKernel);
        Object f = create.invoke(null, problem, compiled);
        Class<?> objective = cl.loadClass("io.landscape.api.Objective");
        MethodHandle vg = MethodHandles.publicLookup()
                .findVirtual(objective, "valueAndGradient",
                        MethodType.methodType(double.class, double[].class, double[].class))
                .asType(MethodType.methodType(double.class, Object.class, double[].class, double[].class));
        return new Eval(f, vg, x, new double[x.length]);
    }

    private static double block(Eval e, int reps) throws Throwable {
        long t0 = BEAN.getCurrentThreadCpuTime();
        for (int r = 0; r < reps; r++) {
            sink += e.run();
        }
        return (BEAN.getCurrentThreadCpuTime() - t0) / 1e3 / reps;
    }

    public static void main(String[] args) throws Throwable {
        if (args.length < 3) {
            System.err.println("usage: SideBySideGeneral OLD.jar NEW.jar SIZE... (SIZE: 20, or r20 for a random teacher)");
            System.exit(2);
        }
        ClassLoader[] loaders = new ClassLoader[2];
        for (int v = 0; v < 2; v++) {
            loaders[v] = new URLClassLoader(new URL[] {Path.of(args[v]).toUri().toURL()},
                    ClassLoader.getPlatformClassLoader());
        }
        long warm = Long.getLong("warmup.ms", 4000) * 1_000_000L;
        System.out.println("size   first jar (CPU µs)   second jar   ratio   same bits");
        for (int t = 2; t < args.length; t++) {
            Eval[] e = {build(loaders[0], args[t]), build(loaders[1], args[t])};
            int reps = 1;
            for (Eval ev : e) {
                long t0 = BEAN.getCurrentThreadCpuTime();
                int calls = 0;
                while (BEAN.getCurrentThreadCpuTime() - t0 < warm) {
                    sink += ev.run();
                    calls++;
                }
                reps = (int) Math.max(1, 0.05e9 / ((double) warm / calls));
            }
            double[] best = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
            for (int b = 0; b < 15; b++) {
                for (int v = 0; v < 2; v++) {
                    best[v] = Math.min(best[v], block(e[v], reps));
                }
            }
            System.out.printf("%-6s %12.3f %16.3f %8.3f   %b%n", args[t], best[0], best[1], best[1] / best[0],
                    e[0].hash() == e[1].hash());
        }
        if (sink == 42.4242) {
            System.out.print("");
        }
    }
}
