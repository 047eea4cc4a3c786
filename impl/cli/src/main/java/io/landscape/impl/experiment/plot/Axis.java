package io.landscape.impl.experiment.plot;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * A linear or base-10 logarithmic axis over [min, max] with its ticks. Logarithmic axes label decades as 10^{e} (real
 * superscripts, with a true minus sign), at most {@link #MAX_LABELS} of them: every decade, or every 2nd, 5th, 10th, …
 * (the others get minor ticks); when at most {@link #MAX_FINE_DECADES} decades are shown, 2·10^e … 9·10^e get minor
 * ticks too, and when fewer than two decades are inside the range, 2·10^e and 5·10^e are labelled as well. Linear axes
 * label 1, 2, 2.5 or 5 times a power of ten, at most {@link #MAX_LINEAR_LABELS} labels, in plain decimals.
 */
public final class Axis {
    /** Upper bound on the number of labelled ticks of a log axis. */
    public static final int MAX_LABELS = 8;
    /** Upper bound on the number of labelled ticks of a linear axis. */
    public static final int MAX_LINEAR_LABELS = 7;
    /** A log axis showing at most this many decades also gets minor ticks at 2…9 × 10^e. */
    public static final int MAX_FINE_DECADES = 6;
    /** The minus sign of labels (U+2212, not a hyphen). */
    public static final String MINUS = "\u2212";

    /** A tick: position, rich-text label (null for a minor tick). */
    public record Tick(double value, String label) {
        public boolean major() {
            return label != null;
        }
    }

    private final boolean log;
    private final double min;
    private final double max;

    private Axis(boolean log, double min, double max) {
        if (!(min < max) || !Double.isFinite(min) || !Double.isFinite(max)) {
            throw new IllegalArgumentException("axis range [" + min + ", " + max + "] is empty or not finite");
        }
        if (log && !(min > 0)) {
            throw new IllegalArgumentException("log axis needs min > 0, got " + min);
        }
        this.log = log;
        this.min = min;
        this.max = max;
    }

    public static Axis linear(double min, double max) {
        return new Axis(false, min, max);
    }

    public static Axis log(double min, double max) {
        return new Axis(true, min, max);
    }

    /** A log axis over whole decades covering [lo, hi] (lo &gt; 0). */
    public static Axis logDecades(double lo, double hi) {
        int e0 = (int) Math.floor(Math.log10(lo) + 1e-9);
        int e1 = (int) Math.ceil(Math.log10(hi) - 1e-9);
        if (e1 <= e0) {
            e1 = e0 + 1;
        }
        return log(Math.pow(10, e0), Math.pow(10, e1));
    }

    public boolean isLog() {
        return log;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    /** Position of {@code v} as a fraction of the axis (0 at min, 1 at max); NaN where undefined (v ≤ 0 on log). */
    public double fraction(double v) {
        if (log) {
            if (!(v > 0)) {
                return Double.NaN;
            }
            return (Math.log10(v) - Math.log10(min)) / (Math.log10(max) - Math.log10(min));
        }
        return (v - min) / (max - min);
    }

    /** Whether {@code v} lies in [min, max] (up to rounding). */
    public boolean contains(double v) {
        double f = fraction(v);
        return f >= -1e-9 && f <= 1 + 1e-9;
    }

    /** Major (labelled) and minor ticks inside [min, max], ascending. */
    public List<Tick> ticks() {
        return log ? logTicks() : linearTicks();
    }

    private List<Tick> logTicks() {
        int e0 = (int) Math.ceil(Math.log10(min) - 1e-9);
        int e1 = (int) Math.floor(Math.log10(max) + 1e-9);
        int decades = e1 - e0 + 1;
        int every = 1;
        for (int m : new int[] {1, 2, 3, 5, 10, 20, 25, 50, 100, 200, 500}) {
            every = m;
            if (labelled(e0, e1, m) <= MAX_LABELS) {
                break;
            }
        }
        List<Tick> out = new ArrayList<>();
        boolean fine = Math.log10(max / min) <= MAX_FINE_DECADES + 1e-9;
        for (int e = e0 - 1; e <= e1; e++) {
            double decade = Math.pow(10, e);
            if (e >= e0) {
                boolean major = Math.floorMod(e, every) == 0;
                if (major) {
                    out.add(new Tick(decade, decadeLabel(e)));
                } else if (every <= 10 || Math.floorMod(e, every / 5) == 0) {
                    out.add(new Tick(decade, null));
                }
            }
            if (fine) {
                // less than two labelled decades: 2·10^e and 5·10^e get labels too
                boolean sparse = labelled(e0, e1, 1) < 2;
                for (int j = 2; j <= 9; j++) {
                    double v = j * decade;
                    if (v >= min * (1 - 1e-12) && v <= max * (1 + 1e-12)) {
                        out.add(new Tick(v, sparse && (j == 2 || j == 5) ? j + "×" + decadeLabel(e) : null));
                    }
                }
            }
        }
        out.sort((a, b) -> Double.compare(a.value(), b.value()));
        return out;
    }

    private static int labelled(int e0, int e1, int every) {
        int c = 0;
        for (int e = e0; e <= e1; e++) {
            if (Math.floorMod(e, every) == 0) {
                c++;
            }
        }
        return c;
    }

    /** "10^{e}" with a true minus sign, e.g. 10^{−4}. */
    public static String decadeLabel(int e) {
        return "10^{" + (e < 0 ? MINUS + (-e) : Integer.toString(e)) + "}";
    }

    private List<Tick> linearTicks() {
        double span = max - min;
        double mag = Math.pow(10, Math.floor(Math.log10(span)));
        double step = mag;
        outer:
        for (double scale : new double[] {0.01, 0.1, 1, 10}) {
            for (double m : new double[] {1, 2, 2.5, 5}) {
                step = m * mag * scale;
                if (span / step <= MAX_LINEAR_LABELS - 1 + 1e-9) {
                    break outer;
                }
            }
        }
        int decimals = Math.max(0, BigDecimal.valueOf(step).stripTrailingZeros().scale());
        List<Tick> out = new ArrayList<>();
        long first = (long) Math.ceil(min / step - 1e-9);
        long last = (long) Math.floor(max / step + 1e-9);
        for (long i = first; i <= last; i++) {
            double v = i * step;
            out.add(new Tick(v, number(v, decimals)));
        }
        return out;
    }

    /** {@code v} with {@code decimals} decimals, a true minus sign, and "0" for zero. */
    public static String number(double v, int decimals) {
        BigDecimal b = BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_EVEN);
        if (b.signum() == 0) {
            return "0";
        }
        String s = b.toPlainString();
        return s.startsWith("-") ? MINUS + s.substring(1) : s;
    }
}
