package io.landscape.impl.basin;

/**
 * The one place that prepares ojAlgo before its first class loads: ojAlgo prints a hardware-profile notice on
 * standard output at start-up unless the system property {@code shut.up.ojAlgo} is set, and the command line's
 * standard output is JSON. Every class of this package that uses ojAlgo calls {@link #quiet} from its static
 * initialiser.
 */
final class OjAlgoSetup {
    private OjAlgoSetup() {
    }

    /** Sets {@code shut.up.ojAlgo} unless the user has set it. */
    static void quiet() {
        if (System.getProperty("shut.up.ojAlgo") == null) {
            System.setProperty("shut.up.ojAlgo", "true");
        }
    }
}
