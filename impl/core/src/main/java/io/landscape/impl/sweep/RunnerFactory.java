package io.landscape.impl.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * A runner engine other than local threads, found at run time with {@link ServiceLoader} (a
 * {@code META-INF/services/io.landscape.impl.sweep.RunnerFactory} entry), so that the library and the command line
 * compile and run without it: the {@code landscape-spark} module registers the {@code spark} engine, and the launcher
 * puts it on the class path only when {@code --engine spark} is asked for. Research code that depends on
 * {@code landscape-impl} never sees an engine it did not add itself.
 */
public interface RunnerFactory {

    /** The engine's name as given to {@code --engine} (e.g. {@code spark}). */
    String engine();

    /**
     * A runner on {@code master} (the engine's own notion: for Spark a master URL such as {@code local[2]} or
     * {@code spark://host:7077}; null for the engine's default). The caller closes it.
     *
     * @param application a short name of the sweep (shown by a cluster's user interface)
     * @throws IllegalArgumentException for a master the engine cannot use (one message naming it)
     */
    Runner create(String master, String application);

    /** The factory of {@code engine} on the class path of {@code loader}, or null when there is none. */
    static RunnerFactory find(String engine, ClassLoader loader) {
        for (RunnerFactory f : ServiceLoader.load(RunnerFactory.class, loader)) {
            if (f.engine().equals(engine)) {
                return f;
            }
        }
        return null;
    }

    /** The names of the engines on the class path of {@code loader} (besides {@code local}, which is always there). */
    static List<String> engines(ClassLoader loader) {
        List<String> out = new ArrayList<>();
        for (RunnerFactory f : ServiceLoader.load(RunnerFactory.class, loader)) {
            out.add(f.engine());
        }
        return out;
    }
}
