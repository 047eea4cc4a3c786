package io.landscape.impl.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

import io.landscape.api.Kernel;

/** A derivation (a kernel neither shipped nor cached) says so through System.Logger, once, at INFO. */
class DerivationLogTest {

    @Test
    void aDerivationIsLoggedAtInfo() {
        Logger jul = Logger.getLogger(KernelCompiler.class.getName()); // System.Logger's default back end
        List<LogRecord> records = new ArrayList<>();
        Handler h = new Handler() {
            @Override
            public void publish(LogRecord r) {
                records.add(r);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        jul.addHandler(h);
        String before = System.getProperty("landscape.cache.dir");
        System.setProperty("landscape.cache.dir", "off");
        try {
            // σ(z) = z + c z²: a new formula every run, so neither shipped nor cached
            double c = 0.001 * (1 + (System.nanoTime() & 1023));
            // plain decimal: Java's "6.76E-4" would read in Symja as 6.76·e − 4 (Euler's number), a kernel that is not PSD
            String cc = String.format(java.util.Locale.ROOT, "%.9f", c * c);
            Kernel k = Kernel.formula("logged", "wv + " + cc + "*(ww*vv + 2*wv^2)");
            KernelCompiler.compiled(k);
            KernelCompiler.compiled(k); // memory cache: no second message
        } finally {
            jul.removeHandler(h);
            if (before == null) {
                System.clearProperty("landscape.cache.dir");
            } else {
                System.setProperty("landscape.cache.dir", before);
            }
        }
        List<String> info = new ArrayList<>();
        for (LogRecord r : records) {
            if (r.getLevel().intValue() >= Level.INFO.intValue()) {
                info.add(r.getMessage());
            }
        }
        assertEquals(1, info.size(), info.toString());
        assertTrue(info.get(0).startsWith("deriving the logged kernel with Symja (first use; the disk cache is off"),
                info.get(0));
    }
}
