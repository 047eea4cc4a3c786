package io.landscape.api;

import java.util.Iterator;
import java.util.ServiceLoader;

/**
 * Finds the implementation of a service interface of this module ({@link LandscapeProvider},
 * {@link io.landscape.api.empirical.EmpiricalProvider}) on the class path through {@link ServiceLoader}, once per
 * interface: the one lookup behind the facades {@link Landscape} and {@link io.landscape.api.empirical.Empirical}.
 * Research code calls the facades, not this class.
 */
public final class Implementation {
    private static final ClassValue<Object> FOUND = new ClassValue<>() {
        @Override
        protected Object computeValue(Class<?> service) {
            Iterator<?> it = ServiceLoader.load(service).iterator();
            if (!it.hasNext()) {
                // not cached (ClassValue keeps no value when this throws): a later call looks again
                throw new IllegalStateException("no landscape implementation on the class path: add the "
                        + "dependency io.landscape:landscape-impl (runtime scope is enough)");
            }
            return it.next();
        }
    };

    private Implementation() {
    }

    /**
     * The implementation of {@code service} found on the class path (the first one {@link ServiceLoader} lists; the
     * same instance on every call once found).
     *
     * @throws IllegalStateException if there is none: the message says which dependency to add
     */
    public static <T> T of(Class<T> service) {
        return service.cast(FOUND.get(service));
    }
}
